/** When a model's FieldRule holds, and the text limits its rules set (modelData.ts). */
import type { IDataObject } from 'n8n-workflow';

import type { FieldRule, FieldValue, ModelData } from './modelData';

/** Sent: not nothing, not empty text, not an empty list. */
export const present = (value: unknown) =>
	value !== undefined &&
	value !== null &&
	value !== '' &&
	!(Array.isArray(value) && value.length === 0);

/** Equal, or the same text in any case (`v4` is `V4`). */
export const sameValue = (a: FieldValue, b: FieldValue | undefined) =>
	a === b ||
	(typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase());

/** Every `when` entry of `rule` holds for the fields to send. */
export function ruleHolds(rule: FieldRule, fields: IDataObject): boolean {
	return Object.entries(rule.when ?? {}).every(([name, condition]) => {
		if (condition === 'present') return present(fields[name]);
		if (condition === 'absent') return !present(fields[name]);
		// A boolean left out is false (Kling 3.0's multi_shots).
		const value =
			fields[name] ?? (condition.every((c) => typeof c === 'boolean') ? false : undefined);
		return condition.some((wanted) => sameValue(wanted, value as FieldValue));
	});
}

/**
 * The most characters `model` takes in its text `field` when sent with `fields`: the field's own
 * limit and those of the rules that hold (Suno's per version and mode); undefined when none.
 */
export function textLimit(
	model: ModelData,
	field: string,
	fields: IDataObject,
): number | undefined {
	const limits = [
		model.fields.find((candidate) => candidate.name === field)?.maxLength,
		...(model.rules ?? [])
			.filter((rule) => rule.field === field && ruleHolds(rule, fields))
			.map((rule) => rule.maxLength),
	].filter((limit): limit is number => limit !== undefined);
	return limits.length > 0 ? Math.min(...limits) : undefined;
}
