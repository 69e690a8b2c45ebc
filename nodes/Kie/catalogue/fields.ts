/**
 * One field of a model's data → its node parameter (name, label, n8n property); its value
 * checks are in fieldChecks.ts. Every model's panel derives from these few functions.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { KieInputError } from './errors';
import { isBlank } from './fieldChecks';
import { fieldHint, placeholderText, textKind, type LabelOf } from './fieldHints';
import { APIS, conditionallyRequired } from './modelCatalogue';
import type { FieldData, FieldRule, FieldValue, ModelData } from './modelData';
import { isVoiceList, voiceOptions } from './voices';

/** The main image list keeps 0.2's names: `imageUrls` and `binaryProperties`. */
export const MAIN_IMAGES = 'imageUrls';
const MAIN_IMAGES_BINARY = 'binaryProperties';

const camelCase = (name: string) =>
	name.trim().replace(/[_\s-]+([a-zA-Z0-9])/g, (_, letter: string) => letter.toUpperCase());

/**
 * The model's main image list (for `imageUrls`): its `image_urls` when it has one, else its first
 * list of input images. (Ideogram Character Remix lists reference_image_urls first: taking that one
 * showed two "imageUrls" parameters, one value for both.)
 */
export function mainImageField(model: ModelData): FieldData | undefined {
	const lists = model.fields.filter(
		(field) => field.media === 'image' && field.type === 'array' && field.mediaRole !== 'mask',
	);
	return lists.find((field) => field.name === 'image_urls') ?? lists[0];
}

/** The node parameter that carries a field (SPEC 0.3: the camelCase of Kie's name). */
export function parameterName(model: ModelData, field: FieldData): string {
	return field === mainImageField(model) ? MAIN_IMAGES : camelCase(field.name);
}

/** The parameter taking n8n binaries for a media field. */
export function binaryParameterName(model: ModelData, field: FieldData): string {
	return field === mainImageField(model) ? MAIN_IMAGES_BINARY : `${camelCase(field.name)}Binary`;
}

const WORDS: Readonly<Record<string, string>> = {
	url: 'URL',
	urls: 'URLs',
	id: 'ID',
	ids: 'IDs',
	cfg: 'CFG',
	nsfw: 'NSFW',
	fps: 'FPS',
};

/**
 * Suno's prompt that custom mode sings as lyrics (its page: "strictly used as the lyrics"): the
 * panel shows it as Lyrics in custom mode with vocals, as Prompt otherwise.
 */
function isSungPrompt(model: ModelData, field: FieldData): boolean {
	const has = (name: string) => model.fields.some((candidate) => candidate.name === name);
	return (
		field.name === 'prompt' &&
		has('customMode') &&
		has('instrumental') &&
		/used as the lyrics/i.test(field.description ?? '')
	);
}

/** A prompt whose page calls it lyrics ("Replaced lyrics"), not a description of them. */
function isLyrics(field: FieldData): boolean {
	const first = (field.description ?? '').split(/[.\n]/)[0];
	return field.name === 'prompt' && /\blyrics\b/i.test(first) && !/descri/i.test(first);
}

/**
 * The label the panel shows: Kie's name in words ("negative_prompt" → "Negative Prompt"), or
 * what the model calls it ("Text" for speech, "Lyrics" where Suno sings it). `values`: the
 * node's parameters, for a label that depends on them (Suno's custom mode).
 */
export function fieldLabel(
	model: ModelData,
	field: FieldData,
	values?: Readonly<Record<string, unknown>>,
): string {
	if (field === mainImageField(model)) return 'Image URLs';
	if (model.api === 'market' && field.name === 'text' && model.resource === 'audio') return 'Text';
	if (isLyrics(field)) return 'Lyrics';
	if (isSungPrompt(model, field) && values?.customMode === true && values.instrumental !== true) {
		return 'Lyrics';
	}
	const words = field.name
		.trim()
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[_\s-]+/)
		.filter(Boolean)
		.map((word) => WORDS[word.toLowerCase()] ?? word.charAt(0).toUpperCase() + word.slice(1));
	return words.join(' ');
}

