import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a task',
				description: 'Get the state and results of a task, optionally waiting for it',
			},
		],
		default: 'get',
	},
	...get.description,
];

/** Version 2: Get reads the task of the incoming item by default. */
export const descriptionV2: INodeProperties[] = [description[0], ...get.descriptionV2];
