/**
 * The dedicated image APIs behind Image → Generate and Edit (4o Image, Flux Kontext) through
 * n8n's engine: their own create bodies, status fields and result locations, as task items.
 */
import { makePng, startSimulator, TINY_JPEG } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import { FAST_POLL, kieOutput, runKie } from '../../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 300 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const SOURCE = 'https://images.example.com/room.png';

const image = (operation: 'generate' | 'edit', extra: Record<string, unknown>) => ({
	resource: 'image',
	operation,
	prompt: 'A cosy reading corner',
	options: { ...FAST_POLL },
	...extra,
});

const bodiesOf = (endpoint: 'fourOImageGenerate' | 'fluxKontextGenerate') =>
	sim.record.requests.filter((entry) => entry.endpoint === endpoint).map((entry) => entry.body);

describe('4o Image API (gpt-4o-image)', () => {
	it('Generate: top-level body without a model field, response.resultUrls as a PNG binary', async () => {
		const result = await runKie(
			sim,
			image('generate', { model: 'gpt-4o-image', aspectRatio: '2:3' }),
		);

		const [item] = kieOutput(result);
		const taskId = item.json.taskId as string;
		expect(bodiesOf('fourOImageGenerate')).toEqual([
			{ prompt: 'A cosy reading corner', size: '2:3' },
		]);
		expect(sim.record.count('createTask')).toBe(0);
		expect(item.json).toMatchObject({
			taskId,
			model: 'gpt-4o-image',
			state: 'success',
			resultUrls: [`${sim.baseUrl}/files/4o/${taskId}_0.png`],
			failCode: null,
			param: { prompt: 'A cosy reading corner', size: '2:3' },
			progress: 100,
		});
		expect(typeof item.json.costTime).toBe('number');
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/png', fileName: `${taskId}_0.png` });
		expect((await result.binaryBuffer(item)).equals(makePng(`${taskId}_0`))).toBe(true);
	});

	it('Edit: the images as filesUrl; more than 5 are refused before any request', async () => {
		const urls = Array.from({ length: 6 }, (_, n) => `https://images.example.com/${n}.png`);
		const refused = await runKie(sim, image('edit', { model: 'gpt-4o-image', imageUrls: urls }));
		expect(refused.status).toBe('error');
		expect(refused.error?.message).toMatch(/at most 5/);
		expect(sim.record.requests).toHaveLength(0);

		const result = await runKie(
			sim,
			image('edit', { model: 'gpt-4o-image', imageUrls: [SOURCE], waitForCompletion: false }),
		);
		expect(kieOutput(result)[0].json.state).toBe('waiting');
		expect(bodiesOf('fourOImageGenerate')).toEqual([
			{ prompt: 'A cosy reading corner', filesUrl: [SOURCE], size: '1:1' },
		]);
	});

	it('a failed task (successFlag 2) carries errorCode and errorMessage as failCode and failMsg', async () => {
		const result = await runKie(
			sim,
			image('generate', { model: 'gpt-4o-image', prompt: 'a [fail]' }),
			{
				continueOnFail: true,
			},
		);
		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({
			taskId: [...sim.record.tasks.keys()][0],
			state: 'fail',
			failCode: '400',
			failMsg: 'Your content was flagged by OpenAI as violating content policies',
		});
	});
});

describe('Flux Kontext API (flux-kontext-pro, flux-kontext-max)', () => {
	it('Edit: one image as inputImage with the model named in the body; resultImageUrl as a JPEG', async () => {
		const result = await runKie(
			sim,
			image('edit', { model: 'flux-kontext-max', imageUrls: [SOURCE], aspectRatio: '4:3' }),
		);

		const [item] = kieOutput(result);
		const taskId = item.json.taskId as string;
		expect(bodiesOf('fluxKontextGenerate')).toEqual([
			{
				prompt: 'A cosy reading corner',
				inputImage: SOURCE,
				aspectRatio: '4:3',
				outputFormat: 'jpeg',
				model: 'flux-kontext-max',
			},
		]);
		expect(item.json).toMatchObject({
			taskId,
			model: 'flux-kontext-max',
			state: 'success',
			resultUrls: [`${sim.baseUrl}/files/flux-kontext/${taskId}_0.jpg`],
			originImageUrl: `${sim.baseUrl}/files/flux-kontext/${taskId}_origin.jpg`,
		});
		expect(item.binary?.data).toMatchObject({
			mimeType: 'image/jpeg',
			fileName: `${taskId}_0.jpg`,
		});
		expect((await result.binaryBuffer(item)).equals(TINY_JPEG)).toBe(true);
		expect(Object.keys(item.binary ?? {})).toEqual(['data']);
	});

	it('refuses two images for Edit and an unknown aspect ratio before any request', async () => {
		for (const extra of [
			{ imageUrls: [SOURCE, SOURCE] },
			{ imageUrls: [SOURCE], aspectRatio: '2:1' },
		]) {
			const result = await runKie(sim, image('edit', { model: 'flux-kontext-pro', ...extra }));
			expect(result.status).toBe('error');
		}
		expect(sim.record.requests).toHaveLength(0);
	});

	it('a failed task (successFlag 3) is an error naming the taskId, failCode 501 and the message', async () => {
		const result = await runKie(
			sim,
			image('generate', { model: 'flux-kontext-pro', prompt: '[fail]' }),
		);
		expect(result.status).toBe('error');
		const taskId = [...sim.record.tasks.keys()][0];
		expect(result.error?.message).toContain(taskId);
		expect(result.error?.message).toContain('501');
		expect(result.error?.message).toContain('Image generation task failed');
	});
});
