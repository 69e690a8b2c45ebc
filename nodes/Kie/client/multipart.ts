/** Kie's multipart stream upload body: `uploadPath`, `fileName`, then the file. */
export function multipartUpload(
	file: { data: Buffer; fileName: string; mimeType: string },
	uploadPath: string,
): { body: Buffer; contentType: string } {
	const boundary = `----n8nKieUpload${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
	const field = (name: string, value: string) =>
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
		);
	const safeName = file.fileName.replace(/["\r\n]/g, '_');
	const body = Buffer.concat([
		field('uploadPath', uploadPath),
		field('fileName', safeName),
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
		),
		file.data,
		Buffer.from(`\r\n--${boundary}--\r\n`),
	]);
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
