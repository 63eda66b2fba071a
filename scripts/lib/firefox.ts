import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface Firefox {
	browser: Browser;
	/**
	 * Every request Firefox tried to send to another host, from a page or from the browser itself: each goes to a
	 * proxy on 127.0.0.1 that writes it down here and refuses it. Pages on 127.0.0.1 and files never reach it.
	 */
	foreign: string[];
	close(): Promise<void>;
}

/**
 * Prefs that stop Firefox's own traffic to Mozilla and Google, on top of those Puppeteer writes into every profile
 * (it already turns off updates, safe browsing lookups, data reporting and Normandy's address). This machine's
 * network is closed, and a reader's report must not depend on any of it; the recording proxy shows what is left.
 */
const QUIET: Record<string, string | number | boolean> = {
	// Telemetry and its pings (health report, crash and usage pings, coverage).
	'toolkit.telemetry.enabled': false,
	'toolkit.telemetry.unified': false,
	'toolkit.telemetry.archive.enabled': false,
	'toolkit.telemetry.server': '',
	'toolkit.telemetry.updatePing.enabled': false,
	'toolkit.telemetry.shutdownPingSender.enabled': false,
	'toolkit.telemetry.firstShutdownPing.enabled': false,
	'toolkit.telemetry.newProfilePing.enabled': false,
	'toolkit.telemetry.bhrPing.enabled': false,
	'toolkit.coverage.endpoint.base': '',
	'toolkit.coverage.opt-out': true,
	'datareporting.usage.uploadEnabled': false,
	'browser.ping-centre.telemetry': false,
	'browser.newtabpage.activity-stream.telemetry': false,
	'browser.newtabpage.activity-stream.feeds.telemetry': false,
	'breakpad.reportURL': '',
	'browser.tabs.crashReporting.sendReport': false,
	'browser.crashReports.unsubmittedCheck.autoSubmit2': false,
	// Updates of the browser, its add-ons, its built-in add-ons and its media plug-ins.
	'app.update.auto': false,
	'app.update.url': '',
	'extensions.systemAddon.update.enabled': false,
	'extensions.systemAddon.update.url': '',
	'extensions.blocklist.enabled': false,
	'media.gmp-manager.url': '',
	'media.gmp-gmpopenh264.enabled': false,
	// Safe browsing's list downloads, beyond the lookups Puppeteer turns off.
	'browser.safebrowsing.update.enabled': false,
	'browser.safebrowsing.provider.google4.updateURL': '',
	'browser.safebrowsing.provider.google.updateURL': '',
	'browser.safebrowsing.provider.mozilla.updateURL': '',
	'browser.safebrowsing.downloads.remote.enabled': false,
	// Captive portal and connectivity checks, which fetch a page of Mozilla's at start.
	'network.captive-portal-service.enabled': false,
	'network.connectivity-service.enabled': false,
	'captivedetect.canonicalURL': '',
	// Normandy and Nimbus studies and experiments.
	'app.normandy.enabled': false,
	'app.shield.optoutstudies.enabled': false,
	'messaging-system.rsexperimentloader.enabled': false,
	'nimbus.rsexperimentloader.enabled': false,
	// Remote settings (blocklists, certificate revocation lists, search configuration…): Puppeteer points them at a
	// host of its own, which would be one more foreign request; a data: address is no host at all.
	'services.settings.server': 'data:,#remote-settings-dummy/v1',
	'security.remote_settings.crlite_filters.enabled': false,
	'security.remote_settings.intermediates.enabled': false,
	// Push (a WebSocket to Mozilla, opened at start), region and geolocation lookups, DNS over HTTPS.
	'dom.push.enabled': false,
	'dom.push.connection.enabled': false,
	'dom.push.serverURL': '',
	'browser.region.network.url': '',
	'browser.region.update.enabled': false,
	'browser.search.geoip.url': '',
	'geo.provider.network.url': '',
	'network.trr.mode': 5,
	// Certificate status checks, and connections guessed in advance.
	'security.OCSP.enabled': 0,
	'network.dns.disablePrefetch': true,
	'network.prefetch-next': false,
	'network.predictor.enabled': false,
	// The new tab page's sponsored and recommended content, accounts and sync, and add-on recommendations.
	'browser.newtabpage.activity-stream.feeds.section.topstories': false,
	'browser.newtabpage.activity-stream.showSponsored': false,
	'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
	'browser.newtabpage.activity-stream.default.sites': '',
	'browser.topsites.contile.enabled': false,
	'identity.fxaccounts.enabled': false,
	'extensions.getAddons.showPane': false,
	'extensions.htmlaboutaddons.recommendations.enabled': false,
	'browser.discovery.enabled': false,
};

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi by puppeteer-core (which downloads no browser), in a
 * fresh temporary profile that Puppeteer deletes on close.
 */
