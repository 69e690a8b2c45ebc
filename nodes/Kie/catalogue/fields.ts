/**
 * One field of a model's data → its node parameter (name, label, n8n property); its value
 * checks are in fieldChecks.ts. Every model's panel derives from these few functions.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { VOICE_NAMES } from './audioVoices';
import type { FieldData, FieldValue, ModelData } from './modelData';

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

/** The label the panel shows: Kie's name in words ("negative_prompt" → "Negative Prompt"). */
export function fieldLabel(model: ModelData, field: FieldData): string {
	if (field === mainImageField(model)) return 'Image URLs';
	if (model.api === 'market' && field.name === 'text' && model.resource === 'audio') return 'Text';
	if (field.name === 'prompt' && model.api === 'suno') return 'Prompt (Lyrics in Custom Mode)';
	const words = field.name
		.trim()
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[_\s-]+/)
		.filter(Boolean)
		.map((word) => WORDS[word.toLowerCase()] ?? word.charAt(0).toUpperCase() + word.slice(1));
	return words.join(' ');
}

const isBlank = (value: unknown) =>
	value === undefined ||
	value === null ||
	(typeof value === 'string' && value.trim() === '') ||
	(Array.isArray(value) && value.length === 0);

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

const MAX_HINT = 160;

/** Hints for the fields most models share: one wording, so their properties are shared too. */
const COMMON_HINTS: Readonly<Record<string, string>> = {
	prompt: 'What to make',
	negative_prompt: 'What to avoid',
	aspect_ratio: 'Shape of the result',
	resolution: 'Size of the result',
	duration: 'Length in seconds',
	output_format: 'File format of the result',
	seed: 'Same seed and input, similar result',
	image_size: 'Size or shape of the image',
};

const PROMPT_PLACEHOLDERS: Readonly<Record<string, string>> = {
	image: 'A serene mountain landscape at sunset, vibrant colours',
	video: 'A corgi surfs a wave at sunset, slow motion, cinematic',
	audio: 'A calm piano track with soft melodies',
};

/** The field's hint: the page's words (or a shared one), its limits, and whether it is needed. */
const ROLES: Readonly<Record<string, string>> = {
	input: 'to work on',
	firstFrame: 'as the first frame',
	lastFrame: 'as the last frame',
	reference: 'as reference',
	mask: 'as the mask',
};

/** A media field's hint from its data: what the files are for, their types, sizes and count. */
function mediaHint(field: FieldData): string {
	const kind = field.type === 'array' ? `${field.media} files` : `One ${field.media} file`;
	const types = field.mimeTypes?.map((type) => type.split('/')[1].toUpperCase()).join(', ');
	const size = field.maxFileSizeBytes
		? ` up to ${Math.round(field.maxFileSizeBytes / (1024 * 1024))} MB each`
		: '';
	const parts = [
		`${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${ROLES[field.mediaRole ?? 'input']}: URLs, or binaries in the field below.`,
		types ? `${types}${size}.` : '',
		field.maxItems !== undefined ? `Up to ${field.maxItems} files.` : '',
		field.required ? 'Required.' : '',
	];
	return parts.filter(Boolean).join(' ');
}

function hint(field: FieldData): string {
	if (field.media) return mediaHint(field);
	const common = COMMON_HINTS[field.name];
	const text = common ?? (field.description ?? '').replace(/\s+/g, ' ').trim();
	const short = text.length > MAX_HINT ? `${text.slice(0, MAX_HINT - 1).trimEnd()}…` : text;
	const limits: string[] = [];
	if (common && field.maxLength !== undefined) limits.push(`Up to ${field.maxLength} characters.`);
	if (field.required) limits.push('Required.');
	return [short.replace(/[.]?$/, short ? '.' : ''), ...limits].filter(Boolean).join(' ');
}

function optionName(field: FieldData, value: string | number): string {
	const named = field.enumNames?.[String(value)];
	if (named) return named;
	if (field.name === 'voice' && typeof value === 'string' && VOICE_NAMES[value]) {
		return `${VOICE_NAMES[value]} (${value})`;
	}
	return String(value);
}

/** One field as an n8n property (without displayOptions): the panel groups equal ones. */
export function fieldProperties(model: ModelData, field: FieldData): INodeProperties[] {
	const base = {
		displayName: fieldLabel(model, field),
		name: parameterName(model, field),
		description: hint(field),
	};
	const example = field.example;
	const placeholder =
		field.name === 'prompt' || field.name === 'text'
			? { placeholder: PROMPT_PLACEHOLDERS[model.resource] }
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
		// A voice listed by name and by id shows once, by name (both are accepted when sent).
		const listed = new Set(field.enum);
		const values = field.enum.filter(
			(value) => field.name !== 'voice' || !listed.has(VOICE_NAMES[String(value)]),
		);
		// The page's default first (SPEC 0.3: the page's default first chosen).
		const first = values.indexOf(defaultValue as string | number);
		if (first > 0) values.unshift(...values.splice(first, 1));
		const options: INodePropertyOptions[] = values.map((value) => ({
			name: optionName(field, value),
			value,
		}));
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
