/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Bad input is refused before anything is sent (no upload, no task, no credits): each case runs
 * through n8n's engine and the simulator must have received no request at all. The message names
 * the value, the description names the parameter to fix.
 */
import type { INodeParameters } from 'n8n-workflow';

import { makePng, startSimulator } from '../../simulator';
import type { KieSimulator } from '../../simulator';
import { binaryOf, createBodies, kieOutput, runKie } from '../../helpers/workflow';
import type { FixtureItemSpec } from '../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 100 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const PNG = makePng('bad-input', 8);
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const MiB = 1024 * 1024;
/** Just over the 10 MB per-file limit of seedream/4.5-edit (a PNG signature, then padding). */
const OVERSIZED = Buffer.concat([PNG, Buffer.alloc(10 * MiB + 1 - PNG.length)]);

const generate = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'image',
	operation: 'generate',
	model: 'nano-banana-pro',
	prompt: 'A lighthouse',
	waitForCompletion: false,
	...extra,
});
const edit = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'image',
	operation: 'edit',
	model: 'nano-banana-pro',
	prompt: 'Make it night',
	imageUrls: ['https://images.example.com/day.png'],
	waitForCompletion: false,
	...extra,
});
const withBinary = (
	name: string,
	bytes: Buffer,
	mimeType: string,
	fileName: string,
): FixtureItemSpec[] => [{ json: {}, binary: { [name]: binaryOf(bytes, mimeType, fileName) } }];
const urls = (count: number) =>
	Array.from({ length: count }, (_, index) => `https://images.example.com/${index}.png`);

interface BadInput {
	name: string;
	parameters: INodeParameters;
	items?: FixtureItemSpec[];
	message: RegExp;
	/** The parameter the description tells the user to fix. */
	field: string;
	/** How the message shows the refused value. */
	value: string;
	/** The part of the message that says what is allowed. */
	allowed: string;
}

