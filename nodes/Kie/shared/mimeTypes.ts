/**
 * MIME types and extensions of files, in one table. Result files: the server's word when
 * specific, else the bytes, else the URL. (n8n's prepareBinaryData detects too, but only from a
 * Buffer, and the file name `<taskId>_<n>.<ext>` needs the type before the binary is made.)
 */

const EXTENSION_TO_MIME: Readonly<Record<string, string>> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	webp: 'image/webp',
	gif: 'image/gif',
	bmp: 'image/bmp',
	tif: 'image/tiff',
	tiff: 'image/tiff',
	heic: 'image/heic',
	avif: 'image/avif',
	svg: 'image/svg+xml',
	mp4: 'video/mp4',
	mov: 'video/quicktime',
	webm: 'video/webm',
	mp3: 'audio/mpeg',
	wav: 'audio/wav',
	m4a: 'audio/mp4',
	aac: 'audio/aac',
	ogg: 'audio/ogg',
	flac: 'audio/flac',
	json: 'application/json',
	txt: 'text/plain',
};

/** Other names in use for the same types. */
const MIME_ALIASES: Readonly<Record<string, string>> = {
	'image/jpg': 'image/jpeg',
	'image/pjpeg': 'image/jpeg',
	'audio/mp3': 'audio/mpeg',
	'audio/x-wav': 'audio/wav',
};

const MIME_TO_EXTENSION: Record<string, string> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/webp': 'webp',
	'image/gif': 'gif',
	'image/avif': 'avif',
	'image/heic': 'heic',
	'video/mp4': 'mp4',
	'video/quicktime': 'mov',
	'video/webm': 'webm',
	'audio/mpeg': 'mp3',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'audio/mp4': 'm4a',
	'audio/ogg': 'ogg',
	'audio/flac': 'flac',
	'application/json': 'json',
	'text/plain': 'txt',
};

function extensionOfUrl(url: string): string | undefined {
	try {
		const path = new URL(url).pathname;
		const match = /\.([a-z0-9]{2,5})$/i.exec(path);
		return match ? match[1].toLowerCase() : undefined;
	} catch {
		return undefined;
	}
}

function ascii(data: Buffer, from: number, to: number): string {
	return data.length >= to ? data.toString('latin1', from, to) : '';
}

/** The type a file's first bytes announce (16 are enough for every type listed), if any. */
export function sniffMimeType(data: Buffer): string | undefined {
	if (ascii(data, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
	if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff)
		return 'image/jpeg';
	if (ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WEBP') return 'image/webp';
	if (ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WAVE') return 'audio/wav';
	if (ascii(data, 0, 3) === 'GIF') return 'image/gif';
	if (ascii(data, 4, 8) === 'ftyp') {
		const brand = ascii(data, 8, 12);
		if (brand === 'M4A ') return 'audio/mp4';
		if (brand === 'qt  ') return 'video/quicktime';
		if (brand === 'avif') return 'image/avif';
		if (brand === 'heic' || brand === 'heix') return 'image/heic';
		return 'video/mp4';
	}
	if (data.length >= 4 && data.readUInt32BE(0) === 0x1a45dfa3) return 'video/webm';
	if (ascii(data, 0, 3) === 'ID3') return 'audio/mpeg';
	// An MPEG audio frame without an ID3 tag: 11 sync bits, then MPEG-1/2 layer III.
	if (data.length >= 2 && data[0] === 0xff && (data[1] & 0xe6) === 0xe2) return 'audio/mpeg';
	if (ascii(data, 0, 4) === 'OggS') return 'audio/ogg';
	if (ascii(data, 0, 4) === 'fLaC') return 'audio/flac';
	return undefined;
}

const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/**
 * A result file's type: the server's word when specific, else what its first bytes say, else the
 * URL's extension. The URL alone never decides when the server named a type.
 */
export function resultMimeType(contentType: string | undefined, head: Buffer, url: string): string {
	const declared = canonicalMimeType(contentType ?? '');
	if (!GENERIC_TYPES.has(declared)) return declared;
	const fromExtension = EXTENSION_TO_MIME[extensionOfUrl(url) ?? ''];
	return sniffMimeType(head) ?? fromExtension ?? 'application/octet-stream';
}

export function extensionForMime(mimeType: string, url: string): string {
	return MIME_TO_EXTENSION[mimeType] ?? extensionOfUrl(url) ?? 'bin';
}

export function mimeTypeForFileName(fileName: string): string | undefined {
	const match = /\.([a-z0-9]{2,5})$/i.exec(fileName);
	return match ? EXTENSION_TO_MIME[match[1].toLowerCase()] : undefined;
}

/** A MIME type in its usual spelling, lower case, without parameters. */
export function canonicalMimeType(mimeType: string): string {
	const plain = mimeType.split(';')[0].trim().toLowerCase();
	return MIME_ALIASES[plain] ?? plain;
}

/**
 * `name` with the extension its bytes call for. Kie's upload host serves a file with the type of
 * its name's extension, and models trust it: a JPEG uploaded as `.png` made Veo fail.
 */
export function nameForBytes(name: string, head: Buffer): string {
	const sniffed = sniffMimeType(head);
	const extension = sniffed ? MIME_TO_EXTENSION[sniffed] : undefined;
	if (!sniffed || !extension) return name;
	const current = /\.([a-z0-9]{2,5})$/i.exec(name);
	if (current && canonicalMimeType(EXTENSION_TO_MIME[current[1].toLowerCase()] ?? '') === sniffed)
		return name;
	return `${current ? name.slice(0, -current[0].length) : name}.${extension}`;
}
