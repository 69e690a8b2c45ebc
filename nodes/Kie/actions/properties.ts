import type { INodeProperties } from 'n8n-workflow';

import * as account from './account';
import * as audio from './audio';
import * as file from './file';
import * as image from './image';
import * as task from './task';
import * as video from './video';

/** Every parameter of the node: the resource choice, then each resource's operations. */
export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Image', value: 'image' },
			{ name: 'Video', value: 'video' },
			{ name: 'Audio', value: 'audio' },
			{ name: 'Task', value: 'task' },
			{ name: 'File', value: 'file' },
			{ name: 'Account', value: 'account' },
		],
		default: 'image',
	},
	...image.description,
	...video.description,
	...audio.description,
	...task.description,
	...file.description,
	...account.description,
];
