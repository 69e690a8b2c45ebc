/**
 * Generate with the Model chosen by an expression: n8n cannot tell which model's Aspect Ratio,
 * Resolution or Output Format field is meant, so it fills in one definition's default for every
 * model. An item's own model must still get its own defaults, not another model's value.
 */
import { startSimulator } from '../../simulator';
import type { KieSimulator } from '../../simulator';
import { createBodies, FAST_POLL, kieOutput, runKie } from '../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 100 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const byExpression = (model: string) => ({
	resource: 'image',
	operation: 'generate',
	model: `={{ ${JSON.stringify(model)} }}`,
	prompt: 'A red bicycle',
	waitForCompletion: false,
	options: { ...FAST_POLL },
});

describe('Generate with the model from an expression', () => {
	it.each(['nano-banana-pro', 'z-image', 'gpt-image/1.5-text-to-image', 'google/nano-banana'])(
		'%s gets only fields and values of its own',
		async (model) => {
			const result = await runKie(sim, byExpression(model));

			expect(kieOutput(result)[0].json.state).toBe('waiting');
			const [body] = createBodies(sim);
			expect(body.model).toBe(model);
			// The simulator checks each model's documented fields and enums; a foreign value fails.
			expect(sim.record.createdTaskCount()).toBe(1);
			for (const [field, value] of Object.entries(body.input)) {
				if (field === 'prompt') continue;
				expect({ field, value, known: typeof value === 'string' }).toEqual({
					field,
					value,
					known: true,
				});
			}
		},
	);
});
