/**
 * Everything a model's schema says about the node's common fields, checked before any request
 * (an upload included): the prompt, enum values, URLs, Additional Input's known fields, and how
 * many images there will be. Throws KieInputError naming the parameter, the value and what is
 * allowed; returns the normalised input, the images still to be placed by mapInput.
 */
import type { IDataObject } from 'n8n-workflow';

import { validateCustom } from './customModel';
import { describeValue, KieInputError } from './errors';
import {
	checkUrl,
	describeImages,
	DOWNLOADABLE_URLS,
	IMAGE_URLS,
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

/** A request that passed every check: what mapInput turns into the task's input. */
export interface ValidInput {
	model: string;
	/** The input without the images still to come (uploads and Image URLs). */
	input: IDataObject;
	/** Where the images go, when there are any to place. */
	images?: {
		field: string;
		kind: ImageInputSpec['kind'];
		/** Image URLs, checked; they come after the uploads. */
		listed: string[];
		uploadCount: number;
	};
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

export function validate(
	operation: ImageOperation,
	modelId: string,
	fields: CommonImageFields,
	uploadCount = 0,
): ValidInput {
	const id = typeof modelId === 'string' ? modelId.trim() : '';
	if (id === CUSTOM_MODEL) return validateCustom(fields, uploadCount);
	const model = requireModel(id, operation);

	const additional = parseAdditionalInput(fields.additionalInput);
	const input: IDataObject = {};

	const prompt = readPrompt(model.prompt, fields.prompt, model.id, {
		param: 'prompt',
		label: 'Prompt',
	});
	if (prompt !== undefined) input[model.prompt.field] = prompt;

	const listed = parseUrlList(fields.imageUrls, IMAGE_URLS);
	const given = uploadCount + listed.length;
	if (given > 0 && !model.images) {
		throw new KieInputError(
			listed.length > 0 ? 'imageUrls' : 'binaryProperties',
			listed.length > 0 ? fields.imageUrls : `${uploadCount} binary properties`,
			`${model.id} takes no input images, got ${given}: ${describeImages(uploadCount, listed)}`,
			'no images',
		);
	}

	for (const { param, label } of ENUM_PARAMS) {
		const spec = model[param];
		if (!spec) continue;
		const value = normaliseEnum(spec, fields[param], model.id, {
			param,
			label: spec.displayName ?? label,
		});
		if (value !== undefined) input[spec.field] = value;
	}

	for (const key of Object.keys(additional)) {
		const value = checkAdditionalValue(model, key, additional[key]);
		if (value === undefined) delete input[key];
		else input[key] = value;
	}

	if (model.prompt.required && input[model.prompt.field] === undefined) {
		const raw = fields.prompt;
		const empty =
			raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
		throw new KieInputError(
			'prompt',
			raw,
			empty
				? `Prompt is empty (${describeValue(raw ?? '')}); ${model.id} needs a prompt`
				: `Prompt is required by ${model.id}`,
			'non-empty text',
		);
	}

	for (const { param } of ENUM_PARAMS) {
		const spec = model[param];
		if (spec?.required && input[spec.field] === undefined) input[spec.field] = spec.default;
	}

	if (!model.images) return { model: model.id, input };
	const { field, kind } = model.images;
	const fromAdditional = Object.prototype.hasOwnProperty.call(additional, field);
	const placed = input[field];
	const count = fromAdditional
		? Array.isArray(placed)
			? placed.length
			: placed === undefined
				? 0
				: 1
		: given;
	const blame = fromAdditional
		? { param: 'additionalInput', label: `${field} in Additional Input`, raw: additional[field] }
		: listed.length > 0 || uploadCount === 0
			? { param: 'imageUrls', label: 'Image URLs', raw: fields.imageUrls }
			: { param: 'binaryProperties', label: 'uploaded binaries', raw: `${uploadCount} binaries` };
	checkImageCount(model, model.images, operation, count, {
		...blame,
		shown: fromAdditional ? describeValue(placed) : describeImages(uploadCount, listed),
	});
	if (fromAdditional) return { model: model.id, input };
	return { model: model.id, input, images: { field, kind, listed, uploadCount } };
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

/** A value of Additional Input, checked and normalised where the model knows the field. */
function checkAdditionalValue(model: ModelSpec, key: string, value: unknown): unknown {
	const source: Source = {
		param: 'additionalInput',
		label: key,
		suffix: FROM_ADDITIONAL,
		allowedUrls: DOWNLOADABLE_URLS,
	};
	if (key === model.prompt.field) return readPrompt(model.prompt, value, model.id, source);
	if (model.images && key === model.images.field) {
		if (value === null || value === '') return undefined;
		if (model.images.kind === 'single' && !Array.isArray(value)) return checkUrl(value, source);
		return parseUrlList(value, source);
	}
	const spec = enumSpecFor(model, key);
	return spec ? normaliseEnum(spec, value, model.id, source) : value;
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
	count: number,
	blame: { param: string; label: string; raw: unknown; shown: string },
): void {
	// Editing without any image is a mistake (an empty expression, a missing binary) that would
	// silently spend credits on a text-to-image job, even for models where images are optional.
	const min = operation === 'edit' ? Math.max(spec.min, 1) : spec.min;
	const range = min === spec.max ? `exactly ${min}` : `${min} to ${spec.max}`;
	const plural = (n: number) => (n === 1 ? 'image' : 'images');
	if (count > spec.max) {
		throw new KieInputError(
			blame.param,
			blame.raw,
			`${model.id} accepts at most ${spec.max} input ${plural(spec.max)}, got ${count}: ${blame.shown}`,
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
