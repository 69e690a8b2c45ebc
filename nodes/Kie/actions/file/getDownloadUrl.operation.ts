/**
 * File → Get Download URL: Kie's direct link for one of its result files, valid 20 minutes
 * (https://docs.kie.ai/common-api/download-url), for results fetched later or elsewhere. A 4o
 * Image result has its own endpoint, which names the task too
 * (https://docs.kie.ai/4o-image-api/get-4-o-image-download-url).
 */
import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { checkUrl, KieInputError } from '../../catalogue';
import { parseDownloadUrl } from '../../client';
import type { OperationExecute } from '../common/taskOutput';

const FOUR_O_IMAGE = '4o-image';

// Not named `api`: Task → Get's `api` defaults to an expression, and n8n shows every parameter
// that depends on a parameter holding an expression, so a `taskId` shown by `api` blanked
// Task → Get's `={{ $json.taskId }}` default at run time.
const properties: INodeProperties[] = [
	{
		displayName: 'Result Of',
		name: 'resultOf',
		type: 'options',
		options: [
			{
				name: 'Any Kie.ai Task',
				value: 'common',
				description: 'Market (jobs API) models, Veo, Runway, Suno and the others',
			},
			{
				name: '4o Image',
				value: FOUR_O_IMAGE,
				description: "GPT-4o Image: Kie's 4o Image download link, which needs the task ID",
			},
		],
		default: 'common',
		description: 'Which API made the file: 4o Image results have a download link of their own',
	},
	{
		displayName: 'Result URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://tempfile.aiquickdraw.com/…/image.png',
		description: 'A result file URL of a Kie.ai task (from resultUrls)',
	},
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { resultOf: [FOUR_O_IMAGE] } },
		placeholder: '={{ $json.taskId }}',
		description: 'The 4o Image task the file came from',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['getDownloadUrl'] } },
	properties,
);

/** Kie's page: the link expires after 20 minutes. */
const LINK_LIFETIME_MS = 20 * 60 * 1000;

export const execute: OperationExecute = async function (itemIndex, run) {
	const param = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const url = checkUrl(param('url'), { param: 'url', label: 'Result URL' });
	const fourO = param('resultOf') === FOUR_O_IMAGE;
	const taskId = fourO ? param('taskId') : '';
	if (fourO && taskId === '') {
		throw new KieInputError(
			'taskId',
			taskId,
			"Task ID is empty; Kie's 4o Image download link needs the task the file came from",
			'the taskId of a finished 4o Image task',
		);
	}
	const asked = Date.now();
	const answer = fourO
		? await run.client.request('4o-image.downloadUrl', { body: { taskId, url } })
		: await run.client.request('common.downloadUrl', { body: { url } });
	const json: IDataObject = {
		url,
		downloadUrl: parseDownloadUrl(answer),
		expiresAt: new Date(asked + LINK_LIFETIME_MS).toISOString(),
	};
	if (fourO) json.taskId = taskId;
	return [{ json, pairedItem: { item: itemIndex } }];
};
