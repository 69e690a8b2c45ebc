/**
 * One error type for everything Kie or the network did, carrying what the caller needs to decide
 * whether a retry is safe, and a human message. It never holds request options or headers, so the
 * API key cannot travel with it.
 */

import type { EndpointName } from './endpoints';

/** The endpoint table's row, or a result file's download. */
export type KieEndpoint = EndpointName | 'download';

function isStatusEndpoint(endpoint: KieEndpoint): boolean {
	return endpoint.endsWith('.status');
}

/**
 * The execution was cancelled (or another item failed the node) while a request or wait ran.
 * Spelt "canceled" as n8n does: n8n marks an execution whose node error says "canceled" as
 * canceled rather than failed.
 */
export class CancelledError extends Error {
	constructor() {
		super('The execution was canceled');
		this.name = 'CancelledError';
	}
}

/**
 * The execution was cancelled (Stop, or another item failed the node) while a create was on its
 * way: Kie may have made the task. Still a cancellation (n8n reads "canceled"), saying what is known.
 */
export class CancelledCreateError extends CancelledError {
	constructor(
		readonly model: string,
		readonly sentAt: number,
	) {
		super();
		this.message =
			`The execution was canceled while the ${model} create request was on its way, so Kie.ai may have created the task without returning its taskId. ` +
			`It was not sent again: look for it at https://kie.ai/logs (model ${model}, sent around ${new Date(sentAt).toISOString()}) and fetch it with the Get Task operation.`;
		this.name = 'CancelledCreateError';
	}
}

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
	/** The answer's `data`, when an error answer carried one (Veo's repeated 4K request does). */
	data?: unknown;
}

const CODE_MESSAGES: Record<number, string> = {
	400: 'Kie.ai rejected the request as invalid',
	401: 'Kie.ai rejected the API key: check the Kie.ai API credential (https://kie.ai/api-key)',
	402: 'Your Kie.ai account does not have enough credits: top up at https://kie.ai/pricing',
	404: 'Kie.ai did not find it',
	405: 'Kie.ai does not accept this request method here',
	408: 'Kie.ai upstream timed out: no result for over 10 minutes',
	413: 'Kie.ai refused the file as too large',
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
		if (info.delivery !== 'answered' && info.code === undefined && info.networkCode) {
			return describeNetworkFailure(info.networkCode);
		}
		const base =
			isStatusEndpoint(info.endpoint) && (info.code === 404 || info.code === 422)
				? 'Kie.ai has no task with this taskId for this API key'
				: describeKieCode(info.code);
		const kieText = kieWords(info.kieMessage);
		if (!kieText) return `${base} (code ${info.code ?? info.httpStatus ?? '?'})`;
		// 422 and 404 carry the detail in Kie's own words: say them.
		return `${base} (code ${info.code}): ${kieText}`;
	}
}

/**
 * n8n's error classes replace a whole message that contains a Node.js error code (ECONNREFUSED,
 * ETIMEDOUT …) with a generic text about the n8n server's own connection. Kie's messages can
 * contain such codes when Kie itself failed to fetch something (a file URL), so in messages they
 * are spelled out in words; KieErrorInfo.kieMessage keeps Kie's exact text.
 */
const CODE_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ECONNABORTED: 'connection aborted',
	ETIMEDOUT: 'timed out',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host lookup failed',
	GETADDRINFO: 'host lookup',
	EHOSTUNREACH: 'host unreachable',
	EADDRNOTAVAIL: 'address not available',
	ERRADDRINUSE: 'address in use',
	ENOENT: 'not found',
	EISDIR: 'is a directory',
	ENOTDIR: 'not a directory',
	EACCES: 'access denied',
	EEXIST: 'already exists',
	EPERM: 'not permitted',
};
const CODE_PATTERN = new RegExp(Object.keys(CODE_WORDS).join('|'), 'gi');

export function kieWords(text: string | undefined): string | undefined {
	const trimmed = text?.trim();
	if (!trimmed) return undefined;
	return trimmed.replace(CODE_PATTERN, (code) => CODE_WORDS[code.toUpperCase()] ?? code);
}

/**
 * Network failures in words. The raw codes (ECONNRESET …) stay out of messages on purpose: n8n's
 * NodeApiError and NodeOperationError replace any message containing one with a generic text
 * ("…You can retry the request immediately…"), which would hide what happened to a paid task.
 */
