/**
 * The report declares no site, so a finding's citation was built with its path only: cite the address the
 * reader is at, or none in the offline edition, whose file path means nothing to others.
 */
export function completeCitations(): void {
	const fromDisk = location.protocol === 'file:';
	for (const cite of document.querySelectorAll<HTMLElement>('.cite[data-url]')) {
		const path = cite.dataset.url!;
		const address = fromDisk ? '' : new URL(path, location.href).href;
		// A function, so that a `$` in the address is not read as a replacement pattern.
		cite.textContent = cite.textContent!.replace(fromDisk ? ` ${path}` : path, () => address);
	}
}
