/**
 * Image → Edit through n8n's engine against the Kie simulator: binaries are uploaded through
 * Kie's stream upload first, and the task's image input lists the uploaded files, then the URLs.
 */
import { makePng, startSimulator, TINY_JPEG } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import {
	binaryOf,
	createBodies,
	FAST_POLL,
	fetchBytes,
	kieOutput,
	runKie,
	sha256,
	streamUploads,
} from '../../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 300 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const photo = makePng('edit-photo', 24);
const sketch = TINY_JPEG;
const REFERENCE_URL = 'https://images.example.com/style/reference.webp';

const edit = (extra: Record<string, unknown> = {}) => ({
	resource: 'image',
	operation: 'edit',
	model: 'nano-banana-pro',
	prompt: 'Put the person from the photo into the sketch, in the reference style',
	options: { ...FAST_POLL },
	...extra,
});

/** The URL Kie's upload host answers for a recorded stream upload. */
function uploadedUrl(fields: Record<string, string>): string {
	const path = `${fields.uploadPath}/${fields.fileName}`;
	return `${sim.uploadBaseUrl}/files/${path.split('/').map(encodeURIComponent).join('/')}`;
}

describe('Edit with two binaries and one URL', () => {
	it('uploads both binaries, then sends the uploads in the listed order before the URL', async () => {
		const result = await runKie(
			sim,
			// Listed opposite to the item's own property order: the list decides.
			edit({ binaryProperties: 'sketch, photo', imageUrls: [REFERENCE_URL] }),
			{
				items: [
					{
						json: {},
						binary: {
							photo: binaryOf(photo, 'image/png', 'photo.png'),
							sketch: binaryOf(sketch, 'image/jpeg', 'sketch.jpg'),
						},
					},
				],
			},
		);

		const [item] = kieOutput(result);
		expect(item.json.state).toBe('success');

		// The simulator received both files through the stream upload, bytes intact.
		const uploads = streamUploads(sim);
		expect(uploads).toHaveLength(2);
		expect(sim.record.count('base64Upload')).toBe(0);
		expect(sim.record.count('urlUpload')).toBe(0);
		expect(uploads.map((upload) => upload.files.map((file) => file.sha256))).toEqual([
			[sha256(sketch)],
			[sha256(photo)],
		]);
		expect(uploads[0].files[0]).toMatchObject({
			field: 'file',
			mimeType: 'image/jpeg',
			size: sketch.length,
		});
		expect(uploads[1].files[0]).toMatchObject({
			field: 'file',
			mimeType: 'image/png',
			size: photo.length,
		});

		// The created task lists the two uploads (in the order given) and then the URL.
		const [body] = createBodies(sim);
		const imageInput = body.input.image_input as string[];
		expect(imageInput).toEqual([
			uploadedUrl(uploads[0].fields),
			uploadedUrl(uploads[1].fields),
			REFERENCE_URL,
		]);
		expect((await fetchBytes(imageInput[0])).bytes.equals(sketch)).toBe(true);
		expect((await fetchBytes(imageInput[1])).bytes.equals(photo)).toBe(true);
		expect(body.input.prompt).toBe(
			'Put the person from the photo into the sketch, in the reference style',
		);

		// Every upload happened before the create.
		const endpoints = sim.record.requests.map((request) => request.endpoint);
		expect(endpoints.lastIndexOf('streamUpload')).toBeLessThan(endpoints.indexOf('createTask'));

		// The output is the edited image, as binary.
		const taskId = item.json.taskId as string;
		expect((item.json.param as { input: Record<string, unknown> }).input.image_input).toEqual(
			imageInput,
		);
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/png', fileName: `${taskId}_0.png` });
		expect((await result.binaryBuffer(item)).equals(makePng(`${taskId}_0`))).toBe(true);
	});

	it('uses each item’s own binaries when several items are edited in one run', async () => {
		const images = ['one', 'two', 'three'].map((seed) => makePng(`item-${seed}`, 12));
		const result = await runKie(sim, edit({ binaryProperties: 'data', waitForCompletion: false }), {
			items: images.map((bytes, index) => ({
				json: {},
				binary: { data: binaryOf(bytes, 'image/png', `item${index}.png`) },
			})),
		});

		const items = kieOutput(result);
		expect(items).toHaveLength(3);
		expect(streamUploads(sim)).toHaveLength(3);
		for (const [index, item] of items.entries()) {
			const task = sim.record.tasks.get(item.json.taskId as string)!;
			const [url] = task.input.image_input as string[];
			expect((await fetchBytes(url)).bytes.equals(images[index])).toBe(true);
		}
	});
});

describe('Edit with a binary whose name and type disagree with its bytes', () => {
	it('uploads a JPEG declared image/png as .jpg, so Kie serves it as a JPEG', async () => {
		const result = await runKie(sim, edit({ binaryProperties: 'data', waitForCompletion: false }), {
			items: [{ json: {}, binary: { data: binaryOf(TINY_JPEG, 'image/png', 'photo.png') } }],
		});

		const [item] = kieOutput(result);
		const [upload] = streamUploads(sim);
		expect(upload.fields.fileName).toMatch(/^[a-z0-9]{12}\.jpg$/);
		expect(upload.files[0]).toMatchObject({ mimeType: 'image/jpeg', sha256: sha256(TINY_JPEG) });
		const task = sim.record.tasks.get(item.json.taskId as string)!;
		const served = await fetchBytes((task.input.image_input as string[])[0]);
		expect(served.contentType).toBe('image/jpeg');
	});
});

describe('Edit with URLs only', () => {
	it('uploads nothing and sends the URLs as given', async () => {
		const urls = ['https://images.example.com/a.png', 'https://images.example.com/b.jpg'];
		const result = await runKie(sim, edit({ imageUrls: urls, waitForCompletion: false }));

		kieOutput(result);
		expect(sim.record.count('streamUpload')).toBe(0);
		expect(createBodies(sim)[0].input.image_input).toEqual(urls);
	});
});

describe('Edit with a model taking one image URL', () => {
	it('sends the uploaded binary as a single URL string (qwen/image-to-image → image_url)', async () => {
		const result = await runKie(
			sim,
			edit({ model: 'qwen/image-to-image', binaryProperties: 'data', waitForCompletion: false }),
			{ items: [{ json: {}, binary: { data: binaryOf(photo, 'image/png', 'photo.png') } }] },
		);

		kieOutput(result);
		const uploads = streamUploads(sim);
		expect(uploads).toHaveLength(1);
		const input = createBodies(sim)[0].input;
		expect(input.image_url).toBe(uploadedUrl(uploads[0].fields));
		expect((await fetchBytes(input.image_url as string)).bytes.equals(photo)).toBe(true);
	});
});
