/**
 * Every catalogue model, run through n8n's engine: the simulator's record of each createTask
 * shows the model's own input field names (prompt, images, aspect/size, resolution/quality,
 * output format) carrying the values chosen in the node. One workflow per operation, one item per
 * model, the model picked per item by an expression.
 */
import type { INodeParameters } from 'n8n-workflow';

import {
	V1_IMAGE_SPECS as MODELS,
	type V1EnumSpec as EnumFieldSpec,
	type V1ImageSpec as ModelSpec,
} from '../../../helpers/v1ImageModels';
import { startSimulator } from '../../../simulator';
import { CATALOGUE } from '../../../../nodes/Kie/catalogue/modelCatalogue';
import { catalogueInputProblem } from '../../../simulator/catalogue-input';
import type { KieSimulator } from '../../../simulator';
import { createBodies, kieOutput, runKie } from '../../../helpers/workflow';

let sim: KieSimulator;

/** Enough room in both limits that a batch of every model goes at once. */
const ROOMY = { maxNewTasks: 200, maxNewTasksWindow: 10 };

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 60_000, createLimit: { max: 200, windowMs: 10_000 } });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

interface ModelCase {
	model: string;
	prompt: string;
	aspectRatio?: string;
	resolution?: string;
	outputFormat?: string;
	imageUrls?: string[];
}

/** A value other than the default where the model offers one, so a dropped value shows. */
function pick(spec: EnumFieldSpec | undefined): string | undefined {
	if (!spec) return undefined;
	return spec.options.find((option) => option !== spec.default) ?? spec.default;
}

function caseFor(model: ModelSpec, operation: 'generate' | 'edit'): ModelCase {
	const images =
		operation === 'edit' && model.images
			? Array.from(
					{ length: Math.min(2, model.images.max) },
					(_, index) => `https://images.example.com/${encodeURIComponent(model.id)}/${index}.png`,
				)
			: undefined;
	return {
		model: model.id,
		prompt: `A test picture for ${model.id}`,
		aspectRatio: pick(model.aspectRatio),
		resolution: pick(model.resolution),
		outputFormat: pick(model.outputFormat),
		imageUrls: images,
	};
}

/** The input the model's page documents for these values, under its own field names. */
function expectedInput(model: ModelSpec, testCase: ModelCase): Record<string, unknown> {
	const input: Record<string, unknown> = { [model.prompt.field]: testCase.prompt };
	if (testCase.imageUrls && model.images) {
		input[model.images.field] =
			model.images.kind === 'single' ? testCase.imageUrls[0] : testCase.imageUrls;
	}
	if (model.aspectRatio) input[model.aspectRatio.field] = testCase.aspectRatio;
	if (model.resolution) input[model.resolution.field] = testCase.resolution;
	if (model.outputFormat) input[model.outputFormat.field] = testCase.outputFormat;
	return input;
}

/** A dedicated image API's create bodies (fields at the top level) as {model, input}. */
function dedicatedBodies(
	simulator: KieSimulator,
): Array<{ model: string; input: Record<string, unknown> }> {
	const models: Record<string, (body: Record<string, unknown>) => string> = {
		fourOImageGenerate: () => 'gpt-4o-image',
		fluxKontextGenerate: (body) => String(body.model),
	};
	return simulator.record.requests
		.filter((entry) => entry.endpoint in models)
		.map((entry) => {
			const body = entry.body as Record<string, unknown>;
			return { model: models[entry.endpoint](body), input: withoutModel(body) };
		});
}

function withoutModel(input: Record<string, unknown> | undefined): Record<string, unknown> {
	const rest = { ...input };
	delete rest.model;
	return rest;
}

const byExpression = {
	model: '={{ $json.model }}',
	prompt: '={{ $json.prompt }}',
	aspectRatio: '={{ $json.aspectRatio ?? "" }}',
	resolution: '={{ $json.resolution ?? "" }}',
	outputFormat: '={{ $json.outputFormat ?? "" }}',
	waitForCompletion: false,
};

