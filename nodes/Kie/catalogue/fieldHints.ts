/**
 * What the panel says under a model's field before anything runs: the page's words (or a shared
 * wording), its limits, what it needs ("Needs 1 image") and the model's conditions on it
 * ("Required when Multi Shots is off"), all in the names the panel shows; and a placeholder that
 * fits what the field takes.
 */
import { panelProse } from './hintProse';
import type { FieldData, FieldRule, FieldValue, ModelData } from './modelData';

/** A Kie field name → the label the panel shows for it. */
export type LabelOf = (kieName: string) => string;

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

const SEEDREAM_MAX_IMAGES =
	'At most this many images (1 to 6) in one set; as they are made in one shot, state the same number in the prompt so both settings agree';
const WAN_MULTI_SHOTS =
	'Whether the video is a single continuous shot or multiple shots with transitions';

/**
 * Our words for fields whose page puts what matters past the hint's length, by API (or model id)
 * and field; each says only what its page says.
 */
const PAGE_WORDS: Readonly<Record<string, string>> = {
	'veo generationType':
		'TEXT_2_VIDEO: text only; FIRST_AND_LAST_FRAMES_2_VIDEO: 1 image, or 2 as first and last frame; REFERENCE_2_VIDEO: 1 to 3 reference images, Veo 3.1 Fast only',
	'flux-kontext safetyTolerance':
		'Moderation level for inputs and outputs, from 0 (most strict) to 6 (more permissive); when editing an image, 0 to 2 (balanced). Default: 2',
	'suno-vocal-separation type':
		'separate_vocal: a vocal and an instrumental track; split_stem: a track per sound (vocals, backing vocals, drums, bass, guitar, keyboard, strings and others)',
	'bytedance/seedream-v4-edit max_images': SEEDREAM_MAX_IMAGES,
	'bytedance/seedream-v4-text-to-image max_images': SEEDREAM_MAX_IMAGES,
	'wan/2-6-flash-image-to-video multi_shots': WAN_MULTI_SHOTS,
	'wan/2-6-flash-video-to-video multi_shots': WAN_MULTI_SHOTS,
	// The page: "Is it a cycle?" and "Whether to capture the lyrics subtitles Will the interface be
	// called after completion to obtain the lyrics subtitles?"
	'suno/generate-sounds soundLoop': 'Whether the sound is made to loop (play in a cycle)',
	'suno/generate-sounds grabLyrics':
		'Whether to fetch the lyrics subtitles once the task completes',
	// The page's range, past the length; the node's own (sunoOverrides.ts) is its rule sentence.
	'suno/replace-section infillEndS':
		"End of the section to replace (seconds, 2 decimal places), after Infill Start S. Kie's page: a section of 6 to 60 s, at most 50% of the track",
};

const pageWords = (model: ModelData, field: FieldData): string | undefined =>
	PAGE_WORDS[`${model.id} ${field.name}`] ?? PAGE_WORDS[`${model.api} ${field.name}`];

const ROLES: Readonly<Record<string, string>> = {
	input: 'to work on',
	firstFrame: 'as the first frame',
	lastFrame: 'as the last frame',
	reference: 'as reference',
	mask: 'as the mask',
};

/**
 * Kie's names in a text (`image_urls`, `multi_shots`, `customMode`) as the panel shows them;
 * only names that look like identifiers (an underscore or an inner capital) are replaced.
 */
