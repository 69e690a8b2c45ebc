/**
 * Kie's answers, read once, here. First the `{code, msg, data}` envelope: Kie answers errors as
 * HTTP 200 with a `code` other than 200 in the body (and the upload host with `success: false`);
 * gateways answer with plain HTTP errors. Either way the caller gets `data` or a KieRequestError
 * saying whether the request may have done something (see DeliveryState). Then the `data` of the
 * answers other than task records: a created task's id, the credit balance, an uploaded file.
 * Shapes as Kie's pages show them, including where they disagree. Last, the field readers every
 * API's task-record parser (apis/) uses.
 */
import { z } from 'zod';

import type { EndpointName } from './endpoints';
import { KieRequestError, type KieEndpoint } from './errors';
import type { RawResponse } from './http';
import type { KieTask, TaskState, UploadedFile } from './types';

const envelopeSchema = z
	.object({
		code: z.number().optional().catch(undefined),
		msg: z.unknown().optional(),
		message: z.unknown().optional(),
		error: z.unknown().optional(),
		success: z.unknown().optional(),
		data: z.unknown().optional(),
	})
	.passthrough();

function readJson(text: string): unknown {
	try {
		return text === '' ? undefined : JSON.parse(text);
	} catch {
		return undefined;
	}
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
 * Body codes that do not say whether the work was started: Kie's own 500, and 408 ("Upstream is
 * currently experiencing service issues. No result has been returned for over 10 minutes",
 * https://docs.kie.ai/veo3-api/generate-veo-3-video): a create answered so may have made a task.
 */
function mayHaveStarted(code: number): boolean {
	return code === 408 || (code >= 500 && code !== 505 && code !== 501);
}

export function unwrapEnvelope(endpoint: KieEndpoint, response: RawResponse): unknown {
	const { status, headers } = response;
	const json = readJson(response.text);
	const parsed =
		typeof json === 'object' && json !== null && !Array.isArray(json)
			? envelopeSchema.safeParse(json)
			: undefined;
	const body = parsed?.success ? parsed.data : undefined;
	const kieMessage = body
		? String(body.msg ?? body.message ?? body.error ?? '') || undefined
		: undefined;

	if (status >= 200 && status < 300) {
		if (!body) {
			// An unreadable success: the request was processed in some way we cannot see.
			throw new KieRequestError({
				endpoint,
				delivery: 'maybe-sent',
				httpStatus: status,
				networkCode: 'MALFORMED',
			});
		}
		if ((body.code !== undefined && body.code !== 200) || body.success === false) {
			const code = body.code ?? 400;
			throw new KieRequestError({
				endpoint,
				delivery: mayHaveStarted(code) ? 'maybe-sent' : 'answered',
				code,
				httpStatus: status,
				kieMessage,
				retryAfterMs: retryAfterMs(headers),
				data: body.data ?? undefined,
			});
		}
		return body.data;
	}

	throw new KieRequestError({
		endpoint,
		// A gateway or server error (or a 408) may come after the work was done.
		delivery: status >= 500 || status === 408 ? 'maybe-sent' : 'answered',
		code: body?.code ?? status,
		httpStatus: status,
		kieMessage,
		retryAfterMs: retryAfterMs(headers),
	});
}

export function parseCreatedTaskId(endpoint: EndpointName, data: unknown): string {
	const taskId = taskIdOf(data) ?? (typeof data === 'string' && data !== '' ? data : undefined);
	if (!taskId) {
		throw new KieRequestError(
			{ endpoint, delivery: 'maybe-sent', networkCode: 'MALFORMED' },
			'Kie.ai accepted the task but its answer carried no taskId',
		);
	}
	return taskId;
}

/** `data` is the bare number of credits (sometimes as a string, sometimes wrapped). */
const wrappedCredits = z
	.object({ credits: z.unknown(), credit: z.unknown(), balance: z.unknown() })
	.partial()
	.passthrough();

export function parseCredits(data: unknown): number {
	const wrapped =
		typeof data === 'object' && data !== null ? wrappedCredits.safeParse(data) : undefined;
	const source = wrapped?.success
		? (wrapped.data.credits ?? wrapped.data.credit ?? wrapped.data.balance)
		: data;
	const credits = Number(source);
	if (source === null || source === '' || typeof source === 'object' || !Number.isFinite(credits)) {
		throw new KieRequestError(
			{ endpoint: 'account.credits', delivery: 'answered', networkCode: 'MALFORMED' },
			'Kie.ai answered the credits request without a number',
		);
	}
	return credits;
}

const text = z
	.unknown()
	.transform((value) => (value === undefined || value === null ? undefined : String(value)));

/** The endpoint pages say downloadUrl/uploadedAt; the quickstart shows fileUrl/uploadTime. */
const uploadSchema = z
	.object({
		downloadUrl: text,
		fileUrl: text,
		fileName: text,
		filePath: text,
		uploadPath: text,
		fileSize: z.unknown(),
		mimeType: text,
		uploadedAt: text,
		uploadTime: text,
	})
	.partial();

export function parseUploadResult(endpoint: EndpointName, data: unknown): UploadedFile {
	const parsed = uploadSchema.safeParse(data);
	if (!parsed.success || typeof data !== 'object' || data === null) {
		throw new KieRequestError(
			{ endpoint, delivery: 'maybe-sent', networkCode: 'MALFORMED' },
			'Kie.ai accepted the upload but its answer carried no file information',
		);
	}
	const file = parsed.data;
	const downloadUrl = file.downloadUrl ?? file.fileUrl ?? '';
	if (!downloadUrl) {
		throw new KieRequestError(
			{ endpoint, delivery: 'maybe-sent', networkCode: 'MALFORMED' },
			'Kie.ai accepted the upload but its answer carried no download URL',
		);
	}
	return {
		downloadUrl,
		fileName: file.fileName ?? '',
		// The quickstart's answer names the folder and the file apart.
		filePath:
			file.filePath ??
			[file.uploadPath, file.fileName]
				.filter((part) => part !== undefined && part !== '')
				.join('/'),
		fileSize: Number(file.fileSize ?? 0),
		mimeType: file.mimeType ?? '',
		uploadedAt: file.uploadedAt ?? file.uploadTime ?? '',
	};
}

/**
 * Field readers for Kie's status and callback bodies, as zod schemas. Kie's pages disagree on
 * types (numbers as strings, JSON inside strings, empty strings for "none"), so each reader takes
 * whatever arrives and yields one type; a field that is absent or unreadable becomes null.
 */

const blank = (value: unknown) => value === null || value === undefined || value === '';

export const optionalText = z
	.unknown()
	.transform((value): string | null => (blank(value) ? null : String(value)));

export const optionalNumber = z.unknown().transform((value): number | null => {
	if (blank(value)) return null;
	const n = Number(value);
	return Number.isFinite(n) ? n : null;
});

/** A JSON value that may arrive as JSON text (Kie's `param`, `resultJson`). */
export const jsonOrText = z.unknown().transform((value): unknown => {
	if (typeof value !== 'string') return value ?? null;
	if (value.trim() === '') return null;
	try {
		return JSON.parse(value);
	} catch {
		return value;
	}
});

/** `taskId` / `task_id` as a string (Kie's pages use both spellings, and numbers now and then). */
export function taskIdOf(data: unknown): string | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const record = data as Record<string, unknown>;
	const id = record.taskId ?? record.task_id ?? record.recordId;
	return typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : undefined;
}

