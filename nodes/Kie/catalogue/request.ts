import type { IDataObject } from 'n8n-workflow';

import { describeType, describeValue, KieInputError } from './errors';
import {
	checkUrl,
	normaliseEnum,
	parseAdditionalInput,
	parseUrlList,
	readPrompt,
	type Source,
} from './inputs';
import { CUSTOM_MODEL, getModel } from './registry';
import type {
	CommonImageFields,
	EnumFieldSpec,
	ImageInputSpec,
	ImageOperation,
	ModelSpec,
} from './types';

export interface TaskRequest {
	model: string;
	input: IDataObject;
}

type EnumParam = 'aspectRatio' | 'resolution' | 'outputFormat';

const ENUM_PARAMS: ReadonlyArray<{ param: EnumParam; label: string }> = [
	{ param: 'aspectRatio', label: 'Aspect Ratio' },
	{ param: 'resolution', label: 'Resolution' },
	{ param: 'outputFormat', label: 'Output Format' },
];

const OPERATION_NAMES: Record<ImageOperation, string> = {
	generate: 'Generate (text to image)',
	edit: 'Edit (image to image)',
};

const FROM_ADDITIONAL = ' (from Additional Input)';
const DOWNLOADABLE =
	'http:// or https:// URLs that Kie can download (upload local files as binary instead)';
const IMAGE_URLS: Source = { param: 'imageUrls', label: 'Image URL', allowedUrls: DOWNLOADABLE };
const UPLOADED_URLS: Source = { param: 'binaryProperties', label: 'Uploaded image URL' };

/**
 * Validates the node's common fields for a model and maps them onto the model's own input
 * field names. Throws KieInputError naming the node parameter to fix; nothing is sent before.
 * `extraImageUrls` are the already uploaded binaries; they come before `imageUrls`.
 */
export function buildTaskRequest(
	operation: ImageOperation,
	modelId: string,
	fields: CommonImageFields,
	extraImageUrls: readonly string[] = [],
): TaskRequest {
	const id = typeof modelId === 'string' ? modelId.trim() : '';
	if (id === CUSTOM_MODEL) return buildCustomRequest(fields, extraImageUrls);
	const model = requireModel(id, operation);

	const additional = parseAdditionalInput(fields.additionalInput);
	const mapped: IDataObject = {};

	const promptSource: Source = { param: 'prompt', label: 'Prompt' };
	const prompt = readPrompt(model.prompt, fields.prompt, model.id, promptSource);
	if (prompt !== undefined) mapped[model.prompt.field] = prompt;

	const uploaded = extraImageUrls.map((url) => checkUrl(url, UPLOADED_URLS));
	const listed = parseUrlList(fields.imageUrls, IMAGE_URLS);
	const images = [...uploaded, ...listed];
	const imageParam = listed.length > 0 ? 'imageUrls' : 'binaryProperties';
	if (images.length > 0) {
		if (!model.images) {
			throw new KieInputError(
				imageParam,
				listed.length > 0 ? fields.imageUrls : extraImageUrls,
				`${model.id} takes no input images, got ${images.length}: ${describeValue(images)}`,
				'no images',
			);
		}
		// Kept as a list until the count is checked; a single-URL field gets its string below.
		mapped[model.images.field] = images;
	}

	for (const { param, label } of ENUM_PARAMS) {
		const spec = model[param];
		const raw = fields[param];
		if (!spec) continue;
		const value = normaliseEnum(spec, raw, model.id, {
			param,
			label: spec.displayName ?? label,
		});
		if (value !== undefined) mapped[spec.field] = value;
	}

	const input: IDataObject = { ...mapped, ...additional };
	for (const key of Object.keys(additional)) checkAdditionalKey(model, key, input);

	if (model.prompt.required && input[model.prompt.field] === undefined) {
		const empty = isEmptyPrompt(fields.prompt);
		throw new KieInputError(
			'prompt',
			fields.prompt,
			empty
				? `Prompt is empty (${describeValue(fields.prompt ?? '')}); ${model.id} needs a prompt`
				: `Prompt is required by ${model.id}`,
			'non-empty text',
		);
	}

	for (const { param } of ENUM_PARAMS) {
		const spec = model[param];
		if (spec?.required && input[spec.field] === undefined) input[spec.field] = spec.default;
	}

	if (model.images) {
		const field = model.images.field;
		const blame = Object.prototype.hasOwnProperty.call(additional, field)
			? { param: 'additionalInput', label: `${field} in Additional Input`, raw: additional[field] }
			: listed.length > 0 || extraImageUrls.length === 0
				? { param: 'imageUrls', label: 'Image URLs', raw: fields.imageUrls }
				: { param: 'binaryProperties', label: 'uploaded binaries', raw: extraImageUrls };
		checkImageCount(model, model.images, operation, input, blame);
		const value = input[field];
		if (model.images.kind === 'single' && Array.isArray(value)) {
			if (value.length === 0) delete input[field];
			else input[field] = value[0];
		}
	}

	return { model: model.id, input };
}

/**
 * Runs every check of buildTaskRequest before binaries are uploaded, with placeholders for
 * the `pendingUploads` files, so a bad prompt or too many images costs no upload.
 */
