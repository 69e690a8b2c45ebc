/**
 * MIME types and extensions of files, in one table. Result files: the server's word when
 * specific, else the bytes, else the URL. (n8n's prepareBinaryData detects too, but the file
 * name `<taskId>_<n>.<ext>` needs the type before the binary is made.)
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
	'video/mp4': 'mp4',
	'video/quicktime': 'mov',
	'video/webm': 'webm',
	'audio/mpeg': 'mp3',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'audio/mp4': 'm4a',
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

function sniff(data: Buffer): string | undefined {
	if (
		data.length >= 8 &&
		data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
	)
		return 'image/png';
	if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff)
		return 'image/jpeg';
	if (
		data.length >= 12 &&
		data.toString('ascii', 0, 4) === 'RIFF' &&
		data.toString('ascii', 8, 12) === 'WEBP'
	)
		return 'image/webp';
	if (data.length >= 6 && data.toString('ascii', 0, 3) === 'GIF') return 'image/gif';
	if (data.length >= 12 && data.toString('ascii', 4, 8) === 'ftyp') return 'video/mp4';
	if (data.length >= 3 && data.toString('ascii', 0, 3) === 'ID3') return 'audio/mpeg';
	return undefined;
}

export function mimeTypeOf(data: Buffer, contentType: string | undefined, url: string): string {
	const declared = contentType?.split(';')[0].trim().toLowerCase();
	if (declared && declared !== 'application/octet-stream' && declared !== 'binary/octet-stream') {
		return declared;
	}
	const fromExtension = EXTENSION_TO_MIME[extensionOfUrl(url) ?? ''];
	return sniff(data) ?? fromExtension ?? 'application/octet-stream';
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
