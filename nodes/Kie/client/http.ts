/**
 * The one door for HTTP. Every request to Kie goes through `sendRequest` (credential applied by
 * n8n's `httpRequestWithAuthentication`, so proxies and credential handling work and the key is
 * never handled here); result files are opened by `openResultFile`, with no credential at all,
 * since they live on Kie's CDN and must not receive the API key (how much of one is read, for how
 * long and where it goes is shared/results.ts's business).
 *
 * n8n's HTTP helpers throw errors that carry the request options, headers included. Nothing from
 * them leaves this file: they are turned into KieRequestError, which holds only codes and Kie's text.
 *
 * The credential as requests use it (KieAccount) comes first.
 */
import { createHash } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { ENDPOINTS, type EndpointName } from './endpoints';
import {
	CancelledError,
	deliveryOfNetworkError,
	KieRequestError,
	ssrfRefusalIn,
	SsrfRefusedError,
	type KieEndpoint,
} from './errors';

export type KieContext = IExecuteFunctions | IWebhookFunctions;

export const CREDENTIAL_TYPE = 'kieApi';

/** The credential as the client uses it: hosts, the create and status limits, and a key scrubber. */
export interface KieAccount {
	baseUrl: string;
	uploadBaseUrl: string;
	maxNewTasks: number;
	maxNewTasksWindowMs: number;
	/** Status requests per second this process allows itself (Kie: 10 per key). */
	maxStatusRequestsPerSecond: number;
	webhookHmacKey: string;
	/** Identifies the account for the shared create limiter without keeping the key itself. */
	accountId: string;
	/**
	 * Cuts the API key out of a text. Kie, or a proxy in front of it, could quote the request's
	 * Authorization header back in an answer; every answer passes through this before anything
	 * reads it, and so does every error the node emits. A closure, so the key is in no field.
	 */
	withoutKey: (text: string) => string;
}

function trimSlashes(url: unknown, fallback: string): string {
	const text = typeof url === 'string' && url.trim() !== '' ? url.trim() : fallback;
	return text.replace(/\/+$/, '');
}

export async function getKieAccount(ctx: KieContext): Promise<KieAccount> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const apiKey = String(credentials.apiKey ?? '');
	const baseUrl = trimSlashes(credentials.baseUrl, 'https://api.kie.ai');
	const maxNewTasks = Number(credentials.maxNewTasks);
	const windowSeconds = Number(credentials.maxNewTasksWindow);
	const maxStatusRequests = Number(credentials.maxStatusRequests);
	return {
		baseUrl,
		uploadBaseUrl: trimSlashes(credentials.uploadBaseUrl, 'https://kieai.redpandaai.co'),
		maxNewTasks: Number.isFinite(maxNewTasks) && maxNewTasks >= 1 ? Math.floor(maxNewTasks) : 20,
		maxNewTasksWindowMs:
			(Number.isFinite(windowSeconds) && windowSeconds > 0 ? windowSeconds : 10) * 1000,
		// Credentials saved before this field existed have none: Kie's documented 10.
		maxStatusRequestsPerSecond:
			Number.isFinite(maxStatusRequests) && maxStatusRequests >= 1
				? Math.floor(maxStatusRequests)
				: 10,
		webhookHmacKey:
			typeof credentials.webhookHmacKey === 'string' ? credentials.webhookHmacKey : '',
		accountId: createHash('sha256').update(`${baseUrl}\n${apiKey}`).digest('hex').slice(0, 32),
		withoutKey: (text) => (apiKey.length >= 4 ? text.split(apiKey).join('***') : text),
	};
}

export interface RawResponse {
	status: number;
	headers: Record<string, unknown>;
	text: string;
}

export interface RequestParts {
	qs?: IDataObject;
	/** A plain object is sent as JSON; a Buffer is sent as is (with `contentType`). */
	body?: IDataObject | Buffer;
	contentType?: string;
	signal?: AbortSignal;
}

interface ErrorLike {
	code?: unknown;
	message?: unknown;
	httpCode?: unknown;
	cause?: ErrorLike;
	response?: { status?: unknown };
}

/** Walks n8n's wrappers (NodeApiError → AxiosError → system error) for a network error code. */
function networkCodeOf(error: ErrorLike): string | undefined {
	let current: ErrorLike | undefined = error;
	for (let depth = 0; current && depth < 5; depth++) {
		const code = current.code;
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code) && code !== 'ERR_BAD_RESPONSE') {
			return code === 'ECONNABORTED' ? 'ETIMEDOUT' : code;
		}
		const message = typeof current.message === 'string' ? current.message : '';
		if (/socket hang up/i.test(message)) return 'ECONNRESET';
		if (/timeout of \d+ms exceeded|timed? ?out/i.test(message)) return 'ETIMEDOUT';
		current = current.cause;
	}
	return undefined;
}

export function toKieError(
	endpoint: KieEndpoint,
	error: unknown,
	url: string,
	signal?: AbortSignal,
): Error {
	if (signal?.aborted) return new CancelledError();
	const refusal = ssrfRefusalIn(error);
	if (refusal) return new SsrfRefusedError(url, refusal.target);
	const errorLike = (error ?? {}) as ErrorLike;
	const networkCode = networkCodeOf(errorLike) ?? 'EUNKNOWN';
	if (networkCode === 'ERR_CANCELED') return new CancelledError();
	return new KieRequestError({
		endpoint,
		delivery: deliveryOfNetworkError(networkCode),
		networkCode,
	});
}

