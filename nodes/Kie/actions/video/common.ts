/** What the video operations share: options with the video timeout, binary inputs, the callback URL. */
import {
	randomString,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { checkUrl, KieInputError } from '../../catalogue';
import { validateBinaryForVideoModel } from '../../catalogue/video';
import { taskOptionsCollection } from '../common/properties';
import { readTaskOptions, type ItemRun, type TaskOptions } from '../common/taskOutput';

/**
 * Video tasks take minutes (Veo: "typically 2-5 minutes", its extend "up to over ten minutes",
 * 4K another 5-10), so the wait defaults to 30 minutes instead of the images' 10.
 */
export const VIDEO_TIMEOUT_SECONDS = 1800;

const label = (option: object) => ('displayName' in option ? String(option.displayName) : '');

export function videoOptionsCollection(extra: INodeProperties[] = []): INodeProperties {
	const options = (taskOptionsCollection.options ?? []).map((option) =>
		'name' in option && option.name === 'timeout'
			? {
					...option,
					default: VIDEO_TIMEOUT_SECONDS,
					description:
						'How long to wait for the video (default 30 minutes: video tasks take minutes). On timeout the item keeps the taskId so Get Task can fetch it later.',
				}
			: option,
	);
	return {
		...taskOptionsCollection,
		options: [...options, ...extra].sort((a, b) => label(a).localeCompare(label(b))),
	};
}

export function readVideoTaskOptions(ctx: IExecuteFunctions, itemIndex: number): TaskOptions {
	const options = readTaskOptions(ctx, itemIndex, {
		waitForCompletion: true,
		downloadResults: true,
	});
	const raw = (ctx.getNodeParameter('options', itemIndex, {}) as IDataObject).timeout;
	if (raw === undefined || raw === null || raw === '')
		options.timeoutSeconds = VIDEO_TIMEOUT_SECONDS;
	return options;
}

export function readCallbackUrl(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const url = typeof options.callbackUrl === 'string' ? options.callbackUrl.trim() : '';
	if (!url) return undefined;
	return checkUrl(url, { param: 'options.callbackUrl', label: 'Callback URL' });
}

/**
 * Runway's pages call `callBackUrl` required. When the node waits by polling and the user set
 * none, it sends this address, reserved for documentation (RFC 2606): Kie's notice goes nowhere.
 */
export const UNUSED_CALLBACK_URL = 'https://example.com/n8n-nodes-kie/no-callback';

const INPUT_UPLOAD_PATH = 'n8n/inputs';

function binaryPropertyNames(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const raw = ctx.getNodeParameter('binaryProperties', itemIndex, '') as unknown;
	if (raw === undefined || raw === null || raw === '') return [];
	if (typeof raw !== 'string') {
		throw new KieInputError(
			'binaryProperties',
			raw,
			'Input Binary Properties must be text: binary property names separated by commas',
		);
	}
	return raw
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

/**
 * The item's binary image inputs for a video model: checked now (presence, type, size), uploaded
 * later in the order listed, once every other field has been validated.
 */
export function binaryImages(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	model: string,
): { count: number; upload: () => Promise<string[]> } {
	const names = binaryPropertyNames(ctx, itemIndex);
	const item = ctx.getInputData()[itemIndex];
	const binaries = names.map((name) => {
		if (!item.binary?.[name]) {
			const available = Object.keys(item.binary ?? {});
			throw new KieInputError(
				'binaryProperties',
				name,
				`The input item has no binary property "${name}"`,
				available.length > 0 ? available.join(', ') : 'no binary properties on this item',
			);
		}
		const metadata = ctx.helpers.assertBinaryData(itemIndex, name);
		validateBinaryForVideoModel(model, {
			propertyName: name,
			mimeType: metadata.mimeType,
			fileSize: metadata.fileSize,
			bytes: metadata.bytes,
			fileName: metadata.fileName,
		});
		return { name, metadata };
	});
	return {
		count: binaries.length,
		upload: async () => {
			const urls: string[] = [];
			for (const { name, metadata } of binaries) {
				const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, name);
				validateBinaryForVideoModel(model, {
					propertyName: name,
					mimeType: metadata.mimeType,
					bytes: data.length,
				});
				const extension = metadata.fileExtension ?? metadata.mimeType.split('/')[1] ?? 'bin';
				const uploaded = await run.client.uploadFile(
					{
						data,
						fileName: `${randomString(12).toLowerCase()}.${extension}`,
						mimeType: metadata.mimeType,
					},
					INPUT_UPLOAD_PATH,
				);
				urls.push(uploaded.downloadUrl);
			}
			return urls;
		},
	};
}

/** A task id parameter: one token, no spaces. */
export function readTaskId(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = ctx.getNodeParameter('taskId', itemIndex, '') as unknown;
	const taskId = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!taskId || /\s/.test(taskId)) {
		throw new KieInputError(
			'taskId',
			raw,
			`Task ID ${JSON.stringify(raw ?? '')} is not a Kie.ai taskId`,
			'the taskId of a finished video task',
		);
	}
	return taskId;
}
