/**
 * The Runway API (https://docs.kie.ai/runway-api/quickstart): generate and extend are read from
 * `/api/v1/runway/record-detail`, whose `state` is wait / queueing / generating / success /
 * fail, with the video under `videoInfo` and `failCode`/`failMsg`; callbacks are snake_case.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { optionalNumber, optionalText, taskIdOf, taskItem } from '../answers';
import type { KieTask, TaskState } from '../types';
import { callbackEnvelope, isRecord, requireRecord } from './family';
import type { ApiFamily, CallbackTask } from './family';
import { timeMs } from './videoFields';

const STATES: Record<string, TaskState> = {
	wait: 'waiting',
	waiting: 'waiting',
	queueing: 'queuing',
	queuing: 'queuing',
	generating: 'generating',
	success: 'success',
	fail: 'fail',
	failed: 'fail',
};

const runwayState = z
	.unknown()
	.transform((value): TaskState => STATES[String(value ?? '').toLowerCase()] ?? 'waiting');

const videoInfoSchema = z
	.object({ videoId: optionalText, videoUrl: optionalText, imageUrl: optionalText })
	.passthrough();

const recordSchema = z
	.object({
		state: runwayState,
		parentTaskId: optionalText,
		generateParam: z.record(z.unknown()).optional().catch(undefined),
		generateTime: timeMs,
		videoInfo: z.unknown(),
		failCode: optionalText,
		failMsg: optionalText,
		expireFlag: optionalNumber,
	})
	.passthrough();

function runwayExtra(fields: IDataObject): IDataObject | undefined {
	const extra = Object.fromEntries(
		Object.entries(fields).filter(
			([, value]) => value !== null && value !== undefined && value !== '',
		),
	);
	return Object.keys(extra).length > 0 ? (extra as IDataObject) : undefined;
}

function parseStatus(data: unknown, taskId: string): KieTask {
	requireRecord(data, taskId, 'runway.status', 'Runway');
	const record = recordSchema.parse(data);
	const video = isRecord(record.videoInfo) ? videoInfoSchema.parse(record.videoInfo) : undefined;
	const final = record.state === 'success' || record.state === 'fail';
	const task: KieTask = taskItem({
		taskId: taskIdOf(data) ?? taskId,
		api: 'runway',
		model: 'runway',
		state: record.state,
		resultUrls: record.state === 'success' && video?.videoUrl ? [video.videoUrl] : [],
		failCode: record.state === 'fail' ? (record.failCode ?? '400') : null,
		failMsg: record.state === 'fail' ? record.failMsg : null,
		// "Timestamp when the video generation was completed"
		completeTime: final ? record.generateTime : null,
		param: (record.generateParam as IDataObject | undefined) ?? null,
	});
	const extra = runwayExtra({
		imageUrl: video?.imageUrl ?? null,
		videoId: video?.videoId ?? null,
		parentTaskId: record.parentTaskId,
		expireFlag: record.expireFlag,
	});
	if (extra) task.extra = extra;
	return task;
}

/** `{code, msg, data: {task_id, video_id, video_url, image_url}}`; empty or absent URLs on failure. */
function parseCallback(body: IDataObject, taskId: string): CallbackTask | undefined {
	const { code, msg, data } = callbackEnvelope.parse(body);
	if (!isRecord(data) || !('video_url' in data || 'video_id' in data || 'image_url' in data))
		return undefined;
	const success = code === 200;
	const videoUrl =
		typeof data.video_url === 'string' && data.video_url !== '' ? data.video_url : undefined;
	const task: KieTask = taskItem({
		taskId: taskIdOf(data) ?? taskId,
		api: 'runway',
		model: 'runway',
		state: success ? 'success' : 'fail',
		resultUrls: success && videoUrl ? [videoUrl] : [],
		failCode: success ? null : code !== null ? String(code) : null,
		failMsg: success ? null : msg,
	});
	const extra = runwayExtra({
		imageUrl: (data.image_url as string) ?? null,
		videoId: (data.video_id as string) ?? null,
	});
	if (extra) task.extra = extra;
	return { task, code, msg, callbackType: null, complete: !success || videoUrl !== undefined };
}

export const runwayApi: ApiFamily = {
	api: 'runway',
	label: 'Runway API',
	statusEndpoint: 'runway.status',
	parseStatus,
	parseCallback,
};
