/**
 * A finished task as users receive it, from the node and from the trigger alike: the item's JSON
 * (taskItemJson), and its result files as binary properties: result n becomes `data`
 * (n = 0), `data_1`, … named `<taskId>_<n>.<ext>` with the type the response declares (or, when
 * it declares a generic one, the type its first bytes show). Every file is streamed into n8n's
 * binary store: in filesystem (or S3) mode a batch never holds its files in memory; database mode
 * buffers each file once, n8n's own doing. A file over the size cap, past its deadline, refused
 * by n8n's SSRF protection or still failing after the client's retries keeps its URL and is named
 * in `downloadErrors` with the reason (the item is not an error; it keeps its taskId).
 */
import {
	sleep,
	type IBinaryData,
	type IBinaryKeyData,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { CancelledError } from '../client/errors';
import type { Readable } from '../client/http';
import type { KieClient } from '../client/KieClient';
import type { KieTask } from '../client/types';
import { extensionForMime, resultMimeType } from './mimeTypes';

export interface DownloadLimits {
	/** A larger file is not stored (checked on Content-Length, and on the bytes as they arrive). */
	maxBytes: number;
	/** From the first request to the file stored, retries included. */
	deadlineMs: number;
	/** Stops the downloads (the trigger's own; the node's client already has the execution's). */
	signal?: AbortSignal;
}

const MB = 1024 * 1024;

export const DEFAULT_DOWNLOAD_LIMITS: DownloadLimits = {
	// Generous: Kie's 4K videos are a few hundred MB. n8n's database mode refuses files over
	// N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE (512 MB by default) by itself.
	maxBytes: 2048 * MB,
	// A slow host can send a byte every few seconds forever without tripping a socket timeout.
	deadlineMs: 600_000,
};

/** The task item users see. */
export function taskItemJson(task: KieTask): IDataObject {
	const json: IDataObject = {
		taskId: task.taskId,
		api: task.api,
		model: task.model,
		state: task.state,
		resultUrls: task.resultUrls,
		failCode: task.failCode,
		failMsg: task.failMsg,
		costTime: task.costTime,
		createTime: task.createTime,
		completeTime: task.completeTime,
		creditsConsumed: task.creditsConsumed,
		param: task.param,
	};
	if (task.resultObject) json.resultObject = task.resultObject;
	if (task.extra) Object.assign(json, task.extra);
	if (task.progress !== undefined) json.progress = task.progress;
	return json;
}

/**
 * How often a running download looks at its deadline. A timer may not be cancelled here, so the
 * last look outlives the download by up to this long: short enough that a process shutting down
 * (jest gives a worker 500 ms) does not wait on it.
 */
const DEADLINE_CHECK_MS = 200;

/** The two options, the same in the node's Options and in the trigger's. */
export const downloadLimitOptions: INodeProperties[] = [
	{
		displayName: 'Max Download Size (MB)',
		name: 'maxDownloadMb',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 2048,
		description:
			'A result file larger than this is not downloaded; the item keeps its URL and names it in downloadErrors',
	},
	{
		displayName: 'Download Timeout (Seconds)',
		name: 'downloadTimeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 600,
		description:
			'Longest time for one result file, from the first request to the file stored; past it the item keeps the URL and names it in downloadErrors',
	},
];

function positive(value: unknown, fallback: number): number {
	const number = Number(value);
	return Number.isFinite(number) && number > 0 ? number : fallback;
}

/** The limits from an options collection holding `downloadLimitOptions` (missing: defaults). */
export function readDownloadLimits(options: IDataObject, signal?: AbortSignal): DownloadLimits {
	return {
		maxBytes: positive(options.maxDownloadMb, DEFAULT_DOWNLOAD_LIMITS.maxBytes / MB) * MB,
		deadlineMs: positive(options.downloadTimeout, DEFAULT_DOWNLOAD_LIMITS.deadlineMs / 1000) * 1000,
		signal,
	};
}

function megabytes(bytes: number): string {
	return `${Math.round((bytes / MB) * 10) / 10} MB`;
}

export class DownloadTooLargeError extends Error {
	constructor(maxBytes: number, declaredBytes?: number) {
		super(
			(declaredBytes === undefined
				? `The file is larger than the download limit of ${megabytes(maxBytes)}`
				: `The file is ${megabytes(declaredBytes)}, over the download limit of ${megabytes(maxBytes)}`) +
				' (Max Download Size): it was not stored',
		);
		this.name = 'DownloadTooLargeError';
	}
}

export class DownloadDeadlineError extends Error {
	constructor(deadlineMs: number) {
		super(
			`The file was not downloaded within ${deadlineMs / 1000} s (Download Timeout): it was not stored`,
		);
		this.name = 'DownloadDeadlineError';
	}
}

export function binaryKey(prefix: string, index: number): string {
	return index === 0 ? prefix : `${prefix}_${index}`;
}

export async function downloadResults(
	ctx: IExecuteFunctions | IWebhookFunctions,
	client: KieClient,
	task: KieTask,
	prefix: string,
	limits: DownloadLimits = DEFAULT_DOWNLOAD_LIMITS,
): Promise<{ binary?: IBinaryKeyData; downloadErrors?: string[] }> {
	const binary: IBinaryKeyData = {};
	const downloadErrors: string[] = [];
	for (const [index, url] of task.resultUrls.entries()) {
		try {
			binary[binaryKey(prefix, index)] = await storeResultFile(
				ctx,
				client,
				url,
				`${task.taskId}_${index}`,
				limits,
			);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			downloadErrors.push(`${url}: ${reason}`);
		}
	}
	return {
		binary: Object.keys(binary).length > 0 ? binary : undefined,
		downloadErrors: downloadErrors.length > 0 ? downloadErrors : undefined,
	};
}

/** Calls `expire` once `deadlineMs` has passed, unless `watch.done` was set first. */
async function watchDeadline(
	watch: { done: boolean },
	deadlineMs: number,
	expire: () => void,
): Promise<void> {
	const end = Date.now() + deadlineMs;
	while (!watch.done) {
		const left = end - Date.now();
		if (left <= 0) return expire();
		await sleep(Math.min(left, DEADLINE_CHECK_MS));
	}
}

/**
 * The first chunk of a stream, put back so the stream still starts at byte 0 (empty at the end of
 * an empty body). Reading it through 'readable' leaves the stream as it was: not flowing, so the
 * binary store's reader (a pipe, 'data' or async iteration) starts it.
 */
async function firstChunk(stream: Readable): Promise<Buffer> {
	return await new Promise((resolve, reject) => {
		const done = () => {
			stream.off('readable', onReadable);
			stream.off('error', onError);
		};
		const onReadable = () => {
			done();
			const chunk = stream.read() as Buffer | null;
			if (chunk === null) return resolve(Buffer.alloc(0));
			stream.unshift(chunk);
			resolve(chunk);
		};
		const onError = (error: Error) => {
			done();
			reject(error);
		};
		stream.on('readable', onReadable);
		stream.on('error', onError);
	});
}

/** One result file, streamed into n8n's binary store within the limits. */
async function storeResultFile(
	ctx: IExecuteFunctions | IWebhookFunctions,
	client: KieClient,
	url: string,
	fileStem: string,
	limits: DownloadLimits,
): Promise<IBinaryData> {
	const transfer = new AbortController();
	let source: Readable | undefined;
	let failure: Error | undefined;
	const stop = (error: Error) => {
		if (failure) return;
		failure = error;
		transfer.abort();
		source?.destroy(error);
	};
	const onCancel = () => stop(new CancelledError());
	if (limits.signal?.aborted) onCancel();
	limits.signal?.addEventListener('abort', onCancel, { once: true });
	const watch = { done: false };
	void watchDeadline(watch, limits.deadlineMs, () =>
		stop(new DownloadDeadlineError(limits.deadlineMs)),
	);
	try {
		const opened = await client.openResultFile(url, transfer.signal);
		source = opened.stream;
		// An error while no reader is attached yet must not be an unhandled 'error' event.
		source.on('error', () => undefined);
		if (failure) throw failure;
		if (opened.contentLength !== undefined && opened.contentLength > limits.maxBytes) {
			throw new DownloadTooLargeError(limits.maxBytes, opened.contentLength);
		}
		const head = await firstChunk(source);
		if (head.length === 0) throw new Error('The file is empty');
		const mimeType = resultMimeType(opened.contentType, head, url);
		let received = 0;
		const counted = source.map((chunk: Buffer) => {
			received += chunk.length;
			if (received > limits.maxBytes) stop(new DownloadTooLargeError(limits.maxBytes));
			if (failure) throw failure;
			return chunk;
		});
		const fileName = `${fileStem}.${extensionForMime(mimeType, url)}`;
		const binary = await ctx.helpers.prepareBinaryData(counted, fileName, mimeType);
		if (failure) throw failure;
		return binary;
	} catch (error) {
		// The request first: destroying a body not read yet leaves its connection open otherwise.
		transfer.abort();
		source?.destroy();
		throw failure ?? error;
	} finally {
		watch.done = true;
		limits.signal?.removeEventListener('abort', onCancel);
	}
}
