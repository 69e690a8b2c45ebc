/**
 * Runs the chosen operation for every item. Unlike n8n's usual one-item-after-another loop, items
 * run concurrently (bounded by Options → Max Tasks in Flight; creates are further held to the
 * account's limit by the client), because a generation takes tens of seconds. Output keeps input
 * order, with pairedItem on every item; Continue On Fail and errors are handled here, per item.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { CancelledCreateError, CancelledError, getKieAccount } from '../client';
import * as account from './account';
import * as audio from './audio';
import { ItemClient, runLimits } from './common/createGuard';
import { errorItemJson, redactSecret, toNodeError, type ItemProgress } from './common/errors';
import type { OperationExecute } from './common/taskOutput';
import * as file from './file';
import * as image from './image';
import * as task from './task';
import * as text from './text';
import { isToolMode, toolErrorItem, toolResultItem, withoutDownloads } from './toolMode';
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
