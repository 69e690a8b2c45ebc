/** A file to upload: its bytes, or a stream of them with their size (read once, into the body). */
export type UploadSource =
	| { data: Buffer; fileName: string; mimeType: string }
	| { stream: AsyncIterable<Buffer>; size: number; fileName: string; mimeType: string };

/**
 * Kie's multipart stream upload body: `uploadPath`, `fileName`, then the file. A streamed file is
 * copied straight into the one body buffer, so the upload holds the file once, not twice.
 */
export async function multipartUpload(
	file: UploadSource,
	uploadPath: string,
): Promise<{ body: Buffer; contentType: string }> {
	const boundary = `----n8nKieUpload${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
	const field = (name: string, value: string) =>
		`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
	const safeName = file.fileName.replace(/["\r\n]/g, '_');
	const head = Buffer.from(
		field('uploadPath', uploadPath) +
			field('fileName', safeName) +
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	const contentType = `multipart/form-data; boundary=${boundary}`;
	if ('data' in file) return { body: Buffer.concat([head, file.data, tail]), contentType };

	const end = head.length + file.size;
	const body = Buffer.allocUnsafe(end + tail.length);
	head.copy(body, 0);
	let offset = head.length;
	for await (const chunk of file.stream) {
		if (offset + chunk.length > end) throw new Error('The file is larger than its stored size');
		chunk.copy(body, offset);
		offset += chunk.length;
	}
	if (offset !== end) throw new Error('The file is smaller than its stored size');
	tail.copy(body, end);
	return { body, contentType };
}
