/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Cancel and timeout through n8n's engine: a stopped execution sends nothing more, and a task
 * that outlives the user's timeout is never lost (its item carries taskId and last state).
 */
import type { INodeParameters } from 'n8n-workflow';

import { kieCredentials, runWorkflow } from '../../../harness';
import type { RunWorkflowOptions } from '../../../harness';
import { startSimulator } from '../../../simulator';
import type { KieSimulator } from '../../../simulator';
import { stateOf } from '../../../simulator/tasks';
import { kieWorkflow, recordMatrixRow } from '../../../helpers/workflow';
import { countRequestsTo } from '../../../helpers/unreachable';

let sim: KieSimulator;
beforeAll(async () => {
	// Tasks never finish by themselves here; the timeout tests set their own generation time.
	sim = await startSimulator({ generationMs: 600_000, createLimit: { max: 1000, windowMs: 1000 } });
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
	/**
	 * Runs a batch of 5 and stops it once the simulator's record says `enough`. What the node did
	 * after the stop is read from the requests this process started (counted in order with the
	 * stop, so no wall-clock window is involved) and from what the simulator received.
	 */
	async function cancelOnceSeen(enough: () => boolean, nodeOptions: INodeParameters) {
		const counter = countRequestsTo(Number(new URL(sim.baseUrl).port));
		let startedBeforeCancel = -1;
		try {
			const result = await runBatch(5, 'cancel', nodeOptions, {
				cancelWhen: () => {
					if (!enough()) return false;
					startedBeforeCancel = counter.started.length;
					return true;
				},
			});
			// Long enough for several more polls or retries, had any been planned.
			await pause(2000);
			const startedAfterCancel = counter.started.slice(startedBeforeCancel);
			recordMatrixRow({
				path: 'cancel',
				when: expect.getState().currentTestName,
				status: result.status,
				requestsBeforeCancel: startedBeforeCancel,
				requestsAfterCancel: startedAfterCancel.length,
			});
			expect(startedBeforeCancel).toBeGreaterThan(0);
			// Whatever reached the simulator was sent before the stop.
			expect(sim.record.requests.length).toBeLessThanOrEqual(startedBeforeCancel);
			return { result, startedAfterCancel };
		} finally {
			counter.stop();
		}
	}
	const polls = () => sim.record.count('recordInfo');

	it('stops polling and sends nothing more', async () => {
		const { result, startedAfterCancel } = await cancelOnceSeen(() => polls() >= 10, {
			pollInterval: 0.2,
		});

		expect(result.status).toBe('canceled');
		expect(sim.record.count('createTask')).toBe(5);
		expect(polls()).toBeGreaterThanOrEqual(10);
		expect(startedAfterCancel).toEqual([]);
	});

	it('stops adaptive polling too', async () => {
		const { result, startedAfterCancel } = await cancelOnceSeen(() => polls() >= 5, {});

		// How many polls come before the cancel is the schedule's business; none may come after.
		expect(result.status).toBe('canceled');
		expect(sim.record.count('createTask')).toBe(5);
		expect(startedAfterCancel).toEqual([]);
	});

	it('stops retrying failing polls', async () => {
		sim.injectFault({ endpoint: 'recordInfo', kind: 'http503' });

		const { result, startedAfterCancel } = await cancelOnceSeen(() => polls() >= 10, {
			pollInterval: 0.2,
		});

		expect(result.status).toBe('canceled');
		expect(polls()).toBeGreaterThanOrEqual(10);
		expect(startedAfterCancel).toEqual([]);
	});

	it('stops retrying creates Kie refused', async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'body455' });

		const { result, startedAfterCancel } = await cancelOnceSeen(
			() => sim.record.count('createTask') >= 10,
			{ pollInterval: 0.2 },
		);

		expect(result.status).toBe('canceled');
		expect(sim.record.count('createTask')).toBeGreaterThanOrEqual(10);
		expect(sim.record.createdTaskCount()).toBe(0);
		expect(startedAfterCancel).toEqual([]);
	});
});

describe('a task that outlives the timeout', () => {
	// Waiting 0.5 s, queuing to 1 s, then generating: a 1 s wait ends in either of the last two
	// unless the machine stalls for seconds, and the item must say what Kie last answered.
	beforeEach(() => sim.configure({ generationMs: 5000 }));
	const answeredPolls = (taskId: string) => sim.record.tasks.get(taskId)?.pollTimes ?? [];
	/** The state in the simulator's last answer for the task ('waiting' before any). */
	const lastAnsweredState = (taskId: string) => {
		const task = sim.record.tasks.get(taskId)!;
		const lastPoll = task.pollTimes.at(-1);
		return lastPoll === undefined ? 'waiting' : stateOf(task, lastPoll);
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
			expect(answeredPolls(taskId).length).toBeGreaterThan(0);
			expect(state).toBe(lastAnsweredState(taskId));
			expect(['waiting', 'queuing', 'generating']).toContain(state);
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
		const named =
			/^Kie\.ai task ([0-9a-f]{32}) did not finish within 1 s \(last state: (\w+)\)$/.exec(
				result.error?.message ?? '',
			);
		expect(named).not.toBeNull();
		expect(named![2]).toBe(lastAnsweredState(named![1]));
		const taskIds = [...sim.record.tasks.keys()];
		expect(taskIds).toHaveLength(3);
		for (const taskId of taskIds) expect(text).toContain(taskId);
	});
});
