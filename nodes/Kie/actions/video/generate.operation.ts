import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { byVersion, modelOperation } from '../common/modelOperation';

import {
	buildVideoRequest,
	CUSTOM_VIDEO_MODEL,
	getVideoModel,
	validateVideoRequest,
	withoutForeignDefaults,
	videoModelProperties,
	videoModelsWithImages,
	type CommonVideoFields,
} from '../../catalogue/video';
import { waitProperties } from '../common/properties';
import { createAndComplete, type ItemRun } from '../common/taskOutput';
import { additionalInputProperty, modelAndPromptProperties } from '../image/fields';
import {
	binaryImages,
	readCallbackUrl,
	readVideoTaskOptions,
	UNUSED_CALLBACK_URL,
	videoOptionsCollection,
} from './common';

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
		displayOptions: { show: { model: [CUSTOM_VIDEO_MODEL] } },
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

export function readVideoFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	model: string,
): CommonVideoFields {
	// A parameter the chosen model does not show is absent: '' reads as "not given".
	const param = (name: string, absent: unknown = '') =>
		ctx.getNodeParameter(name, itemIndex, absent) as unknown;
	return {
		prompt: param('prompt'),
		aspectRatio: param('aspectRatio'),
		resolution: param('resolution'),
		duration: param('duration'),
		imageUrls: param('imageUrls', []),
		additionalInput: param('additionalInput'),
		customModel: model === CUSTOM_VIDEO_MODEL ? param('customModel') : undefined,
		customImageField:
			model === CUSTOM_VIDEO_MODEL ? param('customImageField') || undefined : undefined,
	};
}

async function executeVersion1(
	this: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
): Promise<INodeExecutionData[]> {
	const model = String(this.getNodeParameter('model', itemIndex) ?? '').trim();
	const modelIsExpression = String(this.getNode().parameters.model ?? '').startsWith('=');
	const read = readVideoFields(this, itemIndex, model);
	const fields = modelIsExpression ? withoutForeignDefaults(model, read) : read;
	const options = readVideoTaskOptions(this, itemIndex);
	const callbackUrl = readCallbackUrl(this, itemIndex);
	const images =
		getVideoModel(model)?.images || model === CUSTOM_VIDEO_MODEL
			? binaryImages(this, itemIndex, run, model)
			: undefined;

	// Everything is checked before the first request: a bad prompt costs no upload.
	validateVideoRequest(model, fields, images?.count ?? 0);
	const uploadedUrls = images ? await images.upload() : [];
	const needsCallback = getVideoModel(model)?.api === 'runway';
	const request = buildVideoRequest(
		model,
		fields,
		uploadedUrls,
		callbackUrl ?? (needsCallback ? UNUSED_CALLBACK_URL : undefined),
	);
	return await createAndComplete(this, itemIndex, run, request, options);
}

export const execute = byVersion(executeVersion1, v2.execute);
