/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * check → build for every catalogue model, from the values its page gives as examples: each
 * builds the body its API takes (jobs `input` or top-level fields, its model field), sends what
 * it was given under Kie's names, and refuses what its page does not allow, naming the parameter.
 */
import { build, check, uploadsOf } from '../../../../nodes/Kie/catalogue/request';
import { binaryParameterName, parameterName } from '../../../../nodes/Kie/catalogue/fields';
import { APIS, CATALOGUE } from '../../../../nodes/Kie/catalogue/modelCatalogue';
import { KieInputError } from '../../../../nodes/Kie/catalogue/errors';
import type { FieldData, ModelData } from '../../../../nodes/Kie/catalogue/modelData';

const URL = 'https://files.example.com/input';

/** A value the field accepts: its example, else its default, else one of its kind. */
function sample(field: FieldData): unknown {
	if (field.media) {
		const urls = Array.from({ length: field.minItems ?? 1 }, (_, n) => `${URL}${n}.${field.media}`);
		return field.type === 'array' ? urls : urls[0];
	}
	if (field.enum) return field.default ?? field.enum[0];
	if (field.example !== undefined && field.example !== '') {
		return typeof field.example === 'object' ? JSON.stringify(field.example) : field.example;
	}
	if (field.default !== undefined) return field.default;
	if (field.type === 'boolean') return false;
	if (field.type === 'integer' || field.type === 'number') return field.minimum ?? 1;
	return 'a'.repeat(Math.max(3, field.minLength ?? 3));
}

/** The parameters a user would fill in: every required field, and fields rules ask for. */
function parametersFor(model: ModelData): Record<string, unknown> {
	const parameters: Record<string, unknown> = {};
	for (const field of model.fields) {
		const needed =
			field.required ||
			field.name === 'prompt' ||
			(model.rules ?? []).some((rule) => rule.required && rule.field === field.name);
		if (needed && !field.deprecated) parameters[parameterName(model, field)] = sample(field);
	}
	if (model.id === 'grok-imagine/image-to-video') delete parameters.taskId;
	if (model.id === 'kling-3.0/video') parameters.multiShots = false;
	if (model.fields.some((field) => field.name === 'customMode')) parameters.customMode = false;
	if (model.id === 'suno/upload-and-extend-audio') parameters.prompt = '[Verse]\nla la la';
	return parameters;
}

describe.each(CATALOGUE.map((model) => [model.id, model] as const))('%s', (_id, model) => {
	it('builds the body its API takes from its example values', () => {
		let request;
		try {
			const checked = check(model, parametersFor(model));
			request = build(model, checked, []);
		} catch (error) {
			throw new Error(`${model.id}: ${(error as Error).message}`);
		}
		expect(request.api).toBe(APIS[model.api].clientApi ?? model.api);
		const fields = model.fieldsAt === 'input' ? (request.body.input as object) : request.body;
		expect(typeof fields).toBe('object');
		if (model.modelField) expect(request.body[model.modelField]).toBe(model.id);
		for (const field of model.fields.filter((f) => f.required && !f.deprecated)) {
			expect(fields).toHaveProperty([field.name]);
		}
	});
});

describe('media fields take binaries before their URLs', () => {
	it('Seedance 2: uploads go first, in the order of the fields', () => {
		const model = CATALOGUE.find((entry) => entry.id === 'bytedance/seedance-2')!;
		const refs = model.fields.find((field) => field.name === 'reference_image_urls')!;
		const checked = check(model, {
			...parametersFor(model),
			prompt: 'A dance',
			[binaryParameterName(model, refs)]: 'a, b',
			[parameterName(model, refs)]: ['https://files.example.com/c.png'],
		});
		expect(uploadsOf(checked).map((upload) => upload.property)).toEqual(['a', 'b']);
		const request = build(model, checked, ['https://up/a', 'https://up/b']);
		expect((request.body.input as Record<string, unknown>).reference_image_urls).toEqual([
			'https://up/a',
			'https://up/b',
			'https://files.example.com/c.png',
		]);
	});
});

describe('refusals name the parameter as the panel shows it', () => {
	const nanoBanana = CATALOGUE.find((entry) => entry.id === 'nano-banana-pro')!;

	it('accepts 4k as 4K', () => {
		const checked = check(nanoBanana, { prompt: 'A cat', resolution: '4k' });
		expect(checked.fields.resolution).toBe('4K');
	});

	it('refuses a value outside the enum, listing what is allowed', () => {
		expect(() => check(nanoBanana, { prompt: 'A cat', resolution: '8K' })).toThrow(
			expect.objectContaining({
				name: 'KieInputError',
				field: 'resolution',
				message: expect.stringMatching(/^Resolution "8K" .*Allowed: 1K, 2K, 4K/),
			}) as KieInputError,
		);
	});

	it('refuses a prompt over the page limit', () => {
		expect(() => check(nanoBanana, { prompt: 'x'.repeat(10_001) })).toThrow(
			/Prompt .* is 10001 characters long/,
		);
	});
});
