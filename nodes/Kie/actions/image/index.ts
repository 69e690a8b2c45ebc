import type { INodeProperties } from 'n8n-workflow';

import * as edit from './edit.operation';
import * as generate from './generate.operation';

export { edit, generate };

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
