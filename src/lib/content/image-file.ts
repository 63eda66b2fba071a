/**
 * Whether a file really is an image, judged by its bytes: a name can lie (a script saved as chart.png), and a
 * damaged or half-copied image would publish as a broken picture. Pure: it reads the bytes it is given.
 */
import type { IImage, ISizeCalculationResult } from 'image-size/types/interface';
import { GIF } from 'image-size/types/gif';
import { HEIF } from 'image-size/types/heif';
import { JPG } from 'image-size/types/jpg';
import { PNG } from 'image-size/types/png';
import { SVG } from 'image-size/types/svg';
import { WEBP } from 'image-size/types/webp';

export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif' | 'svg';
export interface ImageInfo {
	type: ImageType;
	width: number;
	height: number;
}

/** The extension to publish with, whatever the author's file was called. */
export const IMAGE_EXTENSIONS: Record<ImageType, string> = {
	png: 'png',
	jpeg: 'jpg',
	gif: 'gif',
	webp: 'webp',
	avif: 'avif',
	svg: 'svg',
};

/** No figure in a report needs more; larger sides are damaged headers, or images that would stall a reader's browser. */
const MAX_SIDE = 20_000;

type RasterType = Exclude<ImageType, 'svg'>;

/**
 * image-size's reader for each type. Calling it for the type the magic bytes gave (rather than letting image-size
 * guess) is how it must agree: its check for that type has to accept the bytes, and it measures them as that type.
 */
const READERS: Record<RasterType, IImage> = { png: PNG, jpeg: JPG, gif: GIF, webp: WEBP, avif: HEIF };

function view(bytes: Uint8Array): DataView {
	return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
	return String.fromCharCode(...bytes.subarray(start, end));
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
	return signature.every((byte, index) => bytes[index] === byte);
}

/** AVIF is an ISO-BMFF file whose ftyp box names avif (a still image) or avis (a sequence) as its major or a compatible brand. */
function isAvif(bytes: Uint8Array): boolean {
	if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return false;
	const size = view(bytes).getUint32(0);
	if (size < 16 || size > bytes.length) return false;
	const brands = [ascii(bytes, 8, 12)];
	for (let offset = 16; offset + 4 <= size; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
	return brands.includes('avif') || brands.includes('avis');
}

function rasterType(bytes: Uint8Array): RasterType | undefined {
	if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
	const six = ascii(bytes, 0, 6);
	if (six === 'GIF87a' || six === 'GIF89a') return 'gif';
	if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
	if (isAvif(bytes)) return 'avif';
	return undefined;
}

/*
 * image-size reads only the header, so a file cut short (an interrupted copy or download) would pass it. Each check
 * below walks the container to its end marker, without decoding the pixels.
 */

/** Chunks from IHDR to IEND, each whole, with image data between. */
function pngIsWhole(bytes: Uint8Array): boolean {
	const data = view(bytes);
	let sawData = false;
	for (let offset = 8; offset + 12 <= bytes.length;) {
		const length = data.getUint32(offset);
		const type = ascii(bytes, offset + 4, offset + 8);
		if (offset === 8 && type !== 'IHDR') return false;
		offset += 12 + length;
		if (offset > bytes.length) return false;
		if (type === 'IDAT') sawData = true;
		if (type === 'IEND') return sawData;
	}
	return false;
}

/** Marker segments, each whole, up to the first scan; then the end-of-image marker after it. */
function jpegIsWhole(bytes: Uint8Array): boolean {
	const data = view(bytes);
	for (let offset = 2; offset + 4 <= bytes.length;) {
		const marker = data.getUint8(offset + 1);
		if (data.getUint8(offset) !== 0xff) return false;
		if (marker === 0xff)
			offset += 1; // fill byte before a marker
		else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7))
			offset += 2; // markers without a length
		else if (marker === 0xd9)
			return false; // the image ends before any scan
		else {
			const end = offset + 2 + data.getUint16(offset + 2);
			if (end > bytes.length || end < offset + 4) return false;
			if (marker === 0xda) return hasEndOfImage(bytes, end);
			offset = end;
		}
	}
	return false;
}

/** FF D9 cannot occur inside scan data (an FF there is always followed by 00 or a restart marker); anything after it is ignored. */
function hasEndOfImage(bytes: Uint8Array, from: number): boolean {
	for (let index = bytes.length - 2; index >= from; index -= 1)
		if (bytes[index] === 0xff && bytes[index + 1] === 0xd9) return true;
	return false;
}

const colourTableLength = (flags: number) => (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);

/** GIF data comes in sub-blocks of up to 255 bytes ending with an empty one; undefined when the file ends first. */
function afterSubBlocks(bytes: Uint8Array, start: number): number | undefined {
	for (let offset = start; offset < bytes.length;) {
		const size = bytes[offset] ?? 0;
		offset += 1 + size;
		if (size === 0) return offset;
	}
	return undefined;
}

