/**
 * The Flux Kontext API (https://docs.kie.ai/flux-kontext-api/generate-or-edit-image): images
 * created at /api/v1/flux/kontext/generate and read from /api/v1/flux/kontext/record-info, whose
 * `data` has `successFlag` (0 generating, 1 success, 2 create failed, 3 generation failed) and the
 * one image in `response.resultImageUrl` (plus `originImageUrl`, valid 10 minutes). The callback
 * carries both under `data.info`.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { jsonOrText, optionalText, taskIdOf, taskItem } from '../answers';
import type { KieTask } from '../types';
import { elapsed, flagState, imageCallbackReader, timeMs } from './dedicatedImage';
import { isRecord, modelOf, requireRecord } from './family';
import type { ApiFamily } from './family';

const imagesSchema = z
	.object({ resultImageUrl: optionalText, originImageUrl: optionalText })
	.passthrough();

const statusSchema = z
	.object({
		paramJson: jsonOrText,
		successFlag: z.unknown(),
		errorCode: optionalText,
		errorMessage: optionalText,
		createTime: timeMs,
		completeTime: timeMs,
		response: z.unknown(),
	})
	.passthrough();

function taskWithImages(taskId: string, images: unknown, param: IDataObject | null): KieTask {
	const { resultImageUrl, originImageUrl } = imagesSchema.parse(isRecord(images) ? images : {});
	const task: KieTask = taskItem({
		taskId,
		api: 'flux-kontext',
		model: modelOf(param),
		state: 'generating',
		resultUrls: resultImageUrl ? [resultImageUrl] : [],
		param,
	});
	if (originImageUrl) task.extra = { originImageUrl };
	return task;
}

function parseStatus(data: unknown, taskId: string): KieTask {
	requireRecord(data, taskId, 'flux-kontext.status', 'Flux Kontext');
	const record = statusSchema.parse(data);
	const param = isRecord(record.paramJson) ? record.paramJson : null;
	const task = taskWithImages(taskIdOf(data) ?? taskId, record.response, param);
	task.state = flagState(record.successFlag, null);
	task.createTime = record.createTime;
	task.completeTime = record.completeTime;
	task.costTime = elapsed(record.createTime, record.completeTime);
	if (task.state === 'fail') {
		task.failCode = record.errorCode ?? String(record.successFlag);
		task.failMsg =
			record.errorMessage ??
			(Number(record.successFlag) === 2
				? 'Flux Kontext could not create the task'
				: 'Flux Kontext generation failed');
	}
	return task;
}

/** The callback's `data`: `{taskId, info: {originImageUrl, resultImageUrl}}`. */
function callbackTask(data: IDataObject, taskId: string): KieTask | undefined {
	if (!isRecord(data.info)) return undefined;
	if (!('resultImageUrl' in data.info) && !('originImageUrl' in data.info)) return undefined;
	return taskWithImages(taskId, data.info, null);
}

export const fluxKontextApi: ApiFamily = {
	api: 'flux-kontext',
	label: 'Flux Kontext API',
	statusEndpoint: 'flux-kontext.status',
	parseStatus,
	parseCallback: imageCallbackReader(callbackTask, 'Flux Kontext generation failed'),
};
