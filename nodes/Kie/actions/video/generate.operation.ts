import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { catalogueModel, CUSTOM_MODEL_ID, KieInputError } from '../../catalogue';
import { describeValue } from '../../catalogue/errors';
import { v1Parameters, withV1Request, type V1Values } from '../../catalogue/v1/mapping';
import { V1_VIDEO_MODELS } from '../../catalogue/v1/video';
import { videoModelProperties, videoModelsWithImages } from '../../catalogue/v1/panel';
import { modelOperation } from '../common/modelOperation';
import { waitProperties } from '../common/properties';
import { byVersion, runCustomModel } from '../common/runModel';
import { runV1Model } from '../common/runV1Model';
import type { ItemRun } from '../common/taskOutput';
import { additionalInputProperty, modelAndPromptProperties } from '../image/fields';
import { videoOptionsCollection } from './common';

const withImages = { show: { model: videoModelsWithImages() } };

const properties: INodeProperties[] = [
	...modelAndPromptProperties(videoModelProperties()).map((property) =>
		property.name === 'prompt'
			? {
					...property,
					placeholder: 'A corgi surfs a wave at sunset, slow motion, cinematic',
					description:
						'What happens in the video. Limits differ per model (Runway: 1,800 characters).',
				}
			: property,
	),
	{
		displayName: 'Image URLs',
		name: 'imageUrls',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Image URL' },
		default: [],
		placeholder: 'https://example.com/first-frame.jpg',
		displayOptions: withImages,
		description:
			'Public http(s) URLs: the first frame (and last frame) or reference images, as the model takes them',
	},
	{
		displayName: 'Image Field of the Custom Model',
		name: 'customImageField',
		type: 'string',
		default: 'image_urls',
		displayOptions: { show: { model: [CUSTOM_MODEL_ID] } },
		description:
			"The model's input field that takes the image URLs (a name ending in _url takes one URL)",
	},
	{
		displayName: 'Input Binary Properties',
		name: 'binaryProperties',
		type: 'string',
		default: '',
		placeholder: 'data',
		displayOptions: withImages,
		description:
			'Comma-separated binary properties of the input item to upload to Kie.ai and use as images. They come before the Image URLs, in this order.',
	},
	additionalInputProperty,
	...waitProperties({ waitForCompletion: true, downloadResults: true }),
	videoOptionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['video'], operation: ['generate'] } },
	properties,
);

const v2 = modelOperation('video', 'generate', videoOptionsCollection());
export const descriptionV2 = v2.description;

const V1_MODELS = new Map(V1_VIDEO_MODELS.map((model) => [model.id, model]));

/** Version 1: its Model and common fields onto the catalogue model of the same id. */
async function executeVersion1(
	this: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
): Promise<INodeExecutionData[]> {
	const id = String(this.getNodeParameter('model', itemIndex) ?? '').trim();
	if (id === CUSTOM_MODEL_ID) return await runCustomModel(this, itemIndex, run, 'video');
	const v1 = V1_MODELS.get(id);
	const model = v1 && catalogueModel(v1.id);
	if (!v1 || !model) {
		throw new KieInputError(
			'model',
			id,
			`Unknown video model ${describeValue(id)}. Choose a model from the list, or "Custom Model" to name any Kie jobs-API model`,
		);
	}
	// A parameter the chosen model does not show is absent: '' reads as "not given".
	const param = (name: string, absent: unknown = '') =>
		this.getNodeParameter(name, itemIndex, absent) as unknown;
	const values: V1Values = {
		prompt: param('prompt'),
		aspectRatio: param('aspectRatio'),
		resolution: param('resolution'),
		duration: param('duration'),
		imageUrls: param('imageUrls', []),
		binaryProperties: v1.images ? param('binaryProperties') : undefined,
		additionalInput: param('additionalInput'),
	};
	const modelIsExpression = String(this.getNode().parameters.model ?? '').startsWith('=');
	const mapped = v1Parameters(model, v1, values, modelIsExpression);
	return await runV1Model(this, itemIndex, run, model, mapped, (request) =>
		withV1Request(v1, request),
	);
}

export const execute = byVersion(executeVersion1, v2.execute);
