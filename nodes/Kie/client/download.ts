/**
 * Result files, opened as streams. No credential: the files live on Kie's CDN (or wherever a
 * result URL points), not its API, and must never receive the API key. How much is read, for how
 * long and where it goes is the caller's business (shared/results.ts); this file only opens.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { KieContext } from './account';
import { KieRequestError } from './errors';
import { headersOf, toKieError } from './http';

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
