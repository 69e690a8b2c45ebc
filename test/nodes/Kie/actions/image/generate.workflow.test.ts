/**
 * Image → Generate through n8n's engine against the Kie simulator: what a user sees in the
 * output items (task JSON, binaries, MIME types, file names) and what reached Kie.
 */
import { makePng, startSimulator, TINY_JPEG } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import {
	createBodies,
	FAST_POLL,
	fetchBytes,
	kieOutput,
	runKie,
} from '../../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 300 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const generate = (extra: Record<string, unknown> = {}) => ({
	resource: 'image',
	operation: 'generate',
	model: 'nano-banana-pro',
	prompt: 'A lighthouse on a cliff at dawn',
	options: { ...FAST_POLL },
	...extra,
});

describe('Generate with nano-banana-pro, waiting and downloading (the defaults)', () => {
	it('emits the finished task with its result downloaded as binary "data"', async () => {
		const result = await runKie(sim, generate({ aspectRatio: '16:9', resolution: '2K' }));

		const items = kieOutput(result);
		expect(items).toHaveLength(1);
		const [item] = items;
		const { json } = item;
		const taskId = json.taskId as string;
		const task = sim.record.tasks.get(taskId);
		expect(task).toBeDefined();
		expect(sim.record.createdTaskCount()).toBe(1);

		expect(json).toMatchObject({
			taskId,
			model: 'nano-banana-pro',
			state: 'success',
			failCode: null,
			failMsg: null,
			// Kie's status page documents no credits field; only callbacks carry consumeCredits.
			creditsConsumed: null,
		});
		expect(json.resultUrls).toEqual([`${sim.baseUrl}/files/results/${taskId}_0.png`]);
		// The times Kie reported for this task, in milliseconds.
		expect(json).toMatchObject({
			createTime: task!.createdAt,
			completeTime: task!.finishAt,
			costTime: task!.finishAt - task!.createdAt,
		});
		// Kie sends param as a JSON string; the user gets an object (Kie may add defaults to it).
		expect(json.param).toMatchObject({
			model: 'nano-banana-pro',
			input: {
				prompt: 'A lighthouse on a cliff at dawn',
				aspect_ratio: '16:9',
				resolution: '2K',
				output_format: 'png',
			},
		});
		expect(item.pairedItem).toEqual({ item: 0 });

		const binary = item.binary?.data;
		expect(binary).toMatchObject({
			mimeType: 'image/png',
			fileName: `${taskId}_0.png`,
			fileExtension: 'png',
		});
		const served = await fetchBytes((json.resultUrls as string[])[0]);
		expect(served.status).toBe(200);
		const bytes = await result.binaryBuffer(item);
		expect(bytes.equals(served.bytes)).toBe(true);
		expect(bytes.equals(makePng(`${taskId}_0`))).toBe(true);
		expect(Object.keys(item.binary ?? {})).toEqual(['data']);

		expect(createBodies(sim)).toEqual([
			{
				model: 'nano-banana-pro',
				input: {
					prompt: 'A lighthouse on a cliff at dawn',
					aspect_ratio: '16:9',
					resolution: '2K',
					output_format: 'png',
				},
			},
		]);
		expect(task!.polls).toBeGreaterThanOrEqual(1);
	});

	it('names a JPEG result .jpg with MIME type image/jpeg when output_format is jpg', async () => {
		const result = await runKie(sim, generate({ outputFormat: 'jpg' }));

		const [item] = kieOutput(result);
		const taskId = item.json.taskId as string;
		expect(item.json.resultUrls).toEqual([`${sim.baseUrl}/files/results/${taskId}_0.jpg`]);
		expect(item.binary?.data).toMatchObject({
			mimeType: 'image/jpeg',
			fileName: `${taskId}_0.jpg`,
			fileExtension: 'jpg',
		});
		const bytes = await result.binaryBuffer(item);
		expect(bytes.equals(TINY_JPEG)).toBe(true);
		expect(createBodies(sim)[0].input.output_format).toBe('jpg');
	});

	it('turns several results into data, data_1, data_2, each with its own bytes', async () => {
		// No catalogue model has a result-count field: Additional Input carries the one Imagen 4
		// Fast documents (num_images).
		const result = await runKie(
			sim,
			generate({ model: 'google/imagen4-fast', additionalInput: '{"num_images": "3"}' }),
		);

		const [item] = kieOutput(result);
		const taskId = item.json.taskId as string;
		const urls = item.json.resultUrls as string[];
		expect(urls).toEqual([0, 1, 2].map((n) => `${sim.baseUrl}/files/results/${taskId}_${n}.png`));
		expect(Object.keys(item.binary ?? {}).sort()).toEqual(['data', 'data_1', 'data_2']);

		const digests = new Set<string>();
		for (const [n, property] of ['data', 'data_1', 'data_2'].entries()) {
			expect(item.binary![property]).toMatchObject({
				mimeType: 'image/png',
				fileName: `${taskId}_${n}.png`,
			});
			const bytes = await result.binaryBuffer(item, property);
			const served = await fetchBytes(urls[n]);
			expect(bytes.equals(served.bytes)).toBe(true);
			digests.add(bytes.toString('base64'));
		}
		expect(digests.size).toBe(3);
		expect(createBodies(sim)[0].input).toMatchObject({ num_images: '3' });
	});

	it('uses Options → Binary Property Prefix for the result properties', async () => {
		const result = await runKie(
			sim,
			generate({
				model: 'google/imagen4-fast',
				additionalInput: '{"num_images": "2"}',
				options: { ...FAST_POLL, binaryPropertyName: 'picture' },
			}),
		);

		const [item] = kieOutput(result);
		const taskId = item.json.taskId as string;
		expect(Object.keys(item.binary ?? {}).sort()).toEqual(['picture', 'picture_1']);
		expect(item.binary!.picture_1.fileName).toBe(`${taskId}_1.png`);
		const bytes = await result.binaryBuffer(item, 'picture_1');
		expect(bytes.equals(makePng(`${taskId}_1`))).toBe(true);
	});

	it('keeps the result URLs and adds no binary when Download Results is off', async () => {
		const result = await runKie(sim, generate({ downloadResults: false }));

		const [item] = kieOutput(result);
		expect(item.json.state).toBe('success');
		expect(item.json.resultUrls).toHaveLength(1);
		expect(item.binary).toBeUndefined();
		expect(sim.record.count('file')).toBe(0);
	});

	it('runs many items in one execution, each its own task, output in input order', async () => {
		const prompts = ['first', 'second', 'third', 'fourth'];
		const result = await runKie(sim, generate({ prompt: '={{ $json.prompt }}' }), {
			items: prompts.map((prompt) => ({ json: { prompt } })),
		});

		const items = kieOutput(result);
		expect(items).toHaveLength(4);
		expect(sim.record.createdTaskCount()).toBe(4);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.state).toBe('success');
			const task = sim.record.tasks.get(item.json.taskId as string);
			expect(task?.input.prompt).toBe(prompts[index]);
			expect(item.binary?.data.fileName).toBe(`${item.json.taskId as string}_0.png`);
		});
	});

	it('sends the callback URL from Options as callBackUrl', async () => {
		const result = await runKie(
			sim,
			generate({
				waitForCompletion: false,
				options: { callbackUrl: 'https://n8n.example.com/webhook/kie' },
			}),
		);

		const [item] = kieOutput(result);
		expect(createBodies(sim)[0].callBackUrl).toBe('https://n8n.example.com/webhook/kie');
		expect(sim.record.tasks.get(item.json.taskId as string)?.callBackUrl).toBe(
			'https://n8n.example.com/webhook/kie',
		);
	});
});

describe('Generate without waiting', () => {
	it('emits the created task in state waiting and never polls it', async () => {
		sim.configure({ generationMs: 2000 });

		const result = await runKie(sim, generate({ waitForCompletion: false, resolution: '1K' }));

		const items = kieOutput(result);
		expect(items).toHaveLength(1);
		const [item] = items;
		const taskId = item.json.taskId as string;
		expect(taskId).toMatch(/^[0-9a-f]{32}$/);
		expect([...sim.record.tasks.keys()]).toEqual([taskId]);
		expect(item.json).toMatchObject({
			taskId,
			model: 'nano-banana-pro',
			state: 'waiting',
			resultUrls: [],
			param: {
				model: 'nano-banana-pro',
				input: { prompt: 'A lighthouse on a cliff at dawn', resolution: '1K' },
			},
		});
		expect(item.binary).toBeUndefined();
		expect(item.pairedItem).toEqual({ item: 0 });

		expect(sim.record.count('createTask')).toBe(1);
		expect(sim.record.count('recordInfo')).toBe(0);
		expect(sim.record.tasks.get(taskId)?.polls).toBe(0);
		expect(sim.record.count('file')).toBe(0);
	});
});