/** Extensions and frames, each whole, up to the trailer, with at least one frame. */
function gifIsWhole(bytes: Uint8Array): boolean {
	let frames = 0;
	let offset: number | undefined = 13 + colourTableLength(bytes[10] ?? 0);
	while (offset !== undefined && offset < bytes.length) {
		const block = bytes[offset];
		if (block === 0x3b) return frames > 0;
		if (block === 0x21) offset = afterSubBlocks(bytes, offset + 2);
		else if (block === 0x2c && offset + 10 <= bytes.length) {
			frames += 1;
			offset = afterSubBlocks(bytes, offset + 10 + colourTableLength(bytes[offset + 9] ?? 0) + 1);
		} else return false;
	}
	return false;
}

/** The RIFF header states the length of what follows it. */
function webpIsWhole(bytes: Uint8Array): boolean {
	return bytes.length >= 8 + view(bytes).getUint32(4, true);
}

/** Top-level boxes, each whole, filling the file exactly (a box of size 0 runs to the end). */
function avifIsWhole(bytes: Uint8Array): boolean {
	const data = view(bytes);
	let offset = 0;
	while (offset < bytes.length) {
		if (offset + 8 > bytes.length) return false;
		let size = data.getUint32(offset);
		if (size === 0) return true;
		if (size === 1) {
			if (offset + 16 > bytes.length) return false;
			size = data.getUint32(offset + 8) * 2 ** 32 + data.getUint32(offset + 12);
		}
		if (size < 8) return false;
		offset += size;
	}
	return offset === bytes.length;
}

const IS_WHOLE: Record<RasterType, (bytes: Uint8Array) => boolean> = {
	png: pngIsWhole,
	jpeg: jpegIsWhole,
	gif: gifIsWhole,
	webp: webpIsWhole,
	avif: avifIsWhole,
};

function usableSide(side: number | undefined): side is number {
	return side !== undefined && Number.isInteger(side) && side >= 1 && side <= MAX_SIDE;
}

function usable(type: ImageType, width: number | undefined, height: number | undefined): ImageInfo | undefined {
	return usableSide(width) && usableSide(height) ? { type, width, height } : undefined;
}

/** image-size measures every image of a container (an AVIF's thumbnail, alpha plane or tiles) and shows the largest. */
function largest(size: ISizeCalculationResult): { width: number; height: number } {
	return (size.images ?? []).reduce(
		(best, image) => (image.width * image.height > best.width * best.height ? image : best),
		size,
	);
}

/** EXIF orientations 5 to 8 turn the picture a quarter: browsers show it that way, so the page must reserve that shape. */
function asShown(size: ISizeCalculationResult): { width: number; height: number } {
	const { width, height } = largest(size);
	return (size.orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
}

function sniffRaster(type: RasterType, bytes: Uint8Array): ImageInfo | undefined {
	if (!IS_WHOLE[type](bytes)) return undefined;
	const reader = READERS[type];
	try {
		// image-size's AVIF check looks at the major brand only and so refuses sequences (major brand avis); ours is wider.
		if (type !== 'avif' && !reader.validate(bytes)) return undefined;
		const { width, height } = asShown(reader.calculate(bytes));
		return usable(type, width, height);
	} catch {
		return undefined; // image-size throws on headers it cannot make sense of: a damaged image
	}
}

/** What may come before the root element of an XML document: white space, the declaration and other processing instructions, comments, a doctype. */
const PROLOG = /\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/iy;
const SVG_START_TAG = /^<svg(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>/;

/** The root's start tag when the text is an SVG document, else undefined. */
function svgStartTag(bytes: Uint8Array): string | undefined {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a BOM
	} catch {
		return undefined; // not UTF-8 text, so not an SVG file a browser would read
	}
	PROLOG.lastIndex = 0;
	let start = 0;
	while (PROLOG.exec(text) && PROLOG.lastIndex > start) start = PROLOG.lastIndex;
	return SVG_START_TAG.exec(text.slice(start))?.[0];
}

const isPositive = (value: number | undefined): value is number =>
	value !== undefined && Number.isFinite(value) && value > 0;

/** The viewBox's width and height, read more leniently than image-size does (commas and runs of spaces are allowed). */
function viewBoxSize(tag: string): { width: number; height: number } | undefined {
	const value = /\sviewBox\s*=\s*(["'])(.*?)\1/i.exec(tag)?.[2];
	const [, , width, height] = (value ?? '')
		.trim()
		.split(/[\s,]+/)
		.map(Number);
	if (!isPositive(width) || !isPositive(height)) return undefined;
	return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
}

function sniffSvg(bytes: Uint8Array): ImageInfo | undefined {
	const tag = svgStartTag(bytes);
	if (tag === undefined) return undefined;
	try {
		// Only the root's tag: image-size takes the first <svg anywhere, which may sit in a comment before it.
		const { width, height } = SVG.calculate(new TextEncoder().encode(tag));
		const measured = usable('svg', width, height);
		if (measured) return measured;
	} catch {
		// no width and height image-size can read (e.g. in %), so the viewBox decides
	}
	const box = viewBoxSize(tag);
	return box && usable('svg', box.width, box.height);
}

/** What the bytes are, by their content (never by the file name); undefined when they are not one of the accepted image types or are damaged. */
export function sniffImage(bytes: Uint8Array): ImageInfo | undefined {
	const type = rasterType(bytes);
	return type ? sniffRaster(type, bytes) : sniffSvg(bytes);
}
