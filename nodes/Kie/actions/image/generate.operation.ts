import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { modelProperties } from '../../catalogue';
import { taskOptionsCollection, waitProperties } from '../common/properties';
import type { OperationExecute } from '../common/taskOutput';
import { createImageTask } from './createImageTask';
import { additionalInputProperty, modelAndPromptProperties } from './fields';

const properties: INodeProperties[] = [
	...modelAndPromptProperties(modelProperties('generate')),
	additionalInputProperty,
	...waitProperties({ waitForCompletion: true, downloadResults: true }),
	taskOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['image'], operation: ['generate'] } },
	properties,
);

export const execute: OperationExecute = async function (itemIndex, run) {
	return await createImageTask(this, itemIndex, run, 'generate');
};
