import type { INodeProperties } from 'n8n-workflow';

import * as extend from './extend.operation';
import * as generate from './generate.operation';
import * as upscale from './upscale.operation';

export { extend, generate, upscale };

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
