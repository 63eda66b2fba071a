// A classic script in <head>, not a module: it must run before first paint, so that a reader's chosen theme
// never flashes the other one. A file, not inline, because the pages' Content-Security-Policy allows no inline script.
// The choice is kept in localStorage (src/scripts/site.ts writes it), which every page of the hosted site shares. From
// disk, Firefox gives each file a localStorage of its own, and clears window.name from one file to the next, but
// shares its cookies among all files: there the choice is also a cookie, read first, since it is the latest choice
// wherever it was made. Chromium keeps no cookie for files, and shares their localStorage instead.
// It also marks the page as one whose scripts will run (class "js" on <html>), so that the stylesheet can keep the room
// of what they will show (the open filters of the findings table, a chart in place of its table) before first paint.
// In a block, so that it declares nothing in the global scope that the offline edition's classic scripts share.
{
	document.documentElement.classList.add('js');
	const read = (get) => {
		try {
			return get();
		} catch {
			return undefined;
		}
	};
	const cookie = () => /(?:^|;\s*)findings-report-theme=(dark|light)(?:;|$)/.exec(document.cookie)?.[1];
	const stored = () => localStorage.getItem('theme');
	const theme = (location.protocol === 'file:' && read(cookie)) || read(stored);
	if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
}
