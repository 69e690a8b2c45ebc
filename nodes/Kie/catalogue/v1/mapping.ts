/**
 * Node version 1 on the one pipeline: a v1 model's parameters (Aspect Ratio, Resolution, Duration,
 * Image URLs, …: one parameter name for every model) read in the values v1's panel offered, then
 * handed to `check`/`build` under the catalogue model's own parameter names. Errors the pipeline
 * raises name the v1 parameter to fix (see `v1Error`).
 */
import { describeValue, KieInputError } from '../errors';
import { checkFieldValue, parseAdditionalInput } from '../fieldChecks';
import { binaryParameterName, parameterName } from '../fields';
import { isSomeModelsDefault } from '../foreignDefaults';
import { parseUrlList } from '../inputs';
import type { FieldData, FieldValue, ModelData } from '../modelData';
import { catalogueModel } from '../modelCatalogue';
import type { Parameters } from '../request';
import type { EnumFieldSpec } from '../types';
import { aliasOf, readChoice, readSeconds } from './readers';

/**
 * The Kie field a v1 parameter fills, and what v1's panel shows otherwise than the page. With
 * `options` v1 offered its own values (checked here, `aliases` included); without, the page's.
 */
export interface V1Field {
	field: string;
	options?: readonly string[];
	/** The panel's default where the page gives none; sent when the field is left empty and required. */
	default?: FieldValue;
	/** v1 sent the default when the field was left empty, whatever the page says. */
	required?: boolean;
	displayName?: string;
	description?: string;
	/** Panel names for option values that need more than the value itself. */
	optionNames?: Readonly<Record<string, string>>;
	/** Other spellings v1 took, onto the model's value (compared case-insensitively). */
	aliases?: Readonly<Record<string, string>>;
}

