import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { KieInputError } from '../../catalogue';
import { API_FAMILIES, isKieApi } from '../../client';
import { taskOptionsCollection, waitProperties, taskIdProperty } from '../common/properties';
import { completeTask, readTaskOptions, type OperationExecute } from '../common/taskOutput';

const properties: INodeProperties[] = [
	taskIdProperty(
		'The taskId of a task created by this node or any Kie.ai jobs-API call',
		'281e5b0…f39b9',
	),
	{
		displayName: 'API',
		name: 'api',
		type: 'options',
		options: API_FAMILIES.map((family) => ({ name: family.label, value: family.api })),
		default: 'market',
		description:
			'Which Kie.ai API made the task (each has its own status endpoint). The task items of this node carry it as "api".',
	},
	...waitProperties({ waitForCompletion: false, downloadResults: false }),
	taskOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['get'] } },
	properties,
);

/** Version 2: the taskId and api of the incoming item (a task item of this node) by default. */
export const descriptionV2 = description.map((property) =>
	property.name === 'taskId'
		? { ...property, default: '={{ $json.taskId }}' }
		: property.name === 'api'
			? { ...property, default: '={{ $json.api }}' }
			: property,
);

export const execute: OperationExecute = async function (itemIndex, run) {
	const raw = this.getNodeParameter('taskId', itemIndex) as unknown;
	const taskId = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!taskId || /\s/.test(taskId)) {
		const allowed = 'the taskId Kie.ai returned for the task (one word, no spaces)';
		throw new KieInputError(
			'taskId',
			raw,
			`Task ID ${JSON.stringify(raw)} is not a Kie.ai taskId. Allowed: ${allowed}`,
			allowed,
		);
	}
	const options = readTaskOptions(this, itemIndex, {
		waitForCompletion: false,
		downloadResults: false,
	});
	const rawApi = this.getNodeParameter('api', itemIndex, 'market') as unknown;
	// Version 2 reads the item's api: an item without one is a jobs-API task.
	const api = rawApi === undefined || rawApi === null || rawApi === '' ? 'market' : rawApi;
	if (!isKieApi(api)) {
		const allowed = API_FAMILIES.map((family) => family.api).join(', ');
		throw new KieInputError('api', api, `API ${JSON.stringify(api)} is not a Kie.ai API`, allowed);
	}
	run.progress.taskId = taskId;
	run.progress.api = api;
	const task = await run.client.getTask(taskId, api);
	return await completeTask(this, itemIndex, run, task, options);
};
