/** The flow Audio Generate and Extend share: validate → create → wait → item (MP3s as binaries). */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { CreateTaskRequest } from '../../client';
import { taskOptionsCollection, waitProperties } from '../common/properties';
import {
	createAndComplete,
	readCallbackUrl,
	readTaskOptions,
	type ItemRun,
} from '../common/taskOutput';

/** Songs take minutes: audio waits 15 minutes by default. */
export const AUDIO_TIMEOUT_SECONDS = 900;

export const audioWaitProperties = waitProperties({
	waitForCompletion: true,
	downloadResults: true,
});

export const audioOptionsCollection: INodeProperties = {
	...taskOptionsCollection,
	options: (taskOptionsCollection.options ?? []).map((option) =>
		option.name === 'timeout' ? { ...option, default: AUDIO_TIMEOUT_SECONDS } : option,
	),
};

export async function createAudioTask(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	/** Validates the item's input and builds the create; throws before any paid request. */
	build: (callbackUrl: string | undefined) => CreateTaskRequest | Promise<CreateTaskRequest>,
): Promise<INodeExecutionData[]> {
	const options = readTaskOptions(ctx, itemIndex, {
		waitForCompletion: true,
		downloadResults: true,
	});
	const raw = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (raw.timeout === undefined || raw.timeout === null || raw.timeout === '') {
		options.timeoutSeconds = AUDIO_TIMEOUT_SECONDS;
	}
	const request = await build(readCallbackUrl(ctx, itemIndex));
	return await createAndComplete(ctx, itemIndex, run, request, options);
}
