import type { ImageFile } from './images.ts';
import type { ReportContent } from './load.ts';

/** What readers see: every theme and chapter, and the findings that are not drafts. */
export function publishedEntries(content: ReportContent) {
	return [...content.findings.filter((finding) => !finding.data.draft), ...content.themes, ...content.pages];
}

/** The images of published entries, once each: a draft's images are never published. */
export function publishedImages(content: ReportContent): ImageFile[] {
	return [
		...new Map(
			publishedEntries(content).flatMap((entry) => entry.images.map((image) => [image.output, image] as const)),
		).values(),
	];
}
