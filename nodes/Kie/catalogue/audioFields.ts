/** Readers the audio requests share: booleans, Additional Input, optional fields, Suno's texts. */
import type { IDataObject } from 'n8n-workflow';

import type { KnownOptionalFields } from './audioTypes';
import { describeType, describeValue, KieInputError } from './errors';
import { normaliseEnum, parseAdditionalInput, readPrompt, type Source } from './inputs';

export const FROM_ADDITIONAL = ' (from Additional Input)';
const NODE_SET_KEYS = ['model', 'callBackUrl'];

export function readBoolean(raw: unknown, source: Source, fallback: boolean): boolean {
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

/**
 * `keys`: the fields the node sets itself. Custom Model passes only callBackUrl: its Additional
 * Input is the jobs `input`, whose `model` is the model's own field (Suno on the jobs API takes its
 * version there) and never the node's model id.
 */
export function readAdditional(raw: unknown, keys: readonly string[] = NODE_SET_KEYS): IDataObject {
	const additional = parseAdditionalInput(raw);
	for (const key of keys) {
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
export function checkOptional(
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
export function sunoText(
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

export function requireText(name: string, value: unknown, why: string): never {
	const label = name.charAt(0).toUpperCase() + name.slice(1);
	throw new KieInputError(
		name,
		value,
		`${label} is empty (${describeValue(value ?? '')}); ${why}`,
		'non-empty text',
	);
}
