/**
 * One field's value checked against its page before anything is sent: type, enum (any case:
 * `4k` is `4K`), range, length, pattern, count, URLs; and Additional Input read as an object.
 * Errors name the parameter as the panel shows it, the value and what is allowed.
 */
import type { IDataObject } from 'n8n-workflow';

import { describeType, describeValue, KieInputError } from './errors';
import { checkUrl, describeImages, parseUrlList, type Source } from './inputs';
import type { FieldData, FieldValue } from './modelData';

/** Where a value came from, for messages: the parameter and its label in the panel. */
export interface Blame {
	param: string;
	label: string;
	modelName: string;
	/** After the value, e.g. ' (from Additional Input)'. */
	suffix?: string;
}

const subject = (blame: Blame, raw: unknown) =>
	`${blame.label} ${describeValue(raw)}${blame.suffix ?? ''}`;

function refuse(blame: Blame, raw: unknown, problem: string, allowed: string): never {
	throw new KieInputError(
		blame.param,
		raw,
		`${subject(blame, raw)} ${problem} (${blame.modelName}). Allowed: ${allowed}`,
		allowed,
	);
}

/** A value that is not text where text is wanted ("must be text, got an object ({…})"). */
function refuseType(blame: Blame, raw: unknown, allowed: string): never {
	throw new KieInputError(
		blame.param,
		raw,
		`${blame.label}${blame.suffix ?? ''} must be text, got ${describeType(raw)} (${describeValue(raw)})`,
		allowed,
	);
}

const comparable = (value: string) =>
	value
		.toLowerCase()
		.replace(/\s+/g, '')
		.replace(/^jpeg$/, 'jpg');

function checkEnum(field: FieldData, raw: unknown, blame: Blame): string | number {
	const values = field.enum!;
	const allowed = values.join(', ');
	const exact = values.find((value) => value === raw);
	if (exact !== undefined) return exact;
	if (typeof raw !== 'string' && typeof raw !== 'number') return refuseType(blame, raw, allowed);
	const wanted = comparable(String(raw).trim());
	const match = values.find((value) => comparable(String(value)) === wanted);
	if (match !== undefined) return match;
	throw new KieInputError(
		blame.param,
		raw,
		`${subject(blame, raw)} is not supported by ${blame.modelName}. Allowed: ${allowed}`,
		allowed,
	);
}

function checkNumber(field: FieldData, raw: unknown, blame: Blame): number {
	const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
	const range = `${field.type === 'integer' ? 'a whole number' : 'a number'}${
		field.minimum !== undefined || field.maximum !== undefined
			? ` from ${field.minimum ?? '-∞'} to ${field.maximum ?? '∞'}`
			: ''
	}`;
	if (typeof n !== 'number' || !Number.isFinite(n))
		return refuse(blame, raw, 'is not a number', range);
	if (field.type === 'integer' && !Number.isInteger(n)) {
		return refuse(blame, raw, 'is not a whole number', range);
	}
	if (
		(field.minimum !== undefined && n < field.minimum) ||
		(field.maximum !== undefined && n > field.maximum)
	) {
		return refuse(blame, raw, 'is out of range', range);
	}
	return n;
}

function checkText(field: FieldData, raw: unknown, blame: Blame): string {
	// A number is text the way Kie reads it (a duration of 6); a list or object is not.
	if (typeof raw !== 'string' && typeof raw !== 'number') return refuseType(blame, raw, 'text');
	const text = String(raw).trim();
	const length = [...text].length;
	const tooLong = field.maxLength !== undefined && length > field.maxLength;
	if (tooLong || (field.minLength !== undefined && length < field.minLength)) {
		const limit = tooLong
			? `accepts at most ${field.maxLength}`
			: `needs at least ${field.minLength}`;
		throw new KieInputError(
			blame.param,
			raw,
			`${subject(blame, raw)} is ${length} characters long; ${blame.modelName} ${limit}`,
			`${field.minLength ?? 0} to ${field.maxLength ?? '∞'} characters`,
		);
	}
	if (field.pattern !== undefined && !new RegExp(field.pattern).test(text)) {
		return refuse(blame, raw, 'does not have the expected form', `text matching ${field.pattern}`);
	}
	return text;
}

function checkBoolean(raw: unknown, blame: Blame): boolean {
	if (typeof raw === 'boolean') return raw;
	if (typeof raw === 'string' && /^(true|false)$/i.test(raw.trim())) {
		return raw.trim().toLowerCase() === 'true';
	}
	return refuse(blame, raw, 'is not true or false', 'true, false');
}

function parseJson(raw: unknown, blame: Blame, wanted: 'array' | 'object'): unknown {
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			return refuse(
				blame,
				raw,
				`is not valid JSON (${(error as Error).message})`,
				`a JSON ${wanted}`,
			);
		}
	}
	const fits = wanted === 'array' ? Array.isArray(value) : isPlainObject(value);
	if (!fits)
		return refuse(
			blame,
			raw,
			`is ${describeType(value)}, not a JSON ${wanted}`,
			`a JSON ${wanted}`,
		);
	return value;
}

const isPlainObject = (value: unknown): value is IDataObject =>
	Object.prototype.toString.call(value) === '[object Object]';

function checkCount(field: FieldData, count: number, raw: unknown, blame: Blame): void {
	const { minItems, maxItems } = field;
	if (
		(maxItems !== undefined && count > maxItems) ||
		(minItems !== undefined && count < minItems && count > 0)
	) {
		const range =
			minItems === maxItems
				? `exactly ${maxItems}`
				: `${minItems ?? 0} to ${maxItems ?? 'any number of'}`;
		refuse(blame, raw, `has ${count} entries`, `${range} entries`);
	}
}

