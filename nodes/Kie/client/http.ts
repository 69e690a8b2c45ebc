/**
 * The one door for HTTP. Every request to Kie goes through `sendRequest` (credential applied by
 * n8n's `httpRequestWithAuthentication`, so proxies and credential handling work and the key is
 * never handled here); result files come through `downloadFile` with no credential at all, since
 * they live on Kie's CDN and must not receive the API key.
 *
 * n8n's HTTP helpers throw errors that carry the request options, headers included. Nothing from
 * them leaves this file: they are turned into KieRequestError, which holds only codes and Kie's text.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { CREDENTIAL_TYPE, type KieAccount, type KieContext } from './account';
import { ENDPOINTS, type EndpointName } from './endpoints';
import {
	CancelledError,
	deliveryOfNetworkError,
	KieRequestError,
	type KieEndpoint,
} from './errors';

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
	let response: { body?: unknown; headers?: unknown; statusCode?: unknown };
	try {
		response = await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options);
	} catch (error) {
		throw toKieError(name, error, request.signal);
	}
	const text = Buffer.isBuffer(response.body)
		? response.body.toString('utf8')
		: typeof response.body === 'string'
			? response.body
			: JSON.stringify(response.body ?? '');
	return {
		status: Number(response.statusCode ?? 0),
		headers: headersOf(response.headers),
		text: account.withoutKey(text),
	};
}

/** What n8n's binary store takes besides a Buffer: a readable stream. */
type Readable = Exclude<Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0], Buffer>;

/** A result file still arriving: n8n's binary store reads it without holding all of it. */
export interface DownloadStream {
	stream: Readable;
	contentType?: string;
}

/**
 * A result file's answer. No credential: the file lives on Kie's CDN, not its API. Anything but
 * 2xx is a KieRequestError (a stream's body is closed first).
 */
async function getResultFile(
	ctx: KieContext,
	url: string,
	encoding: 'stream' | 'arraybuffer',
	timeoutMs: number,
	signal?: AbortSignal,
): Promise<{ body: unknown; contentType?: string }> {
	let response: { body?: unknown; headers?: unknown; statusCode?: unknown };
	try {
		response = await ctx.helpers.httpRequest({
			method: 'GET',
			url,
			encoding,
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
		(response.body as Partial<Readable> | undefined)?.destroy?.();
		throw new KieRequestError(
			{ endpoint: 'download', delivery: 'answered', httpStatus: status, code: status },
			`Downloading the result failed with HTTP ${status}`,
		);
	}
	const contentType = headersOf(response.headers)['content-type'];
	return {
		body: response.body,
		contentType: typeof contentType === 'string' ? contentType : undefined,
	};
}

/** Opens a result file as a stream (videos: a batch must not hold every file in memory). */
export async function downloadFileStream(
	ctx: KieContext,
	url: string,
	timeoutMs: number,
	signal?: AbortSignal,
): Promise<DownloadStream> {
	const { body, contentType } = await getResultFile(ctx, url, 'stream', timeoutMs, signal);
	const stream = body as Readable | undefined;
	if (!stream || typeof stream.pipe !== 'function') {
		throw new KieRequestError(
			{ endpoint: 'download', delivery: 'answered', httpStatus: 200, code: 200 },
			'Downloading the result failed with HTTP 200',
		);
	}
	return { stream, contentType };
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
	const { body, contentType } = await getResultFile(ctx, url, 'arraybuffer', timeoutMs, signal);
	const data = Buffer.isBuffer(body)
		? body
		: body instanceof ArrayBuffer
			? Buffer.from(body)
			: Buffer.from(String(body ?? ''));
	return { data, contentType };
}
