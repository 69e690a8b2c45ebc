/**
 * Cancel and timeout through n8n's engine: a stopped execution sends nothing more, and a task
 * that outlives the user's timeout is never lost (its item carries taskId and last state).
 */
import type { INodeParameters } from 'n8n-workflow';

import { kieCredentials, runWorkflow } from '../harness';
import type { RunWorkflowOptions } from '../harness';
import { startSimulator } from '../simulator';
import type { KieSimulator } from '../simulator';
import { kieWorkflow, recordMatrixRow } from './helpers';

let sim: KieSimulator;
beforeAll(async () => {
	sim = await startSimulator({ generationMs: 10_000, createLimit: { max: 1000, windowMs: 1000 } });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

async function runBatch(
	size: number,
	tag: string,
	nodeOptions: INodeParameters,
	runOptions: RunWorkflowOptions & { continueOnFail?: boolean } = {},
) {
	const { continueOnFail = true, ...rest } = runOptions;
	return await runWorkflow(
		kieWorkflow(
			{
				resource: 'image',
				operation: 'generate',
				model: 'nano-banana-pro',
				prompt: '={{ $json.prompt }}',
				options: nodeOptions,
			},
			{
				items: Array.from({ length: size }, (_, index) => ({
					json: { prompt: `${tag} ${index}` },
				})),
				continueOnFail,
			},
		),
		{
			credentials: { kieApi: kieCredentials(sim, { maxNewTasks: 1000, maxNewTasksWindow: 1 }) },
			...rest,
		},
	);
}

describe('a cancelled execution', () => {
	const GRACE_MS = 150;

	async function cancelAndWatch(cancelAfterMs: number, nodeOptions: INodeParameters) {
		const result = await runBatch(5, 'cancel', nodeOptions, { cancelAfterMs });
		// The harness stops the execution cancelAfterMs after the engine started it.
		const cancelledBy = new Date(result.run.startedAt).getTime() + cancelAfterMs + GRACE_MS;
		// Long enough for several more polls or retries, had any been planned.
		await pause(2000);
		const late = sim.record.requests.filter((request) => request.arrivedAt > cancelledBy);
		recordMatrixRow({
			path: 'cancel',
			when: expect.getState().currentTestName,
			status: result.status,
			requestsBeforeCancel: sim.record.requests.length - late.length,
			requestsAfterCancel: late.length,
		});
		return { result, late };
	}

	it('stops polling and sends nothing more', async () => {
		const { result, late } = await cancelAndWatch(1000, { pollInterval: 0.2 });

		expect(result.status).toBe('canceled');
		expect(sim.record.count('createTask')).toBe(5);
		expect(sim.record.count('recordInfo')).toBeGreaterThanOrEqual(5);
		expect(late).toEqual([]);
	});

	it('stops adaptive polling too', async () => {
		const { result, late } = await cancelAndWatch(2500, {});

		// How many polls come before the cancel is the schedule's business; none may come after.
		expect(result.status).toBe('canceled');
		expect(sim.record.count('createTask')).toBe(5);
		expect(late).toEqual([]);
	});

	it('stops retrying failing polls', async () => {
		sim.injectFault({ endpoint: 'recordInfo', kind: 'http503' });

		const { result, late } = await cancelAndWatch(1500, { pollInterval: 0.2 });

		expect(result.status).toBe('canceled');
		expect(sim.record.count('recordInfo')).toBeGreaterThanOrEqual(5);
		expect(late).toEqual([]);
	});

	it('stops retrying creates Kie refused', async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'body455' });

		const { result, late } = await cancelAndWatch(1500, { pollInterval: 0.2 });

		expect(result.status).toBe('canceled');
		expect(sim.record.count('createTask')).toBeGreaterThanOrEqual(5);
		expect(sim.record.createdTaskCount()).toBe(0);
		expect(late).toEqual([]);
	});
});

describe('a task that outlives the timeout', () => {
	const lastStateSeen = (taskId: string) => {
		const polls = sim.record.requests.filter(
			(request) =>
				request.endpoint === 'recordInfo' &&
				request.query.taskId === taskId &&
				request.status === 200,
		);
		return polls.length;
	};

	it('leaves every item with its taskId and last state (Continue On Fail)', async () => {
		const result = await runBatch(3, 'timeout', { pollInterval: 0.2, timeout: 1 });

		expect(result.status).toBe('success');
		const output = result.outputOf('Kie');
		recordMatrixRow({
			path: 'timeout (1 s, generation 10 s)',
			items: output.length,
			withTaskIdAndState: output.filter((item) => item.json.taskId && item.json.state).length,
			tasksCreated: sim.record.createdTaskCount(),
		});
		expect(output).toHaveLength(3);
		for (const item of output) {
			const { taskId, state, error } = item.json as {
				taskId: string;
				state: string;
				error: string;
			};
			expect(sim.record.tasks.has(taskId)).toBe(true);
			expect(lastStateSeen(taskId)).toBeGreaterThan(0);
			expect(['waiting', 'queuing']).toContain(state);
			expect(error).toBe(`Kie.ai task ${taskId} did not finish within 1 s (last state: ${state})`);
			expect(item.json.description).toContain(
				`Task ${taskId} exists on Kie.ai (last state: ${state})`,
			);
		}
	});

	it('keeps the taskId when no poll ever succeeded', async () => {
		sim.injectFault({ endpoint: 'recordInfo', kind: 'http503' });

		const result = await runBatch(2, 'timeout unreadable', { pollInterval: 0.2, timeout: 1 });

		for (const item of result.outputOf('Kie')) {
			const taskId = item.json.taskId as string;
			expect(sim.record.tasks.has(taskId)).toBe(true);
			expect(item.json.state).toBe('waiting');
			expect(item.json.error).toBe(
				`Kie.ai task ${taskId} did not finish within 1 s (last state: waiting)`,
			);
		}
	});

	it('names every task in the node error without Continue On Fail', async () => {
		const result = await runBatch(
			3,
			'timeout fatal',
			{ pollInterval: 0.2, timeout: 1 },
			{ continueOnFail: false },
		);

		expect(result.status).toBe('error');
		const text = `${result.error?.message ?? ''} ${result.error?.description ?? ''}`;
		expect(result.error?.message).toMatch(
			/^Kie\.ai task [0-9a-f]{32} did not finish within 1 s \(last state: (waiting|queuing)\)$/,
		);
		const taskIds = [...sim.record.tasks.keys()];
		expect(taskIds).toHaveLength(3);
		for (const taskId of taskIds) expect(text).toContain(taskId);
	});
});
