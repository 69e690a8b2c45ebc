/** The catalogue refuses bad input before any request, naming the field, the value and what is allowed. */

import { A, B, buildTaskRequest, thrown } from './fixtures';

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
			contains: ['needs 1 to 10 input images', 'got 0', '""'],
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
		...['__proto__', 'constructor', 'prototype'].map((key) => ({
			name: `Additional Input with a "${key}" key`,
			build: () =>
				buildTaskRequest('generate', 'nano-banana-pro', {
					prompt: 'p',
					additionalInput: `{"${key}": {"resolution": "8K"}}`,
				}),
			field: 'additionalInput',
			contains: [`"${key}"`, 'not allowed'],
		})),
		{
			name: 'Additional Input with a "__proto__" key inside a field',
			build: () =>
				buildTaskRequest('generate', 'nano-banana-pro', {
					prompt: 'p',
					additionalInput: '{"extra": [{"__proto__": {"x": 1}}]}',
				}),
			field: 'additionalInput',
			contains: ['"extra[0].__proto__"', 'not allowed'],
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

describe('values the pipeline takes as they come', () => {
	it('a number from an expression where the model wants text is sent as text', () => {
		expect(buildTaskRequest('generate', 'nano-banana-pro', { prompt: 42 }).input.prompt).toBe('42');
	});
});
