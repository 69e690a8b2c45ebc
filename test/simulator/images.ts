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

/** A valid `size`×`size` 8-bit RGB PNG: a diagonal two-colour gradient derived from `seed`. */
export function makePng(seed: string, size = 32): Buffer {
	const digest = createHash('sha256').update(seed).digest();
	const from = [digest[0], digest[1], digest[2]];
	const to = [digest[3], digest[4], digest[5]];

	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // colour type: truecolour RGB
	header[10] = 0; // compression
	header[11] = 0; // filter method
	header[12] = 0; // no interlace

	const rowLength = 1 + size * 3;
	const raw = Buffer.alloc(rowLength * size);
	for (let y = 0; y < size; y++) {
		raw[y * rowLength] = 0; // filter type None
		for (let x = 0; x < size; x++) {
			const t = (x + y) / (2 * (size - 1));
			for (let channel = 0; channel < 3; channel++) {
				raw[y * rowLength + 1 + x * 3 + channel] = Math.round(
					from[channel] + (to[channel] - from[channel]) * t,
				);
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
