import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { modelOperation } from '../common/modelOperation';

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

const v2 = modelOperation('image', 'generate', taskOptionsCollection);
export const descriptionV2 = v2.description;

export const execute: OperationExecute = async function (itemIndex, run) {
	if (this.getNode().typeVersion >= 2) return await v2.execute.call(this, itemIndex, run);
	return await createImageTask(this, itemIndex, run, 'generate');
};