const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'Could not reach Kie.ai: the connection was refused',
	ENOTFOUND: 'Could not reach Kie.ai: the host name of the base URL was not found',
	EAI_AGAIN: 'Could not reach Kie.ai: the host name lookup failed',
	EHOSTUNREACH: 'Could not reach Kie.ai: the host is unreachable',
	ENETUNREACH: 'Could not reach Kie.ai: the network is unreachable',
	ERR_INVALID_URL: 'Could not reach Kie.ai: the base URL in the credential is not a valid URL',
	ECONNRESET: 'The connection to Kie.ai was closed before an answer arrived',
	EPIPE: 'The connection to Kie.ai was closed while the request was being sent',
	ETIMEDOUT: 'Kie.ai did not answer within the request timeout',
	MALFORMED: 'Kie.ai answered with something that is not JSON',
};

export function describeNetworkFailure(networkCode: string): string {
	return NETWORK_FAILURES[networkCode] ?? 'The request to Kie.ai failed with a network error';
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

/** Failures that asking again cannot fix: the credential's URL itself is unusable. */
function isHopeless(info: KieErrorInfo): boolean {
	return info.networkCode === 'ERR_INVALID_URL';
}

/** Answers worth asking again for a read (a poll, a credits check): Kie or the network hiccupped. */
export function isTransientReadError(error: unknown): boolean {
	if (!(error instanceof KieRequestError)) return false;
	const { code, delivery } = error.info;
	if (isHopeless(error.info)) return false;
	if (delivery !== 'answered') return true;
	return code === undefined || code === 408 || code === 429 || code === 455 || code >= 500;
}

/**
 * Create failures after which Kie cannot have created a task, so sending it again is safe (and
 * may help).
 */
export function isSafeToRepeatCreate(error: unknown): boolean {
	if (!(error instanceof KieRequestError)) return false;
	const { code, delivery } = error.info;
	if (isHopeless(error.info)) return false;
	if (delivery === 'not-sent') return true;
	// Kie does not queue rejected creates (429), and does not create during maintenance (455).
	return delivery === 'answered' && (code === 429 || code === 455);
}

/** What went wrong with a create, as the opening of a sentence. */
function createFailure(info: KieErrorInfo): string {
	if (info.networkCode === 'MALFORMED') {
		return "Kie.ai's answer to the create request was unreadable";
	}
	if (info.networkCode) return describeNetworkFailure(info.networkCode);
	const kieText = info.kieMessage?.trim() ? ` (${kieWords(info.kieMessage)})` : '';
	if (info.httpStatus !== undefined && (info.httpStatus < 200 || info.httpStatus >= 300)) {
		return `Kie.ai answered the create request with HTTP ${info.httpStatus}${kieText}`;
	}
	return `Kie.ai answered the create request with code ${info.code ?? '?'}${kieText}`;
}

/** A create failed in a way that may have started a paid task: it is not sent again. */
export class AmbiguousCreateError extends KieRequestError {
	constructor(cause: KieRequestError, model: string, sentAt: number) {
		super(
			cause.info,
			`${createFailure(cause.info)}, so Kie.ai may have created this ${model} task without returning its taskId. ` +
				`It was not sent again, so you are not charged twice: look for it at https://kie.ai/logs ` +
				`(model ${model}, sent around ${new Date(sentAt).toISOString()}) and fetch it with the Get Task operation.`,
		);
		this.name = 'AmbiguousCreateError';
	}
}

/**
 * n8n's SSRF protection (n8n 2.x, `N8N_SSRF_PROTECTION_ENABLED`) refused the address. Asking
 * again cannot help, so it is never retried; the message says who refused and what to change.
 */
export class SsrfRefusedError extends Error {
	constructor(url: string, target: string | undefined) {
		let host = url;
		try {
			host = new URL(url).host;
		} catch {
			// keep the text as given
		}
		super(
			`n8n's SSRF protection refused the request to ${host}${target && target !== host ? ` (${target})` : ''}: ` +
				'ask your n8n administrator to allow it (N8N_SSRF_ALLOWED_HOSTNAMES or N8N_SSRF_ALLOWED_IP_RANGES)',
		);
		this.name = 'SsrfRefusedError';
	}
}

interface ErrorChain {
	name?: unknown;
	ip?: unknown;
	hostname?: unknown;
	cause?: unknown;
}

/**
 * n8n names its refusals SsrfBlockedIpError and SsrfBlockedHostnameError and may wrap them (an
 * axios error, a redirect error); returns the blocked IP or host name when the chain holds one.
 */
export function ssrfRefusalIn(error: unknown): { target?: string } | undefined {
	let current = error as ErrorChain | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
		if (typeof current.name === 'string' && current.name.startsWith('SsrfBlocked')) {
			const target = typeof current.ip === 'string' ? current.ip : current.hostname;
			return { target: typeof target === 'string' ? target : undefined };
		}
		current = current.cause as ErrorChain | undefined;
	}
	return undefined;
}
