/**
 * A Kie.ai task callback → the task item of SPEC. Kie documents the body as
 * `{ code, msg, data: <recordInfo data> }` (code 200 success, 501 failure); the task id may be
 * `data.taskId`, `data.task_id` or a top-level `taskId`.
 */
import type { IDataObject } from 'n8n-workflow';

import { taskItemJson } from '../Kie/actions/common/taskOutput';
import { parseTaskRecord, taskIdOf, type KieTask } from '../Kie/kie/responses';

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function callbackTaskId(body: unknown): string | undefined {
	if (!isObject(body)) return undefined;
	return taskIdOf(body.data) ?? taskIdOf(body);
}

export interface ParsedCallback {
	task: KieTask;
	code: number | null;
	msg: string | null;
	callbackType: string | null;
}

export function parseCallback(body: IDataObject, taskId: string): ParsedCallback {
	const data = isObject(body.data) ? body.data : {};
	const task = parseTaskRecord(data, 'callback', taskId);
	const rawCode = Number(body.code);
	const code =
		body.code === undefined || body.code === null || !Number.isFinite(rawCode) ? null : rawCode;
	const msg =
		typeof body.msg === 'string'
			? body.msg
			: typeof body.message === 'string'
				? body.message
				: null;

	// Kie calls back only once a task is final; a body without a state tells it by its code.
	if (task.state !== 'success' && task.state !== 'fail' && code !== null) {
		task.state = code === 200 ? 'success' : 'fail';
	}
	if (task.state === 'fail') {
		task.failCode ??= code !== null && code !== 200 ? String(code) : null;
		task.failMsg ??= msg;
	}
	const callbackType = typeof data.callbackType === 'string' ? data.callbackType : null;
	return { task, code, msg, callbackType };
}

/** SPEC's task item plus what only the callback knows. */
export function callbackItemJson(callback: ParsedCallback): IDataObject {
	const json: IDataObject = {
		...taskItemJson(callback.task),
		callbackCode: callback.code,
		callbackMsg: callback.msg,
	};
	if (callback.callbackType !== null) json.callbackType = callback.callbackType;
	return json;
}
