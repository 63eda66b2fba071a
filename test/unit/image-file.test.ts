import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMAGE_EXTENSIONS, sniffImage } from '../../src/lib/content/image-file.ts';

/** Real 3×2 images (wider than high, so that a swap shows), made once with sharp and kept here as text. */
const PNG =
	'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEElEQVQImWM4IScHQQxwFgBBAAYZ0KRMBAAAAABJRU5ErkJggg==';
const JPEG =
	'/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCOACqH/9k=';
const GIF = 'R0lGODlhAwACAIAAAExpccgeHiH5BAUAAAAALAAAAAADAAIAAAICjF8AOw==';
const WEBP = 'UklGRjYAAABXRUJQVlA4ICoAAACQAQCdASoDAAIAAsBMJaACdLoAA5gA/u2QP4hd7G2//PTP62/j/xkAAAA=';
const WEBP_LOSSLESS = 'UklGRh4AAABXRUJQVlA4TBEAAAAvAkAAAAdQjyLXo/+BiOh/AAA=';
const AVIF =
	'AAAAHGZ0eXBhdmlmAAAAAG1pZjFhdmlmbWlhZgAAANZtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAACJpbG9jAAAAAERAAAEAAQAAAAAA+gABAAAAAAAAACQAAAAjaWluZgAAAAAAAQAAABVpbmZlAgAAAAABAABhdjAxAAAAAA5waXRtAAAAAAABAAAAVmlwcnAAAAA4aXBjbwAAAAxhdjFDgSACAAAAABRpc3BlAAAAAAAAAAMAAAACAAAAEHBpeGkAAAAAAwgICAAAABZpcG1hAAAAAAAAAAEAAQOBAgMAAAAsbWRhdBIACgg4BCtICGg0gDIWGUJjBMAANAAAkEDJHGFKCwrWdcfImg==';

const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
const text = (source: string) => new TextEncoder().encode(source);
const cut = (data: Uint8Array, drop: number) => data.subarray(0, data.length - drop);

/** The JPEG with an EXIF block (big-endian TIFF, one entry: Orientation) after its start marker. */
function withOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
	const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
	const body = [...text('Exif\0\0'), ...tiff];
	const length = body.length + 2;
	return Uint8Array.from([
		...jpeg.subarray(0, 2),
		0xff,
		0xe1,
		length >> 8,
		length & 0xff,
		...body,
		...jpeg.subarray(2),
	]);
}

/** The PNG with other numbers in its IHDR header (the CRC is not checked by anyone who reads sizes). */
function pngOfSize(width: number, height: number): Uint8Array {
	const png = bytes(PNG).slice();
	const data = new DataView(png.buffer);
	data.setUint32(16, width);
	data.setUint32(20, height);
	return png;
}

describe('sniffImage: real images', () => {
	it('knows each accepted type by its bytes and measures it', () => {
		expect(sniffImage(bytes(PNG))).toEqual({ type: 'png', width: 3, height: 2 });
		expect(sniffImage(bytes(JPEG))).toEqual({ type: 'jpeg', width: 3, height: 2 });
		expect(sniffImage(bytes(GIF))).toEqual({ type: 'gif', width: 3, height: 2 });
		expect(sniffImage(bytes(WEBP))).toEqual({ type: 'webp', width: 3, height: 2 });
		expect(sniffImage(bytes(WEBP_LOSSLESS))).toEqual({ type: 'webp', width: 3, height: 2 });
		expect(sniffImage(bytes(AVIF))).toEqual({ type: 'avif', width: 3, height: 2 });
	});

	it('gives a JPEG turned a quarter by its EXIF orientation the shape browsers show', () => {
		expect(sniffImage(withOrientation(bytes(JPEG), 6))).toEqual({ type: 'jpeg', width: 2, height: 3 });
		expect(sniffImage(withOrientation(bytes(JPEG), 3))).toEqual({ type: 'jpeg', width: 3, height: 2 });
	});

	it('accepts an AVIF whose major brand is avis (a sequence) and a PNG inside a larger buffer', () => {
		const sequence = bytes(AVIF).slice();
		sequence.set(text('avis'), 8);
		expect(sniffImage(sequence)).toEqual({ type: 'avif', width: 3, height: 2 });
		const padded = new Uint8Array(200);
		padded.set(bytes(PNG), 50);
		expect(sniffImage(padded.subarray(50, 50 + bytes(PNG).length))).toEqual({ type: 'png', width: 3, height: 2 });
	});

	it('publishes each type with its usual extension', () => {
		expect(IMAGE_EXTENSIONS).toEqual({ png: 'png', jpeg: 'jpg', gif: 'gif', webp: 'webp', avif: 'avif', svg: 'svg' });
	});
});

