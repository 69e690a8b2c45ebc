import type { IDataObject } from 'n8n-workflow';

import { getAudioModel } from './audioModels';
import type {
	AudioExtendFields,
	AudioFields,
	KnownOptionalFields,
	MarketAudioModelSpec,
	SunoModelSpec,
	SunoTextLimits,
} from './audioTypes';
import { describeType, describeValue, KieInputError } from './errors';
import { normaliseEnum, parseAdditionalInput, readPrompt, type Source } from './inputs';
import { CUSTOM_MODEL } from './registry';

/**
 * Suno's create endpoints require a callBackUrl even when the task is polled. Without a callback
 * URL of the user's own the node sends this one: the `.invalid` top-level domain never resolves
 * (RFC 2606), so Kie's notice goes nowhere and nothing else is affected.
 */
export const SUNO_PLACEHOLDER_CALLBACK = 'https://callback.invalid/n8n-nodes-kie';

/** A create as the audio catalogue builds it (the client's CreateTaskRequest). */
export interface AudioTaskRequest {
	api: 'suno' | 'market';
	endpoint: 'suno.generate' | 'suno.extend' | 'market.create';
	model: string;
	body: IDataObject;
	expectedMs?: number;
}

const FROM_ADDITIONAL = ' (from Additional Input)';
const NODE_SET_KEYS = ['model', 'callBackUrl'];

/** A Suno track of a finished task, as the source of an extend. */
export interface SourceTrack {
	id: string;
	title?: string;
	tags?: string;
	duration?: number;
}

export function buildAudioRequest(modelId: string, fields: AudioFields): AudioTaskRequest {
	const id = typeof modelId === 'string' ? modelId.trim() : '';
	if (id === CUSTOM_MODEL) return buildCustomAudio(fields);
	const model = getAudioModel(id);
	if (!model) {
		throw new KieInputError(
			'model',
			modelId,
			`Unknown audio model ${describeValue(modelId)}. Choose a model from the list, or "Custom Model" to name any Kie jobs-API model`,
		);
	}
	return model.family === 'suno' ? buildSuno(model, fields) : buildMarketAudio(model, fields);
}

function readBoolean(raw: unknown, source: Source, fallback: boolean): boolean {
	if (raw === undefined || raw === null || raw === '') return fallback;
	if (typeof raw === 'boolean') return raw;
	if (typeof raw === 'string' && /^(true|false)$/i.test(raw.trim()))
		return raw.trim().toLowerCase() === 'true';
	throw new KieInputError(
		source.param,
		raw,
		`${source.label}${source.suffix ?? ''} must be true or false, got ${describeType(raw)} (${describeValue(raw)})`,
		'true or false',
	);
}

function readAdditional(raw: unknown): IDataObject {
	const additional = parseAdditionalInput(raw);
	for (const key of NODE_SET_KEYS) {
		if (Object.prototype.hasOwnProperty.call(additional, key)) {
			throw new KieInputError(
				'additionalInput',
				raw,
				`Additional Input must not set "${key}": the node sets it (use ${key === 'model' ? 'Model' : 'Options → Callback URL'})`,
				'fields other than model and callBackUrl',
			);
		}
	}
	return additional;
}

/** Checks the optional fields a model knows; normalises enums in place. */
function checkOptional(
	optional: KnownOptionalFields,
	values: IDataObject,
	modelId: string,
	keys: readonly string[],
): void {
	for (const key of keys) {
		const source: Source = { param: 'additionalInput', label: key, suffix: FROM_ADDITIONAL };
		const value = values[key];
		const number = optional.numbers?.find((spec) => spec.field === key);
		if (number) {
			const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
			if (typeof n !== 'number' || !Number.isFinite(n) || n < number.min || n > number.max) {
				throw new KieInputError(
					'additionalInput',
					value,
					`${key} ${describeValue(value)}${FROM_ADDITIONAL} is out of range for ${modelId}: a number from ${number.min} to ${number.max}`,
					`${number.min} to ${number.max}`,
				);
			}
			values[key] = n;
			continue;
		}
		const enumSpec = optional.enums?.find((spec) => spec.field === key);
		if (enumSpec) {
			const normalised = normaliseEnum(enumSpec, value, modelId, source);
			if (normalised === undefined) delete values[key];
			else values[key] = normalised;
			continue;
		}
		const text = optional.texts?.find((spec) => spec.field === key);
		if (text) {
			const checked = readPrompt(text, value, modelId, source);
			if (checked === undefined) delete values[key];
			else values[key] = checked;
			continue;
		}
		if (optional.booleans?.includes(key)) values[key] = readBoolean(value, source, false);
	}
}