const cases: BadInput[] = [
	{
		name: 'empty prompt (from an expression)',
		parameters: generate({ prompt: '={{ $json.caption }}' }),
		items: [{ json: { caption: '' } }],
		message: /^Prompt is empty \(""\); nano-banana-pro needs a prompt$/,
		field: 'prompt',
		value: '""',
		allowed: 'needs a prompt',
	},
	{
		name: 'prompt of spaces only',
		parameters: generate({ prompt: '   \n ' }),
		message: /Prompt is empty .*nano-banana-pro needs a prompt/,
		field: 'prompt',
		value: '"   \\n "',
		allowed: 'needs a prompt',
	},
	{
		name: 'prompt longer than the model takes',
		parameters: generate({ prompt: 'x'.repeat(10_001) }),
		message: /^Prompt "x+…" is 10001 characters long; nano-banana-pro accepts at most 10000$/,
		field: 'prompt',
		value: '"xxxxxxxxxx',
		allowed: 'accepts at most 10000',
	},
	{
		name: 'prompt shorter than the model takes',
		parameters: generate({ model: 'flux-2/pro-text-to-image', prompt: 'ab' }),
		message: /Prompt "ab" is 2 characters long; flux-2\/pro-text-to-image needs at least 3/,
		field: 'prompt',
		value: '"ab"',
		allowed: 'needs at least 3',
	},
	{
		name: 'resolution 8K',
		parameters: generate({ resolution: '8K' }),
		message: /^Resolution "8K" is not supported by nano-banana-pro\. Allowed: 1K, 2K, 4K$/,
		field: 'resolution',
		value: '"8K"',
		allowed: 'Allowed: 1K, 2K, 4K',
	},
	{
		name: 'unknown aspect ratio',
		parameters: generate({ aspectRatio: '7:3' }),
		message: /^Aspect Ratio "7:3" is not supported by nano-banana-pro\. Allowed: 1:1, 2:3, .*auto$/,
		field: 'aspectRatio',
		value: '"7:3"',
		allowed: 'Allowed: 1:1, 2:3, 3:2, 3:4, 4:3, 4:5, 5:4, 9:16, 16:9, 21:9, auto',
	},
	{
		name: 'gif output format',
		parameters: generate({ outputFormat: 'gif' }),
		message: /^Output Format "gif" is not supported by nano-banana-pro\. Allowed: png, jpg$/,
		field: 'outputFormat',
		value: '"gif"',
		allowed: 'Allowed: png, jpg',
	},
	{
		name: 'an edit-only model on Generate',
		parameters: generate({ model: 'google/nano-banana-edit' }),
		message:
			/google\/nano-banana-edit is a model for the Edit \(image to image\) operation, not Generate/,
		field: 'model',
		value: 'google/nano-banana-edit',
		allowed: 'a model for the Edit (image to image) operation',
	},
	{
		name: '9 image URLs for nano-banana-pro (8 at most)',
		parameters: edit({ imageUrls: urls(9) }),
		message:
			/nano-banana-pro accepts at most 8 input images, got 9: \["https:\/\/images\.example\.com\/0\.png"/,
		field: 'imageUrls',
		value: 'got 9',
		allowed: 'at most 8 input images',
	},
	{
		name: '2 image URLs for a single-image model',
		parameters: edit({ model: 'qwen/image-to-image', imageUrls: urls(2) }),
		message: /qwen\/image-to-image accepts at most 1 input image, got 2/,
		field: 'imageUrls',
		value: 'got 2',
		allowed: 'at most 1 input image',
	},
	{
		name: 'Edit without any image',
		parameters: edit({ imageUrls: [] }),
		message: /nano-banana-pro needs at least 1 input image/,
		field: 'imageUrls',
		value: 'got 0',
		allowed: 'needs at least 1 input image',
	},
	{
		name: 'ftp:// image URL',
		parameters: edit({ imageUrls: ['ftp://files.example.com/a.png'] }),
		message: /^Image URL "ftp:\/\/files\.example\.com\/a\.png" is not an absolute http\(s\) URL/,
		field: 'imageUrls',
		value: '"ftp://files.example.com/a.png"',
		allowed: 'Allowed: http:// or https:// URLs',
	},
	{
		name: 'javascript: image URL',
		parameters: edit({ imageUrls: ['javascript:alert(1)'] }),
		message: /^Image URL "javascript:alert\(1\)" is not an absolute http\(s\) URL/,
		field: 'imageUrls',
		value: '"javascript:alert(1)"',
		allowed: 'Allowed: http:// or https:// URLs',
	},
	{
		name: 'relative image URL',
		parameters: edit({ imageUrls: ['/images/a.png'] }),
		message: /^Image URL "\/images\/a\.png" is not an absolute http\(s\) URL/,
		field: 'imageUrls',
		value: '"/images/a.png"',
		allowed: 'Allowed: http:// or https:// URLs',
	},
	{
		name: 'malformed Additional Input',
		parameters: generate({ additionalInput: '{"seed": 4' }),
		message: /^Additional Input is not valid JSON \(.*\): "\{\\"seed\\": 4"$/,
		field: 'additionalInput',
		value: '"{\\"seed\\": 4"',
		allowed: 'valid JSON',
	},
	{
		name: 'Additional Input that is an array',
		parameters: generate({ additionalInput: '[1, 2]' }),
		message: /^Additional Input must be a JSON object, got a list \(\[1,2\]\)$/,
		field: 'additionalInput',
		value: '([1,2])',
		allowed: 'must be a JSON object',
	},
	{
		name: 'Additional Input with a value outside the model’s enum',
		parameters: generate({ additionalInput: '{"resolution": "8K"}' }),
		message:
			/^resolution "8K" \(from Additional Input\) is not supported by nano-banana-pro\. Allowed: 1K, 2K, 4K$/,
		field: 'additionalInput',
		value: '"8K"',
		allowed: 'Allowed: 1K, 2K, 4K',
	},
	{
		name: 'Additional Input with a non-URL image',
		parameters: generate({ additionalInput: '{"image_input": ["file:///etc/passwd"]}' }),
		message:
			/image_input "file:\/\/\/etc\/passwd" \(from Additional Input\) is not an absolute http\(s\) URL/,
		field: 'additionalInput',
		value: '"file:///etc/passwd"',
		allowed: 'Allowed: http:// or https:// URLs',
	},
	{
		name: 'Custom Model without a model id',
		parameters: generate({ model: 'custom', customModel: '' }),
		message: /^Custom Model ID is required, got ""$/,
		field: 'customModel',
		value: 'got ""',
		allowed: 'is required',
	},
	{
		name: 'a binary property the item does not have',
		parameters: edit({ binaryProperties: 'photo' }),
		items: withBinary('data', PNG, 'image/png', 'a.png'),
		message: /^The input item has no binary property "photo"\. Allowed: data$/,
		field: 'binaryProperties',
		value: '"photo"',
		allowed: 'Allowed: data',
	},
	{
		name: 'a binary larger than the model takes',
		parameters: edit({ model: 'seedream/4.5-edit', imageUrls: [], binaryProperties: 'data' }),
		items: withBinary('data', OVERSIZED, 'image/png', 'big.png'),
		message:
			/^Binary property "data" \(big\.png\) is .*; seedream\/4\.5-edit accepts up to 10 MB per file$/,
		field: 'binaryProperties',
		value: '"data" (big.png) is 10.5 MB',
		allowed: 'accepts up to 10 MB per file',
	},
	{
		name: 'a binary of a type the model does not take (image/gif)',
		parameters: edit({ imageUrls: [], binaryProperties: 'data' }),
		items: withBinary('data', GIF, 'image/gif', 'anim.gif'),
		message:
			/^Binary property "data" \(anim\.gif\) is image\/gif; nano-banana-pro accepts image\/jpeg, image\/png, image\/webp$/,
		field: 'binaryProperties',
		value: '(anim.gif) is image/gif',
		allowed: 'accepts image/jpeg, image/png, image/webp',
	},
	{
		name: 'too many images counting the binaries (no upload happens)',
		parameters: edit({ imageUrls: urls(8), binaryProperties: 'data' }),
		items: withBinary('data', PNG, 'image/png', 'a.png'),
		message: /nano-banana-pro accepts at most 8 input images, got 9/,
		field: 'imageUrls',
		value: 'got 9',
		allowed: 'at most 8 input images',
	},
	{
		name: 'an empty prompt on Edit with a binary (no upload happens)',
		parameters: edit({ prompt: '={{ $json.caption }}', imageUrls: [], binaryProperties: 'data' }),
		items: [{ json: { caption: null }, binary: { data: binaryOf(PNG, 'image/png', 'a.png') } }],
		message: /Prompt is empty/,
		field: 'prompt',
		value: '("")',
		allowed: 'needs a prompt',
	},
	{
		name: 'a callback URL that is not http(s)',
		parameters: generate({ options: { callbackUrl: 'ftp://hooks.example.com/kie' } }),
		message: /^Callback URL "ftp:\/\/hooks\.example\.com\/kie" is not an absolute http\(s\) URL$/,
		field: 'options.callbackUrl',
		value: '"ftp://hooks.example.com/kie"',
		allowed: 'absolute http(s) URL',
	},
	{
		name: 'a task ID with whitespace inside',
		parameters: { resource: 'task', operation: 'get', taskId: 'abc def' },
		message: /^Task ID "abc def" is not a Kie\.ai taskId\. Allowed: /,
		field: 'taskId',
		value: '"abc def"',
		allowed: 'Allowed: the taskId Kie.ai returned for the task',
	},
	{
		name: 'an empty task ID',
		parameters: { resource: 'task', operation: 'get', taskId: '   ' },
		message: /^Task ID "   " is not a Kie\.ai taskId\. Allowed: /,
		field: 'taskId',
		value: '"   "',
		allowed: 'Allowed: the taskId Kie.ai returned for the task',
	},
	{
		name: 'upload: text that is not base64',
		parameters: {
			resource: 'file',
			operation: 'upload',
			source: 'base64',
			base64Data: '***not base64***',
		},
		message: /^Base64 Data "\*\*\*not base64\*\*\*" is empty or not base64\. Allowed: /,
		field: 'base64Data',
		value: '"***not base64***"',
		allowed: 'Allowed: plain base64',
	},
	{
		name: 'upload: a URL that is not http(s)',
		parameters: {
			resource: 'file',
			operation: 'upload',
			source: 'url',
			fileUrl: 'ftp://files.example.com/a.png',
		},
		message: /^File URL "ftp:\/\/files\.example\.com\/a\.png" is not an absolute http\(s\) URL$/,
		field: 'fileUrl',
		value: '"ftp://files.example.com/a.png"',
		allowed: 'absolute http(s) URL',
	},
	{
		name: 'upload: a binary property the item does not have',
		parameters: {
			resource: 'file',
			operation: 'upload',
			source: 'binary',
			binaryPropertyName: 'scan',
		},
		items: withBinary('data', PNG, 'image/png', 'a.png'),
		message: /^The input item has no binary property "scan"\. Allowed: data$/,
		field: 'binaryPropertyName',
		value: '"scan"',
		allowed: 'Allowed: data',
	},
];

describe('bad input is refused before any request', () => {
	it.each(cases.map((testCase) => [testCase.name, testCase] as const))(
		'%s',
		async (_name, { parameters, items, message, field, value, allowed }) => {
			const result = await runKie(sim, parameters, { items });

			expect(result.status).toBe('error');
			expect(result.error?.nodeName).toBe('Kie');
			expect(result.error?.message).toMatch(message);
			expect(result.error?.message).toContain(value);
			expect(result.error?.message).toContain(allowed);
			expect(result.error?.description).toBe(
				`Check the "${field}" parameter. Nothing was sent to Kie.ai, so no credits were used.`,
			);
			expect(sim.record.requests).toEqual([]);
		},
	);

	it('a prompt left empty in the node: n8n itself refuses to run the workflow', async () => {
		await expect(runKie(sim, generate({ prompt: '' }))).rejects.toThrow(
			/Parameter "Prompt" is required/,
		);
		expect(sim.record.requests).toHaveLength(0);
	});

	it('with Continue On Fail, refuses only the bad item and the others go on', async () => {
		const result = await runKie(sim, generate({ resolution: '={{ $json.resolution }}' }), {
			items: [
				{ json: { resolution: '2K' } },
				{ json: { resolution: '8K' } },
				{ json: { resolution: '1K' } },
			],
			continueOnFail: true,
		});

		const items = kieOutput(result);
		expect(items).toHaveLength(3);
		expect(items[1].json).toEqual({
			error: 'Resolution "8K" is not supported by nano-banana-pro. Allowed: 1K, 2K, 4K',
			description: expect.stringContaining('"resolution"'),
		});
		expect(items.map((item) => item.json.state)).toEqual(['waiting', undefined, 'waiting']);
		expect(
			createBodies(sim)
				.map((body) => body.input.resolution)
				.sort(),
		).toEqual(['1K', '2K']);
	});
});

describe('values the node writes the model’s way', () => {
	it('sends 4k as 4K', async () => {
		const result = await runKie(sim, generate({ resolution: '4k' }));

		kieOutput(result);
		expect(createBodies(sim)).toHaveLength(1);
		expect(createBodies(sim)[0].input.resolution).toBe('4K');
		const task = [...sim.record.tasks.values()][0];
		expect(task.input.resolution).toBe('4K');
	});

	it('sends 4k given in Additional Input as 4K, and jpeg as the model’s jpg', async () => {
		const result = await runKie(
			sim,
			generate({ resolution: '', outputFormat: 'JPEG', additionalInput: '{"resolution": "4k"}' }),
		);

		kieOutput(result);
		expect(createBodies(sim)[0].input).toMatchObject({ resolution: '4K', output_format: 'jpg' });
	});
});
