/**
 * Version 2's panel, from the catalogue's data: per resource its own model picker
 * (`imageModel`, `videoModel`, `audioModel`), and each model's documented fields, shown only for
 * the models that have them, in each model's order. Equal property definitions are shared by the
 * models that have them (one property, several model ids: mergePanels.ts).
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CUSTOM_MODEL, customModelChoice, customModelIdProperty } from './customModelProperties';
import { fieldProperties } from './fields';
import { mergePanels } from './mergePanels';
import type { CatalogueOperation, CatalogueResource, ModelData } from './modelData';
import { CATALOGUE } from './modelCatalogue';

/** Any jobs-API model by id (its fields in Additional Input). */
export const CUSTOM_MODEL_ID = CUSTOM_MODEL;

export const PICKERS: Readonly<Record<CatalogueResource, string>> = {
	image: 'imageModel',
	video: 'videoModel',
	audio: 'audioModel',
};

const DEFAULTS: Readonly<Record<string, string>> = {
	'image.generate': 'nano-banana-pro',
	'image.edit': 'nano-banana-pro',
	'video.generate': 'veo3_fast',
	'audio.generate': 'V5',
};

/** The models a resource's operation offers, in picker order. */
export function modelsFor(resource: CatalogueResource, operation: CatalogueOperation): ModelData[] {
	return CATALOGUE.filter(
		(model) => model.resource === resource && model.operations.includes(operation),
	);
}

function pickerOption(model: ModelData): INodePropertyOptions {
	const withdrawn = model.withdrawn ? ` Withdrawn: ${model.withdrawn}.` : '';
	return {
		name: model.displayName,
		value: model.id,
		description: `${model.description}${withdrawn}`,
	};
}

/**
 * The picker and every model's fields for one operation; `extra` are picker entries served
 * elsewhere (Veo's upscale of a finished task). Resource/operation displayOptions are the
 * caller's (updateDisplayOptions).
 */
export function modelPanel(
	resource: CatalogueResource,
	operation: CatalogueOperation,
	extra: { options: INodePropertyOptions[]; default?: string } = { options: [] },
): INodeProperties[] {
	const models = modelsFor(resource, operation);
	const picker = PICKERS[resource];
	const custom = operation === 'generate' || operation === 'edit';
	const options = [...extra.options, ...models.map(pickerOption)];
	if (custom) {
		options.push(customModelChoice('model'));
	}
	const firstServed = models.find((model) => !model.withdrawn)?.id ?? models[0]?.id ?? '';
	const defaultModel = extra.default ?? DEFAULTS[`${resource}.${operation}`] ?? firstServed;

	const fields = mergePanels(
		models.map((model) =>
			model.fields
				.filter((field) => !field.deprecated)
				.flatMap((field) => fieldProperties(model, field))
				.map((property) => ({
					...property,
					displayOptions: { show: { ...property.displayOptions?.show, [picker]: [model.id] } },
				})),
		),
		picker,
	);
	const customFields: INodeProperties[] = custom
		? [
				customModelIdProperty(picker),
				{
					displayName: 'Prompt',
					name: 'prompt',
					type: 'string',
					typeOptions: { rows: 4 },
					default: '',
					displayOptions: { show: { [picker]: [CUSTOM_MODEL_ID] } },
				},
				{
					displayName: 'Image URLs',
					name: 'imageUrls',
					type: 'string',
					typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Image URL' },
					default: [],
					displayOptions: { show: { [picker]: [CUSTOM_MODEL_ID] } },
				},
				{
					displayName: 'Image URLs (Binary Properties)',
					name: 'binaryProperties',
					type: 'string',
					default: '',
					placeholder: 'data',
					displayOptions: { show: { [picker]: [CUSTOM_MODEL_ID] } },
				},
				{
					displayName: 'Image Field of the Custom Model',
					name: 'customImageField',
					type: 'string',
					default: 'image_urls',
					description:
						"The model's input field that takes the image URLs (a name ending in _url takes a single URL)",
					displayOptions: { show: { [picker]: [CUSTOM_MODEL_ID] } },
				},
			]
		: [];
	return [
		{
			displayName: 'Model',
			name: picker,
			type: 'options',
			options,
			default: defaultModel,
			description: 'The Kie.ai model: type to search by name (e.g. "Kling 3.0", "Seedance 2")',
		},
		...customFields,
		...fields,
		{
			displayName: 'Additional Input (JSON)',
			name: 'additionalInput',
			type: 'json',
			default: '{}',
			description:
				"Extra fields merged into the request, for fields a model page does not list yet; for Custom Model, the model's whole input",
		},
	];
}
