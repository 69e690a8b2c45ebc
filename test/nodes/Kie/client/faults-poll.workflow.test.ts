/**
 * Faults on recordInfo through n8n's engine: transient failures of a poll are retried with
 * backoff, so a batch finishes whole; only Kie's `fail` state fails a task.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { kieCredentials, runWorkflow } from '../../../harness';
import type { WorkflowRunResult } from '../../../harness';
import { startSimulator } from '../../../simulator';
import type { FaultKind, KieSimulator } from '../../../simulator';
import { kieWorkflow, recordMatrixRow } from '../../../helpers/workflow';

let sim: KieSimulator;
beforeAll(async () => {
	sim = await startSimulator({ generationMs: 300, createLimit: { max: 1000, windowMs: 1000 } });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

/** Status requests as the account allows them here (the storm below claims Kie's 10). */
const UNCAPPED = { maxStatusRequests: 1000 };

async function runBatch(
	prompts: string[],
	credential: Record<string, number | string> = UNCAPPED,
): Promise<{ result: WorkflowRunResult; output: INodeExecutionData[] }> {
	const result = await runWorkflow(
		kieWorkflow(
			{
				resource: 'image',
				operation: 'generate',
				model: 'nano-banana-pro',
				prompt: '={{ $json.prompt }}',
				options: { pollInterval: 0.2 },
			},
			{ items: prompts.map((prompt) => ({ json: { prompt } })), continueOnFail: true },
		),
		{
			credentials: {
				kieApi: kieCredentials(sim, { maxNewTasks: 1000, maxNewTasksWindow: 1, ...credential }),
			},
		},
	);
	expect(result.status).toBe('success');
	return { result, output: result.outputOf('Kie') };
}

const faultedPolls = (kind: FaultKind) =>
	sim.record.requests.filter(
		(request) => request.endpoint === 'recordInfo' && request.fault === kind,
	);

describe('30 % of the polls of a 20-item batch fail, and 20 of 20 tasks succeed', () => {
	const kinds: Array<{ kind: FaultKind; delayMs?: number }> = [
		{ kind: 'http500' },
		{ kind: 'http502' },
		{ kind: 'http503' },
		{ kind: 'http504' },
		{ kind: 'reset' },
		// Slow but within the 30 s request timeout; beyond it: faults-request-timeout.test.ts.
		{ kind: 'slow', delayMs: 400 },
		{ kind: 'malformedJson' },
		{ kind: 'body455' },
		{ kind: 'body500' },
		{ kind: 'body429' },
	];

	it.each(kinds)('$kind', async ({ kind, delayMs }) => {
		sim.injectFault({ endpoint: 'recordInfo', kind, probability: 0.3, delayMs });
		const prompts = Array.from({ length: 20 }, (_, index) => `poll fault ${kind} item ${index}`);

		const { result, output } = await runBatch(prompts);

		expect(output.map((item) => item.json.state)).toEqual(prompts.map(() => 'success'));
		for (const item of output) {
			const task = sim.record.tasks.get(item.json.taskId as string);
			expect(task?.input.prompt).toBe(prompts[(item.pairedItem as { item: number }).item]);
			expect(item.json.resultUrls).toEqual(task?.resultUrls);
			expect((await result.binaryBuffer(item)).subarray(1, 4).toString('latin1')).toBe('PNG');
		}
		recordMatrixRow({
			path: 'poll',
			fault: kind,
			probability: 0.3,
			items: 20,
			polls: sim.record.count('recordInfo'),
			faultedPolls: faultedPolls(kind).length,
			succeeded: output.filter((item) => item.json.state === 'success').length,
			withBinary: output.filter((item) => item.binary?.data).length,
			createRequests: sim.record.count('createTask'),
			tasksCreated: sim.record.createdTaskCount(),
		});
		expect(faultedPolls(kind).length).toBeGreaterThan(0);
		// Polls are retried, creates are not: one task per item.
		expect(sim.record.count('createTask')).toBe(20);
		expect(sim.record.createdTaskCount()).toBe(20);
	});
});

