/**
 * Custom Model: any jobs-API model id. Additional Input is its input, plus the prompt and the
 * images when given; only what is generic can be checked (text, URLs, the image field's name).
 */
import { describeType, describeValue, KieInputError } from './errors';
import {
	describeImages,
	IMAGE_URLS,
	parseAdditionalInput,
	parseUrlList,
	readPrompt,
} from './inputs';
import type { CommonImageFields } from './types';
import type { ValidInput } from './validate';

const DEFAULT_CUSTOM_IMAGE_FIELD = 'image_urls';
const MODEL_EXAMPLE = 'a Kie model id such as "kling/v2-1-pro"';
const FIELD_EXAMPLE = 'an input field name such as "image_urls" or "image_url"';

const isBlank = (raw: unknown) =>
	raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

export function validateCustom(fields: CommonImageFields, uploadCount: number): ValidInput {
	const model = readIdentifier(fields.customModel, 'customModel', 'Custom Model ID', MODEL_EXAMPLE);
	const additional = parseAdditionalInput(fields.additionalInput);
	const prompt = readPrompt(undefined, fields.prompt, model, { param: 'prompt', label: 'Prompt' });
	const listed = parseUrlList(fields.imageUrls, IMAGE_URLS);
	const count = uploadCount + listed.length;
	// Additional Input comes last in the input: it may override the prompt and the images.
	const input = prompt !== undefined ? { prompt, ...additional } : { ...additional };
	if (count === 0) return { model, input };

	const field = isBlank(fields.customImageField)
		? DEFAULT_CUSTOM_IMAGE_FIELD
		: readIdentifier(fields.customImageField, 'customImageField', 'Image Field', FIELD_EXAMPLE);
	const single = /_url$/i.test(field);
	if (single && count > 1) {
		throw new KieInputError(
			listed.length > 0 ? 'imageUrls' : 'binaryProperties',
			listed.length > 0 ? fields.imageUrls : `${uploadCount} binaries`,
			`The input field "${field}" takes one URL, got ${count}: ${describeImages(uploadCount, listed)}`,
			'one image',
		);
	}
	if (Object.prototype.hasOwnProperty.call(additional, field)) return { model, input };
	return {
		model,
		input,
		images: { field, kind: single ? 'single' : 'array', listed, uploadCount },
	};
}

function readIdentifier(raw: unknown, param: string, label: string, allowed: string): string {
	if (typeof raw !== 'string' || raw.trim() === '') {
		throw new KieInputError(
			param,
			raw,
			`${label} is required, got ${raw === undefined || typeof raw === 'string' ? describeValue(raw ?? '') : `${describeType(raw)} (${describeValue(raw)})`}`,
			allowed,
		);
	}
	const text = raw.trim();
	if (/\s/.test(text)) {
		throw new KieInputError(
			param,
			raw,
			`${label} ${describeValue(raw)} must not contain spaces`,
			allowed,
		);
	}
	return text;
}
