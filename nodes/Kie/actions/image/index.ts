import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { mergePanels, PICKERS } from '../../catalogue';
import { operationPicker } from '../common/modelOperation';
import * as edit from './edit.operation';
import * as generate from './generate.operation';
import * as removeBackground from './removeBackground.operation';
import * as upscale from './upscale.operation';

export { edit, generate, removeBackground, upscale };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['image'] } },
		options: [
			{
				name: 'Generate',
				value: 'generate',
				action: 'Generate an image',
				description: 'Create an image from a text prompt',
			},
			{
				name: 'Edit',
				value: 'edit',
				action: 'Edit an image',
				description: 'Make an image from input images and a prompt',
			},
		],
		default: 'generate',
	},
	...generate.description,
	...edit.description,
];

/** Version 2: every image model of the catalogue, by what it does. */
export const descriptionV2: INodeProperties[] = [
	operationPicker('image', [
		...((description[0].options ?? []) as INodePropertyOptions[]),
		{
			name: 'Upscale',
			value: 'upscale',
			action: 'Upscale an image',
			description: 'Enlarge an image (Topaz, Recraft Crisp Upscale)',
		},
		{
			name: 'Remove Background',
			value: 'removeBackground',
			action: 'Remove the background of an image',
			description: 'Cut out the subject (Recraft)',
		},
	]),
	// Each parameter once for the operations that show it alike (the description stays small).
	...mergePanels(
		[generate.descriptionV2, edit.descriptionV2, upscale.description, removeBackground.description],
		PICKERS.image,
	),
];
