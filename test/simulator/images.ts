/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * Real image bytes for the simulator's result files: a PNG generated per task (its colour comes
 * from the task id, so different tasks give different bytes) and a fixed tiny baseline JPEG.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

export function crc32(bytes: Buffer): number {
	let crc = 0xffffffff;
	for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typeAndData));
	return Buffer.concat([length, typeAndData, crc]);
}

/** The shape of a generated PNG: its size, and whether it has an alpha channel. */
export interface PngShape {
	width: number;
	height: number;
	/** RGBA with a transparent background around an opaque ellipse (a removed background). */
	alpha?: boolean;
}

/**
 * A valid 8-bit PNG, `size`×`size` RGB by default: a diagonal two-colour gradient derived from
 * `seed`; with a shape, its width and height, and with `alpha` transparent outside an ellipse.
 */
export function makePng(seed: string, size: number | PngShape = 32): Buffer {
	const {
		width,
		height,
		alpha = false,
	} = typeof size === 'number' ? { width: size, height: size } : size;
	const digest = createHash('sha256').update(seed).digest();
	const from = [digest[0], digest[1], digest[2]];
	const to = [digest[3], digest[4], digest[5]];

	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = alpha ? 6 : 2; // colour type: truecolour RGBA or RGB
	header[10] = 0; // compression
	header[11] = 0; // filter method
	header[12] = 0; // no interlace

	const channels = alpha ? 4 : 3;
	const rowLength = 1 + width * channels;
	const raw = Buffer.alloc(rowLength * height);
	const span = Math.max(1, width + height - 2);
	for (let y = 0; y < height; y++) {
		raw[y * rowLength] = 0; // filter type None
		for (let x = 0; x < width; x++) {
			const t = (x + y) / span;
			const pixel = y * rowLength + 1 + x * channels;
			for (let channel = 0; channel < 3; channel++) {
				raw[pixel + channel] = Math.round(from[channel] + (to[channel] - from[channel]) * t);
			}
			if (alpha) {
				const dx = (2 * x + 1) / width - 1;
				const dy = (2 * y + 1) / height - 1;
				raw[pixel + 3] = dx * dx + dy * dy <= 0.64 ? 255 : 0;
			}
		}
	}

	return Buffer.concat([
		PNG_SIGNATURE,
		pngChunk('IHDR', header),
		pngChunk('IDAT', deflateSync(raw)),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

/** Width, height and alpha of a PNG, JPEG or GIF; undefined for other bytes. */
export function imageShape(bytes: Buffer): PngShape | undefined {
	if (bytes.length >= 26 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
		const colourType = bytes[25];
		return {
			width: bytes.readUInt32BE(16),
			height: bytes.readUInt32BE(20),
			alpha: colourType === 4 || colourType === 6,
		};
	}
	if (bytes.length >= 10 && bytes.subarray(0, 4).toString('latin1') === 'GIF8') {
		return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
	}
	if (bytes[0] === 0xff && bytes[1] === 0xd8) {
		// JPEG: walk the segments to the frame header (SOF0–SOF15 but DHT, JPG and DAC).
		let offset = 2;
		while (offset + 9 < bytes.length && bytes[offset] === 0xff) {
			const marker = bytes[offset + 1];
			const length = bytes.readUInt16BE(offset + 2);
			if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
				return { width: bytes.readUInt16BE(offset + 7), height: bytes.readUInt16BE(offset + 5) };
			}
			offset += 2 + length;
		}
	}
	return undefined;
}

/** A known-valid 16×16 baseline (SOF0) JFIF JPEG, 543 bytes (CPython's imghdr test image). */
export const TINY_JPEG = Buffer.from(
	'/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z',
	'base64',
);

const MIME_BY_EXTENSION: Record<string, string> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	webp: 'image/webp',
	gif: 'image/gif',
	bmp: 'image/bmp',
	svg: 'image/svg+xml',
	mp4: 'video/mp4',
	webm: 'video/webm',
	mov: 'video/quicktime',
	mp3: 'audio/mpeg',
	wav: 'audio/wav',
	ogg: 'audio/ogg',
	pdf: 'application/pdf',
	txt: 'text/plain',
	json: 'application/json',
};

const EXTENSION_BY_MIME: Record<string, string> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/jpg': 'jpg',
	'image/webp': 'webp',
	'image/gif': 'gif',
	'image/bmp': 'bmp',
	'image/svg+xml': 'svg',
	'video/mp4': 'mp4',
	'video/webm': 'webm',
	'video/quicktime': 'mov',
	'audio/mpeg': 'mp3',
	'audio/wav': 'wav',
	'audio/ogg': 'ogg',
	'application/pdf': 'pdf',
	'text/plain': 'txt',
	'application/json': 'json',
};

export function mimeFromFileName(fileName: string): string | undefined {
	const dot = fileName.lastIndexOf('.');
	if (dot < 0) return undefined;
	return MIME_BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()];
}

export function extensionFromMime(mimeType: string): string {
	return EXTENSION_BY_MIME[mimeType.toLowerCase()] ?? 'bin';
}

/** Recognises the common image formats by their magic bytes. */
export function sniffMime(bytes: Buffer): string | undefined {
	if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
	if (
		bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
		bytes.subarray(8, 12).toString('latin1') === 'WEBP'
	) {
		return 'image/webp';
	}
	if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
	return undefined;
}
