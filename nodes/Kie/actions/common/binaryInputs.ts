/**
 * Binary inputs of an item (Input Binary Properties), for the operations that take images:
 * every property is checked at once (present, type, size), and uploaded to Kie only later, in
 * the order listed, once every other field has been validated, so bad input costs no upload.
 */
import { randomString, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { KieInputError, type BinaryInfo } from '../../catalogue';
import type { ItemRun } from './taskOutput';

const INPUT_UPLOAD_PATH = 'n8n/inputs';

export interface BinaryUploads {
	count: number;
	/** Uploads the binaries; their Kie URLs, in the order listed. */
	upload(): Promise<string[]>;
}

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

/** The binary property names an item has, for "Allowed: …" in a message. */
export function binaryPropertiesOf(item: INodeExecutionData): string {
	const names = Object.keys(item.binary ?? {});
	return names.length > 0 ? names.join(', ') : 'none (the input item has no binary data)';
}

/** `check` is the model's own limits (throws KieInputError); it sees each file twice: now, and with its real size. */
export function binaryInputs(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	check: (binary: BinaryInfo) => void,
): BinaryUploads {
	const item = ctx.getInputData()[itemIndex];
	const binaries = binaryPropertyNames(ctx, itemIndex).map((name) => {
		if (!item.binary?.[name]) {
			const allowed = binaryPropertiesOf(item);
			throw new KieInputError(
				'binaryProperties',
				name,
				`The input item has no binary property "${name}". Allowed: ${allowed}`,
				allowed,
			);
		}
		const metadata = ctx.helpers.assertBinaryData(itemIndex, name);
		check({
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
				check({ propertyName: name, mimeType: metadata.mimeType, bytes: data.length });
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
