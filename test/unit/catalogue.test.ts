import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	CUSTOM_MODEL,
	getModel,
	imageLimits,
	KieInputError,
	mapInput,
	modelProperties,
	MODELS,
	parseFileSize,
	validate,
	validateBinaryForModel,
	type CommonImageFields,
	type ImageOperation,
} from '../../nodes/Kie/catalogue';

/** Validation, then mapping with the uploads done: what Generate and Edit do. */
const buildTaskRequest = (
	operation: ImageOperation,
	model: string,
	fields: CommonImageFields,
	uploaded: string[] = [],
) => mapInput(validate(operation, model, fields, uploaded.length), uploaded);
const validateTaskRequest = validate;

const A = 'https://example.com/a.png';
const B = 'https://cdn.example.org/path/b.jpg?x=1';
const UPLOADED = 'https://tempfile.redpandaai.co/n8n/upload-1.png';
const MiB = 1024 * 1024;

function thrown(action: () => unknown): KieInputError {
	try {
		action();
	} catch (error) {
		expect(error).toBeInstanceOf(KieInputError);
		return error as KieInputError;
	}
	throw new Error('expected a KieInputError, nothing was thrown');
}

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
			// Jobs-API models under market/; a dedicated image API's model under its API's pages.
			expect(model.docsPage).toMatch(
				model.dedicatedApi ? /^(4o-image|flux-kontext)-api\/.+\.md$/ : /^market\/.+\.md$/,
			);
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

