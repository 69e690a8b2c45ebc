/**
 * Kie's answers, read once, here. Kie's quirks stop at this file:
 * - HTTP 200 with an error `code` in the body (and the upload host's `success: false`);
 * - `resultJson` and `param` as JSON strings inside JSON;
 * - `data` as a bare number (credits) or a bare string (download-url);
 * - `costTime` in milliseconds from recordInfo but in seconds in the callbacks' example;
 * - the task id as `taskId` or `task_id`.
 */
import type { IDataObject } from 'n8n-workflow';

import { KieRequestError, type KieEndpoint } from './errors';

export type TaskState = 'waiting' | 'queuing' | 'generating' | 'success' | 'fail';

export const FINAL_STATES: readonly TaskState[] = ['success', 'fail'];

/** A task as users see it in the node's output (SPEC, Output items). */
export interface KieTask {
	taskId: string;
	model: string | null;
	state: TaskState;
	resultUrls: string[];
	/** Text models answer `{resultObject: {...}}` instead of URLs. */
	resultObject?: IDataObject;
	/** Extra keys of resultJson beyond resultUrls (e.g. firstFrameUrl, lastFrameUrl). */
	resultExtra?: IDataObject;
	failCode: string | null;
	failMsg: string | null;
	/** Milliseconds. */
	costTime: number | null;
	createTime: number | null;
	completeTime: number | null;
	creditsConsumed: number | null;
	param: IDataObject | null;
	progress?: number;
}

