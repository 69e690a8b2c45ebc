/**
 * File → Get Download URL: Kie's direct link for one of its result files, valid 20 minutes
 * (https://docs.kie.ai/common-api/download-url), for results fetched later or elsewhere.
 */
import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { checkUrl } from '../../catalogue';
import { parseDownloadUrl } from '../../client';
import type { OperationExecute } from '../common/taskOutput';

const properties: INodeProperties[] = [
	{
		displayName: 'Result URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://tempfile.aiquickdraw.com/…/image.png',
		description: 'A result file URL of a Kie.ai task (from resultUrls)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['getDownloadUrl'] } },
	properties,
);

/** Kie's page: the link expires after 20 minutes. */
const LINK_LIFETIME_MS = 20 * 60 * 1000;

export const execute: OperationExecute = async function (itemIndex, run) {
	const url = checkUrl(String(this.getNodeParameter('url', itemIndex, '') ?? '').trim(), {
		param: 'url',
		label: 'Result URL',
	});
	const asked = Date.now();
	const downloadUrl = parseDownloadUrl(
		await run.client.request('common.downloadUrl', { body: { url } }),
	);
	return [
		{
			json: { url, downloadUrl, expiresAt: new Date(asked + LINK_LIFETIME_MS).toISOString() },
			pairedItem: { item: itemIndex },
		},
	];
};