it('a task fails only by Kie’s fail state, even among failing polls', async () => {
	sim.injectFault({ endpoint: 'recordInfo', kind: 'http503', probability: 0.3 });
	const prompts = ['poll ok 0', 'poll ok 1', 'this one [fail]s', 'poll ok 3', 'poll ok 4'];

	const { output } = await runBatch(prompts);

	expect(output.map((item) => item.json.state)).toEqual([
		'success',
		'success',
		'fail',
		'success',
		'success',
	]);
	const failed = output[2].json;
	expect(failed).toMatchObject({ failCode: '500', failMsg: 'Internal server error' });
	expect(failed.error).toBe(
		`Kie.ai task ${failed.taskId as string} failed (failCode 500): Internal server error`,
	);
	expect(sim.record.tasks.get(failed.taskId as string)?.finalState).toBe('fail');
	expect(faultedPolls('http503').length).toBeGreaterThan(0);
});

describe('a storm of status 429s (Kie caps status requests per key)', () => {
	// The credential claims 10 per second where the account allows 2: most status requests are
	// refused until the client's pace comes down.
	const STATUS_LIMIT = { max: 2, windowMs: 1000 };
	// Each test on a key of its own: the status limiter of a key is process-wide and keeps the pace
	// it learned, so on the key of the test before there would be no storm to weather.
	const stormKey = (name: string) => {
		sim.configure({ apiKeys: ['sim-key', name], statusLimit: STATUS_LIMIT });
		return name;
	};
	const acceptedStatusRequests = () =>
		sim.record.requests.filter(
			(request) => request.endpoint === 'recordInfo' && request.status === 200,
		).length;

	it('fails no item of a generate batch, and slows to the account: fewer refused than accepted', async () => {
		const apiKey = stormKey('storm-batch-key');
		const prompts = Array.from({ length: 8 }, (_, index) => `read storm ${index}`);

		const { output } = await runBatch(prompts, { maxStatusRequests: 10, apiKey });

		expect(output.map((item) => item.json.state)).toEqual(prompts.map(() => 'success'));
		expect(output.every((item) => item.binary?.data)).toBe(true);
		// Without pacing (each poll backing off alone), 26 of 36 were refused; paced, 3 of 13.
		const refused = sim.record.statusRateLimitedCount();
		expect(refused).toBeGreaterThan(0);
		expect(refused).toBeLessThan(acceptedStatusRequests());
	});

	it('fails no Get Task item: each 429 is asked again, paced', async () => {
		const apiKey = stormKey('storm-get-key');
		const taskIds: string[] = [];
		for (let index = 0; index < 6; index++) {
			const reply = await fetch(`${sim.baseUrl}/api/v1/jobs/createTask`, {
				method: 'POST',
				headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
				body: JSON.stringify({
					model: 'nano-banana-pro',
					input: { prompt: `fetched ${index}`, aspect_ratio: '1:1', resolution: '1K' },
				}),
			});
			taskIds.push(((await reply.json()) as { data: { taskId: string } }).data.taskId);
		}

		const result = await runWorkflow(
			kieWorkflow(
				{ resource: 'task', operation: 'get', taskId: '={{ $json.taskId }}' },
				{ items: taskIds.map((taskId) => ({ json: { taskId } })), continueOnFail: true },
			),
			{ credentials: { kieApi: kieCredentials(sim, { apiKey }) } },
		);

		expect(result.status).toBe('success');
		const output = result.outputOf('Kie');
		expect(output.map((item) => item.json.error)).toEqual(taskIds.map(() => undefined));
		expect(output.map((item) => item.json.taskId)).toEqual(taskIds);
		expect(sim.record.statusRateLimitedCount()).toBeGreaterThan(0);
	});
});