describe('buildTaskRequest refuses bad input before any request', () => {
	const nine = Array.from({ length: 9 }, (_, i) => `https://example.com/${i}.png`);
	const bad: Array<{
		name: string;
		build: () => unknown;
		field: string;
		contains: string[];
	}> = [
		{
			name: 'empty prompt',
			build: () => buildTaskRequest('generate', 'nano-banana-pro', { prompt: '' }),
			field: 'prompt',
			contains: ['""'],
		},
		{
			name: 'whitespace prompt',
			build: () => buildTaskRequest('generate', 'nano-banana-pro', { prompt: ' \n\t ' }),
			field: 'prompt',
			contains: ['" \\n\\t "'],
		},
		{
			name: 'missing prompt',
			build: () => buildTaskRequest('generate', 'z-image', {}),
			field: 'prompt',
			contains: ['z-image'],
		},
		{
			name: 'too-long prompt',
			build: () => buildTaskRequest('generate', 'nano-banana-pro', { prompt: 'x'.repeat(10001) }),
			field: 'prompt',
			contains: ['10001', '10000', '"xxxx'],
		},
		{
			name: 'too-short prompt (FLUX.2 needs 3 characters)',
			build: () => buildTaskRequest('generate', 'flux-2/pro-text-to-image', { prompt: 'ab' }),
			field: 'prompt',
			contains: ['"ab"', '3'],
		},
		{
			name: 'prompt as a number from an expression',
			build: () => buildTaskRequest('generate', 'nano-banana-pro', { prompt: 42 }),
			field: 'prompt',
			contains: ['42', 'number'],
		},
		{
			name: 'prompt as an object from an expression',
			build: () => buildTaskRequest('generate', 'nano-banana-pro', { prompt: { text: 'hi' } }),
			field: 'prompt',
			contains: ['{"text":"hi"}'],
		},
		{
			name: 'unknown aspect ratio',
			build: () =>
				buildTaskRequest('generate', 'nano-banana-pro', { prompt: 'p', aspectRatio: '7:5' }),
			field: 'aspectRatio',
			contains: ['"7:5"', '16:9', 'auto'],
		},
		{
			name: 'aspect ratio the model does not list (gpt-image has no 16:9)',
			build: () =>
				buildTaskRequest('generate', 'gpt-image/1.5-text-to-image', {
					prompt: 'p',
					aspectRatio: '16:9',
				}),
			field: 'aspectRatio',
			contains: ['"16:9"', '1:1, 2:3, 3:2'],
		},
		{
			name: '8K resolution',
			build: () =>
				buildTaskRequest('generate', 'nano-banana-pro', { prompt: 'p', resolution: '8K' }),
			field: 'resolution',
			contains: ['Resolution "8K" is not supported by nano-banana-pro. Allowed: 1K, 2K, 4K'],
		},
		{
			name: 'quality value for a quality model',
			build: () =>
				buildTaskRequest('generate', 'seedream/4.5-text-to-image', {
					prompt: 'p',
					resolution: '4K',
				}),
			field: 'resolution',
			contains: ['Quality "4K"', 'basic, high'],
		},
		{
			name: 'gif output format',
			build: () =>
				buildTaskRequest('generate', 'nano-banana-pro', { prompt: 'p', outputFormat: 'gif' }),
			field: 'outputFormat',
			contains: ['"gif"', 'png, jpg'],
		},
		{
			name: 'enum as an object',
			build: () =>
				buildTaskRequest('generate', 'nano-banana-pro', { prompt: 'p', aspectRatio: { a: 1 } }),
			field: 'aspectRatio',
			contains: ['{"a":1}'],
		},
		{
			name: '9 images for nano-banana-pro',
			build: () => buildTaskRequest('edit', 'nano-banana-pro', { prompt: 'p', imageUrls: nine }),
			field: 'imageUrls',
			contains: ['at most 8', 'got 9'],
		},
		{
			name: 'too many images counting uploaded binaries',
			build: () => buildTaskRequest('edit', 'flux-2/pro-image-to-image', { prompt: 'ppp' }, nine),
			field: 'binaryProperties',
			contains: ['at most 8', 'got 9'],
		},
		{
			name: 'zero images for an edit model',
			build: () =>
				buildTaskRequest('edit', 'google/nano-banana-edit', { prompt: 'p', imageUrls: '' }),
			field: 'imageUrls',
			contains: ['at least 1', 'got 0', '""'],
		},
		{
			name: 'zero images for nano-banana-pro in the edit operation',
			build: () => buildTaskRequest('edit', 'nano-banana-pro', { prompt: 'p', imageUrls: [] }),
			field: 'imageUrls',
			contains: ['at least 1', '[]'],
		},
		{
			name: 'two images for a single-image model',
			build: () => buildTaskRequest('edit', 'qwen/image-edit', { prompt: 'p', imageUrls: [A, B] }),
			field: 'imageUrls',
			contains: ['at most 1', 'got 2', A],
		},
		{
			name: 'an image for a model that takes none',
			build: () => buildTaskRequest('generate', 'z-image', { prompt: 'p', imageUrls: [A] }),
			field: 'imageUrls',
			contains: ['takes no input images', A],
		},
		{
			name: 'ftp URL',
			build: () =>
				buildTaskRequest('edit', 'nano-banana-pro', {
					prompt: 'p',
					imageUrls: 'ftp://example.com/a.png',
				}),
			field: 'imageUrls',
			contains: ['"ftp://example.com/a.png"', 'http'],
		},
		{
			name: 'data: URL',
			build: () =>
				buildTaskRequest('edit', 'nano-banana-pro', {
					prompt: 'p',
					imageUrls: ['data:image/png;base64,iVBORw0KGgo='],
				}),
			field: 'imageUrls',
			contains: ['"data:image/png;base64,iVBORw0KGgo="'],
		},
		{
			name: 'file: URL',
			build: () =>
				buildTaskRequest('edit', 'nano-banana-pro', {
					prompt: 'p',
					imageUrls: 'file:///etc/passwd',
				}),
			field: 'imageUrls',
			contains: ['"file:///etc/passwd"'],
		},
		{
			name: 'javascript: URL',
			build: () =>
				buildTaskRequest('edit', 'nano-banana-pro', {
					prompt: 'p',
					imageUrls: 'javascript:alert(1)',
				}),
			field: 'imageUrls',
			contains: ['"javascript:alert(1)"'],
		},
		{
			name: 'relative URL',
			build: () =>
				buildTaskRequest('edit', 'nano-banana-pro', { prompt: 'p', imageUrls: '/images/a.png' }),
			field: 'imageUrls',
			contains: ['"/images/a.png"'],
		},
		{
			name: 'protocol-relative URL',
			build: () =>
				buildTaskRequest('edit', 'nano-banana-pro', {
					prompt: 'p',
					imageUrls: '//example.com/a.png',
				}),
			field: 'imageUrls',
			contains: ['"//example.com/a.png"'],
		},
		{
			name: 'URL with whitespace inside',
			build: () =>
				buildTaskRequest('edit', 'nano-banana-pro', {
					prompt: 'p',
					imageUrls: 'https://exa mple.com/a.png',
				}),
			field: 'imageUrls',
			contains: ['"https://exa mple.com/a.png"'],
		},
		{
			name: 'URL without a host',
			build: () =>
				buildTaskRequest('edit', 'nano-banana-pro', { prompt: 'p', imageUrls: 'https://' }),
			field: 'imageUrls',
			contains: ['"https://"'],
		},
		{
			name: 'URL list with an empty entry (text)',
			build: () =>
				buildTaskRequest('edit', 'nano-banana-pro', { prompt: 'p', imageUrls: `${A},,${B}` }),
			field: 'imageUrls',
			contains: ['empty entry', '""'],
		},
		{
			name: 'URL list with an empty entry (list)',
			build: () =>
				buildTaskRequest('edit', 'nano-banana-pro', { prompt: 'p', imageUrls: [A, '  '] }),
			field: 'imageUrls',
			contains: ['empty entry', '"  "'],
		},
		{
			name: 'URL list entry that is not text',
			build: () => buildTaskRequest('edit', 'nano-banana-pro', { prompt: 'p', imageUrls: [A, 17] }),
			field: 'imageUrls',
			contains: ['17'],
		},
		{
			name: 'image URLs as a number',
			build: () => buildTaskRequest('edit', 'nano-banana-pro', { prompt: 'p', imageUrls: 5 }),
			field: 'imageUrls',
			contains: ['5', 'number'],
		},
		{
			name: 'Additional Input malformed JSON',
			build: () =>
				buildTaskRequest('generate', 'nano-banana-pro', {
					prompt: 'p',
					additionalInput: '{"seed": 1,',
				}),
			field: 'additionalInput',
			contains: ['not valid JSON', '{\\"seed\\": 1,'],
		},
		{
			name: 'Additional Input an array',
			build: () =>
				buildTaskRequest('generate', 'nano-banana-pro', { prompt: 'p', additionalInput: '[1,2]' }),
			field: 'additionalInput',
			contains: ['JSON object', '[1,2]'],
		},
		{
			name: 'Additional Input null',
			build: () =>
				buildTaskRequest('generate', 'nano-banana-pro', { prompt: 'p', additionalInput: 'null' }),
			field: 'additionalInput',
			contains: ['JSON object', 'null'],
		},
		{
			name: 'Additional Input a number',
			build: () =>
				buildTaskRequest('generate', 'nano-banana-pro', { prompt: 'p', additionalInput: 42 }),
			field: 'additionalInput',
			contains: ['JSON object', '42'],
		},
		{
			name: 'Additional Input that sets an invalid enum',
			build: () =>
				buildTaskRequest('generate', 'nano-banana-pro', {
					prompt: 'p',
					additionalInput: '{"resolution": "8K"}',
				}),
			field: 'additionalInput',
			contains: ['resolution "8K" (from Additional Input)', '1K, 2K, 4K'],
		},
		{
			name: 'Additional Input that sets a bad image URL',
			build: () =>
				buildTaskRequest('edit', 'nano-banana-pro', {
					prompt: 'p',
					additionalInput: { image_input: ['ftp://example.com/x.png'] },
				}),
			field: 'additionalInput',
			contains: ['"ftp://example.com/x.png"'],
		},
		{
			name: 'Additional Input that sets a too-long prompt',
			build: () =>
				buildTaskRequest('generate', 'z-image', {
					prompt: 'p',
					additionalInput: { prompt: 'y'.repeat(1001) },
				}),
			field: 'additionalInput',
			contains: ['1001', '1000'],
		},
		{
			name: 'custom without customModel',
			build: () => buildTaskRequest('generate', 'custom', { prompt: 'p' }),
			field: 'customModel',
			contains: ['Custom Model ID', '""'],
		},
		{
			name: 'customModel with spaces',
			build: () => buildTaskRequest('generate', 'custom', { customModel: 'kling v2 pro' }),
			field: 'customModel',
			contains: ['"kling v2 pro"'],
		},
		{
			name: 'customModel as a number',
			build: () => buildTaskRequest('generate', 'custom', { customModel: 12 }),
			field: 'customModel',
			contains: ['12'],
		},
		{
			name: 'custom with malformed Additional Input',
			build: () =>
				buildTaskRequest('generate', 'custom', { customModel: 'a/b', additionalInput: '{' }),
			field: 'additionalInput',
			contains: ['not valid JSON', '"{"'],
		},
		{
			name: 'unknown model',
			build: () => buildTaskRequest('generate', 'midjourney-v7', { prompt: 'p' }),
			field: 'model',
			contains: ['"midjourney-v7"'],
		},
		{
			name: 'a generate-only model used for edit',
			build: () => buildTaskRequest('edit', 'z-image', { prompt: 'p', imageUrls: [A] }),
			field: 'model',
			contains: ['z-image', 'Generate'],
		},
		{
			name: 'an edit-only model used for generate',
			build: () => buildTaskRequest('generate', 'seedream/4.5-edit', { prompt: 'p' }),
			field: 'model',
			contains: ['seedream/4.5-edit', 'Edit'],
		},
	];

	it('has at least 20 distinct cases', () => expect(bad.length).toBeGreaterThanOrEqual(20));

	it.each(bad)('$name', ({ build, field, contains }) => {
		const error = thrown(build);
		expect(error.field).toBe(field);
		for (const part of contains) expect(error.message).toContain(part);
	});

	it('keeps the bad value and the allowed values on the error', () => {
		const error = thrown(() =>
			buildTaskRequest('generate', 'nano-banana-pro', { prompt: 'p', resolution: '8K' }),
		);
		expect(error.value).toBe('8K');
		expect(error.allowed).toBe('1K, 2K, 4K');
		expect(error.name).toBe('KieInputError');
		expect(error).toBeInstanceOf(Error);
	});
});

