/**
 * Kie's answers, read once, here. First the `{code, msg, data}` envelope: Kie answers errors as
 * HTTP 200 with a `code` other than 200 in the body (and the upload host with `success: false`);
 * gateways answer with plain HTTP errors. Either way the caller gets `data` or a KieRequestError
 * saying whether the request may have done something (see DeliveryState). Then the `data` of the
 * answers other than task records: a created task's id, the credit balance, an uploaded file.
 * Shapes as Kie's pages show them, including where they disagree.
 */
import { z } from 'zod';

import { taskIdOf } from './apis';
import type { EndpointName } from './endpoints';
import { KieRequestError, type KieEndpoint } from './errors';
import type { RawResponse } from './http';
import type { UploadedFile } from './types';

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
