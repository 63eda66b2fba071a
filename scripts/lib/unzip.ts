import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';

/** Unzips a file into a folder, as a reader would before opening the offline edition. */
export function unzipInto(zip: string, folder: string): void {
	for (const [path, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
		if (path.endsWith('/')) continue;
		mkdirSync(dirname(join(folder, path)), { recursive: true });
		writeFileSync(join(folder, path), bytes);
	}
}