describe('validateBinaryForModel', () => {
	const png = {
		mimeType: 'image/png',
		fileSize: '1.2 MB',
		fileName: 'a.png',
		propertyName: 'data',
	};

	it('accepts a supported image within the size limit', () => {
		expect(() => validateBinaryForModel('nano-banana-pro', png)).not.toThrow();
		expect(() =>
			validateBinaryForModel('google/nano-banana-edit', {
				...png,
				mimeType: 'image/jpg',
				fileSize: 9 * MiB,
			}),
		).not.toThrow();
		expect(() =>
			validateBinaryForModel('nano-banana-pro', {
				mimeType: 'application/octet-stream',
				fileName: 'photo.WEBP',
				propertyName: 'data',
			}),
		).not.toThrow();
	});

	it('refuses an oversized file given as a human size', () => {
		const error = thrown(() =>
			validateBinaryForModel('google/nano-banana-edit', {
				...png,
				fileSize: '40 MB',
				propertyName: 'photo',
			}),
		);
		expect(error.field).toBe('binaryProperties');
		expect(error.message).toContain('"photo"');
		expect(error.message).toContain('40 MB');
		expect(error.message).toContain('10 MB');
	});

	it('refuses an oversized file given in bytes', () => {
		const error = thrown(() =>
			validateBinaryForModel('nano-banana-pro', { ...png, fileSize: 31 * MiB }),
		);
		expect(error.field).toBe('binaryProperties');
		expect(error.message).toContain(String(31 * MiB));
		expect(error.message).toContain('30 MB');
	});

	it('prefers the exact byte count when n8n provides it', () => {
		expect(() =>
			validateBinaryForModel('google/nano-banana-edit', {
				...png,
				fileSize: '10.5 MB',
				bytes: 10 * MiB,
			}),
		).not.toThrow();
	});

	it('refuses a MIME type the model does not take', () => {
		const error = thrown(() =>
			validateBinaryForModel('google/nano-banana-edit', {
				...png,
				mimeType: 'image/gif',
				fileName: 'anim.gif',
				propertyName: 'img',
			}),
		);
		expect(error.field).toBe('binaryProperties');
		expect(error.message).toContain('image/gif');
		expect(error.message).toContain('"img"');
		expect(error.message).toContain('image/jpeg, image/png, image/webp');
		expect(error.allowed).toBe('image/jpeg, image/png, image/webp');
	});

	it('accepts images, video and audio of any size for a custom model, nothing else', () => {
		for (const mimeType of ['image/gif', 'video/mp4', 'audio/mpeg']) {
			expect(() =>
				validateBinaryForModel('custom', { mimeType, fileSize: '900 MB', propertyName: 'data' }),
			).not.toThrow();
		}
		const error = thrown(() =>
			validateBinaryForModel('custom', { mimeType: 'application/pdf', propertyName: 'doc' }),
		);
		expect(error.field).toBe('binaryProperties');
		expect(error.message).toContain('application/pdf');
	});

	it('refuses binaries for models without image input', () => {
		expect(thrown(() => validateBinaryForModel('z-image', png)).field).toBe('binaryProperties');
		expect(thrown(() => validateBinaryForModel('nope', png)).field).toBe('model');
	});

	it('parses n8n file sizes', () => {
		expect(parseFileSize('1.2 MB')).toBe(1_200_000);
		expect(parseFileSize('345 kB')).toBe(345_000);
		expect(parseFileSize('512 B')).toBe(512);
		expect(parseFileSize('1.5 MiB')).toBe(1.5 * MiB);
		expect(parseFileSize('2,5 MB')).toBe(2_500_000);
		expect(parseFileSize(1234)).toBe(1234);
		expect(parseFileSize('1234')).toBe(1234);
		expect(parseFileSize('lots')).toBeUndefined();
		expect(parseFileSize('3 parsecs')).toBeUndefined();
		expect(parseFileSize(undefined)).toBeUndefined();
	});

	it('reports image limits per model and operation', () => {
		expect(imageLimits('nano-banana-pro')).toEqual({
			min: 1,
			max: 8,
			maxFileSizeBytes: 30 * MiB,
			mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
		});
		expect(imageLimits('nano-banana-pro', 'generate')?.min).toBe(0);
		expect(imageLimits('qwen/image-edit')?.max).toBe(1);
		expect(imageLimits('z-image')).toBeUndefined();
		expect(imageLimits('custom')?.mimeTypes).toEqual(['image/*', 'video/*', 'audio/*']);
	});
});

