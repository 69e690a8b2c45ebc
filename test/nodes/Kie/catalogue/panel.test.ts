/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Version 2's panel as n8n's editor computes it (n8n-workflow's displayParameter over the node's
 * description): for every catalogue model under each operation it serves, the model's fields and
 * nothing else, in the model's order, each as fieldProperties defines it; and the description
 * stays small.
 */
import { NodeHelpers, type INodeProperties, type INodeParameters } from 'n8n-workflow';

import { Kie } from '../../../../nodes/Kie/Kie.node';
import {
	binaryParameterName,
	fieldProperties,
	parameterName,
} from '../../../../nodes/Kie/catalogue/fields';
import { CATALOGUE } from '../../../../nodes/Kie/catalogue/modelCatalogue';
import { PICKERS } from '../../../../nodes/Kie/catalogue/panel';

const description = new Kie().description;
const node = { typeVersion: 2 };

/** Every parameter name that carries some model's field. */
const FIELD_PARAMETERS = new Set(
	CATALOGUE.flatMap((model) =>
		model.fields.flatMap((field) => [
			parameterName(model, field),
			...(field.media ? [binaryParameterName(model, field)] : []),
		]),
	),
);

/** The node's parameters for these values, with every shown parameter's default. */
const withDefaults = (values: INodeParameters) =>
	NodeHelpers.getNodeParameters(
		description.properties,
		values,
		true,
		false,
		node,
		description,
	) as INodeParameters;

/**
 * Of these properties, those shown for these parameters, in order (without displayOptions, nor
 * the node's mark for n8n's editor, `__v_skip`: actions/properties.ts).
 */
const visible = (
	properties: Array<INodeProperties & { __v_skip?: true }>,
	parameters: INodeParameters,
) =>
	properties
		.filter((property) => NodeHelpers.displayParameter(parameters, property, node, description))
		.map(
			({ displayOptions: _displayOptions, __v_skip: _raw, ...property }) =>
				property as INodeProperties,
		);

/** The parameters the panel shows for these values, in order (without displayOptions). */
function shown(values: INodeParameters): INodeProperties[] {
	return visible(description.properties, withDefaults(values));
}

describe('version 2 panel', () => {
	const cases = CATALOGUE.flatMap((model) =>
		model.operations.map(
			(operation) => [`${model.resource} ${operation} ${model.id}`, model, operation] as const,
		),
	);

	test.each(cases)('%s shows exactly its fields, in its order', (_, model, operation) => {
		const picker = PICKERS[model.resource];
		const values = { resource: model.resource, operation, [picker]: model.id };
		const fields = shown(values).filter((property) => FIELD_PARAMETERS.has(property.name));
		// A field shown by the model's own parameters (Suno's Prompt or Lyrics by Custom Mode).
		const expected = visible(
			model.fields
				.filter((field) => !field.deprecated)
				.flatMap((field) => fieldProperties(model, field)),
			withDefaults(values),
		);
		expect(fields.map((property) => property.name)).toEqual(
			expected.map((property) => property.name),
		);
		expect(fields).toEqual(expected);
	});

	test('each parameter name is shown at most once for any model', () => {
		for (const [, model, operation] of cases) {
			const names = shown({
				resource: model.resource,
				operation,
				[PICKERS[model.resource]]: model.id,
			}).map((property) => property.name);
			expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
		}
	});
});
