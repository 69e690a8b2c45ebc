/**
 * Runway Aleph (https://docs.kie.ai/runway-api/generate-aleph-video): video-to-video, read from
 * /api/v1/aleph/record-info. `successFlag` is 1 when done and 0 otherwise ("failed or in
 * progress"), so a 0 with an errorCode or errorMessage is a failure; the video is
 * `response.resultVideoUrl`, its still `response.resultImageUrl`, the request `paramJson`.
 * The callback has the task id at the top level and `data.result_video_url`.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { jsonOrText, optionalNumber, optionalText, taskIdOf, taskItem } from '../answers';
import type { KieTask } from '../types';
import { callbackEnvelope, isRecord, requireRecord } from './family';
import type { ApiFamily, CallbackTask } from './family';
import { timeMs } from './videoFields';

const recordSchema = z
	.object({
		successFlag: optionalNumber,
		paramJson: jsonOrText,
		response: z.unknown(),
		createTime: timeMs,
		completeTime: timeMs,
		errorCode: optionalText,
		errorMessage: optionalText,
	})
	.passthrough();

function alephTask(taskId: string, videoUrl: string | null, imageUrl: string | null): KieTask {
	const task = taskItem({
		taskId,
		api: 'aleph',
		model: 'runway-aleph',
		resultUrls: videoUrl ? [videoUrl] : [],
	});
	if (imageUrl) task.extra = { imageUrl };
	return task;
}

function parseStatus(data: unknown, taskId: string): KieTask {
	requireRecord(data, taskId, 'aleph.status', 'Aleph');
	const record = recordSchema.parse(data);
	const response = isRecord(record.response) ? record.response : {};
	const videoUrl = optionalText.parse(response.resultVideoUrl);
	const failed =
		record.successFlag !== 1 &&
		((record.errorCode !== null && record.errorCode !== '0' && record.errorCode !== '200') ||
			record.errorMessage !== null);
	const done = record.successFlag === 1;
	const task = alephTask(
		taskIdOf(data) ?? taskId,
		done ? videoUrl : null,
		done ? optionalText.parse(response.resultImageUrl) : null,
	);
	task.state = done ? 'success' : failed ? 'fail' : 'generating';
	task.createTime = record.createTime;
	task.completeTime = done || failed ? record.completeTime : null;
	task.param = isRecord(record.paramJson) ? record.paramJson : null;
	if (failed) {
		task.failCode = record.errorCode ?? 'fail';
		task.failMsg = record.errorMessage ?? 'Runway Aleph could not make the video';
	}
	return task;
}

/** `{code, msg, data: {result_video_url, result_image_url} | null, taskId}`. */
function parseCallback(body: IDataObject, taskId: string): CallbackTask | undefined {
	const data = body.data;
	const ours = isRecord(data)
		? 'result_video_url' in data
		: data === null && typeof body.taskId === 'string' && !('callbackType' in body);
	if (!ours) return undefined;
	const { code, msg } = callbackEnvelope.parse(body);
	const success = code === 200 && isRecord(data);
	const task = alephTask(
		taskIdOf(body) ?? (isRecord(data) ? taskIdOf(data) : undefined) ?? taskId,
		success ? optionalText.parse(data.result_video_url) : null,
		success ? optionalText.parse(data.result_image_url) : null,
	);
	task.state = success ? 'success' : 'fail';
	if (!success) {
		task.failCode = code !== null ? String(code) : 'error';
		task.failMsg = msg ?? 'Runway Aleph could not make the video';
	}
	return { task, code, msg, callbackType: null, complete: !success || task.resultUrls.length > 0 };
}

export const alephApi: ApiFamily = {
	api: 'aleph',
	label: 'Runway Aleph',
	statusEndpoint: 'aleph.status',
	parseStatus,
	parseCallback,
};
