/**
 * The one door for HTTP. Every request to Kie goes through `kieRequest` (credential applied by
 * n8n's `httpRequestWithAuthentication`, so proxies and credential handling work and the key is
 * never handled here); result files come through `downloadFile` with no credential at all, since
 * they live on Kie's CDN and must not receive the API key.
 *
 * n8n's HTTP helpers throw errors that carry the request options, headers included. Nothing from
 * them leaves this file: they are turned into KieRequestError, which holds only codes and Kie's text.
 */
import { createHash } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { CancelledError } from '../kie/clock';
import { deliveryOfNetworkError, KieRequestError, type KieEndpoint } from '../kie/errors';
import type { RawResponse } from '../kie/responses';

export type KieContext = IExecuteFunctions | IWebhookFunctions;

export const CREDENTIAL_TYPE = 'kieApi';

export interface KieAccount {
	baseUrl: string;
	uploadBaseUrl: string;
	maxNewTasks: number;
	maxNewTasksWindowMs: number;
	webhookHmacKey: string;
	/** Identifies the account for the shared create limiter without keeping the key itself. */
	accountId: string;
	/**
	 * Cuts the API key out of a text. Kie, or a proxy in front of it, could quote the request's
	 * Authorization header back in an answer; every answer passes through this before anything
	 * reads it. A closure, so the key is in no field of the account.
	 */
	withoutKey?: (text: string) => string;
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
	return {
		baseUrl,
		uploadBaseUrl: trimSlashes(credentials.uploadBaseUrl, 'https://kieai.redpandaai.co'),
		maxNewTasks: Number.isFinite(maxNewTasks) && maxNewTasks >= 1 ? Math.floor(maxNewTasks) : 20,
		maxNewTasksWindowMs:
			(Number.isFinite(windowSeconds) && windowSeconds > 0 ? windowSeconds : 10) * 1000,
		webhookHmacKey:
			typeof credentials.webhookHmacKey === 'string' ? credentials.webhookHmacKey : '',
		accountId: createHash('sha256').update(`${baseUrl}\n${apiKey}`).digest('hex').slice(0, 32),
		withoutKey: (text) => (apiKey.length >= 4 ? text.split(apiKey).join('***') : text),
	};
}

export interface KieHttpRequest {
	host: 'api' | 'upload';
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	/** A plain object is sent as JSON; a Buffer is sent as is (with `contentType`). */
	body?: IDataObject | Buffer;
	contentType?: string;
	timeoutMs: number;
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

function toKieError(endpoint: KieEndpoint, error: unknown, signal?: AbortSignal): Error {
	if (signal?.aborted) return new CancelledError();
	const errorLike = (error ?? {}) as ErrorLike;
	const networkCode = networkCodeOf(errorLike) ?? 'EUNKNOWN';
	if (networkCode === 'ERR_CANCELED') return new CancelledError();
	return new KieRequestError({
		endpoint,
		delivery: deliveryOfNetworkError(networkCode),
		networkCode,
	});
}

function headersOf(value: unknown): Record<string, unknown> {
	if (typeof value !== 'object' || value === null) return {};
	const headers: Record<string, unknown> = {};
	for (const [key, headerValue] of Object.entries(value as Record<string, unknown>)) {
		headers[key.toLowerCase()] = headerValue;
	}
	return headers;
}

export async function kieRequest(
	ctx: KieContext,
	account: KieAccount,
	endpoint: KieEndpoint,
	request: KieHttpRequest,
): Promise<RawResponse> {
	const base = request.host === 'upload' ? account.uploadBaseUrl : account.baseUrl;
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
		method: request.method,
		url: `${base}${request.path}`,
		qs: request.qs,
		headers,
		body,
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs,
	};
	if (request.signal) options.abortSignal = request.signal;
	let response: { body?: unknown; headers?: unknown; statusCode?: unknown };
	try {
		response = await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options);
	} catch (error) {
		throw toKieError(endpoint, error, request.signal);
	}
	const text = Buffer.isBuffer(response.body)
		? response.body.toString('utf8')
		: typeof response.body === 'string'
			? response.body
			: JSON.stringify(response.body ?? '');
	return {
		status: Number(response.statusCode ?? 0),
		headers: headersOf(response.headers),
		text: account.withoutKey?.(text) ?? text,
	};
}

export interface DownloadedFile {
	data: Buffer;
	contentType?: string;
}

/** Fetches a result file. No credential: the file lives on Kie's CDN, not its API. */
export async function downloadFile(
	ctx: KieContext,
	url: string,
	timeoutMs: number,
	signal?: AbortSignal,
): Promise<DownloadedFile> {
	let response: { body?: unknown; headers?: unknown; statusCode?: unknown };
	try {
		response = await ctx.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'arraybuffer',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: timeoutMs,
			...(signal ? { abortSignal: signal } : {}),
		});
	} catch (error) {
		throw toKieError('download', error, signal);
	}
	const status = Number(response.statusCode ?? 0);
	if (status < 200 || status >= 300) {
		throw new KieRequestError(
			{ endpoint: 'download', delivery: 'answered', httpStatus: status, code: status },
			`Downloading the result failed with HTTP ${status}`,
		);
	}
	const body = response.body;
	const data = Buffer.isBuffer(body)
		? body
		: body instanceof ArrayBuffer
			? Buffer.from(body)
			: Buffer.from(String(body ?? ''));
	const contentType = headersOf(response.headers)['content-type'];
	return { data, contentType: typeof contentType === 'string' ? contentType : undefined };
}