export function headersOf(value: unknown): Record<string, unknown> {
	if (typeof value !== 'object' || value === null) return {};
	const headers: Record<string, unknown> = {};
	for (const [key, headerValue] of Object.entries(value as Record<string, unknown>)) {
		headers[key.toLowerCase()] = headerValue;
	}
	return headers;
}

/** One request to a row of the endpoint table; the answer comes back as text, key cut out. */
export async function sendRequest(
	ctx: KieContext,
	account: KieAccount,
	name: EndpointName,
	request: RequestParts,
): Promise<RawResponse> {
	const endpoint = ENDPOINTS[name];
	const base = endpoint.host === 'upload' ? account.uploadBaseUrl : account.baseUrl;
	const headers: IDataObject = { Accept: 'application/json' };
	let body: IHttpRequestOptions['body'];
	if (Buffer.isBuffer(request.body)) {
		headers['Content-Type'] = request.contentType ?? 'application/octet-stream';
		body = request.body;
	} else if (request.body !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(request.body);
	}
	const options: IHttpRequestOptions = {
		method: endpoint.method,
		url: `${base}${endpoint.path}`,
		qs: request.qs,
		headers,
		body,
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: endpoint.timeoutMs,
	};
	if (request.signal) options.abortSignal = request.signal;
	// The key must not follow a redirect to another host (n8n forwards it by default).
	options.disableFollowRedirect = true;
	options.sendCredentialsOnCrossOriginRedirect = false;
	let response: { body?: unknown; headers?: unknown; statusCode?: unknown };
	try {
		response = await untilAborted(
			ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options),
			request.signal,
		);
	} catch (error) {
		throw toKieError(name, error, options.url, request.signal);
	}
	const status = Number(response.statusCode ?? 0);
	if (status >= 300 && status < 400) throw redirectError(name, status, response.headers);
	const text = Buffer.isBuffer(response.body)
		? response.body.toString('utf8')
		: typeof response.body === 'string'
			? response.body
			: JSON.stringify(response.body ?? '');
	return {
		status,
		headers: headersOf(response.headers),
		text: account.withoutKey(text),
	};
}

/**
 * n8n replaces a credentialed request's abort signal with the execution's, so an item's own
 * signal (another item failed the node) would not cut it short: stop waiting for it here. The
 * request itself runs on to its timeout; its outcome is dropped.
 */
async function untilAborted<T>(request: Promise<T>, signal?: AbortSignal): Promise<T> {
	if (!signal) return await request;
	let onAbort = () => {};
	const aborted = new Promise<never>((_, reject) => {
		onAbort = () => reject(new CancelledError());
		if (signal.aborted) onAbort();
		else signal.addEventListener('abort', onAbort, { once: true });
	});
	request.catch(() => undefined);
	try {
		return await Promise.race([request, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/** A redirect is not followed (the key would go with it): say where it pointed. */
function redirectError(endpoint: EndpointName, status: number, headers: unknown): KieRequestError {
	const location = headersOf(headers).location;
	let target = 'another address';
	try {
		target = new URL(String(location)).origin;
	} catch {
		// a relative or missing Location: keep the generic words
	}
	return new KieRequestError(
		{ endpoint, delivery: 'answered', httpStatus: status, code: status },
		`Kie.ai answered with a redirect (HTTP ${status}) to ${target}. Requests carrying the API key do not follow redirects: check the Base URL and Upload Base URL in the Kie.ai credential (https://api.kie.ai, https://kieai.redpandaai.co).`,
	);
}

/** What n8n's binary store takes besides a Buffer: a readable stream (no `stream` import needed). */
export type Readable = Exclude<
	Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0],
	Buffer
>;

/** A result file whose body is still arriving. */
export interface ResultFileStream {
	stream: Readable;
	/** The server's Content-Type, as sent. */
	contentType?: string;
	/** The server's Content-Length, when it sent one. */
	contentLength?: number;
}

/** Waiting for the answer's headers; the transfer itself is bounded by the caller's deadline. */
export const DOWNLOAD_OPEN_TIMEOUT_MS = 60_000;

function numberHeader(value: unknown): number | undefined {
	const parsed = typeof value === 'string' ? Number(value) : NaN;
	return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

/**
 * Opens a result file. Anything but 2xx is a KieRequestError (the body is closed first); an n8n
 * SSRF refusal is an SsrfRefusedError; an abort of `signal` a CancelledError.
 */
export async function openResultFile(
	ctx: KieContext,
	url: string,
	signal?: AbortSignal,
): Promise<ResultFileStream> {
	// Ends the request when its answer is refused: destroying the body alone can leave the
	// connection open (n8n's stream is a wrapper that closes the response only once read from).
	const refuse = new AbortController();
	const abortSignal = signal ? AbortSignal.any([signal, refuse.signal]) : refuse.signal;
	let response: { body?: unknown; headers?: unknown; statusCode?: unknown };
	try {
		response = await ctx.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'stream',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: DOWNLOAD_OPEN_TIMEOUT_MS,
			abortSignal,
		});
	} catch (error) {
		throw toKieError('download', error, url, signal);
	}
	const stream = response.body as Readable | undefined;
	const status = Number(response.statusCode ?? 0);
	if (status < 200 || status >= 300 || !stream || typeof stream.pipe !== 'function') {
		refuse.abort();
		(stream as Partial<Readable> | undefined)?.destroy?.();
		throw new KieRequestError(
			{ endpoint: 'download', delivery: 'answered', httpStatus: status, code: status },
			`Downloading the result failed with HTTP ${status}`,
		);
	}
	const headers = headersOf(response.headers);
	const contentType = headers['content-type'];
	return {
		stream,
		contentType: typeof contentType === 'string' ? contentType : undefined,
		contentLength: numberHeader(headers['content-length']),
	};
}
