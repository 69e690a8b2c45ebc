/** UI pieces shared by the operations that create or fetch tasks. */
import type { INodeProperties } from 'n8n-workflow';

import { downloadLimitOptions } from '../../shared/results';

const WAIT_DESCRIPTION =
	'Whether to poll Kie.ai until the task succeeds or fails. Off: the node outputs the task as soon as it exists (use Get Task or a callback later).';
const DOWNLOAD_DESCRIPTION =
	'Whether to download each result file as binary data (data, data_1, …). Kie.ai deletes results after 14 days.';

// Literal defaults, one property per default value, so n8n's lint can read them.
const WAIT_ON: INodeProperties = {
	displayName: 'Wait for Completion',
	name: 'waitForCompletion',
	type: 'boolean',
	default: true,
	description: WAIT_DESCRIPTION,
};
const WAIT_OFF: INodeProperties = {
	displayName: 'Wait for Completion',
	name: 'waitForCompletion',
	type: 'boolean',
	default: false,
	description: WAIT_DESCRIPTION,
};
const DOWNLOAD_ON: INodeProperties = {
	displayName: 'Download Results',
	name: 'downloadResults',
	type: 'boolean',
	default: true,
	displayOptions: { show: { waitForCompletion: [true] } },
	description: DOWNLOAD_DESCRIPTION,
};
const DOWNLOAD_OFF: INodeProperties = {
	displayName: 'Download Results',
	name: 'downloadResults',
	type: 'boolean',
	default: false,
	displayOptions: { show: { waitForCompletion: [true] } },
	description: DOWNLOAD_DESCRIPTION,
};

export function waitProperties(defaults: {
	waitForCompletion: boolean;
	downloadResults: boolean;
}): INodeProperties[] {
	return [
		defaults.waitForCompletion ? WAIT_ON : WAIT_OFF,
		defaults.downloadResults ? DOWNLOAD_ON : DOWNLOAD_OFF,
	];
}

/** The collection an operation's optional settings sit in. */
export function optionsCollection(options: INodeProperties['options']): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

export const taskOptionsCollection = optionsCollection([
	{
		displayName: 'Binary Property Prefix',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		description: 'Name of the first result file property; further files get _1, _2, …',
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		placeholder: 'https://your-n8n.example.com/webhook/kie',
		description:
			"Kie.ai POSTs the finished task here: a Kie.ai Trigger's production URL, or {{$execution.resumeUrl}} for a Wait node set to resume on webhook call",
	},
	...downloadLimitOptions,
	{
		displayName: 'Max Tasks',
		name: 'maxTasks',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'At most this many tasks created by one run of this node; items beyond it fail (or, with Continue On Fail, become error items) without being sent. Guards the account against a runaway batch. 0 = no limit.',
	},
	{
		displayName: 'Max Tasks in Flight',
		name: 'maxConcurrentTasks',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 500 },
		default: 50,
		description:
			'How many items are worked on at once. Creates also respect the credential’s task limit per window.',
	},
	{
		displayName: 'Min Balance (Credits)',
		name: 'minBalance',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'Create nothing while the account’s Kie.ai balance is below this many credits (read at most once per create window of the credential). 0 = no floor.',
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'Fixed time between status checks. 0 = adaptive: checks soon, then where tasks of this model usually finish.',
	},
	{
		displayName: 'Split Results',
		name: 'splitResults',
		type: 'boolean',
		default: false,
		description:
			'Whether to output one item per result file (each with the task and its own "data" binary) instead of one item with data, data_1, …',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 600,
		description:
			'How long to wait for a task. On timeout the item keeps the taskId so Get Task can fetch it later.',
	},
]);

/** The Task ID of the task an operation works on. */
export function taskIdProperty(description: string, placeholder?: string): INodeProperties {
	return {
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		default: '',
		required: true,
		...(placeholder ? { placeholder } : {}),
		description,
	};
}