export function validateTaskRequest(
	operation: ImageOperation,
	modelId: string,
	fields: CommonImageFields,
	pendingUploads = 0,
): void {
	const placeholders = Array.from(
		{ length: pendingUploads },
		(_, index) => `https://pending-upload.invalid/${index + 1}`,
	);
	buildTaskRequest(operation, modelId, fields, placeholders);
}

function requireModel(id: string, operation: ImageOperation): ModelSpec {
	const model = getModel(id);
	if (!model) {
		throw new KieInputError(
			'model',
			id,
			`Unknown model ${describeValue(id)}. Choose a model from the list, or "Custom Model" to name any Kie jobs-API model`,
		);
	}
	if (!model.operations.includes(operation)) {
		const serves = model.operations.map((op) => OPERATION_NAMES[op]).join(' and ');
		throw new KieInputError(
			'model',
			id,
			`${model.id} is a model for the ${serves} operation, not ${OPERATION_NAMES[operation]}`,
			serves,
		);
	}
	return model;
}

function isEmptyPrompt(raw: unknown): boolean {
	return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** Validates (and normalises in place) a key of Additional Input that the model knows. */
function checkAdditionalKey(model: ModelSpec, key: string, input: IDataObject): void {
	const source: Source = {
		param: 'additionalInput',
		label: key,
		suffix: FROM_ADDITIONAL,
		allowedUrls: DOWNLOADABLE,
	};
	const value = input[key];

	if (key === model.prompt.field) {
		const prompt = readPrompt(model.prompt, value, model.id, source);
		if (prompt === undefined) delete input[key];
		else input[key] = prompt;
		return;
	}

	if (model.images && key === model.images.field) {
		if (value === null || value === '') {
			delete input[key];
		} else if (model.images.kind === 'single' && !Array.isArray(value)) {
			input[key] = [checkUrl(value, source)];
		} else {
			input[key] = parseUrlList(value, source);
		}
		return;
	}

	const spec = enumSpecFor(model, key);
	if (spec) {
		const normalised = normaliseEnum(spec, value, model.id, source);
		if (normalised === undefined) delete input[key];
		else input[key] = normalised;
	}
}

function enumSpecFor(model: ModelSpec, key: string): EnumFieldSpec | undefined {
	for (const { param } of ENUM_PARAMS) {
		const spec = model[param];
		if (spec?.field === key) return spec;
	}
	return undefined;
}

function checkImageCount(
	model: ModelSpec,
	spec: ImageInputSpec,
	operation: ImageOperation,
	input: IDataObject,
	blame: { param: string; label: string; raw: unknown },
): void {
	const value = input[spec.field];
	const count = Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
	// Editing without any image is a mistake (an empty expression, a missing binary) that would
	// silently spend credits on a text-to-image job, even for models where images are optional.
	const min = operation === 'edit' ? Math.max(spec.min, 1) : spec.min;
	const range = min === spec.max ? `exactly ${min}` : `${min} to ${spec.max}`;
	const plural = (n: number) => (n === 1 ? 'image' : 'images');
	if (count > spec.max) {
		throw new KieInputError(
			blame.param,
			blame.raw,
			`${model.id} accepts at most ${spec.max} input ${plural(spec.max)}, got ${count}: ${describeValue(value)}`,
			`${range} ${plural(spec.max)}`,
		);
	}
	if (count < min) {
		throw new KieInputError(
			blame.param,
			blame.raw,
			`${model.id} needs at least ${min} input ${plural(min)} (Image URLs or binary properties), got ${count} (${blame.label}: ${describeValue(blame.raw ?? '')})`,
			`${range} ${plural(spec.max)}`,
		);
	}
}

const DEFAULT_CUSTOM_IMAGE_FIELD = 'image_urls';
const MODEL_EXAMPLE = 'a Kie model id such as "kling/v2-1-pro"';
const FIELD_EXAMPLE = 'an input field name such as "image_urls" or "image_url"';

/** Any jobs-API model: Additional Input is the input, plus the prompt and images when given. */
function buildCustomRequest(
	fields: CommonImageFields,
	extraImageUrls: readonly string[],
): TaskRequest {
	const model = readIdentifier(fields.customModel, 'customModel', 'Custom Model ID', MODEL_EXAMPLE);
	const additional = parseAdditionalInput(fields.additionalInput);
	const input: IDataObject = {};

	const prompt = readPrompt(undefined, fields.prompt, model, { param: 'prompt', label: 'Prompt' });
	if (prompt !== undefined) input.prompt = prompt;

	const uploaded = extraImageUrls.map((url) => checkUrl(url, UPLOADED_URLS));
	const listed = parseUrlList(fields.imageUrls, IMAGE_URLS);
	const images = [...uploaded, ...listed];
	if (images.length > 0) {
		const field = isEmptyPrompt(fields.customImageField)
			? DEFAULT_CUSTOM_IMAGE_FIELD
			: readIdentifier(fields.customImageField, 'customImageField', 'Image Field', FIELD_EXAMPLE);
		if (/_url$/i.test(field)) {
			if (images.length > 1) {
				throw new KieInputError(
					listed.length > 0 ? 'imageUrls' : 'binaryProperties',
					images,
					`The input field "${field}" takes one URL, got ${images.length}: ${describeValue(images)}`,
					'one image',
				);
			}
			input[field] = images[0];
		} else {
			input[field] = images;
		}
	}

	return { model, input: { ...input, ...additional } };
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
