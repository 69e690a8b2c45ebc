import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { KieInputError } from '../../catalogue';
import { taskOptionsCollection, waitProperties } from '../common/properties';
import { completeTask, readTaskOptions, type ItemRun } from '../common/taskOutput';

const properties: INodeProperties[] = [
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '281e5b0…f39b9',
		description: 'The taskId of a task created by this node or any Kie.ai jobs-API call',
	},
	...waitProperties({ waitForCompletion: false, downloadImages: false }),
	taskOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
): Promise<INodeExecutionData[]> {
	const raw = this.getNodeParameter('taskId', itemIndex) as unknown;
	const taskId = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!taskId || /\s/.test(taskId)) {
		throw new KieInputError('taskId', raw, `Task ID ${JSON.stringify(raw)} is not a Kie.ai taskId`);
	}
	const options = readTaskOptions(this, itemIndex, {
		waitForCompletion: false,
		downloadImages: false,
	});
	run.progress.taskId = taskId;
	const task = await run.client.getTask(taskId, 'market');
	return await completeTask(this, itemIndex, run, task, options);
}