/** A parameter of a model's panel (a field's or its binaries') → the name the panel shows. */
export function panelLabel(
	model: ModelData,
	param: string,
	values?: Readonly<Record<string, unknown>>,
): string | undefined {
	for (const field of model.fields) {
		const label = fieldLabel(model, field, values);
		if (parameterName(model, field) === param) return label;
		if (field.media && binaryParameterName(model, field) === param) {
			return `${label} (Binary Properties)`;
		}
	}
	return param === 'additionalInput' ? 'Additional Input (JSON)' : undefined;
}

/** A refusal of a model's input names its parameter as the panel shows it. */
export function withPanelLabel(
	error: unknown,
	model: ModelData,
	values?: Readonly<Record<string, unknown>>,
): unknown {
	if (error instanceof KieInputError && error.label === undefined) {
		const label = panelLabel(model, error.field, values);
		if (label) error.label = label;
	}
	return error;
}

/** Kie's field names of a model → the labels its panel shows (other names stay as they are). */
export function labelsOf(model: ModelData): LabelOf {
	return (name) => {
		const field = model.fields.find((candidate) => candidate.name === name);
		return field ? fieldLabel(model, field) : name;
	};
}

/** The model's conditions between fields: its own (pages, overrides) and its API's. */
export function modelRules(model: ModelData): FieldRule[] {
	return [...(model.rules ?? []), ...(APIS[model.api].rules ?? [])];
}

/** What a parameter holds when the user did not touch it and the page gives no default. */
function neutralDefault(field: FieldData): FieldValue {
	if (field.media) return field.type === 'array' ? [] : '';
	if (field.enum) return field.required ? field.enum[0] : '';
	if (field.type === 'boolean') return false;
	if (field.type === 'integer' || field.type === 'number') return field.minimum ?? 0;
	return '';
}

/**
 * The value to send for an optional field, or undefined when it is the untouched neutral value of
 * a field whose page gives no default (Kie's own default then applies).
 */
export function sentValue(field: FieldData, value: unknown): unknown {
	if (isBlank(value)) return undefined;
	if (field.required || field.default !== undefined || field.enum) return value;
	const neutral = neutralDefault(field);
	return value === neutral ? undefined : value;
}

function optionName(field: FieldData, value: string | number): string {
	return field.enumNames?.[String(value)] ?? String(value);
}

/**
 * Suno's sung prompt as two properties of one parameter: Prompt (what the song is about) when
 * custom mode is off, Lyrics (sung word for word) in custom mode with vocals.
 */
function sungPromptProperties(
	model: ModelData,
	field: FieldData,
	rules: readonly FieldRule[],
): INodeProperties[] {
	const labelOf = labelsOf(model);
	const hint = (custom: boolean, label: string, text: string) =>
		fieldHint(model, field, {
			rules: rules.filter((rule) => {
				const wanted = rule.when?.customMode;
				return !Array.isArray(wanted) || wanted.includes(custom);
			}),
			labelOf,
			conditional: true,
			label,
			text,
		});
	const text = {
		name: parameterName(model, field),
		type: 'string' as const,
		typeOptions: { rows: 4 },
		default: '',
	};
	return [
		{
			...text,
			displayName: 'Prompt',
			description: hint(
				false,
				'Prompt',
				'What the song is about; Suno writes the lyrics (Custom Mode takes your own)',
			),
			placeholder: placeholderText('music'),
			displayOptions: { show: { customMode: [false] } },
		},
		{
			...text,
			displayName: 'Lyrics',
			description: hint(true, 'Lyrics', 'The words Suno sings, as written'),
			placeholder: placeholderText('lyrics'),
			displayOptions: { show: { customMode: [true], instrumental: [false] } },
		},
	];
}

