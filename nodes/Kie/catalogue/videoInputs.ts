/** Readers and checks for the video fields: enums with aliases, durations, Additional Input, rules. */
import type { IDataObject } from 'n8n-workflow';

import { describeType, describeValue, KieInputError } from './errors';
import { checkUrl, normaliseEnum, parseUrlList, readPrompt, type Source } from './inputs';
import type { CommonVideoFields, DurationSpec, VideoEnumSpec, VideoModelSpec } from './videoTypes';

const FROM_ADDITIONAL = ' (from Additional Input)';

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export function readEnum(
	spec: VideoEnumSpec,
	raw: unknown,
	modelId: string,
	source: Source,
): string | undefined {
	if (typeof raw === 'string' && spec.aliases) {
		const wanted = raw.trim().toLowerCase();
		const alias = Object.entries(spec.aliases).find(([name]) => name.toLowerCase() === wanted);
		if (alias) return alias[1];
	}
	return normaliseEnum(spec, raw, modelId, source);
}

export function allowedSeconds(spec: DurationSpec): string {
	return spec.options
		? spec.options.map((value) => `${value}`).join(', ')
		: `${spec.min ?? 1} to ${spec.max ?? '∞'} (whole seconds)`;
}

export function sendDuration(spec: DurationSpec, seconds: number): string | number {
	return spec.send === 'string' ? String(seconds) : seconds;
}

/** Seconds as a number or numeric text ("5", "5s"), checked against the model's list or range. */
export function readDuration(
	spec: DurationSpec,
	raw: unknown,
	modelId: string,
	source: Source,
): string | number | undefined {
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
			`${source.label} ${describeValue(raw)}${source.suffix ?? ''} is not a whole number of seconds (${describeType(raw)}). Allowed for ${modelId}: ${allowed}`,
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
			`${source.label} ${describeValue(raw)}${source.suffix ?? ''} is not supported by ${modelId}. Allowed: ${allowed} seconds`,
			allowed,
		);
	}
	return sendDuration(spec, seconds);
}

/** Validates (and normalises in place) a key of Additional Input that the model knows. */
export function checkAdditionalKey(model: VideoModelSpec, key: string, input: IDataObject): void {
	const source: Source = { param: 'additionalInput', label: key, suffix: FROM_ADDITIONAL };
	const value = input[key];
	const set = (normalised: unknown) => {
		if (normalised === undefined) delete input[key];
		else input[key] = normalised as IDataObject[string];
	};
	if (key === model.prompt.field) return set(readPrompt(model.prompt, value, model.id, source));
	if (model.images && key === model.images.field) {
		if (isBlank(value)) return set(undefined);
		return set(
			model.images.kind === 'single' && !Array.isArray(value)
				? [checkUrl(value, source)]
				: parseUrlList(value, source),
		);
	}
	for (const spec of [model.aspectRatio, model.resolution]) {
		if (spec?.field === key) return set(readEnum(spec, value, model.id, source));
	}
	if (model.duration?.field === key)
		return set(readDuration(model.duration, value, model.id, source));
	const extra = model.extraFields?.find((candidate) => candidate.field === key);
	if (!extra || value === undefined || value === null) return;
	const fail = (allowed: string) => {
		throw new KieInputError(
			'additionalInput',
			value,
			`${key} ${describeValue(value)}${FROM_ADDITIONAL} is not valid for ${model.id}. Allowed: ${allowed}`,
			allowed,
		);
	};
	if (extra.type === 'boolean' && typeof value !== 'boolean') fail('true or false');
	if (extra.type === 'string' && typeof value !== 'string') fail('text');
	if (extra.type === 'enum') {
		const match = extra.options.find(
			(option) => option.toLowerCase() === String(value).toLowerCase(),
		);
		if (typeof value !== 'string' || !match) fail(extra.options.join(', '));
		else input[key] = match;
	}
	if (extra.type === 'integer') {
		const range = `a whole number from ${extra.min ?? '-∞'} to ${extra.max ?? '∞'}`;
		if (typeof value !== 'number' || !Number.isInteger(value)) fail(range);
		else if (
			(extra.min !== undefined && value < extra.min) ||
			(extra.max !== undefined && value > extra.max)
		)
			fail(range);
	}
}

export function checkImages(
	model: VideoModelSpec,
	input: IDataObject,
	additional: IDataObject,
	fields: CommonVideoFields,
	uploadedUrls: readonly string[],
): void {
	const spec = model.images!;
	const value = input[spec.field];
	const count = Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
	const param = Object.prototype.hasOwnProperty.call(additional, spec.field)
		? 'additionalInput'
		: count > 0 && uploadedUrls.length === count
			? 'binaryProperties'
			: 'imageUrls';
	const raw =
		param === 'additionalInput'
			? additional[spec.field]
			: param === 'imageUrls'
				? fields.imageUrls
				: uploadedUrls;
	const plural = (n: number) => (n === 1 ? 'image' : 'images');
	const range = spec.min === spec.max ? `exactly ${spec.min}` : `${spec.min} to ${spec.max}`;
	if (count > spec.max || count < spec.min) {
		throw new KieInputError(
			param,
			raw,
			count > spec.max
				? `${model.id} accepts at most ${spec.max} input ${plural(spec.max)} (${spec.role}), got ${count}: ${describeValue(value)}`
				: `${model.id} needs ${range} input ${plural(spec.max)} (${spec.role}) from Image URLs or binary properties, got ${count}`,
			`${range} ${plural(spec.max)}`,
		);
	}
	if (spec.kind === 'single' && Array.isArray(value)) {
		if (value.length === 0) delete input[spec.field];
		else input[spec.field] = value[0];
	}
}

export function checkRules(
	model: VideoModelSpec,
	input: IDataObject,
	fields: CommonVideoFields,
): void {
	for (const rule of model.rules ?? []) {
		const applies = Object.entries(rule.when).every(([field, values]) =>
			values === '*'
				? !isBlank(input[field]) && !(Array.isArray(input[field]) && input[field].length === 0)
				: values.some((wanted) => wanted === input[field]),
		);
		const value = input[rule.field];
		if (!applies || value === undefined || rule.allowed.some((allowed) => allowed === value))
			continue;
		const condition = Object.entries(rule.when)
			.map(([field, values]) =>
				values === '*' ? `${field} set` : `${field} ${describeValue(input[field])}`,
			)
			.join(' and ');
		const allowed = rule.allowed.join(', ');
		throw new KieInputError(
			rule.param,
			rule.param === 'additionalInput'
				? fields.additionalInput
				: fields[rule.param as keyof CommonVideoFields],
			`${rule.field} ${describeValue(value)} is not possible with ${condition}: ${rule.reason}. Allowed: ${allowed}`,
			allowed,
		);
	}
}
