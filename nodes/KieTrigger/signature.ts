/**
 * Kie.ai's callback signature (common-api/webhook-verification):
 * `X-Webhook-Signature = base64(HMAC-SHA256(taskId + "." + X-Webhook-Timestamp, webhookHmacKey))`,
 * the timestamp in Unix seconds. Pure: the clock comes in as `nowMs`.
 */
import { createHmac, timingSafeEqual } from 'crypto';

export const TIMESTAMP_HEADER = 'x-webhook-timestamp';
export const SIGNATURE_HEADER = 'x-webhook-signature';

/** How far a callback's timestamp may be from our clock, either way. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type SignatureRejection =
	| 'missing-headers'
	| 'missing-task-id'
	| 'invalid-timestamp'
	| 'stale-timestamp'
	| 'future-timestamp'
	| 'invalid-signature';

export type SignatureCheck =
	| { valid: true }
	| { valid: false; reason: SignatureRejection; message: string };

export interface SignedCallback {
	/** The task id from the callback body. */
	taskId: string | undefined;
	/** The raw X-Webhook-Timestamp header value. */
	timestamp: unknown;
	/** The raw X-Webhook-Signature header value. */
	signature: unknown;
}

export interface VerifyOptions {
	key: string;
	nowMs: number;
	toleranceSeconds?: number;
}

export function computeSignature(taskId: string, timestamp: string, key: string): string {
	return createHmac('sha256', key).update(`${taskId}.${timestamp}`).digest('base64');
}

function rejection(reason: SignatureRejection, message: string): SignatureCheck {
	return { valid: false, reason, message };
}

function asHeaderText(raw: unknown): string | undefined {
	const value = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
	if (typeof value === 'number') return String(value);
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	return text === '' ? undefined : text;
}

/**
 * Kie documents seconds; a 13-digit value is read as milliseconds for the freshness check only
 * (the signature always covers the header exactly as sent).
 */
function timestampMs(timestamp: string): number | undefined {
	if (!/^\d{1,16}$/.test(timestamp)) return undefined;
	const value = Number(timestamp);
	return value >= 1e12 ? value : value * 1000;
}

export function verifyCallbackSignature(
	callback: SignedCallback,
	options: VerifyOptions,
): SignatureCheck {
	const timestamp = asHeaderText(callback.timestamp);
	const signature = asHeaderText(callback.signature);
	if (timestamp === undefined || signature === undefined) {
		return rejection(
			'missing-headers',
			'Missing X-Webhook-Timestamp or X-Webhook-Signature header',
		);
	}
	if (!callback.taskId) {
		return rejection('missing-task-id', 'No task id in the callback body');
	}

	const sentAtMs = timestampMs(timestamp);
	if (sentAtMs === undefined) {
		return rejection('invalid-timestamp', 'X-Webhook-Timestamp is not a Unix timestamp');
	}
	const toleranceMs = (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS) * 1000;
	if (sentAtMs < options.nowMs - toleranceMs) {
		return rejection('stale-timestamp', 'X-Webhook-Timestamp is too old');
	}
	if (sentAtMs > options.nowMs + toleranceMs) {
		return rejection('future-timestamp', 'X-Webhook-Timestamp is in the future');
	}

	const expected = Buffer.from(computeSignature(callback.taskId, timestamp, options.key));
	const received = Buffer.from(signature);
	// timingSafeEqual needs equal lengths; a base64 SHA-256 always has 44 characters, so the
	// length says nothing secret.
	if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
		return rejection('invalid-signature', 'Invalid signature');
	}
	return { valid: true };
}
