/**
 * Node version 1's Audio → Generate on the catalogue: each v1 Model value is the catalogue model
 * of the same id (Suno's versions, ElevenLabs' speech and sound effect). What v1's panel promised
 * beyond the pages is here as data (the voice sent when none is given, the voice names it showed)
 * and in `v1AudioValues`; Suno's text limits per version and mode are the pages' (the catalogue's
 * rules); check/build do the rest. Frozen: saved workflows run on it, so it changes only to keep
 * them running.
 */
import type { IDataObject } from 'n8n-workflow';

import { describeType, describeValue, KieInputError } from '../errors';
import { checkFieldValue, parseAdditionalInput } from '../fieldChecks';
import { readPrompt, type Source } from '../inputs';
import type { ModelData } from '../modelData';
import { catalogueModel } from '../modelCatalogue';
import { textLimit } from '../ruleConditions';
import { v1Parameters, type V1Model, type V1Run, type V1Values } from './mapping';

export interface V1AudioModel extends V1Model {
	/** A Suno version: its text limits are its catalogue record's (Generate Music's page). */
	suno?: boolean;
	/** The voice sent when Voice is empty (ElevenLabs' speech models). */
	voice?: string;
}

const SUNO_TEXTS = ['customMode', 'instrumental', 'style', 'title'];
/** Additional Input keys v1 sent as written (it checked only the ones it named). */
const SUNO_UNCHECKED = ['negativeTags', 'personaId'];

const suno = (id: string, displayName: string, description: string) => ({
	id,
	displayName,
	description,
	suno: true,
	parameters: Object.fromEntries(SUNO_TEXTS.map((name) => [name, name])),
});

const speech = (id: string, displayName: string, description: string): V1AudioModel => ({
	id,
	displayName,
	description,
	voice: 'Rachel',
	parameters: { prompt: 'text', voice: 'voice' },
});

/** In v1's picker order. */
export const V1_AUDIO_MODELS: readonly V1AudioModel[] = [
	suno('V5', 'Suno V5', 'Suno V5: superior musical expression, faster generation'),
	suno('V5_5', 'Suno V5.5', 'Suno V5.5: custom models tailored to your taste'),
	suno('V4_5ALL', 'Suno V4.5 All', 'Suno V4.5 All: V4.5 for every kind of song'),
	suno('V4_5PLUS', 'Suno V4.5+', 'Suno V4.5+: richer sound, songs up to 8 minutes'),
	suno('V4_5', 'Suno V4.5', 'Suno V4.5: smarter prompts, faster generations, up to 8 minutes'),
	suno('V4', 'Suno V4', 'Suno V4: improved vocals, songs up to 4 minutes'),
	speech(
		'elevenlabs/text-to-speech-multilingual-v2',
		'ElevenLabs Multilingual v2 (Speech)',
		'Text to speech in many languages; the prompt is the text to speak',
	),
	speech(
		'elevenlabs/text-to-speech-turbo-2-5',
		'ElevenLabs Turbo 2.5 (Speech)',
		'Fast text to speech, with language enforcement; the prompt is the text to speak',
	),
	{
		id: 'elevenlabs/sound-effect-v2',
		displayName: 'ElevenLabs Sound Effect v2',
		description:
			'A sound effect from a description, up to 22 seconds. Withdrawn: peers report that Kie no longer serves it; kept so saved workflows run',
		parameters: { prompt: 'text' },
	},
];

export const DEFAULT_V1_AUDIO_MODEL = 'V5';

/** Voices v1's picker named otherwise than the pages' names now read. */
export const V1_VOICE_NAMES: Readonly<Record<string, string>> = {
	ouL9IsyrSnUkCmfnD02u: 'Grimblewood Thornwhisker -',
	kUUTqKQ05NMGulF08DDf: 'Guadeloupe Merryweather -',
	flHkNRp1BlvT73UL6gyz: 'Jessica Anne Bogart -',
};

