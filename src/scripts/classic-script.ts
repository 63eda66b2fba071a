/**
 * Loads data published as a classic script (`self.x = …`), which works over http and from disk alike:
 * a page opened from disk may not fetch its sibling files, but it may run them.
 */
export function loadClassicScript<T>(src: string, read: () => T | undefined): Promise<T> {
	return new Promise((resolve, reject) => {
		const loaded = read();
		if (loaded !== undefined) return resolve(loaded);
		const script = Object.assign(document.createElement('script'), { src });
		script.onload = () => {
			const value = read();
			if (value === undefined) reject(new Error(`${src} did not define its data`));
			else resolve(value);
		};
		script.onerror = () => reject(new Error(`could not load ${src}`));
		document.head.append(script);
	});
}
