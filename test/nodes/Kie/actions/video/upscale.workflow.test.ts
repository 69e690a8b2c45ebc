/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Video → Upscale's Veo 3.1 entry (catalogue models veo/1080p and veo/4k) through n8n's engine:
 * saved workflows of both versions send Kie exactly the requests they sent before the entry
 * became catalogue data, and bad input still costs no request.
 */
import type { INodeParameters } from 'n8n-workflow';
import { request } from 'undici';

import { startSimulator } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import { FAST_POLL, kieOutput, runKie } from '../../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 300 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

/** A finished Veo 3.1 video (made directly, not by the node). */
async function finishedVeo(): Promise<string> {
	const response = await request(`${sim.baseUrl}/api/v1/veo/generate`, {
		method: 'POST',
		headers: { authorization: 'Bearer sim-key', 'content-type': 'application/json' },
		body: JSON.stringify({ prompt: 'a dog', model: 'veo3_fast' }),
	});
	const taskId = ((await response.body.json()) as { data: { taskId: string } }).data.taskId;
	const task = sim.record.tasks.get(taskId)!;
	await new Promise((resolve) => setTimeout(resolve, Math.max(0, task.finishAt - Date.now()) + 20));
	sim.record.requests.length = 0;
	return taskId;
}

/** Every request Kie received, without the downloads of the result files. */
const received = () =>
	sim.record.requests
		.filter((entry) => entry.endpoint !== 'file' && entry.endpoint !== 'unknown')
		.map(({ endpoint, method, query, body }) => ({ endpoint, method, query, body }));

const upscale = (taskId: string, extra: INodeParameters): INodeParameters => ({
	resource: 'video',
	operation: 'upscale',
	videoModel: 'veo',
	taskId,
	...extra,
});

describe.each([1, 2])('Video → Upscale Veo 3.1, node version %i', (typeVersion) => {
	it('4K: reads the original, then sends taskId, index and the callback URL as before', async () => {
		const original = await finishedVeo();
		const callbackUrl = 'https://hooks.example.com/kie';
		const [item] = kieOutput(
			await runKie(
				sim,
				upscale(original, {
					resolution: '4k',
					options: { ...FAST_POLL, videoIndex: 0, callbackUrl },
				}),
				{ typeVersion },
			),
		);
		const requests = received();
		expect(requests[0]).toEqual({
			endpoint: 'veoRecordInfo',
			method: 'GET',
			query: { taskId: original },
			body: undefined,
		});
		expect(requests.filter((entry) => entry.endpoint === 'veo4k')).toEqual([
			{
				endpoint: 'veo4k',
				method: 'POST',
				query: {},
				body: { taskId: original, index: 0, callBackUrl: callbackUrl },
			},
		]);
		expect(item.json).toMatchObject({ api: 'veo', state: 'success', resolution: '4k' });
		expect(item.json.taskId).not.toBe(original);
		expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4' });
	});

	it('1080p: reads the original, then asks for its 1080P file by taskId and index until ready', async () => {
		const original = await finishedVeo();
		const [item] = kieOutput(
			await runKie(sim, upscale(original, { resolution: '1080p', options: { ...FAST_POLL } }), {
				typeVersion,
			}),
		);
		const requests = received();
		expect(requests[0]).toMatchObject({ endpoint: 'veoRecordInfo', query: { taskId: original } });
		const asks = requests.slice(1);
		expect(asks.length).toBeGreaterThanOrEqual(2);
		for (const ask of asks) {
			expect(ask).toEqual({
				endpoint: 'veo1080p',
				method: 'GET',
				query: { taskId: original, index: '0' },
				body: undefined,
			});
		}
		expect(item.json).toMatchObject({
			taskId: original,
			api: 'veo',
			state: 'success',
			resolution: '1080p',
			resultUrls: [`${sim.baseUrl}/files/video/${original}/1080p_0.mp4`],
		});
	});

	it.each([
		[{ videoIndex: -1 }, 'Video Index', 'options.videoIndex'],
		[{ videoIndex: 1.5 }, 'Video Index', 'options.videoIndex'],
	])('refuses %j before any request', async (options, label, _param) => {
		const result = await runKie(
			sim,
			upscale('veo_task_abc', { resolution: '4k', options: { ...FAST_POLL, ...options } }),
			{ typeVersion },
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(label);
		expect(sim.record.requests).toEqual([]);
	});

	it('refuses an index the original does not have after the free read, with no paid request', async () => {
		const original = await finishedVeo();
		const result = await runKie(
			sim,
			upscale(original, { resolution: '4k', options: { ...FAST_POLL, videoIndex: 1 } }),
			{ typeVersion },
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('index 1 does not exist');
		expect(received().map((entry) => entry.endpoint)).toEqual(['veoRecordInfo']);
	});
});
