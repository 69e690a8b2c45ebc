import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { modelProperties } from '../../catalogue';
import { taskOptionsCollection, waitProperties } from '../common/properties';
import type { ItemRun } from '../common/taskOutput';
import { createImageTask } from './createImageTask';
import { additionalInputProperty, modelAndPromptProperties } from './fields';

const properties: INodeProperties[] = [
	...modelAndPromptProperties(modelProperties('generate')),
	additionalInputProperty,
	...waitProperties({ waitForCompletion: true, downloadImages: true }),
	taskOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['image'], operation: ['generate'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
): Promise<INodeExecutionData[]> {
	return await createImageTask(this, itemIndex, run, 'generate');
}
