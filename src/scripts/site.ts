/** What every page runs: the theme toggle and, on the hosted site, the service worker. */
import { base } from 'astro:config/client';
import { t } from './messages.ts';

type Theme = 'dark' | 'light';

/** The cookie that keeps the choice from disk; public/theme.js, which reads it before first paint, looks for the same. */
const COOKIE = /(?:^|;\s*)findings-report-theme=(dark|light)(?:;|$)/;
const fromDisk = () => location.protocol === 'file:';

/**
 * Keeps the reader's choice in localStorage, for every page and tab of the hosted site. From disk, Firefox gives each
 * file a storage of its own, so there it is also a cookie, which Firefox shares among files (see public/theme.js). Not
 * on the hosted site, where a cookie would go to the server with every request, for nothing.
 */
function rememberTheme(theme: Theme): void {
	try {
		localStorage.setItem('theme', theme);
	} catch {}
	if (fromDisk()) document.cookie = `findings-report-theme=${theme}; path=/; max-age=31536000; SameSite=Strict`;
}

/** The choice as public/theme.js reads it, for a page that comes back from the back-forward cache. */
function rememberedTheme(): Theme | undefined {
	const read = (get: () => string | null | undefined) => {
		try {
			const theme = get();
			return theme === 'dark' || theme === 'light' ? theme : undefined;
		} catch {
			return undefined;
		}
	};
	return (
		(fromDisk() ? read(() => COOKIE.exec(document.cookie)?.[1]) : undefined) ??
		read(() => localStorage.getItem('theme'))
	);
}

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
		const theme = isDark() ? 'light' : 'dark';
		root.dataset.theme = theme;
		rememberTheme(theme);
		sync();
	});
	system.addEventListener('change', sync);
	// Back or forward to a page kept whole in memory: public/theme.js does not run again, and the reader may have
	// chosen the other theme on a page since.
	addEventListener('pageshow', (event) => {
		if (!event.persisted) return;
		const theme = rememberedTheme();
		if (theme && theme !== root.dataset.theme) root.dataset.theme = theme;
		sync();
	});
}

/** After one visit the report works offline; say so, and say when a new edition is waiting. */
function startServiceWorker(): void {
	// From disk (the offline edition) there is no service worker to register, nor in `npm run dev`, which has none
	// (asking for it there only logged a 404 at every page).
	if (import.meta.env.DEV || !('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
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
					if (next.state === 'installed' && navigator.serviceWorker.controller)
						next.postMessage('activate-new-edition');
				});
			});
		},
		() => {},
	);
	const hadEdition = Boolean(navigator.serviceWorker.controller);
	navigator.serviceWorker.addEventListener('controllerchange', () => {
		if (hadEdition) say(t('site.newEdition'));
	});
	void navigator.serviceWorker.ready.then(() => say(t('site.offlineReady')));
}

export function startSite(): void {
	startThemeToggle();
	startServiceWorker();
}
