/** The catalogue's data and how it maps the node's fields onto each model's own. */
import type { IDataObject } from 'n8n-workflow';

import { CUSTOM_MODEL } from '../../../../nodes/Kie/catalogue';
import { CATALOGUE } from '../../../../nodes/Kie/catalogue/modelCatalogue';
import { V1_IMAGE_SPECS as MODELS } from '../../../helpers/v1ImageModels';
import {
	A,
	B,
	buildTaskRequest,
	thrown,
	UPLOADED,
	validateTaskRequest,
	type V1ImageFields as CommonImageFields,
} from './fixtures';

type ImageOperation = 'generate' | 'edit';
const getModel = (id: string) => MODELS.find((model) => model.id === id);

describe('catalogue data', () => {
	it('has the models the SPEC names, each with a docs page and consistent defaults', () => {
		const required = [
			'nano-banana-pro',
			'nano-banana-2',
			'google/nano-banana',
			'google/nano-banana-edit',
			'gpt-image/1.5-text-to-image',
			'gpt-image/1.5-image-to-image',
			'z-image',
			'seedream/4.5-text-to-image',
			'seedream/4.5-edit',
			'flux-2/pro-text-to-image',
			'flux-2/pro-image-to-image',
		];
		for (const id of required) expect(getModel(id)?.id).toBe(id);
		expect(new Set(MODELS.map((m) => m.id)).size).toBe(MODELS.length);
		for (const model of MODELS) {
			// Version 1's models are catalogue models: their pages are the catalogue's.
			expect(CATALOGUE.find((entry) => entry.id === model.id)?.resource).toBe('image');
			expect(model.operations.length).toBeGreaterThan(0);
			if (model.operations.includes('edit')) expect(model.images).toBeDefined();
			for (const spec of [model.aspectRatio, model.resolution, model.outputFormat]) {
				if (spec) expect(spec.options).toContain(spec.default);
			}
		}
		expect(getModel('nano-banana-pro')?.operations).toEqual(['generate', 'edit']);
		expect(getModel(CUSTOM_MODEL)).toBeUndefined();
	});
});