async function runEveryModel(operation: 'generate' | 'edit'): Promise<void> {
	// A model serving both operations is exercised by Generate; edit-only models by Edit.
	const models = MODELS.filter((model) =>
		operation === 'generate'
			? model.operations.includes('generate')
			: !model.operations.includes('generate'),
	);
	expect(models.length).toBeGreaterThan(0);
	const cases = models.map((model) => caseFor(model, operation));

	const parameters: INodeParameters = { resource: 'image', operation, ...byExpression };
	if (operation === 'edit') parameters.imageUrls = '={{ $json.imageUrls }}';
	const result = await runKie(sim, parameters, {
		items: cases.map((testCase) => ({ json: { ...testCase } })),
		credential: ROOMY,
	});

	const items = kieOutput(result);
	expect(items).toHaveLength(models.length);
	const bodies = [...createBodies(sim), ...dedicatedBodies(sim)];
	expect(bodies).toHaveLength(models.length);

	for (const [index, model] of models.entries()) {
		const expected = expectedInput(model, cases[index]);
		const body = bodies.find((entry) => entry.model === model.id);
		expect({ model: model.id, input: body?.input }).toEqual({ model: model.id, input: expected });
		// The names checked against the model's page, not against the catalogue itself (jobs-API
		// models; the dedicated image APIs have their own simulator checks).
		if (!model.docsPage.startsWith('market/')) continue;
		const documented = CATALOGUE.find((data) => data.id === model.id);
		expect({ model: model.id, documented: documented !== undefined }).toEqual({
			model: model.id,
			documented: true,
		});
		expect({
			model: model.id,
			problem: documented && catalogueInputProblem(documented, body?.input ?? {}),
		}).toEqual({ model: model.id, problem: undefined });

		// The item of this model is the task created with this body.
		const item = items[index];
		expect(item.pairedItem).toEqual({ item: index });
		const task = sim.record.tasks.get(item.json.taskId as string);
		const taskInput = model.dedicatedApi ? withoutModel(task?.input) : task?.input;
		expect({ model: model.dedicatedApi ? model.id : task?.model, input: taskInput }).toEqual({
			model: model.id,
			input: expected,
		});
		expect(item.json).toMatchObject({ model: model.id, state: 'waiting' });
	}
}

describe('every catalogue model sends its own field names', () => {
	it('Generate: one item per text-to-image model', async () => {
		await runEveryModel('generate');
	});

	it('Edit: one item per image-to-image-only model', async () => {
		await runEveryModel('edit');
	});

	it('Edit with nano-banana-pro (a model of both operations) sends image_input', async () => {
		const result = await runKie(
			sim,
			{
				resource: 'image',
				operation: 'edit',
				model: 'nano-banana-pro',
				prompt: 'Make it night',
				imageUrls: ['https://images.example.com/day.png'],
				aspectRatio: '4:5',
				resolution: '4K',
				outputFormat: 'jpg',
				waitForCompletion: false,
			},
			{ credential: ROOMY },
		);

		kieOutput(result);
		expect(createBodies(sim)).toEqual([
			{
				model: 'nano-banana-pro',
				input: {
					prompt: 'Make it night',
					image_input: ['https://images.example.com/day.png'],
					aspect_ratio: '4:5',
					resolution: '4K',
					output_format: 'jpg',
				},
			},
		]);
	});

	it('fills a field Kie requires with its documented default when left empty', async () => {
		const result = await runKie(
			sim,
			{
				resource: 'image',
				operation: 'generate',
				model: 'gpt-image/1.5-text-to-image',
				prompt: 'A teapot',
				aspectRatio: '',
				resolution: '',
				waitForCompletion: false,
			},
			{ credential: ROOMY },
		);

		kieOutput(result);
		expect(createBodies(sim)[0].input).toEqual({
			prompt: 'A teapot',
			aspect_ratio: '1:1',
			quality: 'medium',
		});
	});
});

describe('Custom Model reaches any jobs-API model', () => {
	it('sends the model id and Additional Input as the input, video models included', async () => {
		const result = await runKie(
			sim,
			{
				resource: 'image',
				operation: 'edit',
				model: 'custom',
				customModel: 'kling/v2-1-pro',
				customImageField: 'image_url',
				prompt: 'The cat turns its head',
				imageUrls: ['https://images.example.com/cat.png'],
				additionalInput: '{"duration": "5", "negative_prompt": "blur", "cfg_scale": 0.5}',
				waitForCompletion: false,
			},
			{ credential: ROOMY },
		);

		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({ model: 'kling/v2-1-pro', state: 'waiting' });
		expect(createBodies(sim)).toEqual([
			{
				model: 'kling/v2-1-pro',
				input: {
					prompt: 'The cat turns its head',
					image_url: 'https://images.example.com/cat.png',
					duration: '5',
					negative_prompt: 'blur',
					cfg_scale: 0.5,
				},
			},
		]);
	});
});
