/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * File → Upload through n8n's engine against the Kie simulator's upload host: from a binary
 * (multipart stream upload), from a URL (Kie fetches it), from base64.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { makePng, startSimulator, TINY_JPEG } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import {
	binaryOf,
	fetchBytes,
	kieOutput,
	runKie,
	sha256,
	streamUploads,
} from '../../../../helpers/workflow';

let sim: KieSimulator;
/** A public web server, from which Kie's URL upload fetches a file. */
let webServer: http.Server;
let webUrl: string;

const photo = makePng('upload-photo', 20);

beforeAll(async () => {
	sim = await startSimulator();
	webServer = http.createServer((req, res) => {
		if (req.url === '/pictures/cat.jpg') {
			res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': TINY_JPEG.length });
			res.end(TINY_JPEG);
		} else {
			res.writeHead(404).end();
		}
	});
	await new Promise<void>((resolve) => webServer.listen(0, '127.0.0.1', resolve));
	webUrl = `http://127.0.0.1:${(webServer.address() as AddressInfo).port}`;
});
afterEach(() => sim.reset());
afterAll(async () => {
	await sim.stop();
	await new Promise<void>((resolve) => webServer.close(() => resolve()));
});

const upload = (extra: Record<string, unknown>) => ({
	resource: 'file',
	operation: 'upload',
	...extra,
});

function expectUploadItem(json: Record<string, unknown>): void {
	expect(Object.keys(json).sort()).toEqual(
		['downloadUrl', 'fileName', 'filePath', 'fileSize', 'mimeType', 'uploadedAt'].sort(),
	);
	expect(Number.isNaN(Date.parse(json.uploadedAt as string))).toBe(false);
}

describe('Upload from a binary property', () => {
	it('streams the bytes to Kie and emits the file’s temporary URL', async () => {
		const result = await runKie(sim, upload({ source: 'binary' }), {
			items: [{ json: {}, binary: { data: binaryOf(photo, 'image/png', 'holiday.png') } }],
		});

		const [item] = kieOutput(result);
		expectUploadItem(item.json);
		expect(item.json).toMatchObject({
			fileName: 'holiday.png',
			filePath: 'n8n/holiday.png',
			fileSize: photo.length,
			mimeType: 'image/png',
			downloadUrl: `${sim.uploadBaseUrl}/files/n8n/holiday.png`,
		});
		expect(item.pairedItem).toEqual({ item: 0 });

		const uploads = streamUploads(sim);
		expect(uploads).toHaveLength(1);
		expect(uploads[0].fields).toMatchObject({ uploadPath: 'n8n', fileName: 'holiday.png' });
		expect(uploads[0].files).toEqual([
			expect.objectContaining({
				field: 'file',
				mimeType: 'image/png',
				size: photo.length,
				sha256: sha256(photo),
			}),
		]);
		const served = await fetchBytes(item.json.downloadUrl as string);
		expect(served.bytes.equals(photo)).toBe(true);
	});

	it('takes another binary property, upload path and file name', async () => {
		const result = await runKie(
			sim,
			upload({
				source: 'binary',
				binaryPropertyName: 'scan',
				uploadPath: '/my/folder/',
				fileName: 'renamed.jpg',
			}),
			{
				items: [{ json: {}, binary: { scan: binaryOf(TINY_JPEG, 'image/jpeg', 'IMG_0001.JPG') } }],
			},
		);

		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({
			fileName: 'renamed.jpg',
			filePath: 'my/folder/renamed.jpg',
			mimeType: 'image/jpeg',
			fileSize: TINY_JPEG.length,
		});
		expect(streamUploads(sim)[0].fields).toMatchObject({
			uploadPath: 'my/folder',
			fileName: 'renamed.jpg',
		});
		expect(streamUploads(sim)[0].files[0].sha256).toBe(sha256(TINY_JPEG));
		expect((await fetchBytes(item.json.downloadUrl as string)).bytes.equals(TINY_JPEG)).toBe(true);
	});
});

describe('Upload from a binary property, named by its bytes', () => {
	it('a JPEG whose binary says image/png and photo.png is sent as photo.jpg, image/jpeg', async () => {
		const result = await runKie(sim, upload({ source: 'binary' }), {
			items: [{ json: {}, binary: { data: binaryOf(TINY_JPEG, 'image/png', 'photo.png') } }],
		});

		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({ fileName: 'photo.jpg', mimeType: 'image/jpeg' });
		expect(streamUploads(sim)[0].fields).toMatchObject({ fileName: 'photo.jpg' });
		expect(streamUploads(sim)[0].files[0]).toMatchObject({ mimeType: 'image/jpeg' });
		const served = await fetchBytes(item.json.downloadUrl as string);
		expect(served.bytes.equals(TINY_JPEG)).toBe(true);
		expect(served.contentType).toBe('image/jpeg');
	});
});