export interface RawResponse {
	status: number;
	headers: Record<string, unknown>;
	text: string;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function retryAfterMs(headers: Record<string, unknown>): number | undefined {
	const raw = headers['retry-after'];
	if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(raw));
	return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/**
 * Unwraps `{code, msg, data}` and returns `data`, or throws a KieRequestError saying what Kie
 * answered and whether the request may have done something (see DeliveryState).
 */
export function unwrapEnvelope(endpoint: KieEndpoint, response: RawResponse): unknown {
	const { status, headers, text } = response;
	let body: unknown;
	try {
		body = text === '' ? undefined : JSON.parse(text);
	} catch {
		body = undefined;
	}

	const bodyCode = isObject(body) && typeof body.code === 'number' ? body.code : undefined;
	const bodyMessage = isObject(body)
		? String(body.msg ?? body.message ?? body.error ?? '') || undefined
		: undefined;

	if (status >= 200 && status < 300) {
		if (!isObject(body)) {
			// An unreadable success: the request was processed in some way we cannot see.
			throw new KieRequestError({
				endpoint,
				delivery: 'maybe-sent',
				httpStatus: status,
				networkCode: 'MALFORMED',
			});
		}
		const failedUpload = body.success === false;
		if ((bodyCode !== undefined && bodyCode !== 200) || failedUpload) {
			const code = bodyCode ?? 400;
			throw new KieRequestError({
				endpoint,
				// Kie's own 500 does not say whether work was started.
				delivery: code >= 500 && code !== 505 && code !== 501 ? 'maybe-sent' : 'answered',
				code,
				httpStatus: status,
				kieMessage: bodyMessage,
				retryAfterMs: retryAfterMs(headers),
			});
		}
		return body.data;
	}

	const code = bodyCode ?? status;
	throw new KieRequestError({
		endpoint,
		// A gateway or server error may come after the work was done.
		delivery: status >= 500 ? 'maybe-sent' : 'answered',
		code,
		httpStatus: status,
		kieMessage: bodyMessage,
		retryAfterMs: retryAfterMs(headers),
	});
}

function parseJsonString(value: unknown): unknown {
	if (typeof value !== 'string') return value ?? null;
	if (value.trim() === '') return null;
	try {
		return JSON.parse(value);
	} catch {
		return value;
	}
}

function toNumberOrNull(value: unknown): number | null {
	if (value === null || value === undefined || value === '') return null;
	const n = Number(value);
	return Number.isFinite(n) ? n : null;
}

function toStringOrNull(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	return String(value);
}

const KNOWN_STATES = new Set<TaskState>(['waiting', 'queuing', 'generating', 'success', 'fail']);

function normaliseState(value: unknown): TaskState {
	const state = String(value ?? '').toLowerCase();
	if (KNOWN_STATES.has(state as TaskState)) return state as TaskState;
	if (state === 'failed' || state === 'error') return 'fail';
	if (state === 'succeeded' || state === 'completed') return 'success';
	return 'waiting';
}

/**
 * Kie's pages disagree on `costTime`: milliseconds in recordInfo, seconds in the callback example.
 * The unit closer to the task's own create-to-complete time wins; without those times, the source
 * decides.
 */
function normaliseCostTime(
	costTime: number | null,
	createTime: number | null,
	completeTime: number | null,
	source: 'recordInfo' | 'callback',
): number | null {
	if (costTime === null) return null;
	if (createTime !== null && completeTime !== null && completeTime >= createTime) {
		const elapsed = completeTime - createTime;
		const asSeconds = Math.abs(costTime * 1000 - elapsed);
		const asMillis = Math.abs(costTime - elapsed);
		return asSeconds < asMillis ? costTime * 1000 : costTime;
	}
	return source === 'callback' ? costTime * 1000 : costTime;
}

export function taskIdOf(data: unknown): string | undefined {
	if (!isObject(data)) return undefined;
	const id = data.taskId ?? data.task_id ?? data.recordId;
	return typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : undefined;
}

/** recordInfo's `data` (or a callback's `data`) → the task item users see. */
export function parseTaskRecord(
	data: unknown,
	source: 'recordInfo' | 'callback' = 'recordInfo',
	fallbackTaskId?: string,
): KieTask {
	if (!isObject(data)) {
		throw new KieRequestError(
			{ endpoint: 'recordInfo', delivery: 'answered', code: 404 },
			`Kie.ai returned no record for task ${fallbackTaskId ?? '(unknown)'}`,
		);
	}
	const result = parseJsonString(data.resultJson);
	const param = parseJsonString(data.param);
	const createTime = toNumberOrNull(data.createTime);
	const completeTime = toNumberOrNull(data.completeTime);

	const task: KieTask = {
		taskId: taskIdOf(data) ?? fallbackTaskId ?? '',
		model: toStringOrNull(data.model) ?? (isObject(param) ? toStringOrNull(param.model) : null),
		state: normaliseState(data.state),
		resultUrls: [],
		failCode: toStringOrNull(data.failCode),
		failMsg: toStringOrNull(data.failMsg),
		costTime: normaliseCostTime(toNumberOrNull(data.costTime), createTime, completeTime, source),
		createTime,
		completeTime,
		creditsConsumed: toNumberOrNull(data.creditsConsumed ?? data.consumeCredits),
		param: isObject(param) ? param : null,
	};
	if (isObject(result)) {
		const { resultUrls, resultObject, ...extra } = result;
		if (Array.isArray(resultUrls)) task.resultUrls = resultUrls.map(String);
		if (isObject(resultObject)) task.resultObject = resultObject;
		if (Object.keys(extra).length > 0) task.resultExtra = extra;
	}
	if (typeof data.progress === 'number') task.progress = data.progress;
	return task;
}

/** A task that exists but has not been seen yet (just created, or not polled): state `waiting`. */
export function waitingTask(
	taskId: string,
	model: string | null = null,
	param: IDataObject | null = null,
): KieTask {
	return {
		taskId,
		model,
		state: 'waiting',
		resultUrls: [],
		failCode: null,
		failMsg: null,
		costTime: null,
		createTime: null,
		completeTime: null,
		creditsConsumed: null,
		param,
	};
}

export function parseCreatedTaskId(data: unknown): string {
	const taskId = taskIdOf(data) ?? (typeof data === 'string' && data !== '' ? data : undefined);
	if (!taskId) {
		throw new KieRequestError(
			{ endpoint: 'createTask', delivery: 'maybe-sent', networkCode: 'MALFORMED' },
			'Kie.ai accepted the task but its answer carried no taskId',
		);
	}
	return taskId;
}

/** `data` is the bare number of credits (sometimes as a string). */
export function parseCredits(data: unknown): number {
	const source = isObject(data) ? (data.credits ?? data.credit ?? data.balance) : data;
	const credits = Number(source);
	if (source === null || source === '' || !Number.isFinite(credits)) {
		throw new KieRequestError(
			{ endpoint: 'credit', delivery: 'answered', networkCode: 'MALFORMED' },
			'Kie.ai answered the credits request without a number',
		);
	}
	return credits;
}

/** `data` is the bare URL string. */
export function parseDownloadUrl(data: unknown): string {
	const url = isObject(data) ? (data.url ?? data.downloadUrl) : data;
	if (typeof url !== 'string' || url === '') {
		throw new KieRequestError(
			{ endpoint: 'downloadUrl', delivery: 'answered', networkCode: 'MALFORMED' },
			'Kie.ai answered the download-url request without a URL',
		);
	}
	return url;
}

export interface UploadedFile extends IDataObject {
	downloadUrl: string;
	fileName: string;
	filePath: string;
	fileSize: number;
	mimeType: string;
	uploadedAt: string;
}

export function parseUploadResult(endpoint: KieEndpoint, data: unknown): UploadedFile {
	if (!isObject(data)) {
		throw new KieRequestError(
			{ endpoint, delivery: 'maybe-sent', networkCode: 'MALFORMED' },
			'Kie.ai accepted the upload but its answer carried no file information',
		);
	}
	// The quickstart page shows fileUrl/uploadTime where the endpoint pages say downloadUrl/uploadedAt.
	const downloadUrl = String(data.downloadUrl ?? data.fileUrl ?? '');
	if (!downloadUrl) {
		throw new KieRequestError(
			{ endpoint, delivery: 'maybe-sent', networkCode: 'MALFORMED' },
			'Kie.ai accepted the upload but its answer carried no download URL',
		);
	}
	return {
		downloadUrl,
		fileName: String(data.fileName ?? ''),
		filePath: String(data.filePath ?? data.uploadPath ?? ''),
		fileSize: Number(data.fileSize ?? 0),
		mimeType: String(data.mimeType ?? ''),
		uploadedAt: String(data.uploadedAt ?? data.uploadTime ?? ''),
	};
}
