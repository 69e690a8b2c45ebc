import {
	randomString,
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { KieInputError, modelProperties, validateBinaryForModel } from '../../catalogue';
import { taskOptionsCollection, waitProperties } from '../common/properties';
import type { OperationExecute } from '../common/taskOutput';
import { createImageTask } from './createImageTask';
import { additionalInputProperty, modelAndPromptProperties } from './fields';

const INPUT_UPLOAD_PATH = 'n8n/inputs';

const properties: INodeProperties[] = [
	...modelAndPromptProperties(modelProperties('edit')),
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

function binaryPropertyNames(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const raw = ctx.getNodeParameter('binaryProperties', itemIndex, '') as unknown;
	if (raw === undefined || raw === null || raw === '') return [];
	if (typeof raw !== 'string') {
		throw new KieInputError(
			'binaryProperties',
			raw,
			'Input Binary Properties must be text: binary property names separated by commas',
		);
	}
	return raw
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

export const execute: OperationExecute = async function (itemIndex, run) {
	const model = this.getNodeParameter('model', itemIndex) as string;
	const names = binaryPropertyNames(this, itemIndex);
	const item = this.getInputData()[itemIndex];
	const binaries = names.map((name) => {
		if (!item.binary?.[name]) {
			const available = Object.keys(item.binary ?? {});
			throw new KieInputError(
				'binaryProperties',
				name,
				`The input item has no binary property "${name}"`,
				available.length > 0 ? available.join(', ') : 'no binary properties on this item',
			);
		}
		const metadata = this.helpers.assertBinaryData(itemIndex, name);
		validateBinaryForModel(model, {
			propertyName: name,
			mimeType: metadata.mimeType,
			fileSize: metadata.fileSize,
			bytes: metadata.bytes,
			fileName: metadata.fileName,
		});
		return { name, metadata };
	});

	return await createImageTask(this, itemIndex, run, 'edit', {
		count: binaries.length,
		upload: async () => {
			const urls: string[] = [];
			for (const { name, metadata } of binaries) {
				const data = await this.helpers.getBinaryDataBuffer(itemIndex, name);
				validateBinaryForModel(model, {
					propertyName: name,
					mimeType: metadata.mimeType,
					fileSize: data.length,
				});
				const extension = metadata.fileExtension ?? metadata.mimeType.split('/')[1] ?? 'bin';
				const uploaded = await run.client.uploadFile(
					{
						data,
						fileName: `${randomString(12).toLowerCase()}.${extension}`,
						mimeType: metadata.mimeType,
					},
					INPUT_UPLOAD_PATH,
				);
				urls.push(uploaded.downloadUrl);
			}
			return urls;
		},
	});
};
