import type { IDataObject } from 'n8n-workflow';

import { describeValue, KieInputError } from './errors';
import { checkUrl, parseAdditionalInput, parseUrlList, readPrompt, type Source } from './inputs';
import { isSomeModelsDefault } from './foreignDefaults';
import { applyApiQuirks } from './videoQuirks';
import { CUSTOM_VIDEO_MODEL, getVideoModel } from './videoRegistry';
import {
	checkAdditionalKey,
	checkImages,
	checkRules,
	readDuration,
	readEnum,
	sendDuration,
} from './videoInputs';
import type { CommonVideoFields, VideoApi, VideoModelSpec } from './videoTypes';

export type { CommonVideoFields } from './videoTypes';

/** Everything the client needs to create the task: the body is exactly what the API takes. */
export interface VideoTaskRequest {
	api: VideoApi;
	endpoint: VideoModelSpec['createEndpoint'];
	/** The model as the user named it. */
	model: string;
	body: IDataObject;
	expectedMs: number;
}

const IMAGE_URLS: Source = { param: 'imageUrls', label: 'Image URL' };
const UPLOADED_URLS: Source = { param: 'binaryProperties', label: 'Uploaded image URL' };
const PENDING = 'https://pending-upload.invalid/';

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Validates the node's video fields for a model and maps them onto the body its API takes
 * (`input` for the jobs API, top-level fields for Veo and Runway). Throws KieInputError naming
 * the parameter to fix; nothing is sent before. `uploadedUrls` (binaries, uploaded first) come
 * before `imageUrls`.
 */
export function buildVideoRequest(
	modelId: string,
	fields: CommonVideoFields,
	uploadedUrls: readonly string[] = [],
	callBackUrl?: string,
): VideoTaskRequest {
	const id = typeof modelId === 'string' ? modelId.trim() : '';
	if (id === CUSTOM_VIDEO_MODEL) return buildCustom(fields, uploadedUrls, callBackUrl);
	const model = getVideoModel(id);
	if (!model) {
		throw new KieInputError(
			'model',
			modelId,
			`Unknown video model ${describeValue(modelId)}. Choose a model from the list, or "Custom Model" to name any Kie jobs-API model`,
		);
	}
	const additional = parseAdditionalInput(fields.additionalInput);
	const mapped: IDataObject = {};

	const prompt = readPrompt(model.prompt, fields.prompt, model.id, {
		param: 'prompt',
		label: 'Prompt',
	});
	if (prompt !== undefined) mapped[model.prompt.field] = prompt;

	const uploaded = uploadedUrls.map((url) =>
		url.startsWith(PENDING) ? url : checkUrl(url, UPLOADED_URLS),
	);
	const listed = parseUrlList(fields.imageUrls, IMAGE_URLS);
	const images = [...uploaded, ...listed];
	const imageBlame = listed.length > 0 ? 'imageUrls' : 'binaryProperties';
	if (images.length > 0) {
		if (!model.images) {
			throw new KieInputError(
				imageBlame,
				listed.length > 0 ? fields.imageUrls : uploadedUrls,
				`${model.id} takes no input images, got ${images.length}: ${describeValue(images)}. Pick an image-to-video model`,
				'no images',
			);
		}
		mapped[model.images.field] = images;
	}

	for (const [param, label] of [
		['aspectRatio', 'Aspect Ratio'],
		['resolution', 'Resolution'],
	] as const) {
		const spec = model[param];
		if (!spec) continue;
		const value = readEnum(spec, fields[param], model.id, {
			param,
			label: spec.displayName ?? label,
		});
		if (value !== undefined) mapped[spec.field] = value;
	}
	if (model.duration) {
		const value = readDuration(model.duration, fields.duration, model.id, {
			param: 'duration',
			label: 'Duration',
		});
		if (value !== undefined) mapped[model.duration.field] = value;
	}

	const input: IDataObject = { ...mapped, ...additional };
	for (const key of Object.keys(additional)) checkAdditionalKey(model, key, input);

	if (model.prompt.required && input[model.prompt.field] === undefined) {
		throw new KieInputError(
			'prompt',
			fields.prompt,
			`Prompt is empty (${describeValue(fields.prompt ?? '')}); ${model.id} needs a prompt`,
			'non-empty text',
		);
	}
	for (const spec of [model.aspectRatio, model.resolution]) {
		if (spec?.required && input[spec.field] === undefined) input[spec.field] = spec.default;
	}
	if (model.duration?.required && input[model.duration.field] === undefined) {
		input[model.duration.field] = sendDuration(model.duration, model.duration.default);
	}
	for (const [key, value] of Object.entries(model.fixed ?? {})) {
		if (input[key] === undefined) input[key] = value;
	}
	if (model.images) checkImages(model, input, additional, fields, uploadedUrls);

	applyApiQuirks(model, input);
	checkRules(model, input, fields);

	const body: IDataObject =
		model.api === 'market'
			? { model: model.id, input }
			: { ...input, ...apiModelField(model, input) };
	if (callBackUrl) body.callBackUrl = callBackUrl;
	return {
		api: model.api,
		endpoint: model.createEndpoint,
		model: model.id,
		body,
		expectedMs: expectedMsOf(model, input),
	};
}

