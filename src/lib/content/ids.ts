import { FINDING_ID_PATTERN } from '../../schemas/finding.ts';

/** `2015/INV-07.md` → `INV-07`: sub-folders organise files, they are not part of the id. */
export function fileStem(relativePath: string): string {
	return relativePath.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');
}

/** A finding's id is its `id` field when that is usable, else its file name. The site and the check agree on this. */
export function findingId(data: Record<string, unknown> | undefined, relativePath: string): string {
	const id = data?.id;
	return typeof id === 'string' && FINDING_ID_PATTERN.test(id) ? id : fileStem(relativePath);
}