const STATES = new Set<TaskState>(['waiting', 'queuing', 'generating', 'success', 'fail']);

/** The jobs API's `state`, with the spellings other pages use for the final ones. */
export const jobState = z.unknown().transform((value): TaskState => {
	const state = String(value ?? '').toLowerCase();
	if (STATES.has(state as TaskState)) return state as TaskState;
	if (state === 'failed' || state === 'error') return 'fail';
	if (state === 'succeeded' || state === 'completed') return 'success';
	return 'waiting';
});

/**
 * Kie's pages disagree on `costTime`: milliseconds in recordInfo, seconds in the callback
 * example. The unit closer to the task's own create-to-complete time wins; without those times,
 * the source decides.
 */
export function costTimeMs(
	costTime: number | null,
	createTime: number | null,
	completeTime: number | null,
	source: 'status' | 'callback',
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

/** A task item with nothing known yet but what is given: the one shape every API's reader fills. */
export function taskItem(known: Pick<KieTask, 'taskId' | 'api'> & Partial<KieTask>): KieTask {
	return {
		model: null,
		state: 'waiting',
		resultUrls: [],
		failCode: null,
		failMsg: null,
		costTime: null,
		createTime: null,
		completeTime: null,
		creditsConsumed: null,
		param: null,
		...known,
	};
}
