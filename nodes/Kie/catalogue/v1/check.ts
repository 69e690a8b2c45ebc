/**
 * Version 1's Image → Generate and Edit: its Model value on the operation, its parameters read by
 * the one mapping (v1Parameters) and checked by the catalogue, the messages in its panel's labels.
 */
import { describeValue, KieInputError } from '../errors';
import type { FieldData } from '../modelData';
import { catalogueModel } from '../modelCatalogue';
import { check, panelNaming, type Checked, type Naming } from '../request';
import {
	v1Error,
	v1FieldOf,
	v1Fields,
	v1Parameters,
	v1ParamOf,
	type V1Model,
	type V1Param,
	type V1Values,
} from './mapping';

/** The entry for a version-1 model value on an operation, or an error naming what it serves. */
export function v1Entry(
	entries: readonly V1Model[],
	value: string,
	operation: string,
	operationNames: Readonly<Record<string, string>>,
): V1Model {
	const entry = entries.find((candidate) => candidate.id === value);
	if (!entry) {
		throw new KieInputError(
			'model',
			value,
			`Unknown model ${describeValue(value)}. Choose a model from the list, or "Custom Model" to name any Kie jobs-API model`,
		);
	}
	const operations = entry.operations ?? [];
	if (!operations.includes(operation)) {
		const serves = operations.map((op) => operationNames[op] ?? op).join(' and ');
		throw new KieInputError(
			'model',
			value,
			`${value} is a model for the ${serves} operation, not ${operationNames[operation] ?? operation}`,
			serves,
		);
	}
	return entry;
}

export interface V1CheckOptions {
	callBackUrl?: string;
	/** Model is an expression: n8n gave every model's option one model's default (v1Parameters). */
	foreignDefault?: (param: string, value: unknown) => boolean;
}

/**
 * A version-1 operation's input, read by `read(parameter)`, checked against the catalogue model
 * its Model value names (nothing is sent yet). `needsImages`: the model's images must get at
 * least one file (URLs or binaries) on this operation. The naming is v1's, for the uploads.
 */
export function checkV1(
	entries: readonly V1Model[],
	params: readonly V1Param[],
	operationNames: Readonly<Record<string, string>>,
	operation: string,
	value: string,
	read: (param: string) => unknown,
	options: V1CheckOptions & { needsImages?: boolean } = {},
): { checked: Checked; naming: Naming } {
	const v1 = v1Entry(entries, value, operation, operationNames);
	const model = catalogueModel(v1.id);
	if (!model) throw new Error(`Version 1's model ${v1.id} is not in the catalogue`);
	const values: V1Values = {};
	for (const [param] of v1Fields(v1)) values[param] = read(param);
	if (v1.images) values.binaryProperties = read('binaryProperties');

	const label = (field: FieldData) => {
		const param = v1ParamOf(v1, field.name);
		if (param === undefined) return field.name;
		const shown = v1FieldOf(v1, param)?.displayName;
		return shown ?? params.find((candidate) => candidate.name === param)?.displayName ?? field.name;
	};
	const naming: Naming = {
		param: (field) => v1ParamOf(v1, field.name) ?? `(${field.name})`,
		binaryParam: (field) => (field.name === v1.images ? 'binaryProperties' : `(${field.name})`),
		label,
		modelName: v1.id,
	};
	let checked: Checked;
	const run = v1Parameters(model, v1, values, options.foreignDefault !== undefined);
	// No aliases to apply: Additional Input goes to check() as given (its errors after the fields').
	const parameters = { ...run.parameters, additionalInput: read('additionalInput') };
	try {
		// Version 1's values were all set on purpose (check's asGiven).
		const labelled = { ...panelNaming(model), label, modelName: v1.id };
		checked = check(model, parameters, options.callBackUrl, true, labelled);
	} catch (error) {
		throw v1Error(error, run.v1Names);
	}
	if (options.needsImages && v1.images) {
		const images = v1.images;
		if (!checked.media.some((media) => media.field.name === images)) {
			const field = model.fields.find((candidate) => candidate.name === images)!;
			throw new KieInputError(
				'imageUrls',
				values.imageUrls,
				`${label(field)} is empty; ${v1.id} needs at least 1 input ${field.media} (URLs or binary properties), got 0 (${label(field)}: ${describeValue(values.imageUrls ?? '')})`,
				`at least one ${field.media}`,
			);
		}
	}
	return { checked, naming };
}
