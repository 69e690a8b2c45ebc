import type { INodeProperties } from 'n8n-workflow';

import * as account from './account';
import * as audio from './audio';
import * as file from './file';
import * as image from './image';
import * as task from './task';
import * as text from './text';
import * as video from './video';

/** Every parameter of the node: the resource choice, then each resource's operations. */
export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Audio', value: 'audio' },
			{ name: 'File', value: 'file' },
			{ name: 'Image', value: 'image' },
			{ name: 'Task', value: 'task' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video' },
		],
		default: 'image',
	},
	...image.description,
	...video.description,
	...audio.description,
	...text.description,
	...task.description,
	...file.description,
	...account.description,
];
