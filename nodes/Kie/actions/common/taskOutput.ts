/** Waiting for a task and turning it into the item users see: JSON per SPEC, results as binaries. */
import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import type { KieClient } from '../../kie/client';
import type { KieTask } from '../../kie/responses';
import { TaskFailedError, TaskTimeoutError, type ItemProgress } from './errors';
import { extensionForMime, mimeTypeOf } from './mimeTypes';

export interface ItemRun {
	client: KieClient;
	progress: ItemProgress;
}

export interface TaskOptions {
	waitForCompletion: boolean;
	downloadImages: boolean;
	timeoutSeconds: number;
	pollIntervalSeconds: number;
	binaryPropertyName: string;
}

export function readTaskOptions(
	ctx: IExecuteFunctions,
	itemIndex: number,
	defaults: { waitForCompletion: boolean; downloadImages: boolean },
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
		downloadImages:
			waitForCompletion &&
			(ctx.getNodeParameter('downloadImages', itemIndex, defaults.downloadImages) as boolean),
		timeoutSeconds: Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? timeoutSeconds : 600,
		pollIntervalSeconds:
			Number.isFinite(pollIntervalSeconds) && pollIntervalSeconds > 0 ? pollIntervalSeconds : 0,
		binaryPropertyName,
	};
}

/** SPEC's task item. */
export function taskItemJson(task: KieTask): IDataObject {
	const json: IDataObject = {
		taskId: task.taskId,
		model: task.model,
		state: task.state,
		resultUrls: task.resultUrls,
		failCode: task.failCode,
		failMsg: task.failMsg,
		costTime: task.costTime,
		createTime: task.createTime,
		completeTime: task.completeTime,
		creditsConsumed: task.creditsConsumed,
		param: task.param,
	};
	if (task.resultObject) json.resultObject = task.resultObject;
	if (task.resultExtra) Object.assign(json, task.resultExtra);
	if (task.progress !== undefined) json.progress = task.progress;
	return json;
}

function binaryKey(prefix: string, index: number): string {
	return index === 0 ? prefix : `${prefix}_${index}`;
}

/**
 * Each result URL becomes a binary property (`data`, `data_1`, …) named `<taskId>_<n>.<ext>`.
 * A file that cannot be downloaded keeps its URL in the JSON and the item says why.
 */
export async function downloadResults(
	ctx: IExecuteFunctions,
	run: ItemRun,
	task: KieTask,
	prefix: string,
): Promise<{ binary?: IBinaryKeyData; downloadErrors?: string[] }> {
	const binary: IBinaryKeyData = {};
	const downloadErrors: string[] = [];
	for (const [index, url] of task.resultUrls.entries()) {
		try {
			const file = await run.client.download(url);
			const mimeType = mimeTypeOf(file.data, file.contentType, url);
			const fileName = `${task.taskId}_${index}.${extensionForMime(mimeType, url)}`;
			binary[binaryKey(prefix, index)] = await ctx.helpers.prepareBinaryData(
				file.data,
				fileName,
				mimeType,
			);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			downloadErrors.push(`${url}: ${reason}`);
		}
	}
	return {
		binary: Object.keys(binary).length > 0 ? binary : undefined,
		downloadErrors: downloadErrors.length > 0 ? downloadErrors : undefined,
	};
}

/**
 * After a create (or for Get Task): optionally wait until the task is final, then emit its item.
 * A `fail` state or a timeout throws, carrying the task.
 */
export async function completeTask(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	task: KieTask,
	options: TaskOptions,
	wait: { createdAt?: number; kind?: string },
): Promise<INodeExecutionData[]> {
	let current = task;
	run.progress.taskId = current.taskId;
	run.progress.state = current.state;
	if (options.waitForCompletion) {
		const result = await run.client.waitForTask(
			current.taskId,
			{
				timeoutMs: options.timeoutSeconds * 1000,
				pollIntervalMs: options.pollIntervalSeconds * 1000,
				createdAt: wait.createdAt,
				kind: wait.kind,
			},
			current.state === 'waiting' && current.createTime === null ? undefined : current,
		);
		current = result.task;
		run.progress.state = current.state;
		if (result.timedOut) throw new TaskTimeoutError(current, options.timeoutSeconds);
	}
	if (current.state === 'fail') throw new TaskFailedError(current);

	const item: INodeExecutionData = { json: taskItemJson(current), pairedItem: { item: itemIndex } };
	if (options.downloadImages && current.state === 'success' && current.resultUrls.length > 0) {
		const { binary, downloadErrors } = await downloadResults(
			ctx,
			run,
			current,
			options.binaryPropertyName,
		);
		if (binary) item.binary = binary;
		if (downloadErrors) item.json.downloadErrors = downloadErrors;
	}
	return [item];
}
