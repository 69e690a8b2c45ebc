import type { IDataObject } from 'n8n-workflow';

import { getAudioModel } from './audioModels';
import {
	checkOptional,
	FROM_ADDITIONAL,
	readAdditional,
	readBoolean,
	requireText,
	sunoText,
} from './audioFields';
import type {
	AudioFields,
	MarketAudioModelSpec,
	SunoModelSpec,
	SunoTextLimits,
} from './audioTypes';
import { describeValue, KieInputError } from './errors';
import { normaliseEnum, readPrompt, type Source } from './inputs';
import { CUSTOM_MODEL } from './customModelProperties';

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
	const additional = readAdditional(fields.additionalInput, ['callBackUrl']);
	const prompt = readPrompt(undefined, fields.prompt, model, { param: 'prompt', label: 'Prompt' });
	const input: IDataObject = { ...(prompt !== undefined ? { prompt } : {}), ...additional };
	const body: IDataObject = { model, input };
	if (fields.callbackUrl) body.callBackUrl = fields.callbackUrl;
	return { api: 'market', endpoint: 'market.create', model, body };
}
