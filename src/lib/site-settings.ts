import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * `site` and the base path come from report.yaml, so one install can publish reports under different URLs.
 * Read leniently: a broken report.yaml is reported by the check, not here.
 */
export function siteSettings(dir: string): { site?: string; base: string } {
	try {
		const { site } = parse(readFileSync(join(dir, 'report.yaml'), 'utf8')) as { site?: unknown };
		if (typeof site !== 'string') return { base: '/' };
		const url = new URL(site);
		return { site: url.origin, base: url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/` };
	} catch {
		return { base: '/' };
	}
}
