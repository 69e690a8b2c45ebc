/**
 * Result files as binary properties, for the node and the trigger: result n becomes `data`
 * (n = 0), `data_1`, … named `<taskId>_<n>.<ext>` with the right MIME type. Downloads use the
 * client's retries; a file that still cannot be fetched keeps its URL and is named in
 * `downloadErrors` (the item is not an error).
 */
import type { IBinaryKeyData, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { KieClient, KieTask } from '../client';
import { extensionForMime, mimeTypeForFileName, mimeTypeOf } from './mimeTypes';

export function binaryKey(prefix: string, index: number): string {
	return index === 0 ? prefix : `${prefix}_${index}`;
}

export async function downloadResults(
	ctx: IExecuteFunctions | IWebhookFunctions,
	client: KieClient,
	task: KieTask,
	prefix: string,
): Promise<{ binary?: IBinaryKeyData; downloadErrors?: string[] }> {
	const binary: IBinaryKeyData = {};
	const downloadErrors: string[] = [];
	for (const [index, url] of task.resultUrls.entries()) {
		try {
			if (isVideoUrl(url)) {
				binary[binaryKey(prefix, index)] = await streamedResult(ctx, client, task, index, url);
				continue;
			}
			const file = await client.download(url);
			const mimeType = mimeTypeOf(file.data, file.contentType, url);
			const fileName = `${task.taskId}_${index}.${extensionForMime(mimeType, url)}`;
			binary[binaryKey(prefix, index)] = await ctx.helpers.prepareBinaryData(
				file.data,
				fileName,
				mimeType,
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

function isVideoUrl(url: string): boolean {
	try {
		return mimeTypeForFileName(new URL(url).pathname)?.startsWith('video/') === true;
	} catch {
		return false;
	}
}

/**
 * A video goes to n8n's binary store as a stream: with filesystem (or S3) binary data a batch of
 * videos is never all in memory at once. The type is the server's word when specific, else the
 * file's extension (the stream is not read ahead to sniff it).
 */
async function streamedResult(
	ctx: IExecuteFunctions | IWebhookFunctions,
	client: KieClient,
	task: KieTask,
	index: number,
	url: string,
) {
	const { stream, contentType } = await client.downloadStream(url);
	const declared = contentType?.split(';')[0].trim().toLowerCase();
	const mimeType =
		declared && declared !== 'application/octet-stream' && declared !== 'binary/octet-stream'
			? declared
			: (mimeTypeForFileName(new URL(url).pathname) ?? 'video/mp4');
	const fileName = `${task.taskId}_${index}.${extensionForMime(mimeType, url)}`;
	return await ctx.helpers.prepareBinaryData(stream, fileName, mimeType);
}
