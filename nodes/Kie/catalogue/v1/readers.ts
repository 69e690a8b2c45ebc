/** Version 1's own values: its choices (with their aliases) and its durations in seconds. */
import { describeType, describeValue, KieInputError } from '../errors';
import { normaliseEnum, type Source } from '../inputs';
import type { V1Choice, V1Field, V1Seconds } from './mapping';

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export const aliasOf = (spec: Pick<V1Field, 'aliases'>, raw: string) =>
	Object.entries(spec.aliases ?? {}).find(
		([name]) => name.toLowerCase() === raw.trim().toLowerCase(),
	)?.[1];

export function readChoice(
	spec: V1Choice,
	raw: unknown,
	modelId: string,
	source: Source,
): string | undefined {
	return (
		(typeof raw === 'string' && aliasOf(spec, raw)) || normaliseEnum(spec, raw, modelId, source)
	);
}

function allowedSeconds(spec: V1Seconds): string {
	return spec.options
		? spec.options.map((value) => `${value}`).join(', ')
		: `${spec.min ?? 1} to ${spec.max ?? '∞'} (whole seconds)`;
}

/** Seconds as a number or numeric text ("5", "5s"), checked against v1's list or range. */
export function readSeconds(
	spec: V1Seconds,
	raw: unknown,
	modelId: string,
	source: Source,
): number | undefined {
	if (isBlank(raw) || raw === 0) return undefined;
	const text =
		typeof raw === 'number'
			? String(raw)
			: typeof raw === 'string'
				? raw.trim().replace(/\s*s(ec(onds?)?)?$/i, '')
				: undefined;
	const seconds = text !== undefined && /^\d+(\.0+)?$/.test(text) ? Number(text) : NaN;
	const allowed = allowedSeconds(spec);
	if (!Number.isInteger(seconds)) {
		throw new KieInputError(
			source.param,
			raw,
			`${source.label} ${describeValue(raw)} is not a whole number of seconds (${describeType(raw)}). Allowed for ${modelId}: ${allowed}`,
			allowed,
		);
	}
	const fits = spec.options
		? spec.options.includes(seconds)
		: seconds >= (spec.min ?? 1) && seconds <= (spec.max ?? Infinity);
	if (!fits) {
		throw new KieInputError(
			source.param,
			raw,
			`${source.label} ${describeValue(raw)} is not supported by ${modelId}. Allowed: ${allowed} seconds`,
			allowed,
		);
	}
	return seconds;
}
