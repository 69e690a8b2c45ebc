/** A small multipart/form-data parser for the simulator's stream upload (whole body in memory). */

export interface MultipartPart {
	name: string;
	fileName?: string;
	contentType?: string;
	data: Buffer;
}

export class MultipartError extends Error {}

export function boundaryOf(contentType: string | undefined): string | undefined {
	if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2]).trim() : undefined;
}

function parseDisposition(value: string): { name?: string; fileName?: string } {
	const result: { name?: string; fileName?: string } = {};
	const starName = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(value);
	const name =
		/(?:^|;)\s*name="((?:[^"\\]|\\.)*)"/i.exec(value) ?? /(?:^|;)\s*name=([^;]+)/i.exec(value);
	const fileName =
		/(?:^|;)\s*filename="((?:[^"\\]|\\.)*)"/i.exec(value) ??
		/(?:^|;)\s*filename=([^;]+)/i.exec(value);
	if (name) result.name = name[1].replace(/\\(.)/g, '$1').trim();
	if (starName) result.fileName = decodeURIComponent(starName[1].trim());
	else if (fileName) result.fileName = fileName[1].replace(/\\(.)/g, '$1').trim();
	return result;
}

export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: MultipartPart[] = [];
	let position = body.indexOf(delimiter);
	if (position < 0) throw new MultipartError('multipart boundary not found');

	for (;;) {
		position += delimiter.length;
		if (body.subarray(position, position + 2).toString('latin1') === '--') break;
		// Skip the CRLF after the delimiter.
		if (body[position] === 0x0d && body[position + 1] === 0x0a) position += 2;
		const headerEnd = body.indexOf('\r\n\r\n', position, 'latin1');
		if (headerEnd < 0) throw new MultipartError('multipart part headers not terminated');
		const headers = new Map<string, string>();
		for (const line of body.subarray(position, headerEnd).toString('utf8').split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0)
				headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
		}
		const dataStart = headerEnd + 4;
		const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), dataStart);
		if (next < 0) throw new MultipartError('multipart closing boundary not found');
		const disposition = parseDisposition(headers.get('content-disposition') ?? '');
		if (disposition.name !== undefined) {
			parts.push({
				name: disposition.name,
				fileName: disposition.fileName,
				contentType: headers.get('content-type'),
				data: body.subarray(dataStart, next),
			});
		}
		position = next + 2; // at the delimiter
	}
	return parts;
}
