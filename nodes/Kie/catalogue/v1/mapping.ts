/**
 * Node version 1 on the one pipeline: a v1 model's parameters (Aspect Ratio, Resolution, Duration,
 * Image URLs, …: one parameter name for every model) read in the values v1's panel offered, then
 * handed to `check`/`build` under the catalogue model's own parameter names. Errors the pipeline
 * raises name the v1 parameter to fix (see `v1Error`).
 */
import { describeType, describeValue, KieInputError } from '../errors';
import { parseAdditionalInput } from '../fieldChecks';
import { binaryParameterName, parameterName } from '../fields';
import { isSomeModelsDefault } from '../foreignDefaults';
import { normaliseEnum, parseUrlList, type Source } from '../inputs';
import type { FieldValue, ModelData } from '../modelData';
import type { Parameters } from '../request';
import type { EnumFieldSpec } from '../types';

/**
 * A v1 panel's choice (Aspect Ratio, Resolution, …) for one model: the Kie field it fills, the
 * values it offers (`required`: v1 sent the default when it was left empty).
 */
export interface V1Choice extends EnumFieldSpec {
	/** Other spellings v1 took, onto the model's value (compared case-insensitively). */
	aliases?: Readonly<Record<string, string>>;
}

/** A v1 Duration (seconds): a list or a range. */
export interface V1Seconds {
	field: string;
	options?: readonly number[];
	min?: number;
	max?: number;
	default: number;
	required?: boolean;
}

/** What a v1 choice (a Model value, an API) runs as: a catalogue model, and v1's parameters on it. */
export interface V1Mapping {
	/** The catalogue model. */
	id: string;
	/** v1 parameters that fill a Kie field as they are (checked by the catalogue). */
	parameters?: Readonly<Record<string, string>>;
	/** The media field v1's Image URLs and Input Binary Properties fill. */
	images?: string;
	aspectRatio?: V1Choice;
	resolution?: V1Choice;
	duration?: V1Seconds;
	/** Kie fields v1 sent with these values unless a parameter or Additional Input set them. */
	defaults?: Readonly<Record<string, FieldValue>>;
	/** Body fields v1 sent beside the model's own; `{name}` is the body's value of `name`. */
	body?: Readonly<Record<string, string>>;
	/** The task's model and learning kind as v1 named them (templates like `body`; `names`: v1's for values). */
	task?: { model: string; kind: string; names?: Readonly<Record<string, string>> };
}

/** One v1 Model value: the catalogue model of the same id, and what v1's panel shows for it. */
export interface V1Model extends V1Mapping {
	displayName: string;
	description: string;
}

/** The v1 parameters of a model run, as n8n gives them. */
export interface V1Values {
	[param: string]: unknown;
	prompt?: unknown;
	aspectRatio?: unknown;
	resolution?: unknown;
	duration?: unknown;
	imageUrls?: unknown;
	binaryProperties?: unknown;
	additionalInput?: unknown;
}

const CHOICES = ['aspectRatio', 'resolution'] as const;
const LABELS = { aspectRatio: 'Aspect Ratio', resolution: 'Resolution', duration: 'Duration' };

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const aliasOf = (spec: V1Choice, raw: string) =>
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

/**
 * With Model set by an expression n8n fills one model's default into every model's field: a
 * value that is some model's default and that this model does not take counts as not given.
 */
function withoutForeignDefault(accepts: () => unknown, param: string, value: unknown): unknown {
	if (!isSomeModelsDefault(param as 'aspectRatio', value)) return value;
	try {
		accepts();
		return value;
	} catch {
		return undefined;
	}
}

export interface V1Run {
	/** The catalogue model's parameters, for check(). */
	parameters: Parameters;
	/** The catalogue's parameter name → the v1 parameter that gave it. */
	v1Names: ReadonlyMap<string, string>;
}

/**
 * v1's values of one model → the catalogue model's parameters. v1's own promises are kept here
 * (its values and aliases, its defaults for empty fields); everything else is check()'s.
 */
