import { createHash, randomBytes } from 'node:crypto';
import { FormData } from 'undici';

import { makePng, startSimulator, TINY_JPEG, type KieSimulator } from './';
import { call, createdTaskId, nanoBananaPro, waitForFinal } from './test-helpers';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 20 });
});
afterEach(() => sim.reset());
afterAll(() => sim.stop());

const png = makePng('upload-test');

function streamForm(
	bytes: Buffer,
	fields: Record<string, string>,
	partName = 'photo.png',
	type = 'image/png',
) {
	const form = new FormData();
	form.append('file', new Blob([bytes], { type }), partName);
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	return form;
}

const streamUpload = (body: FormData, key?: string) =>
	call(`${sim.uploadBaseUrl}/api/file-stream-upload`, 'POST', { body, key });
const base64Upload = (json: Record<string, unknown>, key?: string) =>
	call(`${sim.uploadBaseUrl}/api/file-base64-upload`, 'POST', { json, key });
const urlUpload = (json: Record<string, unknown>, key?: string) =>
	call(`${sim.uploadBaseUrl}/api/file-url-upload`, 'POST', { json, key });

async function expectServedBack(data: Record<string, unknown>, bytes: Buffer, mimeType: string) {
	expect(data.fileSize).toBe(bytes.length);
	expect(data.mimeType).toBe(mimeType);
	const file = await call(data.downloadUrl as string, 'GET', { key: null });
	expect(file.status).toBe(200);
	expect(file.headers['content-type']).toBe(mimeType);
	expect(file.bytes.equals(bytes)).toBe(true);
}

describe('file stream upload (multipart)', () => {
	it('stores the file under uploadPath/fileName and serves the same bytes back', async () => {
		const reply = await streamUpload(
			streamForm(png, { uploadPath: 'n8n/tests', fileName: 'cat.png' }),
		);
		expect(reply.status).toBe(200);
		expect(reply.json).toMatchObject({
			success: true,
			code: 200,
			msg: 'File uploaded successfully',
		});
		const { data } = reply.json;
		expect(data.fileName).toBe('cat.png');
		expect(data.filePath).toBe('n8n/tests/cat.png');
		expect(data.downloadUrl).toBe(`${sim.uploadBaseUrl}/files/n8n/tests/cat.png`);
		expect(new Date(data.uploadedAt).toISOString()).toBe(data.uploadedAt);
		await expectServedBack(data, png, 'image/png');
	});

	it('invents a file name with the MIME type’s extension when none is given', async () => {
		const reply = await streamUpload(
			streamForm(TINY_JPEG, { uploadPath: 'n8n' }, 'blob', 'image/jpeg'),
		);
		expect(reply.json.data.fileName).toMatch(/^[0-9a-f]+\.jpg$/);
		await expectServedBack(reply.json.data, TINY_JPEG, 'image/jpeg');
	});

	it('takes the MIME type from the file extension when the part is application/octet-stream', async () => {
		const form = streamForm(
			png,
			{ uploadPath: 'n8n', fileName: 'x.png' },
			'x.png',
			'application/octet-stream',
		);
		const reply = await streamUpload(form);
		expect(reply.json.data.mimeType).toBe('image/png');
	});

	it('handles a file of a few MB', async () => {
		const big = randomBytes(3 * 1024 * 1024);
		const reply = await streamUpload(
			streamForm(
				big,
				{ uploadPath: 'big', fileName: 'noise.bin' },
				'noise.bin',
				'application/octet-stream',
			),
		);
		expect(reply.json.success).toBe(true);
		await expectServedBack(reply.json.data, big, 'application/octet-stream');
	});

	it('records the multipart body as fields and file summaries', async () => {
		await streamUpload(streamForm(png, { uploadPath: 'n8n', fileName: 'cat.png' }));
		const [recorded] = sim.record.requests;
		expect(recorded.endpoint).toBe('streamUpload');
		expect(recorded.body).toEqual({
			fields: { uploadPath: 'n8n', fileName: 'cat.png' },
			files: [
				{
					field: 'file',
					fileName: 'photo.png',
					mimeType: 'image/png',
					size: png.length,
					sha256: createHash('sha256').update(png).digest('hex'),
				},
			],
		});
	});
});

