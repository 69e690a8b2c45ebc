/** Readers both dedicated image APIs (4o Image, Flux Kontext) share. */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { taskIdOf } from '../answers';
import type { KieTask, TaskState } from '../types';
import { callbackEnvelope, isRecord, type ApiFamily, type CallbackTask } from './family';

/**
 * Kie's pages give these times as epoch milliseconds, as "2024-01-15 10:30:00" (read as UTC) or
 * as ISO text; all become epoch milliseconds.
 */
export const timeMs = z.unknown().transform((value): number | null => {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	const text = String(value).trim();
	if (/^\d+$/.test(text)) return Number(text);
	const iso = /^\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?$/.test(text)
		? `${text.replace(' ', 'T')}Z`
		: text;
	const parsed = Date.parse(iso);
	return Number.isFinite(parsed) ? parsed : null;
});

/** `progress` as "0.00"–"1.00" text → 0–100, the jobs API's scale. */
export const progressPercent = z.unknown().transform((value): number | undefined => {
	if (value === null || value === undefined || value === '') return undefined;
	const n = Number(value);
	if (!Number.isFinite(n)) return undefined;
	return Math.round((n <= 1 ? n * 100 : n) * 100) / 100;
});

/** `successFlag` 0 = generating, 1 = success, 2 and 3 = failed (create / generation). */
export function flagState(flag: unknown, status: string | null): TaskState {
	const value = flag === null || flag === undefined || flag === '' ? NaN : Number(flag);
	if (value === 1) return 'success';
	if (value === 2 || value === 3) return 'fail';
	if (status === 'SUCCESS') return 'success';
	if (status && /FAIL/i.test(status)) return 'fail';
	return 'generating';
}

export function elapsed(createTime: number | null, completeTime: number | null): number | null {
	return createTime !== null && completeTime !== null && completeTime >= createTime
		? completeTime - createTime
		: null;
}

/** A callback's outcome: code 200 delivers the task's images; any other code fails it without them. */
export function imageCallback(
	task: KieTask,
	code: number | null,
	msg: string | null,
	failMsg: string,
): CallbackTask {
	const failed = code !== 200;
	task.state = failed ? 'fail' : 'success';
	if (failed) {
		task.resultUrls = [];
		task.failCode = code !== null ? String(code) : null;
		task.failMsg = msg ?? failMsg;
	}
	return { task, code, msg, callbackType: null, complete: failed || task.resultUrls.length > 0 };
}

/**
 * An image API's callback, `{code, msg, data: {taskId, info}}`: `taskOf` reads the task from
 * `data` (undefined: the body is not this API's), then the code decides (imageCallback).
 */
export function imageCallbackReader(
	taskOf: (data: IDataObject, taskId: string) => KieTask | undefined,
	failMsg: string,
): ApiFamily['parseCallback'] {
	return (body, taskId) => {
		const { code, msg, data } = callbackEnvelope.parse(body);
		if (!isRecord(data)) return undefined;
		const task = taskOf(data, taskIdOf(data) ?? taskId);
		return task && imageCallback(task, code, msg, failMsg);
	};
}
