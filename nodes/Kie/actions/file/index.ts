import type { INodeProperties } from 'n8n-workflow';

import * as getDownloadUrl from './getDownloadUrl.operation';
import * as upload from './upload.operation';

export { getDownloadUrl, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'Get Download URL',
				value: 'getDownloadUrl',
				action: 'Get a download URL for a result file',
				description: "Kie.ai's direct link for a result file, valid 20 minutes",
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload a file',
				description: 'Upload a file to Kie.ai and get a temporary URL (kept 3 days)',
			},
		],
		default: 'upload',
	},
	...upload.description,
	...getDownloadUrl.description,
];
