/**
 * The 4o Image API (https://docs.kie.ai/4o-image-api/generate-4-o-image): GPT-4o images created
 * at /api/v1/gpt4o-image/generate and read from /api/v1/gpt4o-image/record-info, whose `data`
 * has `successFlag` (0 generating, 1 success, 2 failed), `progress` as "0.00"–"1.00" text and the
 * images in `response.resultUrls` (`response.result_urls` on the quickstart page). The callback
 * carries them as `data.info.result_urls`.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { jsonOrText, optionalText, taskIdOf, taskItem } from '../answers';
import type { KieTask } from '../types';
import { elapsed, flagState, imageCallbackReader, progressPercent, timeMs } from './dedicatedImage';
import { isRecord, requireRecord } from './family';
import type { ApiFamily } from './family';

export const FOUR_O_IMAGE_MODEL = 'gpt-4o-image';

const urlList = z.unknown().transform((value): string[] => {
	if (typeof value === 'string') return value === '' ? [] : [value];
	return Array.isArray(value) ? value.filter((url) => typeof url === 'string' && url !== '') : [];
});

const statusSchema = z
	.object({
		paramJson: jsonOrText,
		successFlag: z.unknown(),
		status: optionalText,
		errorCode: optionalText,
		errorMessage: optionalText,
		createTime: timeMs,
		completeTime: timeMs,
		progress: progressPercent,
		response: z.unknown(),
	})
	.passthrough();

function resultUrlsOf(holder: unknown): string[] {
	if (!isRecord(holder)) return [];
	return urlList.parse(holder.resultUrls ?? holder.result_urls);
}

function emptyTask(taskId: string): KieTask {
	return taskItem({
		taskId,
		api: '4o-image',
		model: FOUR_O_IMAGE_MODEL,
		state: 'generating',
	});
}

function parseStatus(data: unknown, taskId: string): KieTask {
	requireRecord(data, taskId, '4o-image.status', '4o Image');
	const record = statusSchema.parse(data);
	const task = emptyTask(taskIdOf(data) ?? taskId);
	task.state = flagState(record.successFlag, record.status);
	task.resultUrls = resultUrlsOf(record.response);
	task.param = isRecord(record.paramJson) ? record.paramJson : null;
	task.createTime = record.createTime;
	task.completeTime = record.completeTime;
	task.costTime = elapsed(record.createTime, record.completeTime);
	if (record.progress !== undefined) task.progress = record.progress;
	if (task.state === 'fail') {
		task.failCode = record.errorCode ?? record.status;
		task.failMsg = record.errorMessage ?? '4o Image generation failed';
	}
	return task;
}

/** The callback's `data`: `{taskId, info: {result_urls} | null}`; other bodies are not 4o Image's. */
function callbackTask(data: IDataObject, taskId: string): KieTask | undefined {
	if (!('info' in data)) return undefined;
	const info = data.info;
	// Veo's callback also has `data.info`, with camelCase `resultUrls` (and no info on failure).
	const ours = info === null ? !('fallbackFlag' in data) : isRecord(info) && 'result_urls' in info;
	if (!ours) return undefined;
	const task = emptyTask(taskId);
	task.resultUrls = resultUrlsOf(info);
	return task;
}

export const fourOImageApi: ApiFamily = {
	api: '4o-image',
	label: '4o Image API',
	statusEndpoint: '4o-image.status',
	parseStatus,
	parseCallback: imageCallbackReader(callbackTask, '4o Image generation failed'),
};
