/**
 * Suno's lyrics (https://docs.kie.ai/suno-api/generate-lyrics): a task read from
 * /api/v1/lyrics/record-info, whose `status` is PENDING → SUCCESS or a failure, with the variants
 * in `response.data` ({text, title, status, errorMessage}); the callback carries them in
 * `data.data` (`error_message`), at the `complete` stage only.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { jsonOrText, optionalText, taskIdOf, taskItem } from '../answers';
import type { KieTask } from '../types';
import { callbackEnvelope, isRecord, requireRecord } from './family';
import type { ApiFamily, CallbackTask } from './family';
import { textFlagState } from './sunoTools';

export interface LyricsVariant extends IDataObject {
	title: string | null;
	text: string | null;
	status: string | null;
	errorMessage: string | null;
}

function variantsOf(value: unknown): LyricsVariant[] {
	return (Array.isArray(value) ? value : []).filter(isRecord).map((variant) => ({
		title: optionalText.parse(variant.title),
		text: optionalText.parse(variant.text),
		status: optionalText.parse(variant.status),
		errorMessage: optionalText.parse(variant.errorMessage ?? variant.error_message),
	}));
}

/** `text` is the first finished variant's lyrics; `lyrics` lists every variant. */
function lyricsTask(taskId: string, variants: LyricsVariant[], param: IDataObject | null): KieTask {
	const task = taskItem({ taskId, api: 'suno-lyrics', model: 'suno-lyrics', param });
	const finished = variants.filter((variant) => variant.text);
	task.extra = { text: finished[0]?.text ?? null, lyrics: variants };
	return task;
}

const statusSchema = z
	.object({
		status: optionalText,
		param: jsonOrText,
		response: z.unknown(),
		errorCode: optionalText,
		errorMessage: optionalText,
	})
	.passthrough();

function parseStatus(data: unknown, taskId: string): KieTask {
	requireRecord(data, taskId, 'suno-lyrics.status', 'Suno lyrics');
	const record = statusSchema.parse(data);
	const response = isRecord(record.response) ? record.response : {};
	const variants = variantsOf(response.data);
	const task = lyricsTask(
		taskIdOf(data) ?? taskId,
		variants,
		isRecord(record.param) ? record.param : null,
	);
	task.state = textFlagState(
		record.status,
		variants.some((variant) => variant.text),
	);
	if (task.state === 'fail') {
		task.failCode = record.errorCode ?? record.status;
		task.failMsg =
			record.errorMessage ??
			variants.find((variant) => variant.errorMessage)?.errorMessage ??
			'Suno could not write the lyrics';
	}
	return task;
}

/** `{code, msg, data: {callbackType, task_id, data: [variants] | null}}` with variants that have `text`. */
function parseCallback(body: IDataObject, taskId: string): CallbackTask | undefined {
	const data = body.data;
	if (!isRecord(data) || typeof data.callbackType !== 'string') return undefined;
	const list = data.data;
	if (!Array.isArray(list) || !list.some((variant) => isRecord(variant) && 'text' in variant)) {
		return undefined;
	}
	const { code, msg } = callbackEnvelope.parse(body);
	const task = lyricsTask(taskIdOf(data) ?? taskId, variantsOf(list), null);
	const success = code === 200 && data.callbackType === 'complete';
	const failed = code !== 200 || data.callbackType === 'error';
	task.state = success ? 'success' : failed ? 'fail' : 'generating';
	if (failed) {
		task.failCode = code !== null ? String(code) : 'error';
		task.failMsg = msg ?? 'Suno could not write the lyrics';
	}
	return { task, code, msg, callbackType: data.callbackType, complete: success || failed };
}

export const sunoLyricsApi: ApiFamily = {
	api: 'suno-lyrics',
	label: 'Suno: Lyrics',
	statusEndpoint: 'suno-lyrics.status',
	parseStatus,
	parseCallback,
};
