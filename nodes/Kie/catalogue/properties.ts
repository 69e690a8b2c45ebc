import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { customModelChoice, customModelIdProperty } from './customModelProperties';
import { MODELS } from './registry';
import type { EnumFieldSpec, ImageOperation, ModelSpec } from './types';

export const DEFAULT_MODEL = 'nano-banana-pro';

type EnumParam = 'aspectRatio' | 'resolution' | 'outputFormat';

const ENUM_PROPERTIES: ReadonlyArray<{
	name: EnumParam;
	displayName: string;
	description: string;
}> = [
	{
		name: 'aspectRatio',
		displayName: 'Aspect Ratio',
		description: 'Shape of the generated image',
	},
	{
		name: 'resolution',
		displayName: 'Resolution',
		description: 'Size of the generated image',
	},
	{
		name: 'outputFormat',
		displayName: 'Output Format',
		description: 'File format of the generated image',
	},
];

const UPPERCASE_VALUES = new Set(['png', 'jpg', 'jpeg', 'webp']);

function optionName(spec: EnumFieldSpec, value: string): string {
	const named = spec.optionNames?.[value];
	if (named !== undefined) return named;
	if (UPPERCASE_VALUES.has(value)) return value.toUpperCase();
	if (/^[a-z]/.test(value))
		return value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ');
	return value;
}

/**
 * One `options` property per distinct option set, shown only for the models sharing it, so each
 * model offers exactly its own values and default under the same parameter name.
 */
function enumProperties(
	models: readonly ModelSpec[],
	param: (typeof ENUM_PROPERTIES)[number],
): INodeProperties[] {
	const groups = new Map<string, { property: INodeProperties; modelIds: string[] }>();
	for (const model of models) {
		const spec = model[param.name];
		if (!spec) continue;
		const displayName = spec.displayName ?? param.displayName;
		const description = spec.description ?? param.description;
		// n8n's lint takes a variable for a computed default but reports `spec.default` as missing.
		const defaultValue = spec.default;
		const options: INodePropertyOptions[] = spec.options.map((value) => ({
			name: optionName(spec, value),
			value,
		}));
		const key = JSON.stringify([displayName, description, options, spec.default]);
		let group = groups.get(key);
		if (!group) {
			const modelIds: string[] = [];
			group = {
				modelIds,
				property: {
					displayName,
					name: param.name,
					type: 'options',
					options,
					default: defaultValue,
					description,
					displayOptions: { show: { model: modelIds } },
				},
			};
			groups.set(key, group);
		}
		group.modelIds.push(model.id);
	}
	return [...groups.values()].map((group) => group.property);
}

/**
 * The model picker and the model-dependent fields for an image operation. Resource/operation
 * displayOptions are left to the caller (updateDisplayOptions).
 */
export function modelProperties(operation: ImageOperation): INodeProperties[] {
	const models = MODELS.filter((model) => model.operations.includes(operation));
	const modelOptions: INodePropertyOptions[] = models.map((model) => ({
		name: model.displayName,
		value: model.id,
		description: model.description,
	}));
	modelOptions.push(customModelChoice('model, video and audio included,'));

	return [
		{
			displayName: 'Model',
			name: 'model',
			type: 'options',
			options: modelOptions,
			default: DEFAULT_MODEL,
			description:
				operation === 'generate'
					? 'The Kie.ai model that generates the image'
					: 'The Kie.ai model that edits or combines the input images',
		},
		customModelIdProperty('model'),
		...ENUM_PROPERTIES.flatMap((param) => enumProperties(models, param)),
	];
}
