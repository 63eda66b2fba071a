/** One page of each type of the sample report, by the name measurements and screenshots give it. */
export const SAMPLE_PAGES = {
	overview: '/',
	themes: '/themes/',
	theme: '/themes/information-sharing/',
	findings: '/findings/',
	finding: '/findings/INV-01/',
	search: '/search/?q=records',
	recommendations: '/recommendations/',
	data: '/data/',
	chapter: '/about-this-sample/',
} as const;

export type SamplePage = keyof typeof SAMPLE_PAGES;