export async function launchFirefox(
	options: { prefs?: Record<string, string | number | boolean> } = {},
): Promise<Firefox> {
	// Anything Firefox sends elsewhere goes to this proxy, which refuses it: a request that the prefs above let
	// through fails the tests that check `foreign`, rather than reaching the network, or going unnoticed because
	// the network is closed.
	const foreign: string[] = [];
	const proxy = createServer((request, response) => {
		foreign.push(request.url ?? '');
		response.writeHead(403).end();
	});
	proxy.on('connect', (request, socket) => {
		foreign.push(`CONNECT ${request.url}`);
		socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
	});
	proxy.on('upgrade', (request, socket) => {
		foreign.push(request.url ?? '');
		socket.destroy();
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	const { port } = proxy.address() as AddressInfo;
	let browser: Browser;
	try {
		browser = await puppeteer.launch({
			browser: 'firefox',
			// BiDi, the standard protocol: the only one Puppeteer speaks to Firefox (its CDP support was removed).
			protocol: 'webDriverBiDi',
			executablePath: FIREFOX,
			headless: true,
			// Without it Puppeteer gives every page an 800×600 viewport; each test sets the width it checks.
			defaultViewport: null,
			env: {
				...process.env,
				// Nothing to show a crash report to, and nowhere to send it.
				MOZ_CRASHREPORTER_DISABLE: '1',
				// A release build ignores services.settings.server (below) unless this is set.
				MOZ_REMOTE_SETTINGS_DEVTOOLS: '1',
			},
			extraPrefsFirefox: {
				...QUIET,
				// Puppeteer turns it off, letting a page opened from disk read the files beside it. Readers have it on,
				// so that every file is an origin of its own: the offline edition must work as it is for them.
				'security.fileuri.strict_origin_policy': true,
				// Puppeteer's "standard" protection accepts every cookie unpartitioned; readers have Firefox's own (Total
				// Cookie Protection), under which the offline edition keeps the reader's theme in a cookie.
				'browser.contentblocking.features.standard': '',
				'network.cookie.cookieBehavior': 5,
				// Light pages, whatever the machine's setting, as the Chromium tests ask for: a test of the dark theme
				// then shows the reader's choice at work. Puppeteer emulates media features over CDP only, not over BiDi.
				'layout.css.prefers-color-scheme.content-override': 1,
				// Every protocol through the recording proxy; 127.0.0.1 and localhost still go direct, as Firefox never
				// sends them to a proxy unless told to. Never around the proxy when it refuses.
				'network.proxy.type': 1,
				'network.proxy.http': '127.0.0.1',
				'network.proxy.http_port': port,
				'network.proxy.ssl': '127.0.0.1',
				'network.proxy.ssl_port': port,
				'network.proxy.share_proxy_settings': true,
				'network.proxy.allow_hijacking_localhost': false,
				'network.proxy.failover_direct': false,
				// Last, so that a test can show what one of the above changes, by launching without it.
				...options.prefs,
			},
		});
	} catch (error) {
		proxy.close();
		throw error;
	}
	return {
		browser,
		foreign,
		async close() {
			await browser.close();
			proxy.closeAllConnections();
			await new Promise((resolve) => proxy.close(resolve));
		},
	};
}
