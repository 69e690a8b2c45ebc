/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Video → Generate / Extend / Upscale and Task → Get through n8n's engine against the simulator's
 * Veo 3.1, Runway and jobs APIs: what users see (items, MP4 binaries) and what reached Kie.
 */
import type { INodeParameters } from 'n8n-workflow';
import { request } from 'undici';

import { kieCredentials, runWorkflow } from '../../../../harness';
import { makePng, startSimulator } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import {
	binaryOf,
	FAST_POLL,
	fetchBytes,
	kieOutput,
	kieWorkflow,
	runKie,
} from '../../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 300 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const video = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'video',
	operation: 'generate',
	model: 'veo3_fast',
	prompt: 'A corgi surfs a wave at sunset',
	options: { ...FAST_POLL },
	...extra,
});

const bodiesOf = (endpoint: string) =>
	sim.record.requests
		.filter((entry) => entry.endpoint === endpoint)
		.map((entry) => entry.body as Record<string, unknown>);

const CREATES = [
	'createTask',
	'veoGenerate',
	'veoExtend',
	'veo4k',
	'runwayGenerate',
	'runwayExtend',
] as const;
const createCount = () => CREATES.reduce((sum, endpoint) => sum + sim.record.count(endpoint), 0);

async function direct(path: string, body: Record<string, unknown>): Promise<string> {
	const response = await request(`${sim.baseUrl}${path}`, {
		method: 'POST',
		headers: { authorization: 'Bearer sim-key', 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const answer = (await response.body.json()) as {
		code: number;
		msg: string;
		data?: { taskId?: string };
	};
	if (answer.code !== 200 || !answer.data?.taskId)
		throw new Error(`refused: ${answer.code} ${answer.msg}`);
	return answer.data.taskId;
}

async function finished(taskId: string): Promise<void> {
	const task = sim.record.tasks.get(taskId)!;
	await new Promise((resolve) => setTimeout(resolve, Math.max(0, task.finishAt - Date.now()) + 20));
}

describe('Video → Generate with Veo 3.1', () => {
	it('sends the top-level body and emits the video as video/mp4 <taskId>_0.mp4', async () => {
		const result = await runKie(sim, video({ aspectRatio: '9:16', resolution: '720p' }));
		const [item] = kieOutput(result);
		const taskId = item.json.taskId as string;
		expect(bodiesOf('veoGenerate')).toEqual([
			{
				prompt: 'A corgi surfs a wave at sunset',
				model: 'veo3_fast',
				aspect_ratio: '9:16',
				resolution: '720p',
				generationType: 'TEXT_2_VIDEO',
			},
		]);
		expect(item.json).toMatchObject({
			taskId,
			api: 'veo',
			model: 'veo3_fast',
			state: 'success',
			failCode: null,
			resolution: '720p',
		});
		const urls = item.json.resultUrls as string[];
		expect(urls).toEqual([`${sim.baseUrl}/files/video/${taskId}/video_0.mp4`]);
		expect(item.json.originUrls).toEqual([`${sim.baseUrl}/files/video/${taskId}/original_0.mp4`]);
		expect(item.binary?.data).toMatchObject({
			mimeType: 'video/mp4',
			fileName: `${taskId}_0.mp4`,
			fileExtension: 'mp4',
		});
		const bytes = await result.binaryBuffer(item);
		expect(bytes.equals((await fetchBytes(urls[0])).bytes)).toBe(true);
		expect(bytes.toString('latin1', 4, 8)).toBe('ftyp');
		expect(sim.record.count('veoRecordInfo')).toBeGreaterThanOrEqual(1);
		expect(sim.record.count('createTask')).toBe(0);
	});

	it('makes a 1080p video with aspect ratio Auto from an image binary (Kie crops Auto to 16:9 or 9:16)', async () => {
		const frame = makePng('veo-auto-frame', 8);
		const result = await runKie(
			sim,
			video({ aspectRatio: 'Auto', resolution: '1080p', binaryProperties: 'frame' }),
			{ items: [{ json: {}, binary: { frame: binaryOf(frame, 'image/png', 'frame.png') } }] },
		);
		const [item] = kieOutput(result);
		const [body] = bodiesOf('veoGenerate');
		expect(body).toMatchObject({ aspect_ratio: 'Auto', resolution: '1080p' });
		expect(body.imageUrls).toEqual([expect.stringMatching(/^https?:\/\//)]);
		expect(item.json).toMatchObject({ api: 'veo', state: 'success', resolution: '1080p' });
		expect(item.binary?.data?.mimeType).toBe('video/mp4');
		expect((await result.binaryBuffer(item)).toString('latin1', 4, 8)).toBe('ftyp');
	});

	it('turns a failed task into an error, and with Continue On Fail an item with taskId, api, failCode, failMsg', async () => {
		const failing = video({ prompt: 'a cat [fail]' });
		const failed = await runKie(sim, failing);
		expect(failed.status).toBe('error');
		const taskId = [...sim.record.tasks.keys()][0];
		expect(failed.error?.message).toContain(taskId);
		expect(failed.error?.message).toContain('501');

		sim.reset();
		const [item] = kieOutput(await runKie(sim, failing, { continueOnFail: true }));
		expect(item.json).toMatchObject({
			taskId: [...sim.record.tasks.keys()][0],
			api: 'veo',
			state: 'fail',
			failCode: '501',
			failMsg: 'Failed - Video generation task failed',
		});
	});

	it('keeps the taskId and api when the wait times out', async () => {
		sim.configure({ generationMs: 60_000 });
		const [item] = kieOutput(
			await runKie(sim, video({ options: { pollInterval: 0.2, timeout: 1 } }), {
				continueOnFail: true,
			}),
		);
		const taskId = [...sim.record.tasks.keys()][0];
		expect(item.json).toMatchObject({ taskId, api: 'veo', state: 'generating' });
		expect(String(item.json.error)).toContain('did not finish within 1 s');
	});

	it('refuses wrong or out-of-range fields before any request', async () => {
		const cases: Array<[INodeParameters, string]> = [
			[video({ model: 'runway', duration: 10, resolution: '1080p' }), '10-second'],
			[video({ model: 'kling-2.6/text-to-video', duration: 7 }), 'Allowed: 5, 10 seconds'],
			[video({ model: 'sora-2-image-to-video' }), 'needs exactly 1 input image'],
			[video({ prompt: '   ' }), 'Prompt is empty'],
		];
		for (const [parameters, message] of cases) {
			const result = await runKie(sim, parameters);
			expect(result.status).toBe('error');
			expect(result.error?.message).toContain(message);
		}
		expect(createCount()).toBe(0);
		expect(sim.record.requests).toHaveLength(0);
	});
});

describe('Video → Generate with Runway and the market models', () => {
	it('Runway: derives the model id, sends a placeholder callBackUrl, emits the MP4 and its cover', async () => {
		const result = await runKie(
			sim,
			video({ model: 'runway', duration: 5, aspectRatio: '1:1', resolution: '720p' }),
		);
		const [item] = kieOutput(result);
		const taskId = item.json.taskId as string;
		expect(bodiesOf('runwayGenerate')).toEqual([
			{
				prompt: 'A corgi surfs a wave at sunset',
				duration: 5,
				quality: '720p',
				aspectRatio: '1:1',
				model: 'runway-duration-5-generate',
				callBackUrl: 'https://callback.invalid/n8n-nodes-kie',
			},
		]);
		expect(item.json).toMatchObject({
			api: 'runway',
			state: 'success',
			imageUrl: `${sim.baseUrl}/files/video/${taskId}/cover.png`,
		});
		expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: `${taskId}_0.mp4` });
		expect(sim.record.count('runwayRecordDetail')).toBeGreaterThanOrEqual(1);
	});

	it('Runway: a failed task keeps failCode 400 and Kie’s message', async () => {
		const [item] = kieOutput(
			await runKie(sim, video({ model: 'runway', prompt: 'x [fail]', aspectRatio: '16:9' }), {
				continueOnFail: true,
			}),
		);
		expect(item.json).toMatchObject({ api: 'runway', state: 'fail', failCode: '400' });
		expect(String(item.json.failMsg)).toContain('Inappropriate content');
	});

	it('market image-to-video: a binary input is uploaded first, then used in order before the URLs', async () => {
		const png = makePng('first-frame');
		const result = await runKie(
			sim,
			video({
				model: 'grok-imagine/image-to-video',
				binaryProperties: 'data',
				imageUrls: ['https://example.com/b.png'],
			}),
			{ items: [{ binary: { data: binaryOf(png, 'image/png', 'frame.png') } }] },
		);
		const [item] = kieOutput(result);
		const uploads = sim.record.requests.filter((entry) => entry.endpoint === 'streamUpload');
		expect(uploads).toHaveLength(1);
		const [create] = bodiesOf('createTask') as Array<{
			model: string;
			input: { image_urls: string[] };
		}>;
		expect(create.model).toBe('grok-imagine/image-to-video');
		expect(create.input.image_urls).toHaveLength(2);
		expect(create.input.image_urls[0]).toContain(sim.uploadBaseUrl);
		expect(create.input.image_urls[1]).toBe('https://example.com/b.png');
		expect(sim.record.requests.indexOf(uploads[0])).toBeLessThan(
			sim.record.requests.findIndex((entry) => entry.endpoint === 'createTask'),
		);
		expect(item.json).toMatchObject({ api: 'market', state: 'success' });
		expect(item.binary?.data).toMatchObject({
			mimeType: 'video/mp4',
			fileName: `${item.json.taskId}_0.mp4`,
		});
	});

	it('refuses a binary of the wrong type before uploading anything', async () => {
		const result = await runKie(
			sim,
			video({ model: 'kling-2.6/image-to-video', binaryProperties: 'data' }),
			{
				items: [{ binary: { data: binaryOf(Buffer.from('GIF89a'), 'image/gif', 'a.gif') } }],
			},
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('image/gif');
		expect(sim.record.requests).toHaveLength(0);
	});
});

describe('Video → Extend and Upscale, Task → Get', () => {
	it('extends a Veo video and a Runway video into new tasks', async () => {
		const veo = await direct('/api/v1/veo/generate', { prompt: 'a dog' });
		const runway = await direct('/api/v1/runway/generate', {
			prompt: 'a cat',
			duration: 5,
			quality: '720p',
			aspectRatio: '16:9',
			callBackUrl: 'https://example.com/cb',
		});
		await finished(veo);
		await finished(runway);
		const extend = {
			resource: 'video',
			operation: 'extend',
			prompt: 'it runs on',
			options: { ...FAST_POLL },
		};
		const [veoItem] = kieOutput(
			await runKie(sim, { ...extend, api: 'veo', taskId: veo, extendModel: 'quality' }),
		);
		expect(bodiesOf('veoExtend')).toEqual([
			{ taskId: veo, prompt: 'it runs on', model: 'quality' },
		]);
		expect(veoItem.json).toMatchObject({ api: 'veo', state: 'success' });
		expect(veoItem.json.taskId).not.toBe(veo);
		expect((veoItem.json.fullResultUrls as string[]).length).toBe(1);

		const [runwayItem] = kieOutput(await runKie(sim, { ...extend, api: 'runway', taskId: runway }));
		expect(bodiesOf('runwayExtend')[0]).toMatchObject({
			taskId: runway,
			prompt: 'it runs on',
			quality: '720p',
		});
		expect(runwayItem.json).toMatchObject({
			api: 'runway',
			state: 'success',
			parentTaskId: runway,
		});
		expect(runwayItem.binary?.data?.mimeType).toBe('video/mp4');
	});

	it('waits for a 1080p version answered code 500 while processing (the live API), past 7.5 s', async () => {
		const original = await direct('/api/v1/veo/generate', { prompt: 'a cat' });
		await finished(original);
		// Ready 8 s after the first ask; the previous wait gave up after ~7.5 s of 500s.
		sim.configure({
			apiVariants: { veoHdProcessing: 'code500' },
			generationMs: ({ model }) => (model === 'veo-1080p' ? 8000 : 300),
		});
		const [hd] = kieOutput(
			await runKie(sim, {
				resource: 'video',
				operation: 'upscale',
				taskId: original,
				resolution: '1080p',
				options: { ...FAST_POLL },
			}),
		);
		expect(hd.json.error).toBeUndefined();
		expect(hd.json).toMatchObject({ taskId: original, state: 'success', resolution: '1080p' });
		expect(hd.json.resultUrls).toEqual([`${sim.baseUrl}/files/video/${original}/1080p_0.mp4`]);
		const asks = sim.record.requests.filter((request) => request.endpoint === 'veo1080p');
		expect(asks.filter((request) => request.bodyCode === 500).length).toBeGreaterThan(5);
		expect(asks[asks.length - 1].bodyCode).toBe(200);
	}, 30_000);

	it('upscales a Veo video to 1080p (asked again until ready) and to 4K (a task of its own)', async () => {
		const original = await direct('/api/v1/veo/generate', { prompt: 'a dog' });
		await finished(original);
		const upscale = {
			resource: 'video',
			operation: 'upscale',
			taskId: original,
			options: { ...FAST_POLL },
		};
		const hdResult = await runKie(sim, { ...upscale, resolution: '1080p' });
		const [hd] = kieOutput(hdResult);
		expect(hd.json).toMatchObject({
			taskId: original,
			api: 'veo',
			state: 'success',
			resolution: '1080p',
		});
		expect(hd.json.resultUrls).toEqual([`${sim.baseUrl}/files/video/${original}/1080p_0.mp4`]);
		expect(sim.record.count('veo1080p')).toBeGreaterThanOrEqual(2);
		expect(hd.binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: `${original}_0.mp4` });

		const [fourK] = kieOutput(await runKie(sim, { ...upscale, resolution: '4k' }));
		expect(bodiesOf('veo4k')).toEqual([{ taskId: original, index: 0 }]);
		expect(fourK.json.taskId).not.toBe(original);
		expect(fourK.json).toMatchObject({ api: 'veo', state: 'success', resolution: '4k' });
		expect((fourK.json.resultUrls as string[])[0]).toMatch(/4k_0\.mp4$/);

		// Asked again: Kie answers 422 "has been generated" with the earlier 4K task, which is
		// the item (no error, no new task).
		const tasksBefore = sim.record.tasks.size;
		const [again] = kieOutput(await runKie(sim, { ...upscale, resolution: '4k' }));
		expect(sim.record.count('veo4k')).toBe(2);
		expect(sim.record.tasks.size).toBe(tasksBefore);
		expect(again.json).toMatchObject({
			taskId: fourK.json.taskId,
			api: 'veo',
			state: 'success',
			resultUrls: fourK.json.resultUrls,
		});
		expect(again.binary?.data).toMatchObject({ mimeType: 'video/mp4' });
	});

	it('a repeated 4K request while the first is still processing waits for that one', async () => {
		const original = await direct('/api/v1/veo/generate', { prompt: 'a cat' });
		await finished(original);
		sim.configure({ generationMs: 400 });
		const upscale = {
			resource: 'video',
			operation: 'upscale',
			taskId: original,
			resolution: '4k',
			options: { ...FAST_POLL },
		};
		const [first, second] = await Promise.all([runKie(sim, upscale), runKie(sim, upscale)]);
		const [a] = kieOutput(first);
		const [b] = kieOutput(second);
		expect(sim.record.count('veo4k')).toBe(2);
		expect(a.json.taskId).toBe(b.json.taskId);
		expect(a.json).toMatchObject({ state: 'success', resolution: '4k' });
		expect(b.json).toMatchObject({ state: 'success', resolution: '4k' });
	});

	it('refuses to upscale a task that is not finished, without a paid request', async () => {
		sim.configure({ generationMs: 60_000 });
		const original = await direct('/api/v1/veo/generate', { prompt: 'a dog' });
		const result = await runKie(sim, {
			resource: 'video',
			operation: 'upscale',
			taskId: original,
			resolution: '4k',
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('not finished');
		expect(sim.record.count('veo4k')).toBe(0);
	});

	it('Get Task reads each API’s status endpoint', async () => {
		const veo = await direct('/api/v1/veo/generate', { prompt: 'a dog' });
		const runway = await direct('/api/v1/runway/generate', {
			prompt: 'a cat',
			duration: 5,
			quality: '720p',
			aspectRatio: '16:9',
			callBackUrl: 'https://example.com/cb',
		});
		const market = await direct('/api/v1/jobs/createTask', {
			model: 'wan/2-6-text-to-video',
			input: { prompt: 'p' },
		});
		await finished(veo);
		await finished(runway);
		await finished(market);
		for (const [api, taskId, endpoint] of [
			['veo', veo, 'veoRecordInfo'],
			['runway', runway, 'runwayRecordDetail'],
			['market', market, 'recordInfo'],
		] as const) {
			const [item] = kieOutput(
				await runKie(sim, { resource: 'task', operation: 'get', taskId, api }),
			);
			expect(item.json).toMatchObject({ taskId, api, state: 'success' });
			expect((item.json.resultUrls as string[])[0]).toMatch(/\.mp4$/);
			expect(sim.record.count(endpoint)).toBe(1);
		}
	});
});

describe('image and video creates in one account window', () => {
	it('keeps 24 image, Veo, Runway and jobs-API video creates of two executions within 6 per second', async () => {
		sim.configure({ createLimit: { max: 6, windowMs: 1000 } });
		const credentials = { kieApi: kieCredentials(sim, { maxNewTasks: 6, maxNewTasksWindow: 1 }) };
		const models = ['veo3_fast', 'runway', 'kling-2.6/text-to-video'];
		const videoItems = Array.from({ length: 12 }, (_, index) => ({
			json: { model: models[index % 3] },
		}));
		const imageItems = Array.from({ length: 12 }, (_, index) => ({
			json: { prompt: `picture ${index}` },
		}));
		const [images, videos] = await Promise.all([
			runWorkflow(
				kieWorkflow(
					{
						resource: 'image',
						operation: 'generate',
						model: 'nano-banana-pro',
						prompt: '={{ $json.prompt }}',
						waitForCompletion: false,
					},
					{ items: imageItems },
				),
				{ credentials },
			),
			runWorkflow(
				kieWorkflow(
					{
						...video({ model: '={{ $json.model }}', aspectRatio: '16:9' }),
						waitForCompletion: false,
					},
					{ items: videoItems },
				),
				{ credentials },
			),
		]);
		expect(kieOutput(images).map((item) => item.json.state)).toEqual(Array(12).fill('waiting'));
		expect(kieOutput(videos).map((item) => item.json.api)).toEqual(
			Array.from({ length: 12 }, (_, index) => ['veo', 'runway', 'market'][index % 3]),
		);
		expect(sim.record.createdTaskCount()).toBe(24);
		expect(sim.record.rateLimitedCount()).toBe(0);
		expect(sim.record.maxCreatesInAnyWindow(1000)).toBeLessThanOrEqual(6);
		// One window for both executions: were each counted apart, the first second would hold 12.
		const creates = sim.record.requests
			.filter((entry) => (CREATES as readonly string[]).includes(entry.endpoint))
			.map((entry) => ({ at: entry.arrivedAt, video: entry.endpoint !== 'createTask' }));
		const mixed = creates.some((first) => {
			const window = creates.filter((other) => other.at >= first.at && other.at < first.at + 1000);
			return window.some((entry) => entry.video) && window.some((entry) => !entry.video);
		});
		expect(mixed).toBe(true);
		expect(sim.record.maxCreatesInAnyWindow(1000)).toBe(6);
	});
});