describe('base64 upload', () => {
	it('refuses a data URL or a payload with line breaks, as the live API does', async () => {
		for (const base64Data of [
			`data:image/jpeg;base64,${TINY_JPEG.toString('base64')}`,
			TINY_JPEG.toString('base64').replace(/(.{40})/g, '$1\n'),
		]) {
			const reply = await base64Upload({ base64Data, uploadPath: 'b64', fileName: 'photo.jpg' });
			expect(reply.json).toEqual({
				success: false,
				code: 400,
				msg: 'Base64 decoding failed: Invalid Base64 format',
			});
		}
	});

	it('serves a file with the type its name says, whatever its bytes', async () => {
		const reply = await base64Upload({
			base64Data: TINY_JPEG.toString('base64'),
			uploadPath: 'b64',
			fileName: 'photo.png',
		});
		await expectServedBack(reply.json.data, TINY_JPEG, 'image/png');
	});

	it('accepts plain base64, typing it by file extension or content', async () => {
		const named = await base64Upload({
			base64Data: png.toString('base64'),
			uploadPath: 'b64',
			fileName: 'a.png',
		});
		await expectServedBack(named.json.data, png, 'image/png');
		const unnamed = await base64Upload({ base64Data: png.toString('base64'), uploadPath: 'b64' });
		expect(unnamed.json.data.fileName).toMatch(/\.png$/);
		await expectServedBack(unnamed.json.data, png, 'image/png');
	});

	it('refuses invalid base64 with code 400', async () => {
		const reply = await base64Upload({ base64Data: 'not base64!!', uploadPath: 'b64' });
		expect(reply.status).toBe(200);
		expect(reply.json).toEqual({
			success: false,
			code: 400,
			msg: 'Base64 decoding failed: Invalid Base64 format',
		});
	});
});

describe('URL upload', () => {
	it('downloads a 127.0.0.1 URL and serves the same bytes back', async () => {
		const taskId = await createdTaskId(sim, nanoBananaPro());
		const resultUrl = JSON.parse((await waitForFinal(sim, taskId)).resultJson).resultUrls[0];
		const original = await call(resultUrl, 'GET');
		const reply = await urlUpload({
			fileUrl: resultUrl,
			uploadPath: 'from-url',
			fileName: 'copy.png',
		});
		expect(reply.json).toMatchObject({ success: true, code: 200 });
		expect(reply.json.data.filePath).toBe('from-url/copy.png');
		await expectServedBack(reply.json.data, original.bytes, 'image/png');
	});

	it.each([
		['an external host', 'https://example.com/a.png'],
		['a missing file', 'http://127.0.0.1:1/nothing.png'],
		['a non-http URL', 'ftp://127.0.0.1/a.png'],
	])('answers success false with code 400 for %s', async (_, fileUrl) => {
		const reply = await urlUpload({ fileUrl, uploadPath: 'from-url' });
		expect(reply.status).toBe(200);
		expect(reply.json).toMatchObject({ success: false, code: 400 });
		expect(typeof reply.json.msg).toBe('string');
	});
});

describe('upload host errors', () => {
	it('refuses a missing uploadPath on all three endpoints', async () => {
		const missing = { success: false, code: 400, msg: 'Missing required parameter: uploadPath' };
		expect((await streamUpload(streamForm(png, {}))).json).toEqual(missing);
		expect((await base64Upload({ base64Data: png.toString('base64') })).json).toEqual(missing);
		expect((await urlUpload({ fileUrl: `${sim.baseUrl}/files/x.png` })).json).toEqual(missing);
	});

	it('answers a wrong key with the upload host’s 401 body', async () => {
		const unauthorized = {
			success: false,
			code: 401,
			msg: 'Authentication failed: Invalid API Key',
		};
		const replies = [
			await streamUpload(streamForm(png, { uploadPath: 'x' }), 'wrong'),
			await base64Upload({ base64Data: png.toString('base64'), uploadPath: 'x' }, 'wrong'),
			await urlUpload({ fileUrl: `${sim.baseUrl}/files/x.png`, uploadPath: 'x' }, 'wrong'),
		];
		for (const reply of replies) {
			expect(reply.status).toBe(200);
			expect(reply.json).toEqual(unauthorized);
		}
	});

	it('answers 404 for an uploaded path that does not exist', async () => {
		expect((await call(`${sim.uploadBaseUrl}/files/nothing/here.png`, 'GET')).status).toBe(404);
	});

	it('lets download-url accept uploaded files as its own', async () => {
		const upload = await base64Upload({
			base64Data: png.toString('base64'),
			uploadPath: 'u',
			fileName: 'a.png',
		});
		const reply = await call(`${sim.baseUrl}/api/v1/common/download-url`, 'POST', {
			json: { url: upload.json.data.downloadUrl },
		});
		expect(reply.json.code).toBe(200);
		expect((await call(reply.json.data, 'GET')).bytes.equals(png)).toBe(true);
	});
});