export function v1Parameters(
	model: ModelData,
	v1: V1Mapping,
	values: V1Values,
	modelIsExpression = false,
): V1Run {
	const fields: Record<string, unknown> = {};
	const from = new Map<string, string>();
	const fieldOf = (name: string) => model.fields.find((field) => field.name === name);
	const relax = (param: string, value: unknown, accepts: () => unknown) =>
		modelIsExpression ? withoutForeignDefault(accepts, param, value) : value;

	// v1's Prompt fills `prompt` unless the model names another field for it (ElevenLabs' text).
	if (!isBlank(values.prompt) && !v1.parameters?.prompt) fields.prompt = values.prompt;
	for (const [param, field] of Object.entries(v1.parameters ?? {})) {
		if (!isBlank(values[param])) fields[field] = values[param];
		from.set(field, param);
	}
	for (const param of CHOICES) {
		const spec = v1[param];
		if (!spec) continue;
		const source = { param, label: spec.displayName ?? LABELS[param] };
		const raw = relax(param, values[param], () => readChoice(spec, values[param], v1.id, source));
		const value =
			readChoice(spec, raw, v1.id, source) ?? (spec.required ? spec.default : undefined);
		if (value !== undefined) fields[spec.field] = value;
		from.set(spec.field, param);
	}
	const duration = v1.duration;
	if (duration) {
		const source = { param: 'duration', label: LABELS.duration };
		const raw = relax('duration', values.duration, () =>
			readSeconds(duration, values.duration, v1.id, source),
		);
		const value =
			readSeconds(duration, raw, v1.id, source) ??
			(duration.required ? duration.default : undefined);
		if (value !== undefined) fields[duration.field] = value;
		from.set(duration.field, 'duration');
	}
	const binaries: Record<string, unknown> = {};
	if (v1.images) {
		fields[v1.images] = values.imageUrls;
		binaries[v1.images] = values.binaryProperties;
		from.set(v1.images, 'imageUrls');
	} else {
		const listed = parseUrlList(values.imageUrls, { param: 'imageUrls', label: 'Image URL' });
		if (listed.length > 0) {
			throw new KieInputError(
				'imageUrls',
				values.imageUrls,
				`${v1.id} takes no input images, got ${listed.length}: ${describeValue(listed)}. Pick an image-to-video model`,
				'no images',
			);
		}
	}
	for (const [name, value] of Object.entries(v1.defaults ?? {})) fields[name] ??= value;

	// v1 took its aliases in Additional Input too (Sora's {"aspect_ratio": "9:16"}).
	const additional = parseAdditionalInput(values.additionalInput);
	for (const spec of [v1.aspectRatio, v1.resolution]) {
		const value = additional[spec?.field ?? ''];
		if (spec?.aliases && typeof value === 'string') {
			additional[spec.field] = aliasOf(spec, value) ?? value;
		}
	}
	const parameters: Record<string, unknown> = { additionalInput: additional };
	const v1Names = new Map<string, string>();
	for (const field of model.fields) {
		const param = parameterName(model, field);
		v1Names.set(
			param,
			from.get(field.name) ?? (field.name === 'prompt' ? 'prompt' : 'additionalInput'),
		);
		if (fields[field.name] !== undefined) parameters[param] = fields[field.name];
		if (field.media) {
			const binaryParam = binaryParameterName(model, field);
			v1Names.set(binaryParam, from.has(field.name) ? 'binaryProperties' : 'additionalInput');
			if (binaries[field.name] !== undefined) parameters[binaryParam] = binaries[field.name];
		}
	}
	for (const name of Object.keys(fields)) {
		if (!fieldOf(name)) throw new Error(`v1 model ${v1.id}: ${model.id} has no field ${name}`);
	}
	return { parameters, v1Names };
}

/** A pipeline error naming the v1 parameter instead of the catalogue's. */
export function v1Error(error: unknown, v1Names: ReadonlyMap<string, string>): unknown {
	if (!(error instanceof KieInputError)) return error;
	const field = v1Names.get(error.field);
	if (field === undefined || field === error.field) return error;
	const renamed = new KieInputError(field, error.value, error.message, error.allowed);
	renamed.stack = error.stack;
	return renamed;
}

const fill = (
	template: string,
	body: Record<string, unknown>,
	names: Record<string, string> = {},
) =>
	template.replace(/\{(\w+)\}/g, (_, key: string) => names[String(body[key])] ?? String(body[key]));

/** The request as v1 sent it: its extra body fields, the task's model and kind as v1 named them. */
export function withV1Request<
	T extends { body: Record<string, unknown>; model: string; kind?: string },
>(v1: V1Mapping, request: T): T {
	const body = { ...request.body };
	for (const [name, template] of Object.entries(v1.body ?? {})) body[name] = fill(template, body);
	const task = v1.task;
	if (!task) return { ...request, body };
	return {
		...request,
		body,
		model: fill(task.model, body, task.names),
		kind: fill(task.kind, body, task.names),
	};
}