describe('modelProperties', () => {
	const ENUM_NAMES = ['aspectRatio', 'resolution', 'outputFormat'] as const;
	const shownFor = (property: INodeProperties, modelId: string) =>
		(property.displayOptions?.show?.model ?? []).includes(modelId);

	describe.each(['generate', 'edit'] as const)('%s', (operation) => {
		const properties = modelProperties(operation);
		const modelProperty = properties.find((p) => p.name === 'model')!;
		const offered = (modelProperty.options ?? []).map((o) => (o as { value: string }).value);

		it('uses only the agreed parameter names, without resource/operation conditions', () => {
			for (const property of properties) {
				expect(['model', 'customModel', ...ENUM_NAMES]).toContain(property.name);
				expect(Object.keys(property.displayOptions?.show ?? {})).not.toContain('operation');
				expect(Object.keys(property.displayOptions?.show ?? {})).not.toContain('resource');
			}
		});

		it('offers the models serving the operation plus custom, default nano-banana-pro', () => {
			const serving = MODELS.filter((m) => m.operations.includes(operation)).map((m) => m.id);
			expect(offered).toEqual([...serving, CUSTOM_MODEL]);
			expect(modelProperty.default).toBe('nano-banana-pro');
			expect(modelProperty.type).toBe('options');
			const custom = properties.find((p) => p.name === 'customModel')!;
			expect(custom.displayOptions?.show?.model).toEqual([CUSTOM_MODEL]);
			for (const name of ENUM_NAMES) {
				expect(properties.filter((p) => p.name === name && shownFor(p, CUSTOM_MODEL))).toEqual([]);
			}
		});

		it('shows each model exactly its own options and default, all accepted by buildTaskRequest', () => {
			for (const id of offered.filter((value) => value !== CUSTOM_MODEL)) {
				const model = getModel(id)!;
				for (const name of ENUM_NAMES) {
					const shown = properties.filter((p) => p.name === name && shownFor(p, id));
					const spec = model[name];
					if (!spec) {
						expect(shown).toEqual([]);
						continue;
					}
					expect(shown).toHaveLength(1);
					const [property] = shown;
					expect(property.type).toBe('options');
					const values = (property.options ?? []).map((o) => (o as { value: string }).value);
					expect(values).toEqual([...spec.options]);
					expect(property.default).toBe(spec.default);
					for (const value of values) {
						const { input } = buildTaskRequest(operation, id, {
							prompt: 'a prompt',
							imageUrls: model.images && operation === 'edit' ? [A] : undefined,
							[name]: value,
						});
						expect(input[spec.field]).toBe(value);
					}
				}
			}
		});
	});

	it('names fields the way each model does', () => {
		const generate = modelProperties('generate');
		const label = (name: string, id: string) =>
			generate.find((p) => p.name === name && shownFor(p, id))?.displayName;
		expect(label('resolution', 'gpt-image/1.5-text-to-image')).toBe('Quality');
		expect(label('resolution', 'nano-banana-pro')).toBe('Resolution');
		expect(label('aspectRatio', 'google/nano-banana')).toBe('Image Size');
		expect(label('aspectRatio', 'nano-banana-pro')).toBe('Aspect Ratio');
		expect(label('outputFormat', 'nano-banana-pro')).toBe('Output Format');
	});

	it('shares one property between models with the same option set', () => {
		const flux = modelProperties('generate').filter(
			(p) => p.name === 'resolution' && shownFor(p, 'flux-2/pro-text-to-image'),
		);
		expect(flux[0].displayOptions?.show?.model).toEqual([
			'flux-2/pro-text-to-image',
			'flux-2/flex-text-to-image',
		]);
	});
});
