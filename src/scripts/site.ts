/** What every page runs: the theme toggle and, on the hosted site, the service worker. */
import { base } from 'astro:config/client';

/** The toggle overrides the system's choice; it only appears where it can work. */
function startThemeToggle(): void {
	const button = document.getElementById('theme-toggle');
	if (!button) return;
	const root = document.documentElement;
	const system = matchMedia('(prefers-color-scheme: dark)');
	const isDark = () => (root.dataset.theme ?? (system.matches ? 'dark' : 'light')) === 'dark';
	const sync = () => button.setAttribute('aria-pressed', String(isDark()));
	button.hidden = false;
	sync();
	button.addEventListener('click', () => {
		root.dataset.theme = isDark() ? 'light' : 'dark';
		try {
			localStorage.setItem('theme', root.dataset.theme);
		} catch {}
		sync();
	});
	system.addEventListener('change', sync);
}

/** After one visit the report works offline; say so, and say when a new edition is waiting. */
function startServiceWorker(): void {
	// From disk (the offline edition) there is no service worker to register.
	if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
	const root = `${base.replace(/\/$/, '')}/`;
	const say = (text: string) => {
		const status = document.querySelector<HTMLElement>('.offline-status');
		if (!status) return;
		status.textContent = text;
		status.hidden = false;
	};
	navigator.serviceWorker.register(`${root}sw.js`, { scope: root }).then(
		(registration) => {
			registration.addEventListener('updatefound', () => {
				const next = registration.installing;
				// A new edition is stored: let it take over now, rather than when every tab has closed.
				next?.addEventListener('statechange', () => {
					if (next.state === 'installed' && navigator.serviceWorker.controller) next.postMessage('activate-new-edition');
				});
			});
		},
		() => {},
	);
	const hadEdition = Boolean(navigator.serviceWorker.controller);
	navigator.serviceWorker.addEventListener('controllerchange', () => {
		if (hadEdition) say('A new edition of this report has been stored: reload the page to read it.');
	});
	void navigator.serviceWorker.ready.then(() => say('This report is available offline on this device.'));
}

export function startSite(): void {
	startThemeToggle();
	startServiceWorker();
}
