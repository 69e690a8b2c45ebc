import {
	randomString,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { checkUrl, describeValue, KieInputError } from '../../catalogue';
import { binaryPropertiesOf } from '../common/runModel';
import { nameForBytes, sniffMimeType } from '../../shared/mimeTypes';
import type { UploadedFile } from '../../client';
import type { OperationExecute } from '../common/taskOutput';

const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'A binary property of the input item' },
			{ name: 'URL', value: 'url', description: 'Kie.ai downloads the file from a public URL' },
			{ name: 'Base64', value: 'base64', description: 'Base64 text or a data: URL' },
		],
		default: 'binary',
	},
	{
		displayName: 'Input Binary Property',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { source: ['binary'] } },
		description: 'The binary property of the input item holding the file',
	},
	{
		displayName: 'File URL',
		name: 'fileUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/photo.jpg',
		displayOptions: { show: { source: ['url'] } },
	},
	{
		displayName: 'Base64 Data',
		name: 'base64Data',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		displayOptions: { show: { source: ['base64'] } },
		description:
			'Plain base64 or a data URL (data:image/png;base64,…). Kie.ai advises the binary source above 10 MB.',
	},
	{
		displayName: 'Upload Path',
		name: 'uploadPath',
		type: 'string',
		default: 'n8n',
		description: 'Folder on Kie.ai’s file host, without leading or trailing slashes',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		description:
			'Name with extension. Empty: the binary’s own name, or a random one. The extension follows the file’s bytes (Kie.ai serves the file with the type its name says). The same name overwrites an earlier upload.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['upload'] } },
	properties,
);

/** The first bytes of a stream (enough to tell its type); the rest is not read. */
async function firstBytes(stream: AsyncIterable<unknown>): Promise<Buffer> {
	for await (const chunk of stream) return Buffer.from(chunk as Buffer);
	return Buffer.alloc(0);
}

function text(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === undefined || value === null) return '';
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new KieInputError(name, value, `${name} must be text`);
	}
	return String(value).trim();
}

export const execute: OperationExecute = async function (itemIndex, run) {
	const source = this.getNodeParameter('source', itemIndex) as string;
	const uploadPath = text(this, 'uploadPath', itemIndex).replace(/^\/+|\/+$/g, '') || 'n8n';
	const fileName = text(this, 'fileName', itemIndex);
	let uploaded: UploadedFile;

	if (source === 'url') {
		const fileUrl = checkUrl(text(this, 'fileUrl', itemIndex), {
			param: 'fileUrl',
			label: 'File URL',
		});
		uploaded = await run.client.uploadFromUrl(fileUrl, uploadPath, fileName || undefined);
	} else if (source === 'base64') {
		const base64Data = text(this, 'base64Data', itemIndex);
		// Kie takes only the payload: no data: prefix (which may carry parameters before ;base64,
		// as in data:image/svg+xml;charset=utf-8;base64,…) and no line breaks or spaces.
		const payload = base64Data.replace(/^data:[^,]*;base64,/i, '').replace(/\s+/g, '');
		if (payload === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(payload)) {
			const allowed = 'plain base64, or data:<type>;base64,…';
			throw new KieInputError(
				'base64Data',
				base64Data.slice(0, 40),
				`Base64 Data ${describeValue(base64Data)} is empty or not base64. Allowed: ${allowed}`,
				allowed,
			);
		}
		const head = Buffer.from(payload.slice(0, 24), 'base64');
		// Without a name Kie picks one; a random one with the bytes' extension is served right.
		const named = fileName
			? nameForBytes(fileName, head)
			: sniffMimeType(head)
				? nameForBytes(`${randomString(12).toLowerCase()}.bin`, head)
				: undefined;
		uploaded = await run.client.uploadBase64(payload, uploadPath, named);
	} else {
		const propertyName = text(this, 'binaryPropertyName', itemIndex) || 'data';
		const item = this.getInputData()[itemIndex];
		if (!item.binary?.[propertyName]) {
			const allowed = binaryPropertiesOf(item);
			throw new KieInputError(
				'binaryPropertyName',
				propertyName,
				`The input item has no binary property "${propertyName}". Allowed: ${allowed}`,
				allowed,
			);
		}
		const metadata = this.helpers.assertBinaryData(itemIndex, propertyName);
		const name = fileName || metadata.fileName || `upload.${metadata.fileExtension ?? 'bin'}`;
		const declared = metadata.mimeType || 'application/octet-stream';
		if (metadata.id) {
			// Stored by n8n (filesystem, database, S3): read once, straight into the upload's body.
			const { fileSize } = await this.helpers.getBinaryMetadata(metadata.id);
			const head = await firstBytes(await this.helpers.getBinaryStream(metadata.id, 64));
			const stream = await this.helpers.getBinaryStream(metadata.id);
			const file = { stream, size: fileSize, fileName: nameForBytes(name, head) };
			const mimeType = sniffMimeType(head) ?? declared;
			uploaded = await run.client.uploadFile({ ...file, mimeType }, uploadPath);
		} else {
			const data = await this.helpers.getBinaryDataBuffer(itemIndex, propertyName);
			const file = { data, fileName: nameForBytes(name, data) };
			uploaded = await run.client.uploadFile(
				{ ...file, mimeType: sniffMimeType(data) ?? declared },
				uploadPath,
			);
		}
	}
	return [{ json: uploaded as IDataObject, pairedItem: { item: itemIndex } }];
};
