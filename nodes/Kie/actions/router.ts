/**
 * Runs the chosen operation for every item. Unlike n8n's usual one-item-after-another loop, items
 * run concurrently (bounded by Options → Max Tasks in Flight; creates are further held to the
 * account's limit by the client), because a generation takes tens of seconds. Output keeps input
 * order, with pairedItem on every item; Continue On Fail and errors are handled here, per item.
 * Below the router: what changes when the node is an AI Agent's tool.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type NodeApiError,
} from 'n8n-workflow';

import { KieInputError } from '../catalogue/errors';
import { CancelledCreateError, CancelledError } from '../client/errors';
import { getKieAccount } from '../client/http';
import * as account from './account';
import * as audio from './audio';
import { errorItemJson, redactSecret, toNodeError, type ItemProgress } from './common/errors';
import { ItemClient, runLimits, type OperationExecute } from './common/taskOutput';
import * as file from './file';
import * as image from './image';
import * as task from './task';
import * as text from './text';
import * as video from './video';

type Operation = { execute: OperationExecute };

const operations: Record<string, Record<string, Operation>> = {
	image: {
		generate: image.generate,
		edit: image.edit,
		upscale: image.upscale,
		removeBackground: image.removeBackground,
	},
	video: {
		generate: video.generate,
		extend: video.extend,
		upscale: video.upscale,
		edit: video.edit,
	},
	audio: {
		generate: audio.generate,
		extend: audio.extend,
		transcribe: audio.transcribe,
		isolate: audio.isolate,
		...audio.SUNO_TOOLS,
	},
	task: { get: task.get },
	text: { generate: text.generate },
	file: { upload: file.upload, getDownloadUrl: file.getDownloadUrl },
	account: { getCredits: account.getCredits },
};

const DEFAULT_MAX_IN_FLIGHT = 50;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not supported`,
		);
	}

	const kieAccount = await getKieAccount(this);
	// Stops the other items once one has failed the node (not used with Continue On Fail).
	const stopOthers = new AbortController();
	const cancel = this.getExecutionCancelSignal();
	const signal = cancel ? AbortSignal.any([cancel, stopOthers.signal]) : stopOthers.signal;
	// Each item gets its own signal derived from the execution's: items waiting together on one
	// signal would each add an abort listener to it (Node warns past 10); derived signals add none.
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const limits = runLimits(this, options);
	const clientForItem = (itemIndex: number) =>
		new ItemClient(limits, itemIndex, this, kieAccount, AbortSignal.any([signal]));

	const maxInFlight = Math.max(
		1,
		Math.floor(Number(options.maxConcurrentTasks ?? DEFAULT_MAX_IN_FLIGHT)) || 1,
	);
	const continueOnFail = this.continueOnFail();
	// As an agent's tool: URLs instead of downloads, compact items, failures as readable items.
	const toolMode = isToolMode(this);
	const ctx = toolMode ? withoutDownloads(this) : this;

	const results: INodeExecutionData[][] = new Array(items.length);
	const progress: ItemProgress[] = items.map(() => ({}));
	let failure: { itemIndex: number; error: ReturnType<typeof toNodeError> } | undefined;
	let nextIndex = 0;

	const worker = async () => {
		while (!failure && nextIndex < items.length) {
			const itemIndex = nextIndex++;
			try {
				results[itemIndex] = await operation.execute.call(ctx, itemIndex, {
					client: clientForItem(itemIndex),
					progress: progress[itemIndex],
				});
			} catch (error) {
				if (error instanceof CancelledError && stopOthers.signal.aborted) {
					if (error instanceof CancelledCreateError) {
						progress[itemIndex].createCutShort =
							`${error.model}, sent around ${new Date(error.sentAt).toISOString()}`;
					}
					continue;
				}
				const nodeError = toNodeError(this.getNode(), error, itemIndex, progress[itemIndex]);
				redactSecret(nodeError, kieAccount.withoutKey);
				if (toolMode) {
					results[itemIndex] = [
						toolErrorItem(this, error, nodeError, progress[itemIndex], itemIndex),
					];
				} else if (continueOnFail) {
					results[itemIndex] = [
						{
							json: errorItemJson(nodeError, progress[itemIndex]),
							pairedItem: { item: itemIndex },
						},
					];
				} else if (!failure) {
					failure = { itemIndex, error: nodeError };
					stopOthers.abort();
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(maxInFlight, items.length) }, worker));

	if (failure) {
		// The node fails, but no paid task may vanish with it: name the other items' tasks.
		const others = progress
			.map((p, index) => ({ ...p, index }))
			.filter((p) => p.taskId && p.index !== failure!.itemIndex);
		const cutShort = progress
			.map((p, index) => ({ ...p, index }))
			.filter((p) => p.createCutShort && !p.taskId);
		const notes = [failure.error.description];
		if (others.length > 0) {
			const list = others.map((p) => `item ${p.index}: ${p.taskId} (${p.state ?? 'unknown'})`);
			notes.push(
				`Other tasks created by this node in this run: ${list.join(', ')}. Fetch them with Get Task.`,
			);
		}
		if (cutShort.length > 0) {
			const list = cutShort.map((p) => `item ${p.index} (${p.createCutShort})`);
			notes.push(
				`Creates on their way when the node failed, which Kie.ai may have made without returning a taskId: ${list.join(', ')}. Look for them at https://kie.ai/logs.`,
			);
		}
		failure.error.description = notes.filter(Boolean).join(' ') || undefined;
		throw failure.error;
	}
	return [toolMode ? results.flat().map(toolResultItem) : results.flat()];
}

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
