import type { INodeProperties } from 'n8n-workflow';

import * as extend from './extend.operation';
import * as generate from './generate.operation';

export { extend, generate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['audio'] } },
		options: [
			{
				name: 'Generate',
				value: 'generate',
				action: 'Generate audio',
				description: 'Make a song (Suno), speech or a sound effect (ElevenLabs) from text',
			},
			{
				name: 'Extend',
				value: 'extend',
				action: 'Extend a song',
				description: 'Continue a finished Suno track',
			},
		],
		default: 'generate',
	},
	...generate.description,
	...extend.description,
];
