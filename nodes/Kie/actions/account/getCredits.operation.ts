import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../common/taskOutput';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getCredits'] } },
	properties,
);

export const execute: OperationExecute = async function (itemIndex, run) {
	const credits = await run.client.getCredits();
	return [{ json: { credits }, pairedItem: { item: itemIndex } }];
};
