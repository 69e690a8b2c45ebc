/**
 * Many items in one execution, through n8n's engine against the simulator's enforced create limit:
 * every item finishes, output stays in input order, and no window of the simulator's own count
 * holds more creates than the account allows, also when two executions share the credential.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { kieCredentials, runWorkflow } from '../../harness';
import { startSimulator } from '../../simulator';
import type { KieSimulator } from '../../simulator';
import { kieOutput, kieWorkflow, runKie } from '../../helpers/workflow';

let sim: KieSimulator;

/** Kie's 20 creates per 10 s, scaled 5× (as in the benchmark). */
const LIMIT = { max: 20, windowMs: 2000 };
const CREDENTIAL_LIMIT = { maxNewTasks: 20, maxNewTasksWindow: 2 };

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 400, createLimit: LIMIT });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const prompts = (count: number, label: string) =>
	Array.from({ length: count }, (_, index) => ({ json: { prompt: `${label} picture ${index}` } }));

const generateEach = (extra: Record<string, unknown> = {}) => ({
	resource: 'image',
	operation: 'generate',
	model: 'nano-banana-pro',
	prompt: '={{ $json.prompt }}',
	resolution: '1K',
	...extra,
});

/** The prompt the simulator received for the task an output item names. */
function promptOf(item: INodeExecutionData): unknown {
	return sim.record.tasks.get(item.json.taskId as string)?.input.prompt;
}

/** The most tasks the simulator had between create and the poll that saw them final. */
function maxTasksInFlight(): number {
	const edges: Array<[number, number]> = [];
	for (const task of sim.record.tasks.values()) {
		const seenFinal = task.pollTimes.find((time) => time >= task.finishAt) ?? task.finishAt;
		edges.push([task.createdAt, 1], [seenFinal, -1]);
	}
	edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let current = 0;
	let best = 0;
	for (const [, change] of edges) best = Math.max(best, (current += change));
	return best;
}

describe('a batch bounded only by the account create limit', () => {
	it('runs 60 items under 20 creates per 2 s: all finish, in input order, never over the limit', async () => {
		const result = await runKie(sim, generateEach(), {
			items: prompts(60, 'Batch'),
			credential: CREDENTIAL_LIMIT,
		});

		const items = kieOutput(result);
		expect(items).toHaveLength(60);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.error).toBeUndefined();
			expect(item.json.state).toBe('success');
			expect(promptOf(item)).toBe(`Batch picture ${index}`);
			expect(item.binary?.data?.fileName).toBe(`${item.json.taskId as string}_0.png`);
		});
		expect(new Set(items.map((item) => item.json.taskId)).size).toBe(60);

		expect(sim.record.count('createTask')).toBe(60);
		expect(sim.record.createdTaskCount()).toBe(60);
		expect(sim.record.rateLimitedCount()).toBe(0);
		expect(sim.record.maxCreatesInAnyWindow(LIMIT.windowMs)).toBeLessThanOrEqual(LIMIT.max);
		// Bounded by the limit, not by one-after-another: a full window, tasks running side by side.
		expect(sim.record.maxCreatesInAnyWindow(LIMIT.windowMs)).toBe(LIMIT.max);
		expect(maxTasksInFlight()).toBeGreaterThanOrEqual(LIMIT.max);
	});

	it('keeps 40 creates within 5 per 500 ms while answers arrive late by varying amounts', async () => {
		sim.configure({ createLimit: { max: 5, windowMs: 500 } });
		sim.injectFault({ endpoint: 'createTask', kind: 'slow', delayMs: 40, probability: 0.3 });
		sim.injectFault({ endpoint: 'createTask', kind: 'slow', delayMs: 250, probability: 0.3 });
		sim.injectFault({ endpoint: 'createTask', kind: 'slow', delayMs: 700, probability: 0.3 });

		const result = await runKie(sim, generateEach({ waitForCompletion: false }), {
			items: prompts(40, 'Slow'),
			credential: { maxNewTasks: 5, maxNewTasksWindow: 0.5 },
		});

		const items = kieOutput(result);
		expect(items).toHaveLength(40);
		items.forEach((item, index) => {
			expect(item.json.state).toBe('waiting');
			expect(promptOf(item)).toBe(`Slow picture ${index}`);
		});
		const slowAnswers = sim.record.requests.filter((request) => request.fault === 'slow').length;
		expect(slowAnswers).toBeGreaterThan(10);
		expect(sim.record.createdTaskCount()).toBe(40);
		expect(sim.record.rateLimitedCount()).toBe(0);
		expect(sim.record.maxCreatesInAnyWindow(500)).toBeLessThanOrEqual(5);
	});

	it('shares the limit between two executions running at the same time on one credential', async () => {
		const credentials = { kieApi: kieCredentials(sim, CREDENTIAL_LIMIT) };
		const [first, second] = await Promise.all(
			['First', 'Second'].map(
				async (label) =>
					await runWorkflow(
						kieWorkflow(generateEach({ waitForCompletion: false }), { items: prompts(30, label) }),
						{ credentials },
					),
			),
		);

		for (const [label, result] of [
			['First', first],
			['Second', second],
		] as const) {
			const items = kieOutput(result);
			expect(items).toHaveLength(30);
			items.forEach((item, index) => expect(promptOf(item)).toBe(`${label} picture ${index}`));
		}
		// 60 creates at once would put 40 in the first window if each execution had its own limiter.
		expect(sim.record.createdTaskCount()).toBe(60);
		expect(sim.record.rateLimitedCount()).toBe(0);
		expect(sim.record.maxCreatesInAnyWindow(LIMIT.windowMs)).toBeLessThanOrEqual(LIMIT.max);
	});
});
