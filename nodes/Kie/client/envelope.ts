/**
 * Kie's `{code, msg, data}` envelope, read once, here. Kie answers errors as HTTP 200 with a
 * `code` other than 200 in the body (and the upload host with `success: false`); gateways answer
 * with plain HTTP errors. Either way the caller gets `data` or a KieRequestError saying whether
 * the request may have done something (see DeliveryState).
 */
import { z } from 'zod';

import type { KieEndpoint } from './errors';
import { KieRequestError } from './errors';
import type { RawResponse } from './http';

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
