/**
 * Findings in one volume of the PDF. Typst lays out 1,000 findings (about 1,350 pages) in 9 s and 1.5 GB, and 10,000
 * in 112 s and 11.6 GB: a larger report is published in volumes of this many findings each.
 */
export const FINDINGS_PER_VOLUME = 1_000;

/** How many volumes the PDF of this many findings is in. */
export const volumesOf = (findings: number): number => Math.max(1, Math.ceil(findings / FINDINGS_PER_VOLUME));

/** Which volume a document is, of how many: the first holds the front matter, the last what follows the findings. */
export interface Volume {
	number: number;
	count: number;
}

/** `police-cse-2017.pdf`, or `police-cse-2017-2.pdf` for the second volume of several. */
export const volumeFile = (name: string, volume: Volume): string =>
	volume.count > 1 ? `${name}-${volume.number}.pdf` : `${name}.pdf`;
