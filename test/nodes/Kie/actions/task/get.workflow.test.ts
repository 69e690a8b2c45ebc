/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Task → Get through n8n's engine against the Kie simulator, for tasks created elsewhere
 * (straight on the simulator, as another workflow or Kie's playground would).
 */
import { makePng, startSimulator } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import {
	createTaskDirectly,
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

const INPUT = { prompt: 'A red bicycle', resolution: '2K' };

const getTask = (taskId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'task',
	operation: 'get',
	taskId,
	...extra,
});

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('Get Task without waiting (the default)', () => {
	it('emits the task as it is now, once, without downloading', async () => {
		sim.configure({ generationMs: 600_000 });
		const taskId = await createTaskDirectly(sim, { model: 'nano-banana-pro', input: INPUT });

		const result = await runKie(sim, getTask(taskId));

		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({
			taskId,
			model: 'nano-banana-pro',
			resultUrls: [],
			failCode: null,
			failMsg: null,
			completeTime: null,
			param: { model: 'nano-banana-pro', input: INPUT },
		});
		expect(['waiting', 'queuing', 'generating']).toContain(item.json.state);
		expect(typeof item.json.createTime).toBe('number');
		expect(item.binary).toBeUndefined();
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(sim.record.count('recordInfo')).toBe(1);
		expect(sim.record.tasks.get(taskId)?.polls).toBe(1);
	});

	it('emits a finished task with its result URLs and no binary', async () => {
		sim.configure({ generationMs: 50 });
		const taskId = await createTaskDirectly(sim, { model: 'nano-banana-pro', input: INPUT });
		await sleep(100);

		const result = await runKie(sim, getTask(taskId));

		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({
			taskId,
			state: 'success',
			resultUrls: [`${sim.baseUrl}/files/results/${taskId}_0.png`],
			creditsConsumed: null,
		});
		const task = sim.record.tasks.get(taskId)!;
		expect(item.json).toMatchObject({
			createTime: task.createdAt,
			completeTime: task.finishAt,
			costTime: task.finishAt - task.createdAt,
		});
		expect(item.binary).toBeUndefined();
		expect(sim.record.count('file')).toBe(0);
	});

	it('reads the taskId per item from an expression, trimmed', async () => {
		sim.configure({ generationMs: 50 });
		const first = await createTaskDirectly(sim, { model: 'nano-banana-pro', input: INPUT });
		const second = await createTaskDirectly(sim, {
			model: 'z-image',
			input: { prompt: 'A kite', aspect_ratio: '1:1' },
		});
		await sleep(100);

		const result = await runKie(sim, getTask('={{ $json.id }}'), {
			items: [{ json: { id: ` ${first}\n` } }, { json: { id: second } }],
		});

		const items = kieOutput(result);
		expect(items.map((item) => [item.json.taskId, item.json.model, item.pairedItem])).toEqual([
			[first, 'nano-banana-pro', { item: 0 }],
			[second, 'z-image', { item: 1 }],
		]);
	});
});

describe('Get Task waiting for completion', () => {
	it('polls until success and downloads the result when asked', async () => {
		sim.configure({ generationMs: 600_000 });
		const taskId = await createTaskDirectly(sim, { model: 'nano-banana-pro', input: INPUT });
		const task = sim.record.tasks.get(taskId)!;
		// The task finishes once the node has seen it unfinished twice (order, not timing): its
		// planned end moves to 1 ms from now, so the next poll (0.2 s on) answers success. Not to
		// now: a second poll recorded in that same millisecond would count as seeing it finished.
		const finishAfterTwoPolls = setInterval(() => {
			if (task.polls >= 2 && task.finishAt > Date.now() + 1) task.finishAt = Date.now() + 1;
		}, 5);
		let result;
		try {
			result = await runKie(
				sim,
				getTask(taskId, { waitForCompletion: true, downloadResults: true, options: FAST_POLL }),
			);
		} finally {
			clearInterval(finishAfterTwoPolls);
		}

		const [item] = kieOutput(result);
		expect(item.json.state).toBe('success');
		// Polled while unfinished, then once more: the poll that saw success was the last.
		expect(task.pollTimes.filter((time) => time < task.finishAt).length).toBeGreaterThanOrEqual(2);
		expect(task.pollTimes.filter((time) => time >= task.finishAt)).toHaveLength(1);
		const url = `${sim.baseUrl}/files/results/${taskId}_0.png`;
		expect(item.json.resultUrls).toEqual([url]);
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/png', fileName: `${taskId}_0.png` });
		const bytes = await result.binaryBuffer(item);
		expect(bytes.equals((await fetchBytes(url)).bytes)).toBe(true);
		expect(bytes.equals(makePng(`${taskId}_0`))).toBe(true);
	});

	it('waits without downloading when Download Results is off', async () => {
		sim.configure({ generationMs: 400 });
		const taskId = await createTaskDirectly(sim, { model: 'nano-banana-pro', input: INPUT });

		const result = await runKie(
			sim,
			getTask(taskId, { waitForCompletion: true, downloadResults: false, options: FAST_POLL }),
		);

		const [item] = kieOutput(result);
		expect(item.json.state).toBe('success');
		expect(item.json.resultUrls).toHaveLength(1);
		expect(item.binary).toBeUndefined();
		expect(sim.record.count('file')).toBe(0);
	});

	it('downloads a task that had already finished without polling it again', async () => {
		sim.configure({ generationMs: 50 });
		const taskId = await createTaskDirectly(sim, {
			model: 'nano-banana-pro',
			input: { ...INPUT, output_format: 'jpg' },
		});
		await sleep(100);

		const result = await runKie(
			sim,
			getTask(taskId, {
				waitForCompletion: true,
				downloadResults: true,
				options: { ...FAST_POLL, binaryPropertyName: 'image' },
			}),
		);

		const [item] = kieOutput(result);
		expect(item.binary?.image).toMatchObject({
			mimeType: 'image/jpeg',
			fileName: `${taskId}_0.jpg`,
		});
		expect(sim.record.tasks.get(taskId)!.polls).toBe(1);
	});
});

describe('Get Task of a task Kie does not know', () => {
	it('fails with Kie’s message and the taskId', async () => {
		const result = await runKie(sim, getTask('0123456789abcdef0123456789abcdef'));

		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('0123456789abcdef0123456789abcdef');
		expect(result.error?.message).toMatch(/recordInfo is null/);
	});
});