describe('buildTaskRequest maps onto each model’s own fields', () => {
	const cases: Array<{
		model: string;
		operation: ImageOperation;
		fields: CommonImageFields;
		uploaded?: string[];
		input: IDataObject;
	}> = [
		{
			model: 'nano-banana-pro',
			operation: 'generate',
			fields: {
				prompt: '  A cat astronaut  ',
				aspectRatio: '16:9',
				resolution: '4k',
				outputFormat: 'PNG',
			},
			input: {
				prompt: 'A cat astronaut',
				aspect_ratio: '16:9',
				resolution: '4K',
				output_format: 'png',
			},
		},
		{
			model: 'nano-banana-pro',
			operation: 'edit',
			fields: { prompt: 'Make it night', imageUrls: `${A}\n${B}`, outputFormat: 'jpeg' },
			uploaded: [UPLOADED],
			input: { prompt: 'Make it night', image_input: [UPLOADED, A, B], output_format: 'jpg' },
		},
		{
			model: 'nano-banana-2',
			operation: 'edit',
			fields: {
				prompt: 'p',
				aspectRatio: '8:1',
				resolution: '2K',
				outputFormat: 'JPG',
				imageUrls: [A],
			},
			input: {
				prompt: 'p',
				image_input: [A],
				aspect_ratio: '8:1',
				resolution: '2K',
				output_format: 'jpg',
			},
		},
		{
			model: 'google/nano-banana',
			operation: 'generate',
			fields: { prompt: 'p', aspectRatio: '21:9', outputFormat: 'jpg' },
			input: { prompt: 'p', image_size: '21:9', output_format: 'jpeg' },
		},
		{
			model: 'google/nano-banana-edit',
			operation: 'edit',
			fields: { prompt: 'p', aspectRatio: 'AUTO', imageUrls: `${A}, ${B}` },
			input: { prompt: 'p', image_urls: [A, B], image_size: 'auto' },
		},
		{
			model: 'google/imagen4',
			operation: 'generate',
			fields: { prompt: 'p', aspectRatio: '4:3' },
			input: { prompt: 'p', aspect_ratio: '4:3' },
		},
		{
			model: 'google/imagen4-fast',
			operation: 'generate',
			fields: { prompt: 'p', aspectRatio: '' },
			input: { prompt: 'p' },
		},
		{
			model: 'google/imagen4-ultra',
			operation: 'generate',
			fields: { prompt: 'p', aspectRatio: '9:16' },
			input: { prompt: 'p', aspect_ratio: '9:16' },
		},
		{
			model: 'gpt-image/1.5-text-to-image',
			operation: 'generate',
			fields: { prompt: 'p' },
			input: { prompt: 'p', aspect_ratio: '1:1', quality: 'medium' },
		},
		{
			model: 'gpt-image/1.5-image-to-image',
			operation: 'edit',
			fields: { prompt: 'p', resolution: 'HIGH', imageUrls: [A] },
			input: { prompt: 'p', input_urls: [A], aspect_ratio: '3:2', quality: 'high' },
		},
		{
			model: 'z-image',
			operation: 'generate',
			fields: { prompt: 'p', aspectRatio: undefined },
			input: { prompt: 'p', aspect_ratio: '1:1' },
		},
		{
			model: 'seedream/4.5-text-to-image',
			operation: 'generate',
			fields: { prompt: 'p', aspectRatio: '21:9', resolution: 'High' },
			input: { prompt: 'p', aspect_ratio: '21:9', quality: 'high' },
		},
		{
			model: 'seedream/4.5-edit',
			operation: 'edit',
			fields: { prompt: 'p' },
			uploaded: [UPLOADED, A],
			input: { prompt: 'p', image_urls: [UPLOADED, A], aspect_ratio: '1:1', quality: 'basic' },
		},
		{
			model: 'seedream/5-lite-text-to-image',
			operation: 'generate',
			fields: { prompt: 'ppp', aspectRatio: '3:2' },
			input: { prompt: 'ppp', aspect_ratio: '3:2', quality: 'basic' },
		},
		{
			model: 'seedream/5-lite-image-to-image',
			operation: 'edit',
			fields: { prompt: 'ppp', imageUrls: A, resolution: 'basic' },
			input: { prompt: 'ppp', image_urls: [A], aspect_ratio: '1:1', quality: 'basic' },
		},
		{
			model: 'flux-2/pro-text-to-image',
			operation: 'generate',
			fields: { prompt: 'ppp', resolution: '2k' },
			input: { prompt: 'ppp', aspect_ratio: '1:1', resolution: '2K' },
		},
		{
			model: 'flux-2/pro-image-to-image',
			operation: 'edit',
			fields: { prompt: 'ppp', aspectRatio: 'auto', imageUrls: [A, B] },
			input: { prompt: 'ppp', input_urls: [A, B], aspect_ratio: 'auto', resolution: '1K' },
		},
		{
			model: 'gpt-4o-image',
			operation: 'edit',
			fields: { prompt: 'ppp', aspectRatio: '3:2', imageUrls: [A, B] },
			input: { prompt: 'ppp', filesUrl: [A, B], size: '3:2' },
		},
		{
			model: 'flux-kontext-pro',
			operation: 'generate',
			fields: { prompt: 'ppp', aspectRatio: '21:9', outputFormat: 'PNG' },
			input: { prompt: 'ppp', aspectRatio: '21:9', outputFormat: 'png' },
		},
		{
			model: 'flux-kontext-max',
			operation: 'edit',
			fields: { prompt: 'ppp', imageUrls: A, outputFormat: 'jpg' },
			input: { prompt: 'ppp', inputImage: A, outputFormat: 'jpeg' },
		},
		{
			model: 'flux-2/flex-text-to-image',
			operation: 'generate',
			fields: { prompt: 'ppp', aspectRatio: '2:3', resolution: '1K' },
			input: { prompt: 'ppp', aspect_ratio: '2:3', resolution: '1K' },
		},
		{
			model: 'flux-2/flex-image-to-image',
			operation: 'edit',
			fields: { prompt: 'ppp', imageUrls: A },
			input: { prompt: 'ppp', input_urls: [A], aspect_ratio: '1:1', resolution: '1K' },
		},
		{
			model: 'bytedance/seedream-v4-text-to-image',
			operation: 'generate',
			fields: { prompt: 'p', aspectRatio: 'landscape_16_9', resolution: '4k' },
			input: { prompt: 'p', image_size: 'landscape_16_9', image_resolution: '4K' },
		},
		{
			model: 'bytedance/seedream-v4-edit',
			operation: 'edit',
			fields: { prompt: 'p', imageUrls: [A], aspectRatio: 'Portrait_3_2' },
			input: { prompt: 'p', image_urls: [A], image_size: 'portrait_3_2' },
		},
		{
			model: 'bytedance/seedream',
			operation: 'generate',
			fields: { prompt: 'p', aspectRatio: 'square' },
			input: { prompt: 'p', image_size: 'square' },
		},
		{
			model: 'qwen/text-to-image',
			operation: 'generate',
			fields: { prompt: 'p', aspectRatio: 'portrait_16_9', outputFormat: 'jpg' },
			input: { prompt: 'p', image_size: 'portrait_16_9', output_format: 'jpeg' },
		},
		{
			model: 'qwen/image-to-image',
			operation: 'edit',
			fields: { prompt: 'p', imageUrls: ` ${A} ` },
			input: { prompt: 'p', image_url: A },
		},
		{
			model: 'qwen/image-edit',
			operation: 'edit',
			fields: { prompt: 'p', aspectRatio: 'landscape_16_9', outputFormat: 'png' },
			uploaded: [UPLOADED],
			input: {
				prompt: 'p',
				image_url: UPLOADED,
				image_size: 'landscape_16_9',
				output_format: 'png',
			},
		},
		{
			model: 'qwen2/image-edit',
			operation: 'edit',
			fields: { prompt: 'p', aspectRatio: '9:16', imageUrls: [A] },
			input: { prompt: 'p', image_url: A, image_size: '9:16' },
		},
		{
			model: 'grok-imagine/text-to-image',
			operation: 'generate',
			fields: { prompt: 'p', aspectRatio: '2:3' },
			input: { prompt: 'p', aspect_ratio: '2:3' },
		},
		{
			model: 'grok-imagine/image-to-image',
			operation: 'edit',
			fields: { prompt: '', imageUrls: [A, B] },
			input: { image_urls: [A, B] },
		},
	];

	it.each(cases)('$model ($operation)', ({ model, operation, fields, uploaded, input }) => {
		expect(buildTaskRequest(operation, model, fields, uploaded)).toEqual({ model, input });
	});

	it('covers every catalogue model', () => {
		expect(new Set(cases.map((c) => c.model))).toEqual(new Set(MODELS.map((m) => m.id)));
	});

	it('normalises enums to the model’s own spelling', () => {
		const { input } = buildTaskRequest('generate', 'nano-banana-pro', {
			prompt: 'p',
			resolution: '4k',
			outputFormat: 'PNG',
			aspectRatio: ' Auto ',
		});
		expect(input).toEqual({
			prompt: 'p',
			resolution: '4K',
			output_format: 'png',
			aspect_ratio: 'auto',
		});
		expect(
			buildTaskRequest('generate', 'nano-banana-pro', { prompt: 'p', outputFormat: 'JPEG' }).input
				.output_format,
		).toBe('jpg');
	});

	it('merges Additional Input after the mapped fields and checks its known fields too', () => {
		const { input } = buildTaskRequest('generate', 'nano-banana-pro', {
			prompt: 'p',
			resolution: '4K',
			additionalInput: '{"resolution": "2k", "seed": 7, "extra": {"a": [1]}}',
		});
		expect(input).toEqual({ prompt: 'p', resolution: '2K', seed: 7, extra: { a: [1] } });
		expect(
			buildTaskRequest('generate', 'z-image', {
				prompt: 'p',
				additionalInput: { nsfw_checker: true },
			}).input,
		).toEqual({ prompt: 'p', aspect_ratio: '1:1', nsfw_checker: true });
		expect(
			buildTaskRequest('edit', 'qwen/image-edit', {
				prompt: 'p',
				additionalInput: { image_url: A, acceleration: 'high' },
			}).input,
		).toEqual({ prompt: 'p', image_url: A, acceleration: 'high' });
	});

	it('accepts a JSON array text as the image list', () => {
		const { input } = buildTaskRequest('edit', 'nano-banana-pro', {
			prompt: 'p',
			imageUrls: JSON.stringify([A, B]),
		});
		expect(input.image_input).toEqual([A, B]);
	});

	it('passes a custom model through with its Additional Input and prompt', () => {
		expect(
			buildTaskRequest('generate', 'custom', {
				customModel: ' kling/v2-1-pro ',
				prompt: ' a dancing cat ',
				aspectRatio: 'anything',
				additionalInput: '{"duration": "5", "aspect_ratio": "16:9"}',
			}),
		).toEqual({
			model: 'kling/v2-1-pro',
			input: { prompt: 'a dancing cat', duration: '5', aspect_ratio: '16:9' },
		});
		expect(
			buildTaskRequest('edit', 'custom', {
				customModel: 'kling/v2-1-pro',
				customImageField: 'image_url',
				imageUrls: A,
			}).input,
		).toEqual({ image_url: A });
		expect(
			buildTaskRequest('edit', 'custom', { customModel: 'x/y', imageUrls: [A] }, [UPLOADED]).input,
		).toEqual({ image_urls: [UPLOADED, A] });
	});

	it('validateTaskRequest checks pending uploads before they happen', () => {
		expect(() =>
			validateTaskRequest('edit', 'nano-banana-pro', { prompt: 'p', imageUrls: [A] }, 7),
		).not.toThrow();
		const error = thrown(() =>
			validateTaskRequest('edit', 'nano-banana-pro', { prompt: 'p', imageUrls: [A] }, 8),
		);
		expect(error.field).toBe('imageUrls');
		expect(error.message).toContain('got 9');
		expect(
			thrown(() => validateTaskRequest('edit', 'nano-banana-pro', { prompt: '' }, 1)).field,
		).toBe('prompt');
	});
});
