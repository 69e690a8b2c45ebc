import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { KieInputError } from '../../catalogue';
import { describeValue } from '../../catalogue/errors';
import { KieRequestError, type KieTask } from '../../client';
import { TaskTimeoutError } from '../common/errors';
import { modelOperation } from '../common/modelOperation';
import { waitProperties, taskIdProperty } from '../common/properties';
import { completeTask, type ItemRun } from '../common/taskOutput';
import {
	readCallbackUrl,
	readTaskId,
	readVideoTaskOptions,
	videoOptionsCollection,
} from './common';

const properties: INodeProperties[] = [
	taskIdProperty('The taskId of a finished Veo 3.1 video (generate or extend)'),
	{
		displayName: 'Resolution',
		name: 'resolution',
		type: 'options',
		options: [
			{ name: '1080p (Free, About 1-3 Minutes)', value: '1080p' },
			{ name: '4K (Extra Credits, About 5-10 Minutes)', value: '4k' },
		],
		default: '1080p',
		description: 'Which version of the video to get',
	},
	...waitProperties({ waitForCompletion: true, downloadResults: true }),
	videoOptionsCollection([
		{
			displayName: 'Video Index',
			name: 'videoIndex',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 0,
			description: 'Which of the task’s videos (0 = the first)',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['video'], operation: ['upscale'] } },
	properties,
);

function readResolution(raw: unknown): '1080p' | '4k' {
	const value = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
	if (value === '1080p' || value === '4k') return value;
	throw new KieInputError(
		'resolution',
		raw,
		`Resolution ${describeValue(raw)} is not a Veo 3.1 upscale. Allowed: 1080p, 4K`,
		'1080p, 4k',
	);
}

/** The original must be a finished Veo video that has the requested index: checked for free first. */
/** The 4K task of an earlier request for the same video, from Kie's 422 answer to a repeat. */
function earlierFourKTask(error: unknown): string | undefined {
	if (!(error instanceof KieRequestError) || error.code !== 422) return undefined;
	const data = error.info.data as { taskId?: unknown } | undefined;
	return typeof data?.taskId === 'string' && data.taskId !== '' ? data.taskId : undefined;
}

function checkOriginal(original: KieTask, resolution: '1080p' | '4k', index: number): void {
	if (original.state !== 'success') {
		throw new KieInputError(
			'taskId',
			original.taskId,
			`Veo 3.1 task ${original.taskId} is "${original.state}", not finished: Kie.ai makes the ${resolution === '4k' ? '4K' : '1080p'} version of a successful video only`,
			'the taskId of a successful Veo 3.1 video',
		);
	}
	if (resolution === '1080p' && original.extra?.fallbackFlag === true) {
		throw new KieInputError(
			'taskId',
			original.taskId,
			`Veo 3.1 task ${original.taskId} was made by the fallback model, which has no 1080p version`,
		);
	}
	if (index >= Math.max(1, original.resultUrls.length)) {
		throw new KieInputError(
			'options.videoIndex',
			index,
			`Task ${original.taskId} has ${original.resultUrls.length} video(s); index ${index} does not exist`,
			`0 to ${original.resultUrls.length - 1}`,
		);
	}
}

/** Version 2: Veo 3.1's 1080p/4K of a finished task beside the jobs-API upscale models. */
const v2 = modelOperation('video', 'upscale', properties[properties.length - 1], {
	options: [{ name: 'Veo 3.1 (1080p or 4K of a Veo Video)', value: 'veo' }],
	default: 'veo',
	properties: properties
		.filter((property) => property.type !== 'boolean' && property.name !== 'options')
		.map((property) => ({ ...property, displayOptions: { show: { videoModel: ['veo'] } } })),
});
export const descriptionV2 = v2.description;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
): Promise<INodeExecutionData[]> {
	if (this.getNode().typeVersion >= 2 && this.getNodeParameter('videoModel', itemIndex) !== 'veo') {
		return await v2.execute.call(this, itemIndex, run);
	}
	const taskId = readTaskId(this, itemIndex);
	const resolution = readResolution(this.getNodeParameter('resolution', itemIndex, '1080p'));
	const index = Number(
		(this.getNodeParameter('options', itemIndex, {}) as IDataObject).videoIndex ?? 0,
	);
	if (!Number.isInteger(index) || index < 0) {
		throw new KieInputError(
			'options.videoIndex',
			index,
			`Video Index ${describeValue(index)} must be a whole number from 0`,
			'0, 1, …',
		);
	}
	const options = readVideoTaskOptions(this, itemIndex);
	const callbackUrl = readCallbackUrl(this, itemIndex);

	run.progress.taskId = taskId;
	run.progress.api = 'veo';
	const original = await run.client.getTask(taskId, 'veo');
	run.progress.state = original.state;
	checkOriginal(original, resolution, index);

	if (resolution === '4k') {
		const body: IDataObject = { taskId, index };
		if (callbackUrl) body.callBackUrl = callbackUrl;
		const created = await run.client
			.createTask(
				{
					api: 'veo',
					endpoint: 'veo.4k',
					model: original.model ?? 'veo3',
					body,
					kind: 'veo|4k-upscale',
					expectedMs: 450_000,
				},
				run.client.deadlineIn(options.timeoutSeconds * 1000),
			)
			.catch(async (error: unknown) => {
				// Asked before: Kie answers 422 with the earlier 4K task ("processing" or "has been
				// generated"). That task is the one to wait for; it costs nothing more.
				const earlier = earlierFourKTask(error);
				if (!earlier) throw error;
				return await run.client.getTask(earlier, 'veo');
			});
		return await completeTask(this, itemIndex, run, created, options);
	}

	const hd = await run.client.waitForVeoHd(original, index, {
		timeoutMs: options.timeoutSeconds * 1000,
		pollIntervalMs: options.pollIntervalSeconds * 1000,
	});
	const hdUrl = hd.task.state === 'success' ? hd.task.resultUrls[0] : undefined;
	if (!hdUrl) {
		throw new TaskTimeoutError({ ...original, state: 'generating' }, options.timeoutSeconds);
	}
	// The Veo task item, with the 1080p file as its result.
	const upscaled: KieTask = {
		...original,
		resultUrls: [hdUrl],
		extra: { ...original.extra, resolution: '1080p', originalResultUrls: original.resultUrls },
	};
	return await completeTask(this, itemIndex, run, upscaled, {
		...options,
		waitForCompletion: false,
		downloadResults: options.downloadResults,
	});
}
