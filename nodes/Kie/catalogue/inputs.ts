import { describeType, describeValue, KieInputError } from './errors';
import type { EnumFieldSpec, PromptSpec } from './types';

/** Where a value came from: the node parameter to blame and how to name it in a message. */
export interface Source {
	/** Node parameter name, becomes KieInputError.field. */
	param: string;
	/** How the value is named, e.g. 'Resolution' or 'resolution'. */
	label: string;
	/** Added after the value, e.g. ' (from Additional Input)'. */
	suffix?: string;
	/** For URLs: what is allowed, when it is more than "an http(s) URL". */
	allowedUrls?: string;
}

export const DOWNLOADABLE_URLS =
	'http:// or https:// URLs that Kie can download (upload local files as binary instead)';
export const IMAGE_URLS: Source = {
	param: 'imageUrls',
	label: 'Image URL',
	allowedUrls: DOWNLOADABLE_URLS,
};

/** How the images of a request read in a message: the uploads by number, then the URLs. */
export function describeImages(uploadCount: number, listed: readonly string[]): string {
	const uploads = Array.from({ length: uploadCount }, (_, index) => `(binary ${index + 1})`);
	return describeValue([...uploads, ...listed]);
}

const subject = (source: Source, value: unknown) =>
	`${source.label} ${describeValue(value)}${source.suffix ?? ''}`;

/** Nothing, or white space (a list is a value here, refused by normaliseEnum as not text). */
const isBlankText = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Output formats where Kie spells the same thing two ways. */
const canonicalFormat = (value: string) => (value === 'jpeg' ? 'jpg' : value);
const comparable = (value: string) => canonicalFormat(value.toLowerCase().replace(/\s+/g, ''));

/**
 * Returns the model's own spelling of an enum value (case-insensitive, `jpeg`/`jpg` alike),
 * or undefined for an empty value. Anything else is an error listing the allowed values.
 */
export function normaliseEnum(
	spec: EnumFieldSpec,
	raw: unknown,
	modelId: string,
	source: Source,
): string | undefined {
	if (isBlankText(raw)) return undefined;
	if (typeof raw !== 'string' && !(typeof raw === 'number' && Number.isFinite(raw))) {
		throw new KieInputError(
			source.param,
			raw,
			`${source.label}${source.suffix ?? ''} must be text, got ${describeType(raw)} (${describeValue(raw)})`,
			spec.options.join(', '),
		);
	}
	const text = String(raw).trim();
	const exact = spec.options.find((option) => option === text);
	if (exact !== undefined) return exact;
	const wanted = comparable(text);
	const match = spec.options.find((option) => comparable(option) === wanted);
	if (match !== undefined) return match;
	const allowed = spec.options.join(', ');
	throw new KieInputError(
		source.param,
		raw,
		`${subject(source, raw)} is not supported by ${modelId}. Allowed: ${allowed}`,
		allowed,
	);
}

/**
 * A prompt as Kie should receive it: trimmed text within the model's length limits, or
 * undefined when empty (the caller decides whether the model needs one).
 */
export function readPrompt(
	spec: PromptSpec | undefined,
	raw: unknown,
	modelId: string,
	source: Source,
): string | undefined {
	if (raw === undefined || raw === null) return undefined;
	if (typeof raw !== 'string') {
		throw new KieInputError(
			source.param,
			raw,
			`${source.label}${source.suffix ?? ''} must be text, got ${describeType(raw)} (${describeValue(raw)})`,
			'text',
		);
	}
	const text = raw.trim();
	if (text === '') return undefined;
	const length = [...text].length;
	if (spec?.maxLength !== undefined && length > spec.maxLength) {
		throw new KieInputError(
			source.param,
			raw,
			`${subject(source, raw)} is ${length} characters long; ${modelId} accepts at most ${spec.maxLength}`,
			`at most ${spec.maxLength} characters`,
		);
	}
	if (spec?.minLength !== undefined && length < spec.minLength) {
		throw new KieInputError(
			source.param,
			raw,
			`${subject(source, raw)} is ${length} characters long; ${modelId} needs at least ${spec.minLength}`,
			`at least ${spec.minLength} characters`,
		);
	}
	return text;
}

const HTTP_URL = /^https?:\/\/\S+$/i;

/** One absolute http(s) URL, trimmed; everything else is an error naming the value. */
export function checkUrl(raw: unknown, source: Source): string {
	if (typeof raw !== 'string') {
		throw new KieInputError(
			source.param,
			raw,
			`${source.label}${source.suffix ?? ''} must hold URLs as text, got ${describeType(raw)} (${describeValue(raw)})`,
			'http:// or https:// URLs',
		);
	}
	const text = raw.trim();
	if (text === '') {
		throw new KieInputError(
			source.param,
			raw,
			`${source.label}${source.suffix ?? ''} has an empty entry (${describeValue(raw)}); remove it or fill in a URL`,
			'http:// or https:// URLs',
		);
	}
	let valid = HTTP_URL.test(text);
	if (valid) {
		try {
			const url = new URL(text);
			valid = (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
		} catch {
			valid = false;
		}
	}
	if (!valid) {
		throw new KieInputError(
			source.param,
			raw,
			`${subject(source, raw)} is not an absolute http(s) URL` +
				(source.allowedUrls ? `. Allowed: ${source.allowedUrls}` : ''),
			'http:// or https:// URLs',
		);
	}
	return text;
}

const LIST_SEPARATOR = /\s*(?:,|\r?\n)\s*/;

/**
 * Image URLs from a list, a JSON array text, or a comma/newline separated text.
 * Empty entries inside a list are errors, not silently dropped.
 */
export function parseUrlList(raw: unknown, source: Source): string[] {
	if (raw === undefined || raw === null) return [];
	let entries: unknown[];
	if (Array.isArray(raw)) {
		entries = raw;
	} else if (typeof raw === 'string') {
		const text = raw.trim();
		if (text === '') return [];
		const fromJson = text.startsWith('[') ? parseJsonArray(text) : undefined;
		entries = fromJson ?? text.split(LIST_SEPARATOR);
	} else {
		throw new KieInputError(
			source.param,
			raw,
			`${source.label}${source.suffix ?? ''} must be a list of URLs or text with one URL per line or comma, got ${describeType(raw)} (${describeValue(raw)})`,
			'http:// or https:// URLs',
		);
	}
	return entries.map((entry) => checkUrl(entry, source));
}

function parseJsonArray(text: string): unknown[] | undefined {
	try {
		const parsed: unknown = JSON.parse(text);
		return Array.isArray(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}
