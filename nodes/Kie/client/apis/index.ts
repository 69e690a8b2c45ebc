/**
 * The Kie APIs the client speaks, and which one reads a task record or a callback. Adding one:
 * rows in ../endpoints.ts, a family file, a line here.
 *
 * The jobs API (https://docs.kie.ai/market/quickstart) is read here, beside the list: every market
 * model, created with `{model, input, callBackUrl}` and read from recordInfo, whose `data` carries
 * `state`, and `resultJson` and `param` as JSON text. Callbacks carry the same record under
 * `data`. Its callback reader accepts any body: the reader of last resort, tried after the others.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import {
	costTimeMs,
	jobState,
	jsonOrText,
	optionalNumber,
	optionalText,
	taskIdOf,
} from '../answers';
import { KieRequestError } from '../errors';
import type { KieApi, KieTask } from '../types';
import type { ApiFamily, CallbackTask } from './family';
import { alephApi } from './aleph';
import { fluxKontextApi } from './fluxKontext';
import { fourOImageApi } from './fourOImage';
import { runwayApi } from './runway';
import { sunoApi } from './suno';
import { sunoLyricsApi } from './sunoLyrics';
import {
	sunoCoverApi,
	sunoMidiApi,
	sunoMusicVideoApi,
	sunoVocalSeparationApi,
	sunoWavApi,
} from './sunoTools';
import { veoApi } from './veo';

export type { ApiFamily, CallbackTask } from './family';
export {
	parseBoostStyle,
	parseDownloadUrl,
	parsePersona,
	parseTimestampedLyrics,
} from './sunoAnswers';

const recordSchema = z
	.object({
		model: optionalText,
		state: jobState,
		param: jsonOrText,
		resultJson: jsonOrText,
		failCode: optionalText,
		failMsg: optionalText,
		costTime: optionalNumber,
		createTime: optionalNumber,
		completeTime: optionalNumber,
		creditsConsumed: optionalNumber,
		consumeCredits: optionalNumber,
		progress: z.number().optional().catch(undefined),
	})
	.passthrough();

const resultSchema = z
	.object({
		resultUrls: z.array(z.unknown()).optional().catch(undefined),
		resultObject: z.record(z.unknown()).optional().catch(undefined),
	})
	.passthrough();

function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Kie sometimes sends `param.input` as JSON text inside `param`'s JSON text: parsed too. */
function withInputParsed(param: IDataObject | null): IDataObject | null {
	if (param === null || typeof param.input !== 'string') return param;
	try {
		const input: unknown = JSON.parse(param.input);
		return isRecord(input) ? { ...param, input } : param;
	} catch {
		return param;
	}
}

/** recordInfo's `data` (or a callback's `data`) → the task item. */
function parseRecord(data: unknown, source: 'status' | 'callback', taskId: string): KieTask {
	if (!isRecord(data)) {
		throw new KieRequestError(
			{ endpoint: 'market.status', delivery: 'answered', code: 404 },
			`Kie.ai returned no record for task ${taskId}`,
		);
	}
	const record = recordSchema.parse(data);
	const param = withInputParsed(isRecord(record.param) ? record.param : null);
	const task: KieTask = {
		taskId: taskIdOf(data) ?? taskId,
		api: 'market',
		model: record.model ?? (param && typeof param.model === 'string' ? param.model : null),
		state: record.state,
		resultUrls: [],
		failCode: record.failCode,
		failMsg: record.failMsg,
		costTime: costTimeMs(record.costTime, record.createTime, record.completeTime, source),
		createTime: record.createTime,
		completeTime: record.completeTime,
		creditsConsumed: record.creditsConsumed ?? record.consumeCredits,
		param,
	};
	if (isRecord(record.resultJson)) {
		const { resultUrls, resultObject, ...extra } = resultSchema.parse(record.resultJson);
		if (resultUrls) task.resultUrls = resultUrls.map(String);
		if (resultObject) task.resultObject = resultObject as IDataObject;
		if (Object.keys(extra).length > 0) task.extra = extra as IDataObject;
	}
	if (record.progress !== undefined) task.progress = record.progress;
	return task;
}

const callbackSchema = z
	.object({ code: optionalNumber, msg: optionalText, message: optionalText, data: z.unknown() })
	.passthrough();

/**
 * Kie documents the body as `{code, msg, data: <the record>}` (code 200 success, 501 failure);
 * its webhook page also shows one with only `data.task_id` and `data.callbackType`.
 */
function parseCallback(body: IDataObject, taskId: string): CallbackTask {
	const { code, msg, message, data } = callbackSchema.parse(body);
	const record = isRecord(data) ? data : {};
	const task = parseRecord(record, 'callback', taskId);
	// Kie calls back only once a task is final; a body without a state tells it by its code.
	if (task.state !== 'success' && task.state !== 'fail' && code !== null) {
		task.state = code === 200 ? 'success' : 'fail';
	}
	const text = msg ?? message;
	if (task.state === 'fail') {
		task.failCode ??= code !== null && code !== 200 ? String(code) : null;
		task.failMsg ??= text;
	}
	const callbackType = typeof record.callbackType === 'string' ? record.callbackType : null;
	return {
		task,
		code,
		msg: text,
		callbackType,
		complete:
			task.state === 'fail' || task.resultUrls.length > 0 || task.resultObject !== undefined,
	};
}

export const marketApi: ApiFamily = {
	api: 'market',
	label: 'Jobs API (Market Models)',
	statusEndpoint: 'market.status',
	parseStatus: (data, taskId) => parseRecord(data, 'status', taskId),
	parseCallback,
};

/** In the order callbacks are tried; the jobs API's reader accepts any body, so it comes last. */
export const API_FAMILIES: readonly ApiFamily[] = [
	// Lyrics callbacks have Suno's stages too: tried before songs'. Music video's before Runway's.
	sunoLyricsApi,
	sunoApi,
	sunoWavApi,
	sunoMusicVideoApi,
	sunoVocalSeparationApi,
	sunoMidiApi,
	sunoCoverApi,
	alephApi,
	fourOImageApi,
	fluxKontextApi,
	veoApi,
	runwayApi,
	marketApi,
];

const byApi = new Map<string, ApiFamily>(API_FAMILIES.map((family) => [family.api, family]));

export function apiFamily(api: KieApi): ApiFamily {
	const family = byApi.get(api);
	if (!family) throw new Error(`The Kie.ai API "${api}" is not supported`);
	return family;
}

export function isKieApi(value: unknown): value is KieApi {
	return typeof value === 'string' && byApi.has(value);
}

/** The task id a callback names: `data.taskId`, `data.task_id` or a top-level `taskId`. */
export function callbackTaskId(body: unknown): string | undefined {
	if (typeof body !== 'object' || body === null) return undefined;
	return taskIdOf((body as IDataObject).data) ?? taskIdOf(body);
}

/** The first API whose callback shape the body has. */
export function parseCallbackBody(body: IDataObject, taskId: string): CallbackTask {
	for (const family of API_FAMILIES) {
		const parsed = family.parseCallback(body, taskId);
		if (parsed) return parsed;
	}
	return marketApi.parseCallback(body, taskId)!;
}
