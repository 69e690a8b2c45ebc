/** Account → Get Credits through n8n's engine against the Kie simulator. */
import { startSimulator } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import { createTaskDirectly, kieOutput, runKie } from '../../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ credits: 1234 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const getCredits = { resource: 'account', operation: 'getCredits' };

describe('Get Credits', () => {
	it('emits the remaining credits as a number', async () => {
		const result = await runKie(sim, getCredits);

		const items = kieOutput(result);
		expect(items.map((item) => item.json)).toEqual([{ credits: 1234 }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(sim.record.count('credit')).toBe(1);
	});

	it('emits one item per input item, after what a task has cost', async () => {
		sim.configure({ credits: 500 });
		await createTaskDirectly(sim, { model: 'nano-banana-pro', input: { prompt: 'A fox' } });

		const result = await runKie(sim, getCredits, {
			items: [{ json: { a: 1 } }, { json: { a: 2 } }],
		});

		const items = kieOutput(result);
		expect(items.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ credits: 476 }, { item: 0 }],
			[{ credits: 476 }, { item: 1 }],
		]);
	});
});
