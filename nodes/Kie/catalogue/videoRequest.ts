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
import { applyApiQuirks } from './videoQuirks';
import { CUSTOM_VIDEO_MODEL, getVideoModel } from './videoRegistry';
import type { DurationSpec, VideoApi, VideoEnumSpec, VideoModelSpec } from './videoTypes';

/** The node's video parameters; values arrive from expressions, hence `unknown`. */
export interface CommonVideoFields {
	prompt?: unknown;
	aspectRatio?: unknown;
	resolution?: unknown;
	duration?: unknown;
	imageUrls?: unknown;
	additionalInput?: unknown;
	customModel?: unknown;
	customImageField?: unknown;
}

/** Everything the client needs to create the task: the body is exactly what the API takes. */
export interface VideoTaskRequest {
	api: VideoApi;
	endpoint: VideoModelSpec['createEndpoint'];
	/** The model as the user named it. */
	model: string;
	body: IDataObject;
	/** Poll-learning key: model, resolution and duration. */
	kind: string;
	expectedMs: number;
}

const FROM_ADDITIONAL = ' (from Additional Input)';
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
		kind: kindOf(model, input),
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

function readEnum(
	spec: VideoEnumSpec,
	raw: unknown,
	modelId: string,
	source: Source,
): string | undefined {
	if (typeof raw === 'string' && spec.aliases) {
		const wanted = raw.trim().toLowerCase();
		const alias = Object.entries(spec.aliases).find(([name]) => name.toLowerCase() === wanted);
		if (alias) return alias[1];
	}
	return normaliseEnum(spec, raw, modelId, source);
}

function allowedSeconds(spec: DurationSpec): string {
	return spec.options
		? spec.options.map((value) => `${value}`).join(', ')
		: `${spec.min ?? 1} to ${spec.max ?? '∞'} (whole seconds)`;
}

function sendDuration(spec: DurationSpec, seconds: number): string | number {
	return spec.send === 'string' ? String(seconds) : seconds;
}

/** Seconds as a number or numeric text ("5", "5s"), checked against the model's list or range. */
function readDuration(
	spec: DurationSpec,
	raw: unknown,
	modelId: string,
	source: Source,
): string | number | undefined {
	if (isBlank(raw) || raw === 0) return undefined;
	const text =
		typeof raw === 'number'
			? String(raw)
			: typeof raw === 'string'
				? raw.trim().replace(/\s*s(ec(onds?)?)?$/i, '')
				: undefined;
	const seconds = text !== undefined && /^\d+(\.0+)?$/.test(text) ? Number(text) : NaN;
	const allowed = allowedSeconds(spec);
	if (!Number.isInteger(seconds)) {
		throw new KieInputError(
			source.param,
			raw,
			`${source.label} ${describeValue(raw)}${source.suffix ?? ''} is not a whole number of seconds (${describeType(raw)}). Allowed for ${modelId}: ${allowed}`,
			allowed,
		);
	}
	const fits = spec.options
		? spec.options.includes(seconds)
		: seconds >= (spec.min ?? 1) && seconds <= (spec.max ?? Infinity);
	if (!fits) {
		throw new KieInputError(
			source.param,
			raw,
			`${source.label} ${describeValue(raw)}${source.suffix ?? ''} is not supported by ${modelId}. Allowed: ${allowed} seconds`,
			allowed,
		);
	}
	return sendDuration(spec, seconds);
}