/** A choice among v1's own values. */
export interface V1Choice extends V1Field, EnumFieldSpec {
	options: readonly string[];
	default: string;
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

/**
 * What a v1 choice (a Model value, an API) runs as: a catalogue model, and the Kie field each of
 * v1's parameters fills (`v1Fields` reads them all; Prompt fills `prompt` unless named here).
 */
export interface V1Mapping<Choice extends V1Field = V1Field> {
	/** The catalogue model (and v1's Model value). */
	id: string;
	/** v1 parameters that fill a Kie field as they are (checked by the catalogue). */
	parameters?: Readonly<Record<string, string | V1Field>>;
	/** The media field v1's Image URLs and Input Binary Properties fill. */
	images?: string;
	aspectRatio?: Choice;
	resolution?: Choice;
	duration?: V1Seconds;
	/** Kie fields v1 sent with these values unless a parameter or Additional Input set them. */
	defaults?: Readonly<Record<string, FieldValue>>;
	/** Body fields v1 sent beside the model's own; `{name}` is the body's value of `name`. */
	body?: Readonly<Record<string, string>>;
	/** The task's model and learning kind as v1 named them (templates like `body`; `names`: v1's for values). */
	task?: { model: string; kind?: string; names?: Readonly<Record<string, string>> };
}

/** How v1's panel names a parameter (in messages too), where the field does not say. */
export interface V1Param {
	name: string;
	displayName: string;
	description?: string;
}

/** One v1 Model value: the catalogue model of the same id, and what v1's panel shows for it. */
export interface V1Model<Choice extends V1Field = V1Field> extends V1Mapping<Choice> {
	displayName: string;
	description: string;
	/** The operations it serves, where the resource has several (Image: generate, edit). */
	operations?: readonly string[];
}

const asField = (spec: string | V1Field): V1Field =>
	typeof spec === 'string' ? { field: spec } : spec;

/** Every v1 parameter of a mapping and the field it fills: the one map from v1's names to Kie's. */
export function v1Fields(v1: V1Mapping): Array<[string, V1Field]> {
	const named: Array<[string, V1Field | undefined]> = [
		...Object.entries(v1.parameters ?? {}).map(([param, spec]): [string, V1Field] => [
			param,
			asField(spec),
		]),
		['aspectRatio', v1.aspectRatio],
		['resolution', v1.resolution],
		['duration', v1.duration && { ...v1.duration, options: undefined }],
		['imageUrls', v1.images === undefined ? undefined : { field: v1.images }],
	];
	if (!v1.parameters?.prompt) named.unshift(['prompt', { field: 'prompt' }]);
	return named.filter((entry): entry is [string, V1Field] => entry[1] !== undefined);
}

/** The field a v1 parameter fills. */
export const v1FieldOf = (v1: V1Mapping, param: string): V1Field | undefined =>
	v1Fields(v1).find(([name]) => name === param)?.[1];

/** The v1 parameter that fills a Kie field, if one does. */
export const v1ParamOf = (v1: V1Mapping, field: string): string | undefined =>
	v1Fields(v1).find(([, spec]) => spec.field === field)?.[0];

/** The value v1's panel starts a parameter at: its own default, else the page's. */
export function v1Default(v1: V1Mapping, param: string): FieldValue | undefined {
	const spec = v1FieldOf(v1, param);
	if (!spec) return undefined;
	return spec.default ?? catalogueModel(v1.id)?.fields.find((f) => f.name === spec.field)?.default;
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

const LABELS: Readonly<Record<string, string>> = {
	aspectRatio: 'Aspect Ratio',
	resolution: 'Resolution',
	duration: 'Duration',
};

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

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

function accepts(field: FieldData, value: unknown): void {
	checkFieldValue(field, value, { param: '', label: '', modelName: '' });
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
	const fieldOf = (name: string) => model.fields.find((field) => field.name === name);
	const relax = (param: string, value: unknown, accepts: () => unknown) =>
		modelIsExpression ? withoutForeignDefault(accepts, param, value) : value;

	for (const [param, spec] of v1Fields(v1)) {
		const source = { param, label: spec.displayName ?? LABELS[param] ?? param };
		const given = values[param];
		let value: unknown;
		if (param === 'imageUrls') continue;
		if (param === 'duration' && v1.duration) {
			const duration = v1.duration;
			const raw = relax(param, given, () => readSeconds(duration, given, v1.id, source));
			value =
				readSeconds(duration, raw, v1.id, source) ??
				(duration.required ? duration.default : undefined);
		} else if (spec.options) {
			// v1's own values: its aliases, and its default where it sent one.
			const choice = spec as V1Choice;
			const raw = relax(param, given, () => readChoice(choice, given, v1.id, source));
			value = readChoice(choice, raw, v1.id, source) ?? (spec.required ? spec.default : undefined);
		} else {
			// The page's values, checked by check(); a required one left empty gets the default.
			const field = fieldOf(spec.field);
			const raw = field?.enum ? relax(param, given, () => accepts(field, given)) : given;
			// An empty text is kept as given: check's refusal shows it.
			const fallback = isBlank(raw) && field?.required ? v1Default(v1, param) : undefined;
			value = fallback ?? (raw === null ? undefined : raw);
		}
		if (value !== undefined) fields[spec.field] = value;
	}
	const binaries: Record<string, unknown> = {};
	if (v1.images) {
		fields[v1.images] = values.imageUrls;
		binaries[v1.images] = values.binaryProperties;
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
	for (const [name, value] of Object.entries(v1.defaults ?? {})) {
		if (isBlank(fields[name])) fields[name] = value;
	}

	// v1 took its aliases in Additional Input too (Sora's {"aspect_ratio": "9:16"}).
	const additional = parseAdditionalInput(values.additionalInput);
	for (const [, spec] of v1Fields(v1)) {
		const value = additional[spec.field];
		if (spec.aliases && typeof value === 'string') {
			additional[spec.field] = aliasOf(spec, value) ?? value;
		}
	}
	const parameters: Record<string, unknown> = { additionalInput: additional };
	const v1Names = new Map<string, string>();
	for (const field of model.fields) {
		const param = parameterName(model, field);
		v1Names.set(param, v1ParamOf(v1, field.name) ?? 'additionalInput');
		if (fields[field.name] !== undefined) parameters[param] = fields[field.name];
		if (field.media) {
			const binaryParam = binaryParameterName(model, field);
			v1Names.set(binaryParam, field.name === v1.images ? 'binaryProperties' : 'additionalInput');
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
		...(task.kind === undefined ? {} : { kind: fill(task.kind, body, task.names) }),
	};
}