/** A Suno text field (prompt, style, title) within its limit; undefined when empty. */
function sunoText(
	name: 'prompt' | 'style' | 'title',
	values: IDataObject,
	fromAdditional: boolean,
	max: number,
	modelId: string,
	mode: string,
): string | undefined {
	const label = name.charAt(0).toUpperCase() + name.slice(1);
	const source: Source = fromAdditional
		? { param: 'additionalInput', label: name, suffix: FROM_ADDITIONAL }
		: { param: name, label };
	return readPrompt(
		{ field: name, required: false, maxLength: max },
		values[name],
		`Suno ${modelId} (${mode})`,
		source,
	);
}

function requireText(name: string, value: unknown, why: string): never {
	const label = name.charAt(0).toUpperCase() + name.slice(1);
	throw new KieInputError(
		name,
		value,
		`${label} is empty (${describeValue(value ?? '')}); ${why}`,
		'non-empty text',
	);
}

function buildSuno(model: SunoModelSpec, fields: AudioFields): AudioTaskRequest {
	const additional = readAdditional(fields.additionalInput);
	const has = (key: string) => Object.prototype.hasOwnProperty.call(additional, key);
	const customMode = readBoolean(
		has('customMode') ? additional.customMode : fields.customMode,
		{ param: has('customMode') ? 'additionalInput' : 'customMode', label: 'Custom Mode' },
		false,
	);
	const instrumental = readBoolean(
		has('instrumental') ? additional.instrumental : fields.instrumental,
		{ param: has('instrumental') ? 'additionalInput' : 'instrumental', label: 'Instrumental' },
		false,
	);
	const values: IDataObject = {
		prompt: fields.prompt as IDataObject[string],
		...(customMode ? { style: fields.style, title: fields.title } : {}),
		...additional,
	} as IDataObject;

	const mode = customMode ? 'custom mode' : 'non-custom mode';
	const limits: SunoTextLimits = customMode
		? model.customLimits
		: { prompt: model.simplePromptMax, style: model.customLimits.style, title: 80 };
	const prompt = sunoText('prompt', values, has('prompt'), limits.prompt, model.id, mode);
	const style = sunoText('style', values, has('style'), limits.style, model.id, mode);
	const title = sunoText('title', values, has('title'), limits.title, model.id, mode);

	if (customMode) {
		if (style === undefined) requireText('style', values.style, 'Suno custom mode needs a style');
		if (title === undefined) requireText('title', values.title, 'Suno custom mode needs a title');
		if (!instrumental && prompt === undefined) {
			requireText(
				'prompt',
				values.prompt,
				'with vocals, Suno custom mode sings the prompt as lyrics',
			);
		}
	} else {
		if (prompt === undefined) requireText('prompt', values.prompt, 'Suno needs a prompt');
		if (has('personaId')) {
			throw new KieInputError(
				'additionalInput',
				additional.personaId,
				'personaId (from Additional Input) only works with Custom Mode on',
				'Custom Mode on',
			);
		}
	}

	const body: IDataObject = { ...additional };
	delete body.prompt;
	delete body.style;
	delete body.title;
	checkOptional(model.optional, body, model.id, Object.keys(additional));
	Object.assign(body, {
		...(prompt !== undefined ? { prompt } : {}),
		...(customMode && style !== undefined ? { style } : {}),
		...(customMode && title !== undefined ? { title } : {}),
		customMode,
		instrumental,
		model: model.id,
		callBackUrl: fields.callbackUrl ?? SUNO_PLACEHOLDER_CALLBACK,
	});
	return {
		api: 'suno',
		endpoint: model.createEndpoint,
		model: model.id,
		body,
		expectedMs: model.expectedMs,
	};
}

function buildMarketAudio(model: MarketAudioModelSpec, fields: AudioFields): AudioTaskRequest {
	const additional = readAdditional(fields.additionalInput);
	const input: IDataObject = {};
	const promptSource: Source = { param: 'prompt', label: 'Prompt' };
	const text = readPrompt(model.prompt, fields.prompt, model.id, promptSource);
	if (text !== undefined) input[model.prompt.field] = text;
	if (model.voice) {
		const voice = normaliseEnum(model.voice, fields.voice, model.id, {
			param: 'voice',
			label: 'Voice',
		});
		input[model.voice.field] = voice ?? model.voice.default;
	}
	Object.assign(input, additional);
	for (const key of Object.keys(additional)) {
		const source: Source = { param: 'additionalInput', label: key, suffix: FROM_ADDITIONAL };
		if (key === model.prompt.field) {
			const checked = readPrompt(model.prompt, input[key], model.id, source);
			if (checked === undefined) delete input[key];
			else input[key] = checked;
		} else if (model.voice && key === model.voice.field) {
			input[key] = normaliseEnum(model.voice, input[key], model.id, source) ?? model.voice.default;
		}
	}
	checkOptional(model.optional, input, model.id, Object.keys(additional));
	if (input[model.prompt.field] === undefined) {
		requireText('prompt', fields.prompt, `${model.id} needs the text in Prompt`);
	}
	const body: IDataObject = { model: model.id, input };
	if (fields.callbackUrl) body.callBackUrl = fields.callbackUrl;
	return {
		api: 'market',
		endpoint: model.createEndpoint,
		model: model.id,
		body,
		expectedMs: model.expectedMs,
	};
}