/** Validates (and normalises in place) a key of Additional Input that the model knows. */
function checkAdditionalKey(model: VideoModelSpec, key: string, input: IDataObject): void {
	const source: Source = { param: 'additionalInput', label: key, suffix: FROM_ADDITIONAL };
	const value = input[key];
	const set = (normalised: unknown) => {
		if (normalised === undefined) delete input[key];
		else input[key] = normalised as IDataObject[string];
	};
	if (key === model.prompt.field) return set(readPrompt(model.prompt, value, model.id, source));
	if (model.images && key === model.images.field) {
		if (isBlank(value)) return set(undefined);
		return set(
			model.images.kind === 'single' && !Array.isArray(value)
				? [checkUrl(value, source)]
				: parseUrlList(value, source),
		);
	}
	for (const spec of [model.aspectRatio, model.resolution]) {
		if (spec?.field === key) return set(readEnum(spec, value, model.id, source));
	}
	if (model.duration?.field === key)
		return set(readDuration(model.duration, value, model.id, source));
	const extra = model.extraFields?.find((candidate) => candidate.field === key);
	if (!extra || value === undefined || value === null) return;
	const fail = (allowed: string) => {
		throw new KieInputError(
			'additionalInput',
			value,
			`${key} ${describeValue(value)}${FROM_ADDITIONAL} is not valid for ${model.id}. Allowed: ${allowed}`,
			allowed,
		);
	};
	if (extra.type === 'boolean' && typeof value !== 'boolean') fail('true or false');
	if (extra.type === 'string' && typeof value !== 'string') fail('text');
	if (extra.type === 'enum') {
		const match = extra.options.find(
			(option) => option.toLowerCase() === String(value).toLowerCase(),
		);
		if (typeof value !== 'string' || !match) fail(extra.options.join(', '));
		else input[key] = match;
	}
	if (extra.type === 'integer') {
		const range = `a whole number from ${extra.min ?? '-∞'} to ${extra.max ?? '∞'}`;
		if (typeof value !== 'number' || !Number.isInteger(value)) fail(range);
		else if (
			(extra.min !== undefined && value < extra.min) ||
			(extra.max !== undefined && value > extra.max)
		)
			fail(range);
	}
}

function checkImages(
	model: VideoModelSpec,
	input: IDataObject,
	additional: IDataObject,
	fields: CommonVideoFields,
	uploadedUrls: readonly string[],
): void {
	const spec = model.images!;
	const value = input[spec.field];
	const count = Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
	const param = Object.prototype.hasOwnProperty.call(additional, spec.field)
		? 'additionalInput'
		: count > 0 && uploadedUrls.length === count
			? 'binaryProperties'
			: 'imageUrls';
	const raw =
		param === 'additionalInput'
			? additional[spec.field]
			: param === 'imageUrls'
				? fields.imageUrls
				: uploadedUrls;
	const plural = (n: number) => (n === 1 ? 'image' : 'images');
	const range = spec.min === spec.max ? `exactly ${spec.min}` : `${spec.min} to ${spec.max}`;
	if (count > spec.max || count < spec.min) {
		throw new KieInputError(
			param,
			raw,
			count > spec.max
				? `${model.id} accepts at most ${spec.max} input ${plural(spec.max)} (${spec.role}), got ${count}: ${describeValue(value)}`
				: `${model.id} needs ${range} input ${plural(spec.max)} (${spec.role}) from Image URLs or binary properties, got ${count}`,
			`${range} ${plural(spec.max)}`,
		);
	}
	if (spec.kind === 'single' && Array.isArray(value)) {
		if (value.length === 0) delete input[spec.field];
		else input[spec.field] = value[0];
	}
}

function checkRules(model: VideoModelSpec, input: IDataObject, fields: CommonVideoFields): void {
	for (const rule of model.rules ?? []) {
		const applies = Object.entries(rule.when).every(([field, values]) =>
			values === '*'
				? !isBlank(input[field]) && !(Array.isArray(input[field]) && input[field].length === 0)
				: values.some((wanted) => wanted === input[field]),
		);
		const value = input[rule.field];
		if (!applies || value === undefined || rule.allowed.some((allowed) => allowed === value))
			continue;
		const condition = Object.entries(rule.when)
			.map(([field, values]) =>
				values === '*' ? `${field} set` : `${field} ${describeValue(input[field])}`,
			)
			.join(' and ');
		const allowed = rule.allowed.join(', ');
		throw new KieInputError(
			rule.param,
			rule.param === 'additionalInput'
				? fields.additionalInput
				: fields[rule.param as keyof CommonVideoFields],
			`${rule.field} ${describeValue(value)} is not possible with ${condition}: ${rule.reason}. Allowed: ${allowed}`,
			allowed,
		);
	}
}

function kindOf(model: VideoModelSpec, input: IDataObject): string {
	const parts = [model.id];
	if (model.resolution && input[model.resolution.field] !== undefined)
		parts.push(String(input[model.resolution.field]));
	if (model.duration && input[model.duration.field] !== undefined)
		parts.push(`${String(input[model.duration.field])}s`);
	return parts.join('|');
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
		kind: model,
		expectedMs: 120_000,
	};
}
