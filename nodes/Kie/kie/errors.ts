/**
 * One error type for everything Kie or the network did, carrying what the caller needs to decide
 * whether a retry is safe, and a human message. It never holds request options or headers, so the
 * API key cannot travel with it.
 */

export type KieEndpoint =
	| 'createTask'
	| 'recordInfo'
	| 'credit'
	| 'downloadUrl'
	| 'streamUpload'
	| 'base64Upload'
	| 'urlUpload'
	| 'download';

/**
 * Whether the request may have reached Kie:
 * - `not-sent`: it certainly did not (connection refused, DNS failure): repeating it is safe.
 * - `maybe-sent`: it may have (reset after sending, timeout waiting for the answer, HTTP 5xx,
 *   an unreadable answer): a create must not be repeated, it may have started a paid task.
 * - `answered`: Kie answered with a clear error code.
 */
export type DeliveryState = 'not-sent' | 'maybe-sent' | 'answered';

export interface KieErrorInfo {
	endpoint: KieEndpoint;
	delivery: DeliveryState;
	/** Kie's `code` from the body, or the HTTP status when the body had none. */
	code?: number;
	httpStatus?: number;
	/** Kie's own `msg`. */
	kieMessage?: string;
	/** Network error code (ECONNRESET, ECONNREFUSED, ETIMEDOUT …). */
	networkCode?: string;
	/** From a Retry-After header, in ms. */
	retryAfterMs?: number;
}

const CODE_MESSAGES: Record<number, string> = {
	400: 'Kie.ai rejected the request as invalid',
	401: 'Kie.ai rejected the API key: check the Kie.ai API credential (https://kie.ai/api-key)',
	402: 'Your Kie.ai account does not have enough credits: top up at https://kie.ai/pricing',
	404: 'Kie.ai did not find it',
	408: 'Kie.ai upstream timed out: no result for over 10 minutes',
	422: 'Kie.ai rejected the parameters',
	429: "Kie.ai's rate limit was hit (20 new tasks per 10 seconds unless support raised it)",
	433: "This Kie.ai key's usage cap (hourly, daily or total) is reached: raise it at https://kie.ai/api-key",
	455: 'Kie.ai is under maintenance: try again later',
	500: 'Kie.ai had an internal error',
	501: 'Kie.ai could not generate the content',
	502: 'Kie.ai is unreachable (bad gateway)',
	503: 'Kie.ai is temporarily unavailable',
	504: 'Kie.ai did not answer in time (gateway timeout)',
	505: 'This Kie.ai feature is currently disabled',
};

export function describeKieCode(code: number | undefined): string {
	if (code === undefined) return 'Kie.ai request failed';
	return CODE_MESSAGES[code] ?? `Kie.ai answered with code ${code}`;
}

export class KieRequestError extends Error {
	readonly info: KieErrorInfo;

	constructor(info: KieErrorInfo, message?: string) {
		super(message ?? KieRequestError.describe(info));
		this.name = 'KieRequestError';
		this.info = info;
	}

	get code(): number | undefined {
		return this.info.code;
	}

	static describe(info: KieErrorInfo): string {
		if (info.delivery !== 'answered' && info.code === undefined) {
			if (info.networkCode === 'MALFORMED') return 'Kie.ai answered with something that is not JSON';
			if (info.networkCode) return `Could not reach Kie.ai (${info.networkCode})`;
		}
		const base = describeKieCode(info.code);
		const kieText = info.kieMessage?.trim();
		if (!kieText) return `${base} (code ${info.code ?? info.httpStatus ?? '?'})`;
		// 422 and 404 carry the detail in Kie's own words: say them.
		return `${base} (code ${info.code}): ${kieText}`;
	}
}

/** Network errors where the request certainly never left this machine. */
const NOT_SENT_NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ERR_INVALID_URL',
]);

export function deliveryOfNetworkError(networkCode: string | undefined): DeliveryState {
	return networkCode && NOT_SENT_NETWORK_CODES.has(networkCode) ? 'not-sent' : 'maybe-sent';
}

/** Answers worth asking again for a read (a poll, a credits check): Kie or the network hiccupped. */
export function isTransientReadError(error: unknown): boolean {
	if (!(error instanceof KieRequestError)) return false;
	const { code, delivery } = error.info;
	if (delivery !== 'answered') return true;
	return code === undefined || code === 408 || code === 429 || code === 455 || code >= 500;
}

/** Create failures after which Kie cannot have created a task, so sending it again is safe. */
export function isSafeToRepeatCreate(error: unknown): boolean {
	if (!(error instanceof KieRequestError)) return false;
	const { code, delivery } = error.info;
	if (delivery === 'not-sent') return true;
	// Kie does not queue rejected creates (429), and does not create during maintenance (455).
	return delivery === 'answered' && (code === 429 || code === 455);
}
