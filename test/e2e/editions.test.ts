import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { fixture } from '../support/run.ts';
import { buildAndServe, type Site } from '../support/site.ts';

/** A report in its second edition (test/fixtures/editions-report), with the first edition's snapshot. */
let site: Site;

beforeAll(async () => {
	site = await buildAndServe({ REPORT_CONTENT: fixture('editions-report') });
});
afterAll(() => site?.close());

const text = async (path: string, selector = 'main') => {
	const page = await site.open(path);
	const words = (await page.locator(selector).innerText()).replace(/\s+/g, ' ');
	await page.context().close();
	return words;
};

describe('a report in its second edition', () => {
	it('says on /changes/ what changed since the earlier edition, named and dated, with its corrections', async () => {
		const page = await site.open('/changes/');
		const main = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
		expect(main).toContain('Since the earlier edition (Interim report, figures as at March 8, 2017)');
		expect(main).toContain(
			'1 finding added, 1 finding no longer in the report, 1 change of status, 1 change of outcome',
		);
		const figures = await page.locator('table').first().locator('tbody tr').allInnerTexts();
		expect(figures.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
			'Investigations 3 3 No change',
			'Completed 1 2 +1',
			'Allegations 9 8 -1',
		]);
		expect(await page.locator('main a[href="/findings/INV-4/"]').first().innerText()).toBe('INV-4');
		expect(main).toContain('INV-3: Investigation 3');
		expect(main).toContain('INV-1 Status Under investigation Completed');
		expect(main).toContain('INV-1 Record every complaint in full. Made Accepted');
		expect(main).toContain("The interim report gave Investigation 2's closing date as 20 November 2016");
		expect(await axeViolations(page)).toEqual([]);
		await page.context().close();
	});

	it('shows each headline figure’s change on the overview, with a link to the changes', async () => {
		const page = await site.open('/');
		expect(await page.locator('[data-figure] .figure-change').allInnerTexts()).toEqual([
			'unchanged since March 8, 2017',
			'up 1 since March 8, 2017',
			'down 1 since March 8, 2017',
		]);
		await expect(page.locator('main a[href="/changes/"]').count()).resolves.toBe(1);
		await page.context().close();
	});

	it('gives a finding its history across the editions, and the corrections that concern it', async () => {
		expect(await text('/findings/INV-1/', 'main table:has(caption), main section:has(h2:text("History"))')).toContain(
			'March 8, 2017 Interim report Under investigation — April 1, 2018 Annual update 2018 Completed Case to answer',
		);
		const second = await text('/findings/INV-2/');
		expect(second).toContain('Corrections April 1, 2018: The interim report gave Investigation 2');
		expect(await text('/findings/INV-4/')).not.toContain('History');
	});

	it('lists one change a row in /data/changes.csv', async () => {
		const csv = await (await fetch(`${site.origin}/data/changes.csv`)).text();
		expect(csv.replace('\uFEFF', '').trim().split('\r\n')).toEqual([
			'kind,finding,field,before,after',
			'added,INV-4,,,',
			'removed,INV-3,,,',
			'status,INV-1,status,open,completed',
			'outcome,INV-1,outcome,,case-to-answer',
			'metric,INV-1,allegations,4,5',
			'recommendation,INV-1,Record every complaint in full.,made,accepted',
			'figure,,completed,1,2',
			'figure,,allegations,9,8',
		]);
	});

	it('publishes an Atom feed of editions and corrections, linked from every page’s head', async () => {
		const page = await site.open('/findings/INV-2/');
		const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
		expect(href).toBe('/feed.xml');
		const feed = await page.evaluate(async (address) => {
			const xml = new DOMParser().parseFromString(await (await fetch(address)).text(), 'application/xml');
			const atom = 'http://www.w3.org/2005/Atom';
			const child = (node: Element, name: string) => node.getElementsByTagNameNS(atom, name)[0]?.textContent ?? null;
			return {
				error: xml.getElementsByTagName('parsererror').length,
				namespace: xml.documentElement.namespaceURI,
				id: child(xml.documentElement, 'id'),
				updated: child(xml.documentElement, 'updated'),
				entries: [...xml.getElementsByTagNameNS(atom, 'entry')].map((entry) => ({
					title: child(entry, 'title'),
					updated: child(entry, 'updated'),
					id: child(entry, 'id'),
					link: entry.getElementsByTagNameNS(atom, 'link')[0]?.getAttribute('href'),
				})),
			};
		}, href!);
		expect(feed.error).toBe(0);
		expect(feed.namespace).toBe('http://www.w3.org/2005/Atom');
		expect(feed.updated).toBe('2018-04-01T00:00:00Z');
		expect(feed.entries.map((entry) => entry.title)).toEqual([
			'Annual update 2018 (figures as at April 1, 2018)',
			'Correction of April 1, 2018',
			'Interim report (figures as at March 8, 2017)',
		]);
		expect(new Set(feed.entries.map((entry) => entry.id)).size).toBe(3);
		expect(feed.entries.map((entry) => entry.link)).toEqual(['/changes/', '/findings/INV-2/', '/']);
		await page.context().close();
	});
});
