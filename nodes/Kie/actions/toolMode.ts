/**
 * The node as an AI Agent's tool. n8n runs a `usableAsTool` node connected to an agent as its own
 * node type, `<package>.<name>Tool` (here `n8n-nodes-kie.kieTool`; n8n's Airtop node detects its
 * tool mode the same way), and hands each item's JSON to the language model. So in that mode:
 * - results stay URLs: nothing is downloaded (the model cannot read binary data, and a tool's
 *   binary output is dropped by n8n anyway);
 * - each item is compact JSON (task id, API, model, state, result URLs);
 * - a failure becomes an item the model can read and act on (what went wrong, which argument,
 *   what is allowed, the task id when a task exists) instead of an error: an error thrown by a
 *   tool reaches the model as an empty result, or stops the agent.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { KieInputError } from '../catalogue';
import { errorItemJson, type ItemProgress } from './common/errors';

/** The fields of a task item the model gets; the rest (param, timings) only costs it tokens. */
const TASK_FIELDS = [
	'taskId',
	'api',
	'model',
	'state',
	'resultUrls',
	'failCode',
	'failMsg',
	'downloadErrors',
];

export function isToolMode(ctx: IExecuteFunctions): boolean {
	return /(^|\.)kieTool$/.test(ctx.getNode().type);
}

/** The execution context with result downloads switched off, whatever the node's settings say. */
export function withoutDownloads(ctx: IExecuteFunctions): IExecuteFunctions {
	const getNodeParameter = ((name: string, ...rest: unknown[]) =>
		name === 'downloadResults'
			? false
			: (ctx.getNodeParameter as (...args: unknown[]) => unknown)(
					name,
					...rest,
				)) as IExecuteFunctions['getNodeParameter'];
	return new Proxy(ctx, {
		get(target, property) {
			if (property === 'getNodeParameter') return getNodeParameter;
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
}

/** An item as the model sees it: a task item cut to its useful fields, never binary data. */
export function toolResultItem(item: INodeExecutionData): INodeExecutionData {
	const json = item.json;
	if (typeof json.taskId !== 'string' || typeof json.state !== 'string' || 'error' in json) {
		return { json, pairedItem: item.pairedItem };
	}
	const compact: IDataObject = {};
	for (const field of TASK_FIELDS) {
		if (json[field] !== undefined && json[field] !== null) compact[field] = json[field];
	}
	return { json: compact, pairedItem: item.pairedItem };
}

/** `={{ $fromAI('aspectRatio', …) }}` → 'aspectRatio': the argument the model filled. */
function fromAiKey(ctx: IExecuteFunctions, parameterPath: string): string | undefined {
	let raw: unknown = ctx.getNode().parameters;
	for (const part of parameterPath.split('.')) {
		raw = raw && typeof raw === 'object' ? (raw as IDataObject)[part] : undefined;
	}
	if (typeof raw !== 'string') return undefined;
	return /\$fromai\(\s*(['"`])([^'"`]+)\1/i.exec(raw)?.[2];
}

/** A failure as an item the model can act on (the Continue On Fail item, plus what to change). */
export function toolErrorItem(
	ctx: IExecuteFunctions,
	error: unknown,
	nodeError: NodeOperationError | NodeApiError,
	progress: ItemProgress,
	itemIndex: number,
): INodeExecutionData {
	const json = errorItemJson(nodeError, progress);
	if (error instanceof KieInputError) {
		// The model knows its own argument names; a parameter the user fixed is not its to change.
		const argument = fromAiKey(ctx, error.field);
		if (argument) json.argument = argument;
		else json.parameter = error.field;
		if (error.allowed !== undefined) json.allowed = error.allowed;
	}
	return { json, pairedItem: { item: itemIndex } };
}