function buildCustomAudio(fields: AudioFields): AudioTaskRequest {
	const raw = fields.customModel;
	if (typeof raw !== 'string' || raw.trim() === '' || /\s/.test(raw.trim())) {
		throw new KieInputError(
			'customModel',
			raw,
			`Custom Model ID must be a model id without spaces, got ${describeValue(raw ?? '')}`,
			'a Kie model id such as "elevenlabs/text-to-dialogue-v3"',
		);
	}
	const model = raw.trim();
	const additional = readAdditional(fields.additionalInput);
	const prompt = readPrompt(undefined, fields.prompt, model, { param: 'prompt', label: 'Prompt' });
	const input: IDataObject = { ...(prompt !== undefined ? { prompt } : {}), ...additional };
	const body: IDataObject = { model, input };
	if (fields.callbackUrl) body.callBackUrl = fields.callbackUrl;
	return { api: 'market', endpoint: 'market.create', model, body };
}

/**
 * Extend Music: continue `source` (a track of a finished Suno task made with `modelId`). With a
 * prompt the extension uses new parameters (style and title default to the source track's);
 * without one Kie inherits the source's parameters.
 */
export function buildSunoExtendRequest(
	modelId: string,
	source: SourceTrack,
	fields: AudioExtendFields,
): AudioTaskRequest {
	const model = getAudioModel(modelId);
	if (!model || model.family !== 'suno') {
		throw new KieInputError(
			'taskId',
			modelId,
			`The source task was made with ${describeValue(modelId)}, which the node cannot extend; Suno extends tracks of its own versions`,
			'a Suno task (V4, V4_5, V4_5PLUS, V5)',
		);
	}
	const additional = readAdditional(fields.additionalInput);
	const continueAt = readContinueAt(fields.continueAt, source);
	const mode = 'extend';
	const values: IDataObject = {
		prompt: fields.prompt as string,
		style: isBlankText(fields.style) ? source.tags : (fields.style as string),
		title: isBlankText(fields.title) ? source.title : (fields.title as string),
	};
	const limits = model.extendLimits;
	const prompt = sunoText('prompt', values, false, limits.prompt, model.id, mode);
	const body: IDataObject = { ...additional };
	checkOptional(model.optional, body, model.id, Object.keys(additional));
	if (prompt === undefined) {
		Object.assign(body, { defaultParamFlag: false, audioId: source.id });
		if (continueAt !== undefined) body.continueAt = continueAt;
	} else {
		const style = sunoText('style', values, false, limits.style, model.id, mode);
		const title = sunoText('title', values, false, limits.title, model.id, mode);
		if (style === undefined)
			requireText('style', fields.style, 'extending with a prompt needs a style');
		if (title === undefined)
			requireText('title', fields.title, 'extending with a prompt needs a title');
		if (continueAt === undefined) {
			throw new KieInputError(
				'continueAt',
				fields.continueAt,
				'Continue At is required when extending with a prompt: the second of the source track where the extension starts',
				source.duration ? `more than 0 and less than ${source.duration}` : 'more than 0 seconds',
			);
		}
		Object.assign(body, {
			defaultParamFlag: true,
			audioId: source.id,
			prompt,
			style,
			title,
			continueAt,
		});
	}
	body.model = model.id;
	body.callBackUrl = fields.callbackUrl ?? SUNO_PLACEHOLDER_CALLBACK;
	return {
		api: 'suno',
		endpoint: model.extendEndpoint,
		model: model.id,
		body,
		expectedMs: model.expectedMs,
	};
}

function isBlankText(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

function readContinueAt(raw: unknown, source: SourceTrack): number | undefined {
	if (raw === undefined || raw === null || raw === '' || raw === 0) return undefined;
	const value = typeof raw === 'string' ? Number(raw.trim()) : raw;
	const duration = source.duration;
	const allowed = duration ? `more than 0 and less than ${duration}` : 'more than 0 seconds';
	if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
		throw new KieInputError(
			'continueAt',
			raw,
			`Continue At ${describeValue(raw)} must be a number of seconds above 0`,
			allowed,
		);
	}
	if (duration !== undefined && value >= duration) {
		throw new KieInputError(
			'continueAt',
			raw,
			`Continue At ${value} is not inside the source track, which is ${duration} seconds long`,
			allowed,
		);
	}
	return value;
}

/** Extend's checks that need no source task (run before any request). */
export function validateSunoExtendFields(fields: AudioExtendFields): void {
	readContinueAt(fields.continueAt, { id: '' });
	readAdditional(fields.additionalInput);
}
