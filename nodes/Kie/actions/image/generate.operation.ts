import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { modelOperation } from '../common/modelOperation';
import { byVersion } from '../common/runModel';

import { v1ImageModelProperties } from '../../catalogue';
import { taskOptionsCollection, waitProperties } from '../common/properties';
import type { OperationExecute } from '../common/taskOutput';
import { createImageTask } from './createImageTask';
import { additionalInputProperty, modelAndPromptProperties } from './fields';

const properties: INodeProperties[] = [
	...modelAndPromptProperties(v1ImageModelProperties('generate')),
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

const executeVersion1: OperationExecute = async function (itemIndex, run) {
	return await createImageTask(this, itemIndex, run, 'generate');
};

export const execute = byVersion(executeVersion1, v2.execute);
