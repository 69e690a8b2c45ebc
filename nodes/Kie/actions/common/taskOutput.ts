/** Waiting for a task and turning it into the item users see, results as binaries. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { checkUrl } from '../../catalogue';
import type { CreateTaskRequest, CreatedTask, KieClient, KieTask } from '../../client';
import {
	downloadResults,
	readDownloadLimits,
	taskItemJson,
	type DownloadLimits,
} from '../../shared/results';
import { TaskFailedError, TaskTimeoutError, type ItemProgress } from './errors';

export interface ItemRun {
	client: KieClient;
	progress: ItemProgress;
}

/** What each operation file exports as `execute`: one item's work, called by the router. */
export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
) => Promise<INodeExecutionData[]>;

export interface TaskOptions {
	waitForCompletion: boolean;
	downloadResults: boolean;
	timeoutSeconds: number;
	pollIntervalSeconds: number;
	binaryPropertyName: string;
	downloadLimits: DownloadLimits;
	/** One output item per result file (Options → Split Results). */
	splitResults?: boolean;
}

/** Options → Callback URL, checked; undefined when empty. */
export function readCallbackUrl(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const url = typeof options.callbackUrl === 'string' ? options.callbackUrl.trim() : '';
	if (!url) return undefined;
	return checkUrl(url, { param: 'options.callbackUrl', label: 'Callback URL' });
}

export function readTaskOptions(
	ctx: IExecuteFunctions,
	itemIndex: number,
	defaults: { waitForCompletion: boolean; downloadResults: boolean },
): TaskOptions {
	const waitForCompletion = ctx.getNodeParameter(
		'waitForCompletion',
		itemIndex,
		defaults.waitForCompletion,
	) as boolean;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeoutSeconds = Number(options.timeout ?? 600);
	const pollIntervalSeconds = Number(options.pollInterval ?? 0);
	const binaryPropertyName = String(options.binaryPropertyName ?? 'data').trim() || 'data';
	return {
		waitForCompletion,
		downloadResults:
			waitForCompletion &&
			(ctx.getNodeParameter('downloadResults', itemIndex, defaults.downloadResults) as boolean),
		timeoutSeconds: Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? timeoutSeconds : 600,
		pollIntervalSeconds:
			Number.isFinite(pollIntervalSeconds) && pollIntervalSeconds > 0 ? pollIntervalSeconds : 0,
		binaryPropertyName,
		downloadLimits: readDownloadLimits(options),
		splitResults: options.splitResults === true,
	};
}

/** Text and word timings of a text result (speech to text), in the item under their own names. */
function textResult(task: KieTask): IDataObject {
	const result = task.resultObject;
	if (!result) return {};
	const json: IDataObject = {};
	if (typeof result.text === 'string') json.text = result.text;
	if (Array.isArray(result.words)) json.words = result.words;
	return json;
}

/** Split Results: one item per result file, each with the task's JSON and its file as `data`. */
function splitByFile(item: INodeExecutionData, prefix: string): INodeExecutionData[] {
	const files = Object.values(item.binary ?? {});
	if (files.length <= 1) return [item];
	return files.map((file, index) => ({
		json: { ...item.json, resultIndex: index },
		binary: { [prefix]: file },
		pairedItem: item.pairedItem,
	}));
}

/**
 * Sends a create and completes its task. A 429 never ends the item: Kie did not create the task,
 * so the client sends it again (paced) until the item's own timeout.
 */
export async function createAndComplete(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	request: CreateTaskRequest,
	options: TaskOptions,
): Promise<INodeExecutionData[]> {
	const created = await run.client.createTask(
		request,
		run.client.deadlineIn(options.timeoutSeconds * 1000),
	);
	return await completeTask(ctx, itemIndex, run, created, options);
}

/**
 * After a create (or for Get Task): optionally wait until the task is final, then emit its item.
 * A `fail` state or a timeout throws, carrying the task.
 */
export async function completeTask(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	/** A task this item created, or one read with Get Task. */
	task: CreatedTask | KieTask,
	options: TaskOptions,
): Promise<INodeExecutionData[]> {
	let current = 'task' in task ? task.task : task;
	run.progress.taskId = current.taskId;
	run.progress.api = current.api;
	run.progress.state = current.state;
	if (options.waitForCompletion) {
		const result = await run.client.waitForTask(task, {
			timeoutMs: options.timeoutSeconds * 1000,
			pollIntervalMs: options.pollIntervalSeconds * 1000,
		});
		current = result.task;
		run.progress.state = current.state;
		if (result.timedOut) throw new TaskTimeoutError(current, options.timeoutSeconds);
	}
	if (current.state === 'fail') throw new TaskFailedError(current);

	const item: INodeExecutionData = {
		json: { ...taskItemJson(current), ...textResult(current) },
		pairedItem: { item: itemIndex },
	};
	if (options.downloadResults && current.state === 'success' && current.resultUrls.length > 0) {
		const { binary, downloadErrors } = await downloadResults(
			ctx,
			run.client,
			current,
			options.binaryPropertyName,
			options.downloadLimits,
		);
		if (binary) item.binary = binary;
		if (downloadErrors) item.json.downloadErrors = downloadErrors;
	}
	return options.splitResults ? splitByFile(item, options.binaryPropertyName) : [item];
}