/**
 * One field's value, checked against its page and normalised (`4k` → `4K`, numbers from text,
 * URLs trimmed); undefined when empty. Media fields get their URLs only (binaries are counted
 * by the caller). Throws KieInputError naming the parameter, the value and what is allowed.
 */
export function checkFieldValue(
	field: FieldData,
	raw: unknown,
	blame: Blame,
): FieldValue | undefined {
	if (isBlank(raw)) return undefined;
	if (field.media) {
		const source: Source = {
			param: blame.param,
			// One URL at a time: "Image URL", not "Image URLs" or "Video URL URL".
			// A key of Additional Input stays as written.
			label:
				blame.suffix || /\bURLs?$/.test(blame.label)
					? blame.label.replace(/URLs$/, 'URL')
					: `${blame.label} URL`,
			suffix: blame.suffix,
			allowedUrls: 'http:// or https:// URLs Kie can download (or binary properties)',
		};
		if (field.type === 'array') return parseUrlList(raw, source);
		// A list for one URL: checkMediaCount refuses more than one, naming them all.
		if (Array.isArray(raw))
			return raw.length === 1 ? checkUrl(raw[0], source) : parseUrlList(raw, source);
		return checkUrl(raw, source);
	}
	if (field.enum) return checkEnum(field, raw, blame);
	switch (field.type) {
		case 'integer':
		case 'number':
			return checkNumber(field, raw, blame);
		case 'boolean':
			return checkBoolean(raw, blame);
		case 'array': {
			const list = Array.isArray(raw) ? raw : parseJson(raw, blame, 'array');
			checkCount(field, (list as unknown[]).length, raw, blame);
			return list as FieldValue;
		}
		case 'object':
			return parseJson(raw, blame, 'object') as FieldValue;
		default:
			return checkText(field, raw, blame);
	}
}

const mediaNoun = (field: FieldData, count: number) =>
	`input ${field.media === 'audio' ? 'audio file' : field.media}${count === 1 ? '' : 's'}`;

/**
 * The count of a media list, uploads included (`binaries` first, then the URLs). `binaryParam`
 * is blamed when only binaries were given.
 */
export function checkMediaCount(
	field: FieldData,
	binaries: readonly string[],
	urls: readonly string[],
	raw: unknown,
	blame: Blame,
	binaryParam = blame.param,
): void {
	const count = binaries.length + urls.length;
	const max = field.type === 'array' ? field.maxItems : 1;
	const min = field.minItems ?? 0;
	const tooMany = max !== undefined && count > max;
	if (!tooMany && !(count < min && count > 0)) return;
	const range = min === max ? `exactly ${min}` : `${min} to ${max ?? 'any number of'}`;
	const param = urls.length === 0 && binaries.length > 0 ? binaryParam : blame.param;
	const value = param === blame.param ? raw : `${binaries.length} binary properties`;
	throw new KieInputError(
		param,
		value,
		tooMany
			? `${blame.modelName} accepts at most ${max} ${mediaNoun(field, max)}, got ${count}: ${describeImages(binaries.length, urls)}`
			: `${blame.label} ${describeImages(binaries.length, urls)} has ${count} ${mediaNoun(field, count)}; ${blame.modelName} needs ${min === max ? 'exactly' : 'at least'} ${min}`,
		field.type === 'array' ? `${range} ${mediaNoun(field, 2)}` : 'one URL',
	);
}

/** Nothing, or white space: Additional Input left empty (its `[]` is refused as not an object). */
const isBlankText = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Blank text, nothing or an empty list: a field left empty, so nothing is sent for it. */
export const isBlank = (value: unknown) =>
	isBlankText(value) || (Array.isArray(value) && value.length === 0);

/** Additional Input as an object: '' and nothing are {}, JSON text must be an object. */
export function parseAdditionalInput(raw: unknown): IDataObject {
	if (isBlankText(raw)) return {};
	let value = raw;
	if (typeof raw === 'string') {
		let parseError: string | undefined;
		try {
			value = JSON.parse(raw);
		} catch (error) {
			parseError = (error as Error).message;
		}
		if (parseError !== undefined) {
			throw new KieInputError(
				'additionalInput',
				raw,
				`Additional Input is not valid JSON (${parseError}): ${describeValue(raw)}`,
				'a JSON object, e.g. {"seed": 42}',
			);
		}
	}
	if (!isPlainObject(value)) {
		throw new KieInputError(
			'additionalInput',
			raw,
			`Additional Input must be a JSON object, got ${describeType(value)} (${describeValue(value)})`,
			'a JSON object, e.g. {"seed": 42}',
		);
	}
	refuseObjectMachineryKeys(value, raw);
	return { ...value };
}

const OBJECT_MACHINERY_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `__proto__`, `constructor` and `prototype` are no model's field: as keys they reach JavaScript's
 * object machinery instead (a `__proto__` key skipped the checks and vanished from the request).
 * Refused by name, at any depth.
 */
function refuseObjectMachineryKeys(value: unknown, raw: unknown, path = ''): void {
	if (typeof value !== 'object' || value === null) return;
	for (const [key, entry] of Object.entries(value)) {
		const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
		if (!Array.isArray(value) && OBJECT_MACHINERY_KEYS.has(key)) {
			throw new KieInputError(
				'additionalInput',
				raw,
				`Additional Input has the key "${at}", which is not allowed: __proto__, constructor and prototype are never model fields`,
				"the model's own field names",
			);
		}
		refuseObjectMachineryKeys(entry, raw, at);
	}
}
