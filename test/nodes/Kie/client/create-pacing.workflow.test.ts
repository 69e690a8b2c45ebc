/**
 * A 429 never ends an item: Kie does not create (or queue) a refused create, so the node sends it
 * again, paced, for as long as the item's own timeout allows; never a second task for one item.
 * Through n8n's engine against the simulator, whose account limit here is far below what the
 * credential claims (another worker or tool shares the account).
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { startSimulator } from '../../../simulator';
import type { KieSimulator, RecordedRequest } from '../../../simulator';
import { answeredRateLimit } from '../../../simulator/record';
import { kieOutput, runKie, visibleText } from '../../../helpers/workflow';

/** Each test its own key: the create pacing is per account and process. */
const KEYS = ['pacing-key-a', 'pacing-key-b', 'pacing-key-c'];

let sim: KieSimulator;
beforeAll(async () => {
	sim = await startSimulator({
		apiKeys: KEYS,
		generationMs: 200,
		createLimit: { max: 2, windowMs: 1000 },
	});
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const generate = (extra: Record<string, unknown> = {}) => ({
	resource: 'image',
	operation: 'generate',
	model: 'nano-banana-pro',
	prompt: '={{ $json.prompt }}',
	resolution: '1K',
	downloadResults: false,
	options: { pollInterval: 0.2, ...extra },
});

const items = (count: number, label: string) =>
	Array.from({ length: count }, (_, index) => ({ json: { prompt: `${label} ${index}` } }));

const creates = (): RecordedRequest[] =>
	sim.record.requests.filter((request) => request.endpoint === 'createTask');

const promptOf = (request: RecordedRequest) =>
	(request.body as { input: { prompt: string } }).input.prompt;

function tasksPerPrompt(prompts: string[]): number[] {
	const tasks = [...sim.record.tasks.values()];
	return prompts.map((prompt) => tasks.filter((task) => task.input.prompt === prompt).length);
}

describe('the account allows far fewer creates than the credential says', () => {
	it('every item succeeds with exactly one task; refused creates were sent again', async () => {
		const batch = items(16, 'Over-claimed');
		const result = await runKie(sim, generate(), {
			items: batch,
			credential: { apiKey: KEYS[0], maxNewTasks: 40, maxNewTasksWindow: 1 },
		});

		const output: INodeExecutionData[] = kieOutput(result);
		expect(output.map((item) => item.json.state)).toEqual(batch.map(() => 'success'));
		expect(output.map((item) => item.pairedItem)).toEqual(batch.map((_, item) => ({ item })));
		const prompts = batch.map((item) => item.json.prompt);
		expect(tasksPerPrompt(prompts)).toEqual(prompts.map(() => 1));
		expect(sim.record.createdTaskCount()).toBe(16);
		// Each item's own task is the one it reports.
		expect(
			output.map((item) => sim.record.tasks.get(item.json.taskId as string)?.input.prompt),
		).toEqual(prompts);
		const rejected = creates().filter(answeredRateLimit);
		expect(rejected.length).toBeGreaterThan(0);
		expect(creates()).toHaveLength(16 + rejected.length);
		expect(sim.record.maxCreatesInAnyWindow(1000)).toBeLessThanOrEqual(2);
	});

	it('an item refused more often than any fixed retry count still succeeds', async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'body429', times: 10 });
		const result = await runKie(sim, generate(), {
			items: items(1, 'Refused ten times'),
			credential: { apiKey: KEYS[1], maxNewTasks: 40, maxNewTasksWindow: 1 },
		});

		const [item] = kieOutput(result);
		expect(item.json.state).toBe('success');
		expect(creates().map((request) => (answeredRateLimit(request) ? 429 : 200))).toEqual([
			...Array.from({ length: 10 }, () => 429),
			200,
		]);
		expect(creates().map(promptOf)).toEqual(creates().map(() => 'Refused ten times 0'));
		expect(sim.record.createdTaskCount()).toBe(1);
	});

	it("the item's timeout ends the repeats: a clear error and no task", async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'body429' });
		const result = await runKie(sim, generate({ timeout: 3 }), {
			items: items(1, 'Always refused'),
			credential: { apiKey: KEYS[2], maxNewTasks: 40, maxNewTasksWindow: 1 },
			continueOnFail: true,
		});

		const [item] = kieOutput(result);
		expect(String(item.json.error)).toMatch(/rate limit|429/i);
		expect(sim.record.createdTaskCount()).toBe(0);
		expect(creates().length).toBeGreaterThan(1);
		expect(visibleText(result)).not.toContain(KEYS[2]);
	});
});