describe('sniffImage: not images', () => {
	it('rejects a script or a text file, whatever it is called', () => {
		expect(sniffImage(text('export default function chart() {\n\treturn 1;\n}\n'))).toBeUndefined();
		expect(sniffImage(text('Allegations by year\n2015,4\n2016,7\n'))).toBeUndefined();
		expect(sniffImage(new Uint8Array(readFileSync('test/fixtures/damaged-image/assets/chart.png')))).toBeUndefined();
		expect(sniffImage(new Uint8Array())).toBeUndefined();
	});

	it('rejects images of other types', () => {
		const bmp = new Uint8Array([
			0x42, 0x4d, 0x3a, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0x18, 0,
		]);
		expect(sniffImage(bmp)).toBeUndefined();
		const heic = bytes(AVIF).slice();
		heic.set(text('heic'), 8);
		heic.set(text('heic'), 20);
		expect(sniffImage(heic)).toBeUndefined();
	});
});

describe('sniffImage: damaged images', () => {
	it('rejects files cut short, even when their header is whole', () => {
		expect(sniffImage(cut(bytes(PNG), 12))).toBeUndefined(); // no IEND
		expect(sniffImage(bytes(PNG).subarray(0, 33))).toBeUndefined(); // the header alone
		expect(sniffImage(cut(bytes(JPEG), 2))).toBeUndefined(); // no end-of-image marker
		expect(sniffImage(bytes(JPEG).subarray(0, 150))).toBeUndefined(); // stops before the scan
		expect(sniffImage(cut(bytes(GIF), 1))).toBeUndefined(); // no trailer
		expect(sniffImage(cut(bytes(WEBP), 10))).toBeUndefined();
		expect(sniffImage(cut(bytes(AVIF), 10))).toBeUndefined();
	});

	it('rejects a magic number followed by nonsense', () => {
		expect(sniffImage(text('GIF89a and then some words'))).toBeUndefined();
		expect(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 2, 0xff, 0xd9]))).toBeUndefined();
		expect(
			sniffImage(Uint8Array.from([...bytes(PNG).subarray(0, 8), ...text('not chunks at all, just text')])),
		).toBeUndefined();
	});

	it('rejects zero and absurd sizes', () => {
		expect(sniffImage(pngOfSize(20_000, 1))).toEqual({ type: 'png', width: 20_000, height: 1 });
		expect(sniffImage(pngOfSize(0, 2))).toBeUndefined();
		expect(sniffImage(pngOfSize(3, 20_001))).toBeUndefined();
		expect(sniffImage(pngOfSize(0xffffffff, 2))).toBeUndefined();
	});
});

describe('sniffImage: SVG', () => {
	const ROOT = '<svg xmlns="http://www.w3.org/2000/svg"';

	it('finds the root after a BOM, the XML declaration, comments and a doctype, and takes its width and height', () => {
		const svg = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${ROOT} width="120" height="80"><rect width="10" height="10"/></svg>\n`;
		expect(sniffImage(text(svg))).toEqual({ type: 'svg', width: 120, height: 80 });
		expect(sniffImage(text(`${ROOT} width="2cm" height='1in'/>`))).toEqual({ type: 'svg', width: 76, height: 96 });
	});

	it('falls back to the viewBox, read with commas and runs of spaces too', () => {
		expect(sniffImage(text(`${ROOT} viewBox="0 0 640 480"></svg>`))).toEqual({ type: 'svg', width: 640, height: 480 });
		expect(sniffImage(text(`${ROOT} width="100%" viewBox="0,0  64.4,48"></svg>`))).toEqual({
			type: 'svg',
			width: 64,
			height: 48,
		});
		expect(sniffImage(text(`${ROOT} width="320" viewBox="0 0 64 48"></svg>`))).toEqual({
			type: 'svg',
			width: 320,
			height: 240,
		});
	});

	it('measures the root, not an <svg> inside a comment before it', () => {
		expect(sniffImage(text(`<!-- <svg width="1" height="1"> -->\n${ROOT} width="30" height="20"/>`))).toEqual({
			type: 'svg',
			width: 30,
			height: 20,
		});
	});

	it('rejects an SVG with no size, an unclosed root, and documents whose root is something else', () => {
		expect(sniffImage(text(`${ROOT}></svg>`))).toBeUndefined();
		expect(sniffImage(text(`<svg>`))).toBeUndefined();
		expect(sniffImage(text(`${ROOT} width="30" height="20"`))).toBeUndefined();
		expect(sniffImage(text(`<html><body>${ROOT} width="30" height="20"/></body></html>`))).toBeUndefined();
		expect(sniffImage(text(`<svgx width="30" height="20"/>`))).toBeUndefined();
		expect(sniffImage(text(`${ROOT} width="30000" height="20"/>`))).toBeUndefined();
		expect(sniffImage(Uint8Array.from([...text(`${ROOT} width="30" height="20">`), 0xff, 0xfe]))).toBeUndefined();
	});
});
