/**
 * The Veo 3.1 API (https://docs.kie.ai/veo3-api/quickstart): generate, extend and the 4K version
 * are tasks read from `/api/v1/veo/record-info`, whose `successFlag` is 0 generating, 1 success,
 * 2 failed, 3 generation failed, with `errorCode`/`errorMessage` and results under `response`
 * (the quickstart reads a JSON-text `resultUrls` at the top instead; both are read).
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { jsonOrText, optionalText, taskIdOf, taskItem } from '../answers';
import type { KieTask, TaskState } from '../types';
import { callbackEnvelope, isRecord, modelOf, requireRecord } from './family';
import type { ApiFamily, CallbackTask } from './family';
import { timeMs, urlList } from './videoFields';

const flagState = z.unknown().transform((value): TaskState => {
	const flag = Number(value);
	if (flag === 1) return 'success';
	if (flag === 2 || flag === 3) return 'fail';
	return 'generating';
});

const responseSchema = z
	.object({
		resultUrls: urlList,
		originUrls: urlList,
		fullResultUrls: urlList,
		imageUrls: urlList,
		mediaIds: z.array(z.string()).optional().catch(undefined),
		resolution: optionalText,
	})
	.passthrough();

const recordSchema = z
	.object({
		successFlag: flagState,
		paramJson: jsonOrText,
		response: z.unknown(),
		resultUrls: urlList,
		errorCode: optionalText,
		errorMessage: optionalText,
		createTime: timeMs,
		completeTime: timeMs,
		fallbackFlag: z.boolean().optional().catch(undefined),
	})
	.passthrough();

function veoExtra(fields: {
	resolution: string | null;
	originUrls: string[];
	fullResultUrls: string[];
	imageUrls: string[];
	mediaIds?: string[];
	fallbackFlag?: boolean;
}): IDataObject | undefined {
	const extra: IDataObject = {};
	if (fields.resolution) extra.resolution = fields.resolution;
	if (fields.originUrls.length > 0) extra.originUrls = fields.originUrls;
	if (fields.fullResultUrls.length > 0) extra.fullResultUrls = fields.fullResultUrls;
	if (fields.imageUrls.length > 0) extra.imageUrls = fields.imageUrls;
	if (fields.mediaIds && fields.mediaIds.length > 0) extra.mediaIds = fields.mediaIds;
	if (fields.fallbackFlag !== undefined) extra.fallbackFlag = fields.fallbackFlag;
	return Object.keys(extra).length > 0 ? extra : undefined;
}

function parseStatus(data: unknown, taskId: string): KieTask {
	requireRecord(data, taskId, 'veo.status', 'Veo 3.1');
	const record = recordSchema.parse(data);
	const response = isRecord(record.response) ? responseSchema.parse(record.response) : undefined;
	const param = isRecord(record.paramJson) ? record.paramJson : null;
	const resultUrls =
		response && response.resultUrls.length > 0 ? response.resultUrls : record.resultUrls;
	const failed = record.successFlag === 'fail';
	const task: KieTask = taskItem({
		taskId: taskIdOf(data) ?? taskId,
		api: 'veo',
		model: modelOf(param),
		state: record.successFlag,
		resultUrls: record.successFlag === 'success' ? resultUrls : [],
		failCode: failed ? (record.errorCode ?? String(data.successFlag)) : null,
		failMsg: failed ? record.errorMessage : null,
		costTime:
			record.createTime !== null &&
			record.completeTime !== null &&
			record.completeTime >= record.createTime
				? record.completeTime - record.createTime
				: null,
		createTime: record.createTime,
		completeTime: record.completeTime,
		param,
	});
	const extra = veoExtra({
		resolution: response?.resolution ?? null,
		originUrls: response?.originUrls ?? [],
		fullResultUrls: response?.fullResultUrls ?? [],
		imageUrls: response?.imageUrls ?? [],
		mediaIds: response?.mediaIds,
		fallbackFlag: record.fallbackFlag,
	});
	if (extra) task.extra = extra;
	return task;
}

const callbackInfo = z
	.object({
		resultUrls: urlList,
		originUrls: urlList,
		imageUrls: urlList,
		resolution: optionalText,
	})
	.passthrough();

/**
 * Veo's callbacks: `{code, msg, data: {taskId, info: {resultUrls, originUrls, resolution},
 * fallbackFlag}}`; the 4K page also shows `data: {task_id, result_urls, media_ids, image_urls}`.
 * A failure has only `data.taskId` (and `fallbackFlag`), so the message tells Veo's apart.
 */
function parseCallback(body: IDataObject, taskId: string): CallbackTask | undefined {
	const { code, msg, data } = callbackEnvelope.parse(body);
	if (!isRecord(data)) return undefined;
	const snake = 'result_urls' in data || 'media_ids' in data;
	const veoShaped =
		isRecord(data.info) ||
		'fallbackFlag' in data ||
		'promptJson' in data ||
		snake ||
		/\bveo|\b4k\b/i.test(msg ?? '');
	if (!veoShaped || 'state' in data || 'successFlag' in data) return undefined;
	const info = isRecord(data.info) ? callbackInfo.parse(data.info) : undefined;
	const resultUrls = snake ? urlList.parse(data.result_urls) : (info?.resultUrls ?? []);
	const success = code === 200;
	const param = isRecord(jsonOrText.parse(data.promptJson))
		? (jsonOrText.parse(data.promptJson) as IDataObject)
		: null;
	const task: KieTask = taskItem({
		taskId: taskIdOf(data) ?? taskId,
		api: 'veo',
		model: modelOf(param),
		state: success ? 'success' : 'fail',
		resultUrls: success ? resultUrls : [],
		failCode: success ? null : code !== null ? String(code) : null,
		failMsg: success ? null : msg,
		param,
	});
	const extra = veoExtra({
		resolution: info?.resolution ?? null,
		originUrls: info?.originUrls ?? [],
		fullResultUrls: [],
		imageUrls: snake ? urlList.parse(data.image_urls) : (info?.imageUrls ?? []),
		mediaIds: snake && Array.isArray(data.media_ids) ? data.media_ids.map(String) : undefined,
		fallbackFlag: typeof data.fallbackFlag === 'boolean' ? data.fallbackFlag : undefined,
	});
	if (extra) task.extra = extra;
	const callbackType = typeof data.callbackType === 'string' ? data.callbackType : null;
	return { task, code, msg, callbackType, complete: !success || resultUrls.length > 0 };
}

export const veoApi: ApiFamily = {
	api: 'veo',
	label: 'Veo 3.1 API',
	statusEndpoint: 'veo.status',
	parseStatus,
	parseCallback,
};
