/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Protecting the account: n8n's Retry On Fail does not pay twice, no create cut short loses its
 * task, and Options → Max Tasks and Min Balance stop a runaway batch before it is sent.
 */
import type { INodeParameters } from 'n8n-workflow';

import { kieCredentials, runWorkflow, type WorkflowRunResult } from '../../harness';
import { startSimulator } from '../../simulator';
import type { KieSimulator } from '../../simulator';
import { kieWorkflow, visibleText, type FixtureItemSpec } from '../../helpers/workflow';

let sim: KieSimulator;
beforeAll(async () => {
	sim = await startSimulator({ generationMs: 300, createLimit: { max: 1000, windowMs: 1000 } });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const generate = (options: INodeParameters = {}, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'image',
	operation: 'generate',
	model: 'nano-banana-pro',
	prompt: '={{ $json.prompt }}',
	options: { pollInterval: 0.2, ...options },
	...extra,
});

async function run(
	parameters: INodeParameters,
	items: FixtureItemSpec[],
	node: { continueOnFail?: boolean; retryOnFail?: boolean } = {},
	harness: Parameters<typeof runWorkflow>[1] = {},
): Promise<WorkflowRunResult> {
	const workflow = kieWorkflow(parameters, { items, continueOnFail: node.continueOnFail });
	if (node.retryOnFail) {
		Object.assign(workflow.nodes.find((n) => n.name === 'Kie')!, {
			retryOnFail: true,
			maxTries: 2,
			waitBetweenTries: 0,
		});
	}
	return await runWorkflow(workflow, {
		credentials: { kieApi: kieCredentials(sim, { maxNewTasks: 1000, maxNewTasksWindow: 1 }) },
		...harness,
	});
}

const prompts = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { prompt: `p${i}` } }));

describe('Retry On Fail', () => {
	it('after an ambiguous create (HTTP 500 after Kie made the task), makes one task and keeps its warning', async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'createdThen500', times: 1 });
		const result = await run(generate(), prompts(1), { retryOnFail: true });

		expect(sim.record.count('createTask')).toBe(1);
		expect(sim.record.createdTaskCount()).toBe(1);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('may have created');
		expect(result.error?.message).toContain('Retry On Fail');
	});

	it('after a wait that timed out, waits for the same task instead of creating another', async () => {
		sim.configure({ generationMs: 1_800 });
		const result = await run(generate({ timeout: 1 }), prompts(1), { retryOnFail: true });

		expect(sim.record.createdTaskCount()).toBe(1);
		expect(result.status).toBe('success');
		const [item] = result.outputOf('Kie');
		expect(item.json).toMatchObject({ state: 'success' });
		expect(sim.record.tasks.has(item.json.taskId as string)).toBe(true);
	});
});

describe('Options → Max Tasks', () => {
	it('creates at most that many; the items beyond are error items naming the limit', async () => {
		const result = await run(generate({ maxTasks: 2, maxConcurrentTasks: 1 }), prompts(5), {
			continueOnFail: true,
		});

		expect(sim.record.count('createTask')).toBe(2);
		const output = result.outputOf('Kie');
		expect(output.map((item) => item.json.state ?? 'error')).toEqual([
			'success',
			'success',
			'error',
			'error',
			'error',
		]);
		expect(String(output[2].json.error)).toContain('Max Tasks is 2');
		expect(String(output[2].json.error)).toContain('no credits were used');
	});

	it('without Continue On Fail, fails the node naming the limit, with zero creates past it', async () => {
		const result = await run(generate({ maxTasks: 1, maxConcurrentTasks: 1 }), prompts(3));
		expect(sim.record.count('createTask')).toBe(1);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('Max Tasks is 1');
	});
});

describe('Options → Min Balance', () => {
	it('refuses to create below the floor, naming the balance and the floor', async () => {
		sim.configure({ credits: 100 });
		const result = await run(generate({ minBalance: 500 }), prompts(3), { continueOnFail: true });

		expect(sim.record.count('createTask')).toBe(0);
		const output = result.outputOf('Kie');
		expect(output).toHaveLength(3);
		for (const item of output) {
			expect(String(item.json.error)).toContain('balance is 100 credits');
			expect(String(item.json.error)).toContain('Min Balance (500)');
		}
		// Read once for the create window, not once per item.
		expect(sim.record.count('credit')).toBe(1);
	});

	it('creates as usual above the floor', async () => {
		// The balance is read at most once per create window (1 s here): let the last one pass.
		await new Promise((resolve) => setTimeout(resolve, 1_100));
		sim.configure({ credits: 1000 });
		const result = await run(generate({ minBalance: 500 }), prompts(1));
		expect(result.outputOf('Kie')[0].json).toMatchObject({ state: 'success' });
		expect(sim.record.createdTaskCount()).toBe(1);
	});
});

describe('no task without its id', () => {
	it('Stop during a create leaves the item with "may have created" and what is known', async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'slow', delayMs: 3_000 });
		const result = await run(
			generate(),
			prompts(1),
			{},
			{
				cancelWhen: () => sim.record.count('createTask') >= 1,
			},
		);

		expect(result.status).toBe('canceled');
		const text = visibleText(result);
		expect(text).toContain('may have created the task');
		expect(text).toContain('nano-banana-pro');
	});

	it('a sibling’s failure names the create it cut short', async () => {
		// Item 0's task fails after 300 ms, while item 1's create (another API) is still on its way.
		sim.injectFault({ endpoint: 'fourOImageGenerate', kind: 'slow', delayMs: 4_000 });
		const result = await run(generate({}, { model: '={{ $json.model }}' }), [
			{ json: { prompt: '[fail] item 0', model: 'nano-banana-pro' } },
			{ json: { prompt: 'item 1', model: 'gpt-4o-image' } },
		]);

		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('failed');
		expect(String(result.error?.description)).toContain(
			'Creates on their way when the node failed',
		);
		expect(String(result.error?.description)).toContain('item 1 (gpt-4o-image, sent around');
	});
});
