/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Get Task on tasks that did not succeed, through n8n's engine: a task in `fail` (the node's
 * error and the Continue-On-Fail item carry taskId, api, failCode and failMsg) and a wait that
 * reaches its timeout (the taskId and the last state Kie answered are kept).
 */
import { request } from 'undici';

import { startSimulator } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import { createTaskDirectly, FAST_POLL, kieOutput, runKie } from '../../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 50 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

/** Get Task reading each item's `taskId`. */
const getTask = (extra: Record<string, unknown> = {}) => ({
	resource: 'task',
	operation: 'get',
	taskId: '={{ $json.taskId }}',
	...extra,
});

/** A market task that ends in fail (the simulator fails prompts containing "[fail]"). */
const failedTask = async () =>
	await createTaskDirectly(sim, { model: 'nano-banana-pro', input: { prompt: 'A storm [fail]' } });

/** Until the simulator's clock has made the task final (no poll needed for that). */
async function finished(taskId: string): Promise<void> {
	const task = sim.record.tasks.get(taskId)!;
	while (Date.now() < task.finishAt) await new Promise((resolve) => setTimeout(resolve, 20));
}

const statusAnswers = (taskId: string) =>
	sim.record.requests.filter(
		(entry) => entry.endpoint === 'recordInfo' && entry.query.taskId === taskId,
	);

describe('Get Task of a task that ended in fail', () => {
	it.each([false, true])(
		'fails the node with taskId, failCode and failMsg (waiting: %s)',
		async (wait) => {
			const taskId = await failedTask();
			await finished(taskId);

			const result = await runKie(sim, getTask({ waitForCompletion: wait }), {
				items: [{ json: { taskId } }],
			});

			expect(result.status).toBe('error');
			expect(result.error?.message).toBe(
				`Kie.ai task ${taskId} failed (failCode 500): Internal server error`,
			);
			expect(result.error?.description).toMatch(/state "fail"/);
			expect(statusAnswers(taskId).map((entry) => entry.taskState)).toEqual(['fail']);
		},
	);

	it('with Continue On Fail: an error item for the failed task, the next item still read', async () => {
		const failed = await failedTask();
		const fine = await createTaskDirectly(sim, {
			model: 'nano-banana-pro',
			input: { prompt: 'A calm sea' },
		});
		await finished(failed);
		await finished(fine);

		const result = await runKie(sim, getTask(), {
			continueOnFail: true,
			items: [{ json: { taskId: failed } }, { json: { taskId: fine } }],
		});

		const [failedItem, fineItem] = kieOutput(result);
		expect(failedItem.json).toEqual({
			error: `Kie.ai task ${failed} failed (failCode 500): Internal server error`,
			description: expect.stringMatching(/state "fail"/),
			taskId: failed,
			api: 'market',
			state: 'fail',
			failCode: '500',
			failMsg: 'Internal server error',
		});
		expect(failedItem.pairedItem).toEqual({ item: 0 });
		expect(fineItem.json).toMatchObject({ taskId: fine, state: 'success' });
		expect(fineItem.pairedItem).toEqual({ item: 1 });
	});

	it('of another API (4o Image): its own error fields, and api kept', async () => {
		const response = await request(`${sim.baseUrl}/api/v1/gpt4o-image/generate`, {
			method: 'POST',
			headers: { authorization: 'Bearer sim-key', 'content-type': 'application/json' },
			body: JSON.stringify({ prompt: 'A storm [fail]', size: '1:1' }),
		});
		const taskId = ((await response.body.json()) as { data: { taskId: string } }).data.taskId;
		await finished(taskId);

		const result = await runKie(sim, getTask({ api: '4o-image' }), {
			continueOnFail: true,
			items: [{ json: { taskId } }],
		});

		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({
			taskId,
			api: '4o-image',
			state: 'fail',
			failCode: '400',
			failMsg: 'Your content was flagged by OpenAI as violating content policies',
		});
		expect(item.json.error).toContain(taskId);
		expect(sim.record.count('fourOImageRecordInfo')).toBe(1);
	});
});

describe('Get Task waiting for a task that outlives the timeout', () => {
	/** A task that takes a minute, asked for by a Get Task that waits 1 s for it. */
	async function getSlowTaskWaitingOneSecond(continueOnFail: boolean) {
		sim.configure({ generationMs: 60_000 });
		const taskId = await createTaskDirectly(sim, {
			model: 'nano-banana-pro',
			input: { prompt: 'A slow glacier' },
		});
		const result = await runKie(
			sim,
			getTask({ waitForCompletion: true, options: { ...FAST_POLL, timeout: 1 } }),
			{ continueOnFail, items: [{ json: { taskId } }] },
		);
		return { taskId, result };
	}

	it('fails with the taskId and the last state Kie answered', async () => {
		const { taskId, result } = await getSlowTaskWaitingOneSecond(false);

		expect(result.status).toBe('error');
		const answers = statusAnswers(taskId);
		// The Get Task read and at least one poll of the wait, none of them final.
		expect(answers.length).toBeGreaterThanOrEqual(2);
		const last = answers.at(-1)!.taskState!;
		expect(['waiting', 'queuing', 'generating']).toContain(last);
		expect(result.error?.message).toBe(
			`Kie.ai task ${taskId} did not finish within 1 s (last state: ${last})`,
		);
		expect(result.error?.description).toContain(`Task ${taskId} exists on Kie.ai`);
	});

	it('with Continue On Fail: the item keeps taskId, api and the last state', async () => {
		const { taskId, result } = await getSlowTaskWaitingOneSecond(true);

		const [item] = kieOutput(result);
		const last = statusAnswers(taskId).at(-1)!.taskState;
		expect(item.json).toMatchObject({ taskId, api: 'market', state: last });
		expect(item.json.error).toBe(
			`Kie.ai task ${taskId} did not finish within 1 s (last state: ${last})`,
		);
	});
});
