// A classic script in <head>, not a module: it must run before first paint, so that a reader's chosen theme
// never flashes the other one. A file, not inline, because the pages' Content-Security-Policy allows no inline script.
try {
	const theme = localStorage.getItem('theme');
	if (theme) document.documentElement.dataset.theme = theme;
} catch {}