describe('Upload from a URL', () => {
	it('has Kie fetch the URL and emits the stored file', async () => {
		const fileUrl = `${webUrl}/pictures/cat.jpg`;
		const result = await runKie(sim, upload({ source: 'url', fileUrl, uploadPath: 'from-web' }));

		const [item] = kieOutput(result);
		expectUploadItem(item.json);
		expect(item.json).toMatchObject({ mimeType: 'image/jpeg', fileSize: TINY_JPEG.length });
		expect(item.json.filePath).toMatch(/^from-web\//);
		const requests = sim.record.requests.filter((request) => request.endpoint === 'urlUpload');
		expect(requests).toHaveLength(1);
		expect(requests[0].body).toEqual({ fileUrl, uploadPath: 'from-web' });
		expect((await fetchBytes(item.json.downloadUrl as string)).bytes.equals(TINY_JPEG)).toBe(true);
	});

	it('sends the file name given, and Kie stores the file under it', async () => {
		const fileUrl = `${webUrl}/pictures/cat.jpg`;
		const result = await runKie(
			sim,
			upload({ source: 'url', fileUrl, uploadPath: 'from-web', fileName: 'kitten.jpg' }),
		);

		const [item] = kieOutput(result);
		expectUploadItem(item.json);
		const requests = sim.record.requests.filter((request) => request.endpoint === 'urlUpload');
		expect(requests.map((request) => request.body)).toEqual([
			{ fileUrl, uploadPath: 'from-web', fileName: 'kitten.jpg' },
		]);
		expect(item.json).toMatchObject({
			fileName: 'kitten.jpg',
			filePath: 'from-web/kitten.jpg',
			downloadUrl: `${sim.uploadBaseUrl}/files/from-web/kitten.jpg`,
			mimeType: 'image/jpeg',
		});
		expect((await fetchBytes(item.json.downloadUrl as string)).bytes.equals(TINY_JPEG)).toBe(true);
	});
});

describe('Upload from base64', () => {
	it('sends plain base64 and emits the stored file', async () => {
		const result = await runKie(
			sim,
			upload({ source: 'base64', base64Data: photo.toString('base64'), fileName: 'b64.png' }),
		);

		const [item] = kieOutput(result);
		expectUploadItem(item.json);
		expect(item.json).toMatchObject({
			fileName: 'b64.png',
			filePath: 'n8n/b64.png',
			mimeType: 'image/png',
			fileSize: photo.length,
		});
		const requests = sim.record.requests.filter((request) => request.endpoint === 'base64Upload');
		expect(requests).toHaveLength(1);
		expect(requests[0].body).toEqual({
			base64Data: photo.toString('base64'),
			uploadPath: 'n8n',
			fileName: 'b64.png',
		});
		expect((await fetchBytes(item.json.downloadUrl as string)).bytes.equals(photo)).toBe(true);
	});

	it('accepts a data URL with parameters before ;base64', async () => {
		const dataUrl = `data:image/png;name=photo.png;base64,${photo.toString('base64')}`;
		const result = await runKie(sim, upload({ source: 'base64', base64Data: dataUrl }));

		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({ mimeType: 'image/png', fileSize: photo.length });
		expect((await fetchBytes(item.json.downloadUrl as string)).bytes.equals(photo)).toBe(true);
	});

	it('sends a data URL as its bare payload, named from its bytes', async () => {
		const dataUrl = `data:image/jpeg;base64,${TINY_JPEG.toString('base64')}`;
		const result = await runKie(sim, upload({ source: 'base64', base64Data: dataUrl }));

		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({ mimeType: 'image/jpeg', fileSize: TINY_JPEG.length });
		expect(item.json.fileName).toMatch(/\.jpg$/);
		const [request] = sim.record.requests.filter((one) => one.endpoint === 'base64Upload');
		expect((request.body as { base64Data: string }).base64Data).toBe(TINY_JPEG.toString('base64'));
		expect((await fetchBytes(item.json.downloadUrl as string)).bytes.equals(TINY_JPEG)).toBe(true);
	});

	it('sends base64 pasted with line breaks without them', async () => {
		const wrapped = photo.toString('base64').replace(/(.{60})/g, '$1\r\n');
		const result = await runKie(
			sim,
			upload({ source: 'base64', base64Data: wrapped, fileName: 'wrapped.png' }),
		);

		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({ fileName: 'wrapped.png', fileSize: photo.length });
		const [request] = sim.record.requests.filter((one) => one.endpoint === 'base64Upload');
		expect((request.body as { base64Data: string }).base64Data).toBe(photo.toString('base64'));
	});

	it('names a JPEG called .png by its bytes, so Kie serves it as a JPEG', async () => {
		const result = await runKie(
			sim,
			upload({ source: 'base64', base64Data: TINY_JPEG.toString('base64'), fileName: 'shot.png' }),
		);

		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({ fileName: 'shot.jpg', mimeType: 'image/jpeg' });
		const served = await fetchBytes(item.json.downloadUrl as string);
		expect(served.bytes.equals(TINY_JPEG)).toBe(true);
		expect(served.contentType).toBe('image/jpeg');
	});
});