/** v1's audio Custom Model never let Additional Input set the callback (its ID checked first). */
export function checkV1AudioCustom(customModel: unknown, additionalInput: unknown): void {
	const named = typeof customModel === 'string' && /^\S+$/.test(customModel.trim());
	if (named && has(parseAdditionalInput(additionalInput), 'callBackUrl')) {
		refuseNodeSet('callBackUrl', additionalInput);
	}
}

export function refuseNodeSet(key: string, additionalInput: unknown): never {
	throw new KieInputError(
		'additionalInput',
		additionalInput,
		`Additional Input must not set "${key}": the node sets it (use ${key === 'model' ? 'Model' : 'Options → Callback URL'})`,
		'fields other than model and callBackUrl',
	);
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

export function requireText(name: string, value: unknown, why: string): never {
	const label = name.charAt(0).toUpperCase() + name.slice(1);
	throw new KieInputError(
		name,
		value,
		`${label} is empty (${describeValue(value ?? '')}); ${why}`,
		'non-empty text',
	);
}

export const FROM_ADDITIONAL = ' (from Additional Input)';
const has = (object: IDataObject, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/**
 * The most characters `model` takes in a Suno text sent with `fields` (the pages' limits per
 * version and mode, in the catalogue's data).
 */
export function sunoLimit(
	model: ModelData,
	name: 'prompt' | 'style' | 'title',
	fields: IDataObject,
): number {
	const limit = textLimit(model, name, fields);
	if (limit === undefined) throw new Error(`The catalogue has no ${name} limit for ${model.id}`);
	return limit;
}

/** A Suno text (prompt, style, title) within `max`; undefined when empty. */
export function sunoText(
	name: 'prompt' | 'style' | 'title',
	raw: unknown,
	fromAdditional: boolean,
	max: number,
	what: string,
): string | undefined {
	const label = name.charAt(0).toUpperCase() + name.slice(1);
	const source: Source = fromAdditional
		? { param: 'additionalInput', label: name, suffix: FROM_ADDITIONAL }
		: { param: name, label };
	return readPrompt({ field: name, required: false, maxLength: max }, raw, what, source);
}

/**
 * v1's values of one audio model as the pipeline reads them (v1Parameters), with what v1 decided
 * itself: Suno's mode (from Additional Input first), its texts within the mode's limits and sent
 * only in custom mode, the voice when none is given. `asSent`: Additional Input v1 sent unchecked.
 */
export function v1AudioValues(
	v1: V1AudioModel,
	model: ModelData,
	values: V1Values,
): { values: V1Values; asSent: IDataObject } {
	const additional = parseAdditionalInput(values.additionalInput);
	for (const key of ['model', 'callBackUrl']) {
		if (has(additional, key)) refuseNodeSet(key, values.additionalInput);
	}
	if (v1.suno) {
		const suno = sunoValues(model, values, additional);
		withV1Blanks(model, suno.values.additionalInput as IDataObject);
		return suno;
	}
	// ElevenLabs: the text first, as v1 read it; an empty text from Additional Input is no text.
	const textSpec = { field: 'text', required: true, maxLength: 5000 };
	const prompt = readPrompt(textSpec, values.prompt, v1.id, { param: 'prompt', label: 'Prompt' });
	const voiceField = model.fields.find((field) => field.name === 'voice');
	const voice = v1.voice !== undefined && isBlank(values.voice) ? v1.voice : values.voice;
	if (voiceField)
		checkFieldValue(voiceField, voice, { param: 'voice', label: 'Voice', modelName: v1.id });
	if (has(additional, 'text')) {
		const source = { param: 'additionalInput', label: 'text', suffix: FROM_ADDITIONAL };
		const text = readPrompt(textSpec, additional.text, v1.id, source);
		if (text === undefined)
			requireText('prompt', values.prompt, `${v1.id} needs the text in Prompt`);
		additional.text = text;
	}
	if (v1.voice !== undefined && has(additional, 'voice') && isBlank(additional.voice)) {
		additional.voice = v1.voice;
	}
	withV1Blanks(model, additional);
	return { values: { ...values, prompt, voice, additionalInput: additional }, asSent: {} };
}

const V1_MODELS = new Map(V1_AUDIO_MODELS.map((model) => [model.id, model]));

/**
 * Version 1's Audio → Generate (a listed model) onto its catalogue model: the parameters the
 * pipeline checks and builds, v1's names for its errors, and what v1 sent unchecked.
 */
export function v1AudioGenerate(
	raw: unknown,
	fields: V1Values,
): V1Run & { model: ModelData; asSent: IDataObject } {
	const id = typeof raw === 'string' ? raw.trim() : '';
	const v1 = V1_MODELS.get(id);
	const model = v1 && catalogueModel(v1.id);
	if (!v1 || !model) {
		throw new KieInputError(
			'model',
			raw,
			`Unknown audio model ${describeValue(raw)}. Choose a model from the list, or "Custom Model" to name any Kie jobs-API model`,
		);
	}
	const { values, asSent } = v1AudioValues(v1, model, fields);
	return { model, ...v1Parameters(model, v1, values), asSent };
}

/**
 * Empty values in Additional Input as v1 read them: an empty number is refused, an empty
 * true/false is false, an empty text is left out.
 */
export function withV1Blanks(
	model: ModelData,
	additional: IDataObject,
	only?: readonly string[],
): void {
	for (const field of model.fields) {
		if (only && !only.includes(field.name)) continue;
		const value = additional[field.name];
		if (
			!has(additional, field.name) ||
			!(value === null || (typeof value === 'string' && value.trim() === ''))
		)
			continue;
		if (field.type === 'number' || field.type === 'integer') {
			throw new KieInputError(
				'additionalInput',
				value,
				`${field.name} ${describeValue(value)}${FROM_ADDITIONAL} is out of range for ${model.id}: a number from ${field.minimum} to ${field.maximum}`,
				`${field.minimum} to ${field.maximum}`,
			);
		}
		if (field.type === 'boolean') additional[field.name] = false;
		else if (!field.enum) delete additional[field.name];
	}
}

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function sunoValues(
	model: ModelData,
	values: V1Values,
	additional: IDataObject,
): { values: V1Values; asSent: IDataObject } {
	const given = (key: string) => (has(additional, key) ? additional[key] : values[key]);
	const flag = (key: 'customMode' | 'instrumental', label: string) =>
		readBoolean(
			given(key),
			{ param: has(additional, key) ? 'additionalInput' : key, label },
			false,
		);
	const customMode = flag('customMode', 'Custom Mode');
	const instrumental = flag('instrumental', 'Instrumental');
	const what = `Suno ${model.id} (${customMode ? 'custom mode' : 'non-custom mode'})`;
	const text = (name: 'prompt' | 'style' | 'title') => {
		const raw = has(additional, name)
			? additional[name]
			: customMode || name === 'prompt'
				? values[name]
				: undefined;
		const max = sunoLimit(model, name, { customMode });
		return sunoText(name, raw, has(additional, name), max, what);
	};
	const prompt = text('prompt');
	const style = text('style');
	const title = text('title');
	if (customMode) {
		if (style === undefined) requireText('style', given('style'), 'Suno custom mode needs a style');
		if (title === undefined) requireText('title', given('title'), 'Suno custom mode needs a title');
		if (!instrumental && prompt === undefined) {
			requireText(
				'prompt',
				given('prompt'),
				'with vocals, Suno custom mode sings the prompt as lyrics',
			);
		}
	} else {
		if (prompt === undefined) requireText('prompt', given('prompt'), 'Suno needs a prompt');
		if (has(additional, 'personaId')) {
			throw new KieInputError(
				'additionalInput',
				additional.personaId,
				'personaId (from Additional Input) only works with Custom Mode on',
				'Custom Mode on',
			);
		}
	}
	const rest: IDataObject = { ...additional };
	const asSent: IDataObject = {};
	for (const key of ['prompt', ...SUNO_TEXTS]) delete rest[key];
	for (const key of SUNO_UNCHECKED) {
		if (has(rest, key)) asSent[key] = rest[key];
		delete rest[key];
	}
	return {
		values: {
			prompt,
			customMode,
			instrumental,
			...(customMode ? { style, title } : {}),
			additionalInput: rest,
		},
		asSent,
	};
}