/** Every check of buildVideoRequest before binaries are uploaded, with `pendingUploads` placeholders. */
export function validateVideoRequest(
	modelId: string,
	fields: CommonVideoFields,
	pendingUploads = 0,
): void {
	const placeholders = Array.from(
		{ length: pendingUploads },
		(_, index) => `${PENDING}${index + 1}`,
	);
	buildVideoRequest(modelId, fields, placeholders);
}

function apiModelField(model: VideoModelSpec, input: IDataObject): IDataObject {
	if (model.api === 'veo') return { model: model.id };
	// Runway's model id follows from the duration (runway-duration-5-generate, …-10-…).
	if (model.api === 'runway')
		return { model: `runway-duration-${String(input.duration)}-generate` };
	return {};
}

function expectedMsOf(model: VideoModelSpec, input: IDataObject): number {
	const { baseMs, perSecondMs = 0, baseSeconds, resolutionFactor } = model.prior;
	const seconds = model.duration
		? Number(input[model.duration.field] ?? model.duration.default)
		: undefined;
	const extraSeconds =
		seconds !== undefined && baseSeconds !== undefined ? seconds - baseSeconds : 0;
	const resolution = model.resolution
		? String(input[model.resolution.field] ?? model.resolution.default)
		: '';
	const factor = resolutionFactor?.[resolution] ?? 1;
	return Math.round((baseMs + perSecondMs * extraSeconds) * factor);
}

/** Any jobs-API video model: Additional Input is the input, plus the prompt and images when given. */
function buildCustom(
	fields: CommonVideoFields,
	uploadedUrls: readonly string[],
	callBackUrl: string | undefined,
): VideoTaskRequest {
	const raw = fields.customModel;
	if (typeof raw !== 'string' || raw.trim() === '' || /\s/.test(raw.trim())) {
		throw new KieInputError(
			'customModel',
			raw,
			`Custom Model ID must be one model id without spaces, got ${describeValue(raw ?? '')}`,
			'a Kie model id such as "kling/v2-1-pro"',
		);
	}
	const model = raw.trim();
	const input: IDataObject = {};
	const prompt = readPrompt(undefined, fields.prompt, model, { param: 'prompt', label: 'Prompt' });
	if (prompt !== undefined) input.prompt = prompt;
	const images = [
		...uploadedUrls.map((url) => (url.startsWith(PENDING) ? url : checkUrl(url, UPLOADED_URLS))),
		...parseUrlList(fields.imageUrls, IMAGE_URLS),
	];
	if (images.length > 0) {
		const field = isBlank(fields.customImageField)
			? 'image_urls'
			: String(fields.customImageField).trim();
		if (/_url$/i.test(field) && images.length > 1) {
			throw new KieInputError(
				fields.imageUrls ? 'imageUrls' : 'binaryProperties',
				images,
				`The input field "${field}" takes one URL, got ${images.length}: ${describeValue(images)}`,
				'one image',
			);
		}
		input[field] = /_url$/i.test(field) ? images[0] : images;
	}
	const body: IDataObject = {
		model,
		input: { ...input, ...parseAdditionalInput(fields.additionalInput) },
	};
	if (callBackUrl) body.callBackUrl = callBackUrl;
	return {
		api: 'market',
		endpoint: 'market.create',
		model,
		body,
		expectedMs: 120_000,
	};
}

/**
 * For a node whose Model is an expression (see isSomeModelsDefault): the fields holding another
 * model's default that this model does not accept are left out, so its own defaults apply.
 */
export function withoutForeignDefaults(
	modelId: string,
	fields: CommonVideoFields,
): CommonVideoFields {
	const model = getVideoModel(modelId);
	if (!model) return fields;
	const relaxed = { ...fields };
	const source = (param: string): Source => ({ param, label: param });
	const accepted = (check: () => unknown) => {
		try {
			check();
			return true;
		} catch {
			return false;
		}
	};
	for (const param of ['aspectRatio', 'resolution'] as const) {
		const spec = model[param];
		const value = relaxed[param];
		if (!isSomeModelsDefault(param, value)) continue;
		if (!spec || !accepted(() => readEnum(spec, value, model.id, source(param))))
			relaxed[param] = undefined;
	}
	const duration = relaxed.duration;
	if (isSomeModelsDefault('duration', duration)) {
		const spec = model.duration;
		if (!spec || !accepted(() => readDuration(spec, duration, model.id, source('duration'))))
			relaxed.duration = undefined;
	}
	return relaxed;
}
