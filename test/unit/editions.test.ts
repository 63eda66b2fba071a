import { describe, expect, it } from 'vitest';
import { english } from '../support/words.ts';
import { snapshotSchema, type Snapshot, type SnapshotFinding } from '../../src/schemas/edition.ts';
import { changesCsv } from '../../src/lib/editions/changes-csv.ts';
import { compareEditions, findingHistory } from '../../src/lib/editions/compare.ts';
import { atomFeed, changesSummary } from '../../src/lib/editions/feed.ts';

const finding = (id: string, fields: Partial<SnapshotFinding> = {}): SnapshotFinding => ({
	id,
	title: `Investigation ${id}`,
	status: 'open',
	opened: '2015-01-01',
	themes: [],
	metrics: { allegations: 2 },
	recommendations: [],
	...fields,
});

const edition = (asAt: string, findings: SnapshotFinding[], figures: Snapshot['figures'], name?: string): Snapshot => ({
	format: 'findings-report-edition',
	version: 1,
	asAt,
	title: 'A report',
	...(name && { edition: name }),
	statuses: { open: { label: 'Open' }, completed: { label: 'Completed' } },
	outcomes: { upheld: { label: 'Upheld' } },
	metrics: { allegations: { label: 'Allegations' } },
	themes: {},
	figures,
	findings,
});

const recommendation = { text: 'Keep records.', to: 'The force', status: 'made' as const };
const interim = edition(
	'2017-03-08',
	[finding('INV-1', { recommendations: [recommendation] }), finding('INV-2'), finding('INV-3')],
	{ investigations: { label: 'Investigations', value: 3 } },
	'Interim',
);
const update = edition(
	'2018-04-01',
	[
		finding('INV-1', {
			status: 'completed',
			outcome: 'upheld',
			closed: '2017-12-01',
			metrics: { allegations: 5 },
			recommendations: [{ ...recommendation, status: 'accepted' }],
		}),
		finding('INV-3'),
		finding('INV-4'),
	],
	{ investigations: { label: 'Investigations', value: 3 }, completed: { label: 'Completed', value: 1 } },
	'Update',
);

describe('editions', () => {
	const changes = compareEditions(interim, update);

	it('are valid snapshots', () => {
		expect(snapshotSchema.safeParse(interim).success).toBe(true);
		expect(snapshotSchema.safeParse({ ...interim, version: 2 }).success).toBe(false);
	});

	it('say what changed: findings added and gone, status, outcome, metrics, recommendations and figures', () => {
		expect(changes.since).toEqual({ asAt: '2017-03-08', edition: 'Interim', title: 'A report' });
		expect(changes.added).toEqual([{ id: 'INV-4', title: 'Investigation INV-4' }]);
		expect(changes.removed).toEqual([{ id: 'INV-2', title: 'Investigation INV-2' }]);
		expect(changes.status).toEqual([
			{ id: 'INV-1', title: 'Investigation INV-1', field: 'status', before: 'open', after: 'completed' },
		]);
		expect(changes.outcome).toEqual([
			{ id: 'INV-1', title: 'Investigation INV-1', field: 'outcome', before: undefined, after: 'upheld' },
		]);
		expect(changes.metrics).toEqual([
			{ id: 'INV-1', title: 'Investigation INV-1', field: 'allegations', before: 2, after: 5 },
		]);
		expect(changes.recommendations).toEqual([
			{ id: 'INV-1', title: 'Investigation INV-1', field: 'Keep records.', before: 'made', after: 'accepted' },
		]);
		expect(changes.figures).toEqual([
			{ name: 'investigations', label: 'Investigations', before: 3, after: 3 },
			{ name: 'completed', label: 'Completed', before: undefined, after: 1 },
		]);
	});

	it('sum up for the feed', () => {
		expect(changesSummary(changes, english)).toBe(
			'1 finding added, 1 finding no longer in the report, 1 change of status, 1 change of outcome, 1 change of a figure of a finding, 1 recommendation with a new status and 1 headline figure changed since the edition of 8 March 2017.',
		);
		expect(changesSummary(compareEditions(interim, interim), english)).toBe(
			'No change since the edition of 8 March 2017.',
		);
	});

	it('give each finding its history', () => {
		expect(findingHistory('INV-1', [interim, update])).toEqual([
			{ asAt: '2017-03-08', edition: 'Interim', status: 'open', outcome: undefined },
			{ asAt: '2018-04-01', edition: 'Update', status: 'completed', outcome: 'upheld' },
		]);
		expect(findingHistory('INV-4', [interim, update]).map((row) => row.asAt)).toEqual(['2018-04-01']);
	});

	it('list one change a row in CSV', () => {
		expect(changesCsv(changes).split('\r\n')).toEqual([
			'\uFEFFkind,finding,field,before,after',
			'added,INV-4,,,',
			'removed,INV-2,,,',
			'status,INV-1,status,open,completed',
			'outcome,INV-1,outcome,,upheld',
			'metric,INV-1,allegations,2,5',
			'recommendation,INV-1,Keep records.,made,accepted',
			'figure,,completed,,1',
			'',
		]);
	});

	it('make an Atom feed with an entry per edition and per correction, newest first, with escaped text', () => {
		const feed = atomFeed({
			title: 'A report <&>',
			publisher: 'A body',
			feedHref: 'https://example.org/r/feed.xml',
			siteHref: 'https://example.org/r/',
			name: 'a-report',
			site: 'https://example.org/r/',
			words: english,
			editions: [
				{ asAt: '2017-03-08', edition: 'Interim' },
				{ asAt: '2018-04-01', edition: 'Update', changes, href: 'https://example.org/r/changes/' },
			],
			corrections: [
				{
					date: '2018-04-10',
					text: 'INV-1 opened in 2014, not 2015.',
					findings: [{ id: 'INV-1', href: 'https://example.org/r/findings/INV-1/' }],
				},
			],
		});
		expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">');
		expect(feed).toContain('<title>A report &#60;&#38;&#62;</title>');
		expect(feed).toContain('<updated>2018-04-10T00:00:00Z</updated>');
		expect(feed.match(/<entry>/g)).toHaveLength(3);
		expect(feed.indexOf('Correction of 10 April 2018')).toBeLessThan(
			feed.indexOf('Update (figures as at 1 April 2018)'),
		);
		expect(feed).toContain('<id>https://example.org/r/editions/2018-04-01</id>');
		expect(feed).toContain('<link rel="alternate" type="text/html" href="https://example.org/r/findings/INV-1/"/>');
	});
});
