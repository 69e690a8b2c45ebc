/**
 * Binary inputs of an item (Input Binary Properties), for the operations that take images:
 * every property is checked at once (present, type, size), and uploaded to Kie only later, in
 * the order listed, once every other field has been validated, so bad input costs no upload.
 */
import { randomString, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { KieInputError, type BinaryInfo } from '../../catalogue';
import { nameForBytes, sniffMimeType } from '../../shared/mimeTypes';
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

/** One binary input: the property, the parameter that named it, and the model's limits for it. */
export interface BinaryInput {
	property: string;
	/** For messages: the parameter to fix (e.g. 'binaryProperties', 'imageBinary'). */
	param: string;
	/** The model's own limits (throws KieInputError); it sees the file twice: now, and with its real size. */
	check: (binary: BinaryInfo) => void;
}

/** The item's binary inputs, checked now; uploaded in order by `upload()`. */
export function itemBinaries(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	inputs: readonly BinaryInput[],
): BinaryUploads {
	const item = ctx.getInputData()[itemIndex];
	const binaries = inputs.map(({ property, param, check }) => {
		if (!item.binary?.[property]) {
			const allowed = binaryPropertiesOf(item);
			throw new KieInputError(
				param,
				property,
				`The input item has no binary property "${property}". Allowed: ${allowed}`,
				allowed,
			);
		}
		const metadata = ctx.helpers.assertBinaryData(itemIndex, property);
		check({
			propertyName: property,
			mimeType: metadata.mimeType,
			fileSize: metadata.fileSize,
			bytes: metadata.bytes,
			fileName: metadata.fileName,
		});
		return { property, check, metadata };
	});
	return {
		count: binaries.length,
		upload: async () => {
			const urls: string[] = [];
			for (const { property, check, metadata } of binaries) {
				const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
				check({ propertyName: property, mimeType: metadata.mimeType, bytes: data.length });
				const extension = metadata.fileExtension ?? metadata.mimeType.split('/')[1] ?? 'bin';
				// Named from the bytes: Kie's file host serves the type the name says, models trust it.
				const uploaded = await run.client.uploadFile(
					{
						data,
						fileName: nameForBytes(`${randomString(12).toLowerCase()}.${extension}`, data),
						mimeType: sniffMimeType(data) ?? metadata.mimeType,
					},
					INPUT_UPLOAD_PATH,
				);
				urls.push(uploaded.downloadUrl);
			}
			return urls;
		},
	};
}

/** Input Binary Properties (`binaryProperties`), each checked by `check`. */
export function binaryInputs(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	check: (binary: BinaryInfo) => void,
): BinaryUploads {
	const names = binaryPropertyNames(ctx, itemIndex);
	return itemBinaries(
		ctx,
		itemIndex,
		run,
		names.map((property) => ({ property, param: 'binaryProperties', check })),
	);
}
