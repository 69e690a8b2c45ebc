/**
 * Options → Max Tasks in Flight through n8n's engine: how many of an execution's items have a
 * task at Kie at once, as the simulator saw it (from a create's arrival to the status answer that
 * showed the task final, in request order).
 */
import { startSimulator } from '../../simulator';
import type { KieSimulator } from '../../simulator';
import { kieOutput, runKie } from '../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 1000, createLimit: { max: 1000, windowMs: 1000 } });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const ITEMS = Array.from({ length: 12 }, (_, index) => ({ json: { prompt: `Tile ${index}` } }));

async function runTwelve(options: Record<string, unknown>) {
	const result = await runKie(
		sim,
		{
			resource: 'image',
			operation: 'generate',
			model: 'nano-banana-pro',
			prompt: '={{ $json.prompt }}',
			downloadResults: false,
			options: { pollInterval: 0.1, ...options },
		},
		{ items: ITEMS, credential: { maxNewTasks: 1000, maxNewTasksWindow: 1 } },
	);
	const items = kieOutput(result);
	expect(items.map((item) => item.json.state)).toEqual(ITEMS.map(() => 'success'));
	expect(items.map((item) => item.pairedItem)).toEqual(ITEMS.map((_, item) => ({ item })));
	expect(sim.record.createdTaskCount()).toBe(12);
	return items;
}

it.each([2, 5])('Max Tasks in Flight %i: never more tasks at Kie at once', async (max) => {
	await runTwelve({ maxConcurrentTasks: max });

	// Each task takes 1 s and the items start as soon as a slot frees: the slots fill up.
	expect(sim.record.maxTasksInFlight()).toBe(max);
});

it('without the option, all twelve items run at once (the default is 50)', async () => {
	await runTwelve({});

	expect(sim.record.maxTasksInFlight()).toBe(12);
});
