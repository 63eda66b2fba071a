import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from './yaml.ts';

/** The base path of a site published at `site`: `https://example.org/report/` → `/report/`; none → `/`. */
export function siteBase(site: string | undefined): string {
	if (!site) return '/';
	try {
		const { pathname } = new URL(site);
		return pathname.endsWith('/') ? pathname : `${pathname}/`;
	} catch {
		return '/';
	}
}

/**
 * `site` and the base path come from report.yaml, so one install can publish reports under different URLs.
 * Read leniently, with the same YAML rules as the check: a broken report.yaml is reported by the check, not here.
 */
export function siteSettings(dir: string): { site?: string; base: string } {
	try {
		const { data } = parseYaml(readFileSync(join(dir, 'report.yaml'), 'utf8'));
		const site = (data as { site?: unknown } | undefined)?.site;
		if (typeof site !== 'string') return { base: '/' };
		return { site: new URL(site).origin, base: siteBase(site) };
	} catch {
		return { base: '/' };
	}
}
