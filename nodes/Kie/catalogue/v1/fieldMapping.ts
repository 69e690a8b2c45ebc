/**
 * Version 1's panels on the catalogue: each of version 1's model values names a catalogue model,
 * and each of its parameters the Kie field it carries (v1/image.ts, v1/video.ts, v1/audio.ts).
 * Version 1's operations read their own parameters, and check/build (request.ts) do the rest,
 * so saved workflows send what the catalogue sends, named as their panel names it.
 */
import type { IDataObject } from 'n8n-workflow';

import { describeValue, KieInputError } from '../errors';
import { checkFieldValue } from '../fieldChecks';
import type { FieldData, FieldValue, ModelData } from '../modelData';
import { CATALOGUE } from '../modelCatalogue';
import { check, type Checked, type Naming } from '../request';

/** A version-1 parameter's Kie field, and what version 1's panel shows otherwise than the page. */
export interface V1Field {
	field: string;
	displayName?: string;
	description?: string;
	/** Panel names for option values that need more than the value itself. */
	optionNames?: Readonly<Record<string, string>>;
	/** The panel's default where the page gives none (sent when the field is required). */
	default?: FieldValue;
}

export interface V1FieldModel {
	/** The value of version 1's Model option. */
	value: string;
	/** The catalogue model's id, when it is not `value`. */
	id?: string;
	name: string;
	description: string;
	operations: readonly string[];
	/** Version-1 parameter → the field it carries. */
	fields: Readonly<Record<string, string | V1Field>>;
	/** Version-1 parameters of binary property names → the media field they fill. */
	binaries?: Readonly<Record<string, string>>;
}

/** How version 1's panel names a parameter in messages and, by default, in the panel. */
export interface V1Param {
	name: string;
	displayName: string;
	description?: string;
}

export function v1Field(entry: V1FieldModel, param: string): V1Field | undefined {
	const field = entry.fields[param];
	return typeof field === 'string' ? { field } : field;
}

const byId = new Map(CATALOGUE.map((model) => [model.id, model]));

/** The catalogue model behind a version-1 entry. */
export function catalogueModelOf(entry: V1FieldModel): ModelData {
	const model = byId.get(entry.id ?? entry.value);
	if (!model) throw new Error(`Version 1's model ${entry.value} is not in the catalogue`);
	return model;
}

/** The catalogue field a version-1 parameter carries for this entry. */
export function v1CatalogueField(entry: V1FieldModel, param: string): FieldData | undefined {
	const name = v1Field(entry, param)?.field;
	return name === undefined
		? undefined
		: catalogueModelOf(entry).fields.find((field) => field.name === name);
}

/** The value version 1's panel starts a parameter at for this entry. */
export function v1Default(entry: V1FieldModel, param: string): FieldValue | undefined {
	return v1Field(entry, param)?.default ?? v1CatalogueField(entry, param)?.default;
}

const paramOf = (map: V1FieldModel['fields'] | undefined, field: FieldData) =>
	Object.entries(map ?? {}).find(
		([, value]) => (typeof value === 'string' ? value : value.field) === field.name,
	)?.[0];

/** Messages and the fields' parameters in version 1's names (the model named by its value). */
export function v1Naming(entry: V1FieldModel, params: readonly V1Param[]): Naming {
	const param = (field: FieldData) => paramOf(entry.fields, field) ?? `(${field.name})`;
	return {
		param,
		binaryParam: (field) => paramOf(entry.binaries, field) ?? `(${field.name})`,
		label: (field) => {
			const name = param(field);
			return (
				v1Field(entry, name)?.displayName ??
				params.find((p) => p.name === name)?.displayName ??
				field.name
			);
		},
		modelName: entry.value,
	};
}

/** The entry for a version-1 model value on an operation, or an error naming what it serves. */
export function v1Entry(
	entries: readonly V1FieldModel[],
	value: string,
	operation: string,
	operationNames: Readonly<Record<string, string>>,
): V1FieldModel {
	const entry = entries.find((candidate) => candidate.value === value);
	if (!entry) {
		throw new KieInputError(
			'model',
			value,
			`Unknown model ${describeValue(value)}. Choose a model from the list, or "Custom Model" to name any Kie jobs-API model`,
		);
	}
	if (!entry.operations.includes(operation)) {
		const serves = entry.operations.map((op) => operationNames[op] ?? op).join(' and ');
		throw new KieInputError(
			'model',
			value,
			`${value} is a model for the ${serves} operation, not ${operationNames[operation] ?? operation}`,
			serves,
		);
	}
	return entry;
}

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The item's version-1 values for check(), by version 1's names. A required field left empty
 * gets the panel's default, as version 1 always sent. `foreignDefault`: with Model set by an
 * expression, n8n fills in one model's default for every model's option (a value that is some
 * model's default and that this field refuses counts as not given).
 */
export function v1FieldParameters(
	entry: V1FieldModel,
	read: (param: string) => unknown,
	foreignDefault?: (param: string, value: unknown) => boolean,
): IDataObject {
	const parameters: IDataObject = {};
	const set = (param: string, value: unknown) => {
		if (value !== undefined && value !== null) parameters[param] = value as IDataObject[string];
	};
	for (const param of Object.keys(entry.fields)) {
		let value = read(param);
		const field = v1CatalogueField(entry, param);
		if (field?.enum && foreignDefault?.(param, value) && !accepts(field, value)) value = undefined;
		const fallback = v1Default(entry, param);
		if (isBlank(value) && field?.required && fallback !== undefined) value = fallback;
		set(param, value);
	}
	for (const param of Object.keys(entry.binaries ?? {})) set(param, read(param));
	parameters.additionalInput = read('additionalInput') as IDataObject[string];
	return parameters;
}

function accepts(field: FieldData, value: unknown): boolean {
	try {
		checkFieldValue(field, value, { param: '', label: '', modelName: '' });
		return true;
	} catch {
		return false;
	}
}

export interface V1CheckOptions {
	callBackUrl?: string;
	/** See v1FieldParameters. */
	foreignDefault?: (param: string, value: unknown) => boolean;
}

/**
 * A version-1 operation's input, read by `read(parameter)`, checked against the catalogue model
 * its Model value names (nothing is sent yet). `needs`: a binaries parameter whose media field
 * must get at least one file (URLs or binaries) on this operation.
 */
export function checkV1(
	entries: readonly V1FieldModel[],
	params: readonly V1Param[],
	operationNames: Readonly<Record<string, string>>,
	operation: string,
	value: string,
	read: (param: string) => unknown,
	options: V1CheckOptions & { needs?: string } = {},
): { checked: Checked; naming: Naming } {
	const entry = v1Entry(entries, value, operation, operationNames);
	const parameters = v1FieldParameters(entry, read, options.foreignDefault);
	const naming = v1Naming(entry, params);
	// Version 1's values were all set on purpose (check's asGiven).
	const checked = check(catalogueModelOf(entry), parameters, options.callBackUrl, true, naming);
	const needed = options.needs && entry.binaries?.[options.needs];
	if (needed && !checked.media.some((media) => media.field.name === needed)) {
		const field = catalogueModelOf(entry).fields.find((candidate) => candidate.name === needed)!;
		const param = naming.param(field);
		const label = naming.label(field);
		throw new KieInputError(
			param,
			parameters[param],
			`${label} is empty; ${value} needs at least 1 input ${field.media} (URLs or binary properties), got 0 (${label}: ${describeValue(parameters[param] ?? '')})`,
			`at least one ${field.media}`,
		);
	}
	return { checked, naming };
}
