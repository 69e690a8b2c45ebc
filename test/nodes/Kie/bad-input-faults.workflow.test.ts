/**
 * Bad input, exhaustively: every enum field of every catalogue model, prompt limits, image
 * counts, wrong types arriving from expressions, unusable binaries and URLs, malformed
 * Additional Input. Each case runs through n8n's engine; it must be refused before any request
 * (the simulator sees nothing), with a message naming the field and a description naming the
 * parameter to fix.
 */
import type { INodeParameters } from 'n8n-workflow';

import {
	V1_IMAGE_SPECS as MODELS,
	type V1EnumSpec as EnumFieldSpec,
	type V1ImageSpec as ModelSpec,
} from '../../helpers/v1ImageModels';
import { kieCredentials, runWorkflow } from '../../harness';
import { makePng, startSimulator, TINY_JPEG } from '../../simulator';
import type { KieSimulator } from '../../simulator';
import { kieWorkflow } from '../../helpers/workflow';
import type { FixtureItemSpec } from '../../helpers/workflow';

let sim: KieSimulator;
beforeAll(async () => {
	sim = await startSimulator({ generationMs: 100 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

interface BadInput {
	name: string;
	parameters: INodeParameters;
	items?: FixtureItemSpec[];
	/** Text the error message must contain (it names the field and the value). */
	says: string | RegExp;
	/** The node parameter the description points at. */
	field: string;
	/** How the message shows the refused value. */
	value: string;
	/** The part of the message that says what is allowed. */
	allowed: string;
}

const urls = (count: number) =>
	Array.from({ length: count }, (_, index) => `https://img.example.com/${index}.png`);

/** Parameters that are valid for the model, so only the one change under test is wrong. */
function valid(model: ModelSpec, extra: INodeParameters = {}): INodeParameters {
	const operation = model.operations[0];
	return {
		resource: 'image',
		operation,
		model: model.id,
		prompt: 'A lighthouse at dusk',
		...(operation === 'edit' ? { imageUrls: urls(Math.max(1, model.images?.min ?? 1)) } : {}),
		waitForCompletion: false,
		...extra,
	};
}

const ENUM_PARAMS = [
	{ param: 'aspectRatio', label: 'Aspect Ratio' },
	{ param: 'resolution', label: 'Resolution' },
	{ param: 'outputFormat', label: 'Output Format' },
] as const;

function modelCases(model: ModelSpec): BadInput[] {
	const cases: BadInput[] = [];
	for (const { param, label } of ENUM_PARAMS) {
		const spec: EnumFieldSpec | undefined = model[param];
		if (!spec) continue;
		const shownAs = spec.displayName ?? label;
		cases.push({
			name: `${model.id}: ${param} "8K-ultra"`,
			parameters: valid(model, { [param]: '8K-ultra' }),
			says: `${shownAs} "8K-ultra" is not supported by ${model.id}`,
			field: param,
			value: '"8K-ultra"',
			allowed: `Allowed: ${spec.options.join(', ')}`,
		});
		cases.push({
			name: `${model.id}: ${param} as an object from an expression`,
			parameters: valid(model, { [param]: '={{ { size: "big" } }}' }),
			says: `${shownAs} must be text, got an object`,
			field: param,
			value: '{"size":"big"}',
			allowed: 'must be text',
		});
		cases.push({
			name: `${model.id}: ${spec.field} "8K-ultra" in Additional Input`,
			parameters: valid(model, { additionalInput: JSON.stringify({ [spec.field]: '8K-ultra' }) }),
			says: `${spec.field} "8K-ultra" (from Additional Input) is not supported by ${model.id}`,
			field: 'additionalInput',
			value: '"8K-ultra"',
			allowed: `Allowed: ${spec.options.join(', ')}`,
		});
	}
	if (model.prompt.maxLength !== undefined) {
		const max = model.prompt.maxLength;
		cases.push({
			name: `${model.id}: prompt of ${max + 1} characters`,
			parameters: valid(model, { prompt: 'é'.repeat(max + 1) }),
			says: `is ${max + 1} characters long; ${model.id} accepts at most ${max}`,
			field: 'prompt',
			value: `"${'é'.repeat(20)}`,
			allowed: `accepts at most ${max}`,
		});
	}
	if (model.prompt.minLength !== undefined) {
		const short = 'ab'.slice(0, model.prompt.minLength - 1);
		cases.push({
			name: `${model.id}: prompt of ${short.length} characters`,
			parameters: valid(model, { prompt: short }),
			says: `is ${short.length} characters long; ${model.id} needs at least ${model.prompt.minLength}`,
			field: 'prompt',
			value: JSON.stringify(short),
			allowed: `needs at least ${model.prompt.minLength}`,
		});
	}
	if (model.prompt.required) {
		cases.push({
			// (A number is sent as text, as "42".)
			name: `${model.id}: a prompt that is an object from an expression`,
			parameters: valid(model, { prompt: '={{ { text: "hi" } }}' }),
			says: 'Prompt must be text, got an object',
			field: 'prompt',
			value: '({"text":"hi"})',
			allowed: 'must be text',
		});
	}
	if (model.images) {
		const max = model.images.max;
		cases.push({
			name: `${model.id}: ${max + 1} image URLs`,
			parameters: valid(model, { operation: 'edit', imageUrls: urls(max + 1) }),
			says: `${model.id} accepts at most ${max} input ${max === 1 ? 'image' : 'images'}, got ${max + 1}`,
			field: 'imageUrls',
			value: `got ${max + 1}: ["https://img.example.com/0.png"`,
			allowed: `at most ${max} input`,
		});
		cases.push({
			name: `${model.id}: Edit without an image`,
			parameters: valid(model, { operation: 'edit', imageUrls: [] }),
			// "needs at least 1 input image", or the model's own count ("needs 1 to 10 input images").
			says: new RegExp(
				`${model.id.replace(/[/.]/g, '\\$&')} needs (at least 1|exactly 1|1 to \\d+) input`,
			),
			field: 'imageUrls',
			value: 'got 0 (Image URLs: [])',
			allowed: 'Image URLs is empty',
		});
		cases.push({
			name: `${model.id}: a non-http image URL`,
			parameters: valid(model, { operation: 'edit', imageUrls: ['ftp://img.example.com/a.png'] }),
			says: 'Image URL "ftp://img.example.com/a.png" is not an absolute http(s) URL',
			field: 'imageUrls',
			value: '"ftp://img.example.com/a.png"',
			allowed: 'Allowed: http:// or https:// URLs',
		});
	}
	return cases;
}

const editModel = MODELS.find((model) => model.id === 'google/nano-banana-edit')!;
const edit = (extra: INodeParameters = {}) => valid(editModel, extra);
const generate = (extra: INodeParameters = {}) =>
	valid(MODELS.find((model) => model.id === 'nano-banana-pro')!, extra);
const PNG = makePng('bad input', 8);
const MiB = 1024 * 1024;
const binaryItem = (bytes: Buffer, mimeType: string, fileName: string): FixtureItemSpec[] => [
	{ json: {}, binary: { data: { base64: bytes.toString('base64'), mimeType, fileName } } },
];

const generalCases: BadInput[] = [
	{
		name: 'prompt that is an object',
		parameters: generate({ prompt: '={{ { text: "a cat" } }}' }),
		says: 'Prompt must be text, got an object ({"text":"a cat"})',
		field: 'prompt',
		value: '({"text":"a cat"})',
		allowed: 'must be text',
	},
	{
		name: 'prompt that is a list',
		parameters: generate({ prompt: '={{ ["a", "cat"] }}' }),
		says: 'Prompt must be text, got a list (["a","cat"])',
		field: 'prompt',
		value: '(["a","cat"])',
		allowed: 'must be text',
	},
	{
		name: 'prompt that is a boolean',
		parameters: generate({ prompt: '={{ true }}' }),
		says: 'Prompt must be text, got a boolean (true)',
		field: 'prompt',
		value: '(true)',
		allowed: 'must be text',
	},
	{
		name: 'empty prompt from an expression',
		parameters: generate({ prompt: '={{ "" }}' }),
		says: 'Prompt is empty',
		field: 'prompt',
		value: '("")',
		allowed: 'needs a prompt',
	},
	...[
		'file:///etc/passwd',
		'javascript:alert(1)',
		'data:image/png;base64,iVBORw0KGgo=',
		'/images/relative.png',
		'img.example.com/no-scheme.png',
		'http://',
		'https://img.example.com/has space.png',
	].map((url) => ({
		name: `image URL ${url}`,
		parameters: edit({ imageUrls: [url] }),
		says: `Image URL ${JSON.stringify(url)} is not an absolute http(s) URL`,
		field: 'imageUrls',
		value: JSON.stringify(url),
		allowed: 'Allowed: http:// or https:// URLs',
	})),
	{
		name: 'image URL that is a number from an expression',
		parameters: edit({ imageUrls: ['={{ 5 }}'] }),
		says: 'Image URL must hold URLs as text, got a number (5)',
		field: 'imageUrls',
		value: '(5)',
		allowed: 'must hold URLs as text',
	},
	{
		name: 'image URLs that are an object from an expression',
		parameters: edit({ imageUrls: '={{ { url: "https://a/b.png" } }}' }),
		says: 'Image URL must be a list of URLs or text with one URL per line or comma, got an object',
		field: 'imageUrls',
		value: '({"url":"https://a/b.png"})',
		allowed: 'must be a list of URLs or text with one URL per line or comma',
	},
	{
		name: 'an empty image URL in the list',
		parameters: edit({ imageUrls: ['https://img.example.com/a.png', ' '] }),
		says: 'Image URL has an empty entry',
		field: 'imageUrls',
		value: '(" ")',
		allowed: 'remove it or fill in a URL',
	},
	...[
		['truncated JSON', '{"seed": 42', 'Additional Input is not valid JSON', '"{\\"seed\\": 42"'],
		['a JSON array', '[1, 2]', 'Additional Input must be a JSON object, got a list', '([1,2])'],
		['a JSON string', '"seed"', 'Additional Input must be a JSON object, got a string', '("seed")'],
		['a JSON number', '42', 'Additional Input must be a JSON object, got a number', '(42)'],
		['JSON null', 'null', 'Additional Input must be a JSON object, got null', '(null)'],
		['single quotes', "{'seed': 1}", 'Additional Input is not valid JSON', `"{'seed': 1}"`],
		[
			'a list from an expression',
			'={{ [1] }}',
			'Additional Input must be a JSON object, got a list',
			'([1])',
		],
	].map(([label, additionalInput, says, value]) => ({
		name: `Additional Input: ${label}`,
		parameters: generate({ additionalInput }),
		says,
		field: 'additionalInput',
		value,
		allowed: says.includes('valid JSON') ? 'valid JSON' : 'must be a JSON object',
	})),
	{
		name: 'Additional Input: a prompt that is too long',
		parameters: generate({ additionalInput: JSON.stringify({ prompt: 'x'.repeat(10_001) }) }),
		says: 'prompt "',
		field: 'additionalInput',
		value: 'prompt "xxxxxxxxxx',
		allowed: 'accepts at most 10000',
	},
	{
		name: 'Additional Input: a non-http image URL',
		parameters: generate({ additionalInput: JSON.stringify({ image_input: ['ftp://x/y.png'] }) }),
		says: 'image_input "ftp://x/y.png" (from Additional Input) is not an absolute http(s) URL',
		field: 'additionalInput',
		value: '"ftp://x/y.png"',
		allowed: 'Allowed: http:// or https:// URLs',
	},
	{
		name: 'Additional Input: too many images',
		parameters: generate({ additionalInput: JSON.stringify({ image_input: urls(9) }) }),
		says: 'nano-banana-pro accepts at most 8 input images, got 9',
		field: 'additionalInput',
		value: 'got 9',
		allowed: 'at most 8 input images',
	},
	{
		name: 'binary of 10 MB + 1 byte for a 10 MB model',
		parameters: edit({ imageUrls: [], binaryProperties: 'data' }),
		items: binaryItem(
			Buffer.concat([PNG, Buffer.alloc(10 * MiB + 1 - PNG.length)]),
			'image/png',
			'big.png',
		),
		says: 'Binary property "data" (big.png) is 10.5 MB; google/nano-banana-edit accepts up to 10 MB per file',
		field: 'binaryProperties',
		value: '"data" (big.png) is 10.5 MB',
		allowed: 'accepts up to 10 MB per file',
	},
	...[
		[
			'image/gif',
			'a.gif',
			Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'),
		],
		['text/plain', 'notes.txt', Buffer.from('not an image')],
		['application/pdf', 'doc.pdf', Buffer.from('%PDF-1.4\n')],
		['image/svg+xml', 'logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
	].map(([mimeType, fileName, bytes]) => ({
		name: `binary of type ${mimeType as string}`,
		parameters: edit({ imageUrls: [], binaryProperties: 'data' }),
		items: binaryItem(bytes as Buffer, mimeType as string, fileName as string),
		says: `Binary property "data" (${fileName as string}) is ${mimeType as string}; google/nano-banana-edit`,
		field: 'binaryProperties',
		value: `(${fileName as string}) is ${mimeType as string}`,
		allowed: 'accepts image/jpeg, image/png, image/webp',
	})),
	{
		name: 'a binary property the item lacks',
		parameters: edit({ imageUrls: [], binaryProperties: 'data, photo' }),
		items: binaryItem(TINY_JPEG, 'image/jpeg', 'a.jpg'),
		says: 'The input item has no binary property "photo"',
		field: 'binaryProperties',
		value: '"photo"',
		allowed: 'Allowed: data',
	},
	{
		name: 'too many images counting binaries and URLs',
		parameters: valid(MODELS.find((model) => model.id === 'qwen/image-edit')!, {
			binaryProperties: 'data',
		}),
		items: binaryItem(TINY_JPEG, 'image/jpeg', 'a.jpg'),
		says: 'accepts at most 1 input image, got 2',
		field: 'imageUrls',
		value: 'got 2',
		allowed: 'at most 1 input image',
	},
	{
		name: 'callback URL that is not http(s)',
		parameters: generate({ options: { callbackUrl: 'ftp://hooks.example.com/kie' } }),
		says: 'Callback URL "ftp://hooks.example.com/kie" is not an absolute http(s) URL',
		field: 'options.callbackUrl',
		value: '"ftp://hooks.example.com/kie"',
		allowed: 'absolute http(s) URL',
	},
	{
		name: 'custom model without an id',
		parameters: generate({ model: 'custom', customModel: '={{ "" }}' }),
		says: 'Custom Model ID is required',
		field: 'customModel',
		value: 'got ""',
		allowed: 'is required',
	},
	{
		name: 'custom model id with spaces',
		parameters: generate({ model: 'custom', customModel: 'kling v2' }),
		says: 'Custom Model ID "kling v2" must not contain spaces',
		field: 'customModel',
		value: '"kling v2"',
		allowed: 'must not contain spaces',
	},
	{
		name: 'an edit-only model on Generate',
		parameters: generate({ model: 'google/nano-banana-edit' }),
		says: 'google/nano-banana-edit is a model for the Edit (image to image) operation, not Generate (text to image)',
		field: 'model',
		value: 'google/nano-banana-edit',
		allowed: 'a model for the Edit (image to image) operation',
	},
	{
		name: 'task get: a taskId with spaces',
		parameters: { resource: 'task', operation: 'get', taskId: 'abc def' },
		says: 'Task ID "abc def" is not a Kie.ai taskId',
		field: 'taskId',
		value: '"abc def"',
		allowed: 'Allowed: the taskId Kie.ai returned for the task',
	},
	{
		name: 'task get: a taskId that is an object',
		parameters: { resource: 'task', operation: 'get', taskId: '={{ { id: 1 } }}' },
		says: 'is not a Kie.ai taskId',
		field: 'taskId',
		value: '{"id":1}',
		allowed: 'Allowed: the taskId Kie.ai returned for the task',
	},
	{
		name: 'upload: a file URL that is not http(s)',
		parameters: {
			resource: 'file',
			operation: 'upload',
			source: 'url',
			fileUrl: 'file:///etc/passwd',
		},
		says: 'File URL "file:///etc/passwd" is not an absolute http(s) URL',
		field: 'fileUrl',
		value: '"file:///etc/passwd"',
		allowed: 'absolute http(s) URL',
	},
	{
		name: 'upload: base64 that is not base64',
		parameters: {
			resource: 'file',
			operation: 'upload',
			source: 'base64',
			base64Data: 'not base64!!',
		},
		says: 'is empty or not base64',
		field: 'base64Data',
		value: '"not base64!!"',
		allowed: 'Allowed: plain base64',
	},
];

const cases: BadInput[] = [...MODELS.flatMap(modelCases), ...generalCases];

it.each(cases)('$name', async ({ parameters, items, says, field, value, allowed }) => {
	const result = await runWorkflow(kieWorkflow(parameters, { items }), {
		credentials: { kieApi: kieCredentials(sim) },
	});

	expect(result.status).toBe('error');
	if (typeof says === 'string') expect(result.error?.message).toContain(says);
	else expect(result.error?.message).toMatch(says);
	expect(result.error?.message).toContain(value);
	expect(result.error?.message).toContain(allowed);
	expect(result.error?.description).toBe(
		`Check the "${field}" parameter. Nothing was sent to Kie.ai, so no credits were used.`,
	);
	expect(sim.record.requests).toEqual([]);
});