/**
 * One field as n8n properties: the panel adds which models show them and groups equal ones. Only
 * Suno's sung prompt has displayOptions of its own (Prompt or Lyrics by custom mode).
 */
export function fieldProperties(model: ModelData, field: FieldData): INodeProperties[] {
	const rules = modelRules(model).filter((rule) => rule.field === field.name);
	if (isSungPrompt(model, field)) return sungPromptProperties(model, field, rules);
	const label = fieldLabel(model, field);
	const base = {
		displayName: label,
		name: parameterName(model, field),
		description: fieldHint(model, field, {
			rules,
			labelOf: labelsOf(model),
			conditional: conditionallyRequired(model).has(field.name),
			label,
		}),
	};
	const example = field.example;
	const placeholder =
		field.name === 'prompt' || field.name === 'text'
			? { placeholder: placeholderText(textKind(model, field, base.displayName)) }
			: typeof example === 'string' && example !== '' && example.length <= 40 && !field.enum
				? { placeholder: example }
				: {};
	if (field.media) {
		const list = field.type === 'array';
		const kind = field.media;
		const defaultValue = list ? [] : '';
		return [
			{
				...base,
				type: 'string',
				...(list
					? { typeOptions: { multipleValues: true, multipleValueButtonText: `Add ${kind} URL` } }
					: {}),
				default: defaultValue,
				placeholder: `https://example.com/${kind === 'image' ? 'photo.jpg' : kind === 'video' ? 'clip.mp4' : 'voice.mp3'}`,
			},
			{
				displayName: `${base.displayName} (Binary Properties)`,
				name: binaryParameterName(model, field),
				type: 'string',
				default: '',
				placeholder: 'data',
				description: `Comma-separated binary properties of the input item to upload and use as ${base.displayName}, before the URLs`,
			},
		];
	}
	// n8n's lint takes a variable for a computed default.
	const defaultValue = (field.default ?? neutralDefault(field)) as string | number | boolean;
	if (field.enum) {
		const values = [...field.enum];
		// The page's default first (SPEC 0.3: the page's default first chosen).
		const first = values.indexOf(defaultValue as string | number);
		if (first > 0) values.unshift(...values.splice(first, 1));
		const options: INodePropertyOptions[] = isVoiceList(field)
			? voiceOptions(field, values)
			: values.map((value) => ({ name: optionName(field, value), value }));
		// An optional field can be left out (Kie then decides, e.g. Kling 3.0's shape from its frames).
		if (defaultValue === '') options.unshift({ name: "Not Set (Model's Choice)", value: '' });
		else if (!field.required) options.push({ name: "Not Set (Model's Choice)", value: '' });
		return [{ ...base, type: 'options', options, default: defaultValue }];
	}
	if (field.type === 'boolean') return [{ ...base, type: 'boolean', default: defaultValue }];
	if (field.type === 'integer' || field.type === 'number') {
		return [
			{
				...base,
				type: 'number',
				typeOptions: {
					...(field.minimum !== undefined ? { minValue: field.minimum } : {}),
					...(field.maximum !== undefined ? { maxValue: field.maximum } : {}),
					...(field.type === 'integer' ? { numberPrecision: 0 } : {}),
				},
				default: defaultValue,
			},
		];
	}
	if (field.type === 'array' || field.type === 'object') {
		const json = example === undefined ? '' : JSON.stringify(example);
		return [
			{
				...base,
				type: 'json',
				default: '',
				...(json ? { placeholder: json.length > 120 ? `${json.slice(0, 119)}…` : json } : {}),
			},
		];
	}
	const long = (field.maxLength ?? 0) > 200 || /prompt|text|lyrics/i.test(field.name);
	return [
		{
			...base,
			type: 'string',
			...(long ? { typeOptions: { rows: 4 } } : {}),
			default: defaultValue,
			...placeholder,
		},
	];
}