export function inPanelWords(text: string, labelOf: LabelOf, names: readonly string[]): string {
	let words = text.replace(/`/g, '');
	for (const name of names) {
		if (!/_|[a-z][A-Z]/.test(name)) continue;
		words = words.replace(new RegExp(`\\b${name}\\b`, 'g'), labelOf(name));
	}
	return words;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "Needs 1 image", "Needs 1 to 8 images", "Up to 3 videos": a media field's count. */
function mediaCount(field: FieldData, required: boolean): string {
	const noun = field.media === 'audio' ? 'audio file' : (field.media ?? 'file');
	const max = field.type === 'array' ? field.maxItems : 1;
	if (required) {
		const min = Math.max(field.minItems ?? 1, 1);
		if (max === min) return `Needs ${plural(min, noun)}.`;
		if (max !== undefined) return `Needs ${min} to ${max} ${noun}s.`;
		return `Needs at least ${plural(min, noun)}.`;
	}
	return max !== undefined && max > 1 ? `Up to ${plural(max, noun)}.` : '';
}

/** A media field's hint from its data: what the files are for, their types, sizes and count. */
function mediaHint(field: FieldData, required: boolean): string {
	const kind = field.type === 'array' ? `${field.media} files` : `One ${field.media} file`;
	const types = field.mimeTypes?.map((type) => type.split('/')[1].toUpperCase()).join(', ');
	const size = field.maxFileSizeBytes
		? ` up to ${Math.round(field.maxFileSizeBytes / (1024 * 1024))} MB each`
		: '';
	return [
		`${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${ROLES[field.mediaRole ?? 'input']}: URLs, or binaries in the field below.`,
		types ? `${types}${size}.` : '',
		mediaCount(field, required),
	]
		.filter(Boolean)
		.join(' ');
}

function condition(rule: Pick<FieldRule, 'when'>, labelOf: LabelOf, model: ModelData): string {
	const parts = Object.entries(rule.when ?? {}).map(([name, wanted]) => {
		const label = labelOf(name);
		const boolean = model.fields.some((field) => field.name === name && field.type === 'boolean');
		// A boolean left out is false (as check reads it).
		if (wanted === 'absent' && boolean) return `${label} is off`;
		if (wanted === 'present') return `${label} is set`;
		if (wanted === 'absent') return `${label} is empty`;
		if (wanted.length === 1 && typeof wanted[0] === 'boolean') {
			return `${label} is ${wanted[0] ? 'on' : 'off'}`;
		}
		return `${label} is ${wanted.map(String).join(' or ')}`;
	});
	return parts.length > 0 ? ` when ${parts.join(' and ')}` : '';
}

/** One of the model's conditions on a field, as a sentence of the panel ("Leave empty when …"). */
export function ruleHint(rule: FieldRule, labelOf: LabelOf, model: ModelData): string {
	const when = condition(rule, labelOf, model);
	if (rule.required) return `Required${when}.`;
	if (rule.forbidden) return `Leave empty${when}.`;
	if (rule.allowed) return `Only ${rule.allowed.map(String).join(', ')}${when}.`;
	if (rule.pattern) {
		const expected = rule.pattern.expected;
		return `${expected.charAt(0).toUpperCase()}${expected.slice(1)}${when}.`;
	}
	if (rule.span) {
		return `${rule.span.min} to ${rule.span.max} s after ${labelOf(rule.span.from)}${when}.`;
	}
	return '';
}

/** The pages' own statements of a text limit, replaced by the limits from the data. */
const LIMIT_PROSE = [
	/(?:-\s*)?Character limits by model:?\s*(?:-\s*\*\*[^*]+\*\*:\s*Maximum [\d,]+ characters\s*)+/gi,
	/(?:-\s*)?(?:Max(?:imum)? length:|Maximum) [\d,]+ characters\.?/gi,
];

const statesLimit = (text: string) => LIMIT_PROSE.some((prose) => text.search(prose) >= 0);

const withoutLimitProse = (text: string) =>
	LIMIT_PROSE.reduce((rest, prose) => rest.replace(prose, ' '), text)
		.replace(/\(\s*\)|\s+/g, ' ')
		.replace(/\s+([.,])/g, '$1')
		.trim();

type Limit = { maxLength: number; when: NonNullable<FieldRule['when']> };

/** How many sets of values a condition takes in (none: all of them). */
const reach = (limit: Limit) =>
	Object.values(limit.when).reduce(
		(count, wanted) => count * (Array.isArray(wanted) ? wanted.length : 1),
		Object.keys(limit.when).length === 0 ? Infinity : 1,
	);

/** Every value of the field `name` (its enum, or a boolean's two). */
function valuesOf(model: ModelData, name: string): readonly FieldValue[] | undefined {
	const field = model.fields.find((candidate) => candidate.name === name);
	return field?.type === 'boolean' ? [true, false] : field?.enum;
}

/** `first` holds for every value of one field the others do not name: it is the rest's limit. */
function isOtherwise(model: ModelData, first: Limit, rest: readonly Limit[]): boolean {
	const names = Object.keys(first.when);
	if (names.length !== 1 || rest.length === 0) return false;
	const [name] = names;
	const named = [first, ...rest].flatMap((limit) => {
		const wanted = limit.when[name];
		return Object.keys(limit.when).length === 1 && Array.isArray(wanted) ? wanted : [undefined];
	});
	const values = valuesOf(model, name);
	return !!values && !named.includes(undefined) && values.every((value) => named.includes(value));
}

/**
 * The field's text limits in a sentence: "Up to 5000 characters; 3000 when Model is V4." The
 * limit most values get comes first, the others with their conditions. A condition all the
 * limits share is left out when the field has limits under its other values that are not among
 * these: the property is shown for that value alone (Suno's Lyrics is custom mode's prompt).
 */
function lengthHint(
	model: ModelData,
	field: FieldData,
	rules: readonly FieldRule[],
	labelOf: LabelOf,
): string {
	const limited = rules.filter((rule) => rule.maxLength !== undefined);
	const others = (model.rules ?? []).filter(
		(rule) => rule.field === field.name && rule.maxLength !== undefined && !limited.includes(rule),
	);
	const decided = (name: string) =>
		others.some((rule) => rule.when?.[name] !== undefined) &&
		limited.every(
			(rule) => JSON.stringify(rule.when?.[name]) === JSON.stringify(limited[0].when?.[name]),
		);
	const limits: Limit[] = limited.map((rule) => ({
		maxLength: rule.maxLength as number,
		when: Object.fromEntries(Object.entries(rule.when ?? {}).filter(([name]) => !decided(name))),
	}));
	if (field.maxLength !== undefined) limits.push({ maxLength: field.maxLength, when: {} });
	if (limits.length === 0) return '';
	const [first, ...rest] = [...limits].sort((a, b) => reach(b) - reach(a));
	const general = reach(first) === Infinity || isOtherwise(model, first, rest);
	const exceptions = rest
		.filter((limit) => reach(first) !== Infinity || limit.maxLength < first.maxLength)
		.map((limit) => `; ${limit.maxLength}${condition(limit, labelOf, model)}`);
	const when = general ? '' : condition(first, labelOf, model);
	return `Up to ${first.maxLength} characters${when}${exceptions.join('')}.`;
}

/**
 * The rules' sentences once each, those that differ in one value joined: "Required when Type is A."
 * and "Required when Type is B." read "Required when Type is A or B."; "Leave empty when First
 * Frame URL is set." and "… when Last Frame URL is set." read "… when First Frame URL or Last Frame
 * URL is set." (either one is enough, as each rule holds alone).
 */
function joinConditions(sentences: readonly string[]): string[] {
	const joined: Array<{ head: string; parts: Array<[string, string]> } | string> = [];
	for (const sentence of new Set(sentences.filter(Boolean))) {
		const [, head, label, value] = /^(.+?) when (.+?) is (.+)\.$/.exec(sentence) ?? [];
		const same = joined.find(
			(entry) =>
				typeof entry !== 'string' &&
				entry.head === head &&
				entry.parts.every(([l, v]) => l === label || v === value),
		);
		if (!head || / and /.test(sentence)) joined.push(sentence);
		else if (typeof same === 'object') same.parts.push([label, value]);
		else joined.push({ head, parts: [[label, value]] });
	}
	return joined.map((entry) => {
		if (typeof entry === 'string') return entry;
		const labels = [...new Set(entry.parts.map(([label]) => label))];
		const values = [...new Set(entry.parts.map(([, value]) => value))];
		return labels.length === 1
			? `${entry.head} when ${labels[0]} is ${values.join(' or ')}.`
			: `${entry.head} when ${labels.join(' or ')} is ${values[0]}.`;
	});
}

export interface HintOf {
	/** The model's conditions on the field. */
	rules: readonly FieldRule[];
	labelOf: LabelOf;
	/** The field is required only as its rules say. */
	conditional: boolean;
	/** The label the panel shows for it. */
	label: string;
	/** Words of our own instead of the page's. */
	text?: string;
}

/** The field's hint: the page's words (or a shared one), its limits, what it needs, its rules. */
export function fieldHint(model: ModelData, field: FieldData, of: HintOf): string {
	const { labelOf } = of;
	const required = field.required && !of.conditional;
	const conditions = joinConditions(of.rules.map((rule) => ruleHint(rule, labelOf, model)));
	if (field.media) return [mediaHint(field, required), ...conditions].filter(Boolean).join(' ');
	// "What to make" is a prompt's; a prompt the model sings (Lyrics) keeps its page's words.
	const common = of.label === 'Lyrics' ? undefined : COMMON_HINTS[field.name];
	const names = model.fields.map((candidate) => candidate.name);
	const page = (field.description ?? '').replace(/\s+/g, ' ').trim();
	const limitRules = of.rules.some((rule) => rule.maxLength !== undefined);
	// The limits from the data replace the page's words for them (cut at MAX_HINT otherwise).
	const length =
		common || limitRules || statesLimit(page) ? lengthHint(model, field, of.rules, labelOf) : '';
	const text = inPanelWords(
		of.text ?? common ?? pageWords(model, field) ?? (length ? withoutLimitProse(page) : page),
		labelOf,
		names,
	);
	const short = panelProse(text, MAX_HINT, {
		labels: model.fields.map((candidate) => labelOf(candidate.name)),
		switches: model.fields
			.filter((candidate) => candidate.type === 'boolean')
			.map((candidate) => labelOf(candidate.name)),
		onOff: field.type === 'boolean',
		requiredWhen: conditions.flatMap(
			(sentence) => /^Required when (.+) is on\.$/.exec(sentence)?.[1] ?? [],
		),
		values: field.enum,
	});
	// A page sentence one of the rules says too ("Required when Default Param Flag is on.") is said once, last.
	const prose = conditions
		.reduce((rest, sentence) => rest.split(sentence).join(' '), short)
		.replace(/\s+/g, ' ')
		.trim();
	const limits: string[] = [];
	if (length) limits.push(length);
	if (required) limits.push('Required.');
	return [prose && !/[.!?…]$/.test(prose) ? `${prose}.` : prose, ...limits, ...conditions]
		.filter(Boolean)
		.join(' ');
}

const PLACEHOLDERS = {
	image: 'A serene mountain landscape at sunset, vibrant colours',
	video: 'A corgi surfs a wave at sunset, slow motion, cinematic',
	music: 'A calm piano track with soft melodies',
	lyrics: '[Verse] Neon rain on an empty street, I hum the song you used to sing',
	lyricsTopic: 'A song about a summer road trip with old friends',
	speech: 'Hello! Thanks for calling. How can I help you today?',
	sound: 'Thunder rolling over a quiet forest at night',
} as const;

export type PlaceholderKind = keyof typeof PLACEHOLDERS;

/** What a model's main text field takes (its prompt or text), for its placeholder. */
export function textKind(model: ModelData, field: FieldData, label: string): PlaceholderKind {
	if (model.resource !== 'audio') return model.resource;
	if (label === 'Lyrics') return 'lyrics';
	if (/sound/.test(model.id)) return 'sound';
	if (field.name === 'text') return 'speech';
	return model.api === 'suno-lyrics' ? 'lyricsTopic' : 'music';
}

export const placeholderText = (kind: PlaceholderKind): string => PLACEHOLDERS[kind];
