/**
 * Version 1's option parameters (aspect ratio, resolution, ...) from the catalogue's enums: one
 * property per distinct option set, shown only for the models sharing it, so each model offers
 * exactly its own values and default under the same parameter name.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { customModelChoice, customModelIdProperty } from '../customModelProperties';
import { V1_IMAGE_MODELS, V1_IMAGE_PARAMS } from './image';

import {
	v1CatalogueField,
	v1Default,
	v1Field,
	type V1Field,
	type V1FieldModel,
	type V1Param,
} from './fieldMapping';

const UPPERCASE_VALUES = new Set(['png', 'jpg', 'jpeg', 'webp']);

function optionName(field: V1Field, value: string): string {
	const named = field.optionNames?.[value];
	if (named !== undefined) return named;
	if (UPPERCASE_VALUES.has(value)) return value.toUpperCase();
	if (/^[a-z]/.test(value))
		return value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ');
	return value;
}

export function v1OptionProperties(
	entries: readonly V1FieldModel[],
	param: V1Param,
	/** The parameter that picks the model. */
	picker = 'model',
): INodeProperties[] {
	const groups = new Map<string, { property: INodeProperties; values: string[] }>();
	for (const entry of entries) {
		const spec = v1Field(entry, param.name);
		const field = v1CatalogueField(entry, param.name);
		if (!spec || !field?.enum) continue;
		const displayName = spec.displayName ?? param.displayName;
		const description = spec.description ?? param.description;
		// n8n's lint takes a variable for a computed default.
		const defaultValue = v1Default(entry, param.name) as string | number | undefined;
		const options: INodePropertyOptions[] = field.enum.map((value) => ({
			name: optionName(spec, String(value)),
			value,
		}));
		const key = JSON.stringify([displayName, description, options, defaultValue]);
		let group = groups.get(key);
		if (!group) {
			const values: string[] = [];
			group = {
				values,
				property: {
					displayName,
					name: param.name,
					type: 'options',
					options,
					default: defaultValue,
					description,
					displayOptions: { show: { [picker]: values } },
				},
			};
			groups.set(key, group);
		}
		group.values.push(entry.value);
	}
	return [...groups.values()].map((group) => group.property);
}

/**
 * Version 1's model picker and option parameters for an image operation. Resource/operation
 * displayOptions are the caller's (updateDisplayOptions).
 */
export function v1ImageModelProperties(operation: 'generate' | 'edit'): INodeProperties[] {
	const models = V1_IMAGE_MODELS.filter((model) => model.operations.includes(operation));
	const options: INodePropertyOptions[] = models.map((model) => ({
		name: model.name,
		value: model.value,
		description: model.description,
	}));
	options.push(customModelChoice('model, video and audio included,'));
	return [
		{
			displayName: 'Model',
			name: 'model',
			type: 'options',
			options,
			default: 'nano-banana-pro',
			description:
				operation === 'generate'
					? 'The Kie.ai model that generates the image'
					: 'The Kie.ai model that edits or combines the input images',
		},
		customModelIdProperty('model'),
		...V1_IMAGE_PARAMS.slice(2).flatMap((param) => v1OptionProperties(models, param)),
	];
}
