import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { modelOperation } from '../common/modelOperation';
import { byVersion } from '../common/runModel';

import { v1ImageModelProperties } from '../../catalogue';
import { taskOptionsCollection, waitProperties } from '../common/properties';
import type { OperationExecute } from '../common/taskOutput';
import { createImageTask } from './createImageTask';
import { additionalInputProperty, modelAndPromptProperties } from './fields';

const properties: INodeProperties[] = [
	...modelAndPromptProperties(v1ImageModelProperties('edit')),
	{
		displayName: 'Image URLs',
		name: 'imageUrls',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Image URL' },
		default: [],
		placeholder: 'https://example.com/photo.jpg',
		description: 'Public http(s) URLs of the images to edit or use as reference',
	},
	{
		displayName: 'Image Field of the Custom Model',
		name: 'customImageField',
		type: 'string',
		default: 'image_urls',
		displayOptions: { show: { model: ['custom'] } },
		description:
			"The model's input field that takes the image URLs (a name ending in _url takes a single URL)",
	},
	{
		displayName: 'Input Binary Properties',
		name: 'binaryProperties',
		type: 'string',
		default: '',
		placeholder: 'data, data_1',
		description:
			'Comma-separated binary properties of the input item to upload to Kie.ai and use as images. They come before the Image URLs, in this order. Kie.ai deletes uploads after 3 days.',
	},
	additionalInputProperty,
	...waitProperties({ waitForCompletion: true, downloadResults: true }),
	taskOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['image'], operation: ['edit'] } },
	properties,
);

const v2 = modelOperation('image', 'edit', taskOptionsCollection);
export const descriptionV2 = v2.description;

const executeVersion1: OperationExecute = async function (itemIndex, run) {
	return await createImageTask(this, itemIndex, run, 'edit');
};

export const execute = byVersion(executeVersion1, v2.execute);
