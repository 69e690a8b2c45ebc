import type { INodeProperties } from 'n8n-workflow';

import * as generate from './generate.operation';

export { generate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['text'] } },
		options: [
			{
				name: 'Generate',
				value: 'generate',
				action: 'Generate text with a chat model',
				description: "One answer from one of Kie.ai's chat models (GPT, Claude, Gemini, Codex)",
			},
		],
		default: 'generate',
	},
	...generate.description,
];
