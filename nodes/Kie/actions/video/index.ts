import type { INodeProperties } from 'n8n-workflow';

import { mergePanels, PICKERS } from '../../catalogue';
import { operationPicker } from '../common/modelOperation';
import * as edit from './edit.operation';
import * as extend from './extend.operation';
import * as generate from './generate.operation';
import * as upscale from './upscale.operation';

export { edit, extend, generate, upscale };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['video'] } },
		options: [
			{
				name: 'Generate',
				value: 'generate',
				action: 'Generate a video',
				description:
					'Make a video from a text prompt or from images (Veo 3.1, Runway, Kling, Sora 2, …)',
			},
			{
				name: 'Extend',
				value: 'extend',
				action: 'Extend a video',
				description: 'Continue a finished Veo 3.1 or Runway video',
			},
			{
				name: 'Upscale',
				value: 'upscale',
				action: 'Upscale a video',
				description: 'Get the 1080p or 4K version of a finished Veo 3.1 video',
			},
		],
		default: 'generate',
	},
	...generate.description,
	...extend.description,
	...upscale.description,
];

/** Version 2: every video model of the catalogue, by what it does. */
export const descriptionV2: INodeProperties[] = [
	operationPicker('video', [
		{
			name: 'Generate',
			value: 'generate',
			action: 'Generate a video',
			description: 'Make a video from a text prompt or from images, videos and audio',
		},
		{
			name: 'Extend',
			value: 'extend',
			action: 'Extend a video',
			description: 'Continue a finished video (Veo 3.1, Runway, Grok Imagine)',
		},
		{
			name: 'Upscale',
			value: 'upscale',
			action: 'Upscale a video',
			description: 'A higher-resolution version of a video (Veo 3.1 1080p/4K, Topaz, Grok Imagine)',
		},
		{
			name: 'Edit',
			value: 'edit',
			action: 'Edit a video',
			description: 'Video to video: restyle, animate or replace (Wan)',
		},
	]),
	// Each parameter once for the operations that show it alike (the description stays small).
	...mergePanels(
		[generate.descriptionV2, extend.descriptionV2, upscale.descriptionV2, edit.description],
		PICKERS.video,
	),
];
