/**
 * Task → Get with `api` suno, 4o-image and flux-kontext, for tasks created straight on the
 * simulator (as another workflow would): each API's own status endpoint, read into the task item.
 */
import { request } from 'undici';

import { startSimulator } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import { FAST_POLL, kieOutput, runKie } from '../../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 200 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

async function createOn(path: string, body: Record<string, unknown>): Promise<string> {
	const response = await request(`${sim.baseUrl}${path}`, {
		method: 'POST',
		headers: { authorization: 'Bearer sim-key', 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const answer = (await response.body.json()) as { code: number; data?: { taskId?: string } };
	if (answer.code !== 200 || !answer.data?.taskId) throw new Error(JSON.stringify(answer));
	return answer.data.taskId;
}

const getTask = (taskId: string, api: string, extra: Record<string, unknown> = {}) => ({
	resource: 'task',
	operation: 'get',
	taskId,
	api,
	options: { ...FAST_POLL },
	...extra,
});

describe('Get Task per API', () => {
	it('suno: waits on /api/v1/generate/record-info and emits the tracks, with the MP3s when asked', async () => {
		const taskId = await createOn('/api/v1/generate', {
			prompt: 'A waltz',
			customMode: false,
			instrumental: true,
			model: 'V4',
			callBackUrl: 'https://callback.invalid/x',
		});
		const result = await runKie(
			sim,
			getTask(taskId, 'suno', { waitForCompletion: true, downloadResults: true }),
		);
		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({
			taskId,
			api: 'suno',
			model: 'V4',
			state: 'success',
			param: { prompt: 'A waltz', customMode: false, instrumental: true, model: 'V4' },
			operationType: 'generate',
		});
		expect(item.json.tracks).toHaveLength(2);
		expect(item.binary?.data_1).toMatchObject({
			mimeType: 'audio/mpeg',
			fileName: `${taskId}_1.mp3`,
		});
		expect(sim.record.count('sunoRecordInfo')).toBeGreaterThan(0);
		expect(sim.record.count('recordInfo')).toBe(0);
	});

	it('suno: an unfinished song reads as waiting or generating, once, without files', async () => {
		sim.configure({ generationMs: 5_000 });
		const taskId = await createOn('/api/v1/generate', {
			prompt: 'A waltz',
			customMode: false,
			instrumental: false,
			model: 'V5',
			callBackUrl: 'https://callback.invalid/x',
		});
		const [item] = kieOutput(await runKie(sim, getTask(taskId, 'suno')));
		expect(['waiting', 'generating']).toContain(item.json.state);
		expect(item.json.resultUrls).toEqual([]);
		expect(item.binary).toBeUndefined();
		expect(sim.record.tasks.get(taskId)?.polls).toBe(1);
	});

	it('4o-image: successFlag, progress and response.resultUrls', async () => {
		const taskId = await createOn('/api/v1/gpt4o-image/generate', {
			prompt: 'A fox',
			size: '1:1',
			nVariants: 2,
		});
		const [item] = kieOutput(
			await runKie(sim, getTask(taskId, '4o-image', { waitForCompletion: true })),
		);
		expect(item.json).toMatchObject({ taskId, api: '4o-image', state: 'success', progress: 100 });
		expect(item.json.resultUrls).toEqual(
			[0, 1].map((n) => `${sim.baseUrl}/files/4o/${taskId}_${n}.png`),
		);
		expect(sim.record.count('fourOImageRecordInfo')).toBeGreaterThan(0);
	});

	it('flux-kontext: a failed task (successFlag 3) is an error with its failCode, under Continue On Fail an item', async () => {
		const taskId = await createOn('/api/v1/flux/kontext/generate', { prompt: 'A [fail] tower' });
		const result = await runKie(sim, getTask(taskId, 'flux-kontext', { waitForCompletion: true }), {
			continueOnFail: true,
		});
		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({
			taskId,
			api: 'flux-kontext',
			state: 'fail',
			failCode: '501',
			failMsg: 'Image generation task failed',
		});
		expect(sim.record.count('fluxKontextRecordInfo')).toBeGreaterThan(0);
	});

	it('a Suno task asked for on the jobs API is not found there', async () => {
		const taskId = await createOn('/api/v1/generate', {
			prompt: 'A waltz',
			customMode: false,
			instrumental: false,
			model: 'V5',
			callBackUrl: 'https://callback.invalid/x',
		});
		const result = await runKie(sim, getTask(taskId, 'market'));
		expect(result.status).toBe('error');
		expect(sim.record.count('recordInfo')).toBeGreaterThan(0);
		expect(sim.record.count('sunoRecordInfo')).toBe(0);
	});
});
