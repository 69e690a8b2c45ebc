/**
 * Version 2's one pipeline for every catalogue model and operation: read the model's parameters
 * → check them (nothing sent on bad input) → check and upload the binaries → build the body →
 * create → wait → the item(s). The binary inputs' checks and uploads are at the end of the file.
 */
import {
	randomString,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { checkBinary } from '../../catalogue/binary';
import { CUSTOM_MEDIA, customCreate, validateCustom } from '../../catalogue/customModel';
import { KieInputError } from '../../catalogue/errors';
import { binaryParameterName, parameterName, withPanelLabel } from '../../catalogue/fields';
import type { CatalogueResource, ModelData } from '../../catalogue/modelData';
import { answerReader, catalogueModel } from '../../catalogue/modelCatalogue';
import { CUSTOM_MODEL_ID, PICKERS } from '../../catalogue/panel';
import {
	build,
	check,
	panelNaming,
	uploadsOf,
	type Checked,
	type Naming,
	type Parameters,
} from '../../catalogue/request';
import type { BinaryInfo } from '../../catalogue/types';
import type { CreateTaskRequest } from '../../client/types';
import { nameForBytes, sniffMimeType } from '../../shared/mimeTypes';
import {
	createAndComplete,
	readCallbackUrl,
	readTaskOptions,
	type ItemRun,
	type OperationExecute,
} from './taskOutput';

const TIMEOUT_SECONDS: Readonly<Record<CatalogueResource, number>> = {
	image: 600,
	video: 1800,
	audio: 900,
};

/** The item's value of every parameter the model shows. */
function readParameters(ctx: IExecuteFunctions, itemIndex: number, model: ModelData): IDataObject {
	const parameters: IDataObject = {};
	const read = (name: string) => {
		// null: the parameter is not shown for this model (or hidden as deprecated).
		const value = ctx.getNodeParameter(name, itemIndex, null) as unknown;
		if (value !== null && value !== undefined) parameters[name] = value as IDataObject[string];
	};
	for (const field of model.fields) {
		read(parameterName(model, field));
		if (field.media) read(binaryParameterName(model, field));
	}
	read('additionalInput');
	return parameters;
}

/** The checked input's binaries (checked now, uploaded once all is checked), then the create. */
export async function buildChecked(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	checked: Checked,
	naming: Naming,
): Promise<CreateTaskRequest> {
	const binaries = itemBinaries(
		ctx,
		itemIndex,
		run,
		uploadsOf(checked).map(({ field, property }) => {
			const param = naming.binaryParam(field);
			return {
				property,
				param,
				check: (binary) => checkBinary(field, binary, param, naming.modelName),
			};
		}),
	);
	return build(checked.model, checked, await binaries.upload());
}

/** Custom Model (any jobs-API id): the prompt, images and Additional Input (both versions). */
async function customRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	callBackUrl: string | undefined,
): Promise<CreateTaskRequest> {
	const param = (name: string, absent: unknown = '') =>
		ctx.getNodeParameter(name, itemIndex, absent) as unknown;
	const binaries = binaryInputs(ctx, itemIndex, run, (binary) =>
		checkBinary(CUSTOM_MEDIA, binary, 'binaryProperties', CUSTOM_MODEL_ID),
	);
	const valid = validateCustom(
		{
			prompt: param('prompt'),
			imageUrls: param('imageUrls', []),
			additionalInput: param('additionalInput'),
			customModel: param('customModel'),
			customImageField: param('customImageField') || undefined,
		},
		binaries.count,
	);
	return customCreate(valid, await binaries.upload(), callBackUrl);
}

/** Custom Model: any jobs-API model id, its fields in Additional Input (both versions). */
export async function runCustomModel(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	resource: CatalogueResource,
): Promise<INodeExecutionData[]> {
	const callBackUrl = readCallbackUrl(ctx, itemIndex);
	const request = await customRequest(ctx, itemIndex, run, callBackUrl);
	return await createAndComplete(
		ctx,
		itemIndex,
		run,
		request,
		readOptions(ctx, itemIndex, resource),
	);
}

function readOptions(ctx: IExecuteFunctions, itemIndex: number, resource: CatalogueResource) {
	const options = readTaskOptions(ctx, itemIndex, {
		waitForCompletion: true,
		downloadResults: true,
	});
	const rawOptions = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	// Not set, or cleared (n8n gives null or '').
	if ((rawOptions.timeout ?? '') === '') {
		options.timeoutSeconds = TIMEOUT_SECONDS[resource];
	}
	return options;
}

/**
 * One catalogue model from its parameters (by the names its panel gives them): check → upload
 * → build → create → wait.
 */
export async function runCatalogueModel(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	model: ModelData,
	parameters: Parameters,
	/** Version 1's: its parameters were all set on purpose; its extra body fields. */
	v1?: { finish: (request: CreateTaskRequest) => CreateTaskRequest },
): Promise<INodeExecutionData[]> {
	const options = readOptions(ctx, itemIndex, model.resource);
	// Everything is checked before the first request: bad input costs no upload.
	const checked = check(model, parameters, readCallbackUrl(ctx, itemIndex), v1 !== undefined);
	const built = await buildChecked(ctx, itemIndex, run, checked, panelNaming(model));
	const request = v1 ? v1.finish(built) : built;
	const answer = answerReader(model);
	if (answer) {
		// No task to wait for: the answer is the result (timestamped lyrics, persona, style).
		run.progress.api = request.api;
		const data = await run.client.request(request.endpoint, { body: request.body });
		return [
			{
				json: { api: request.api, model: model.id, ...answer(data) },
				pairedItem: { item: itemIndex },
			},
		];
	}
	return await createAndComplete(ctx, itemIndex, run, request, options);
}

/** The execute of a resource's version-2 model operations (see modelOperation.ts). */
export function runModelOf(resource: CatalogueResource): OperationExecute {
	return async function (itemIndex, run) {
		return await runModel(this, itemIndex, run, resource);
	};
}

/** Version 1's execute for saved workflows, version 2's for the rest. */
export function byVersion(
	version1: OperationExecute,
	version2: OperationExecute,
): OperationExecute {
	return async function (itemIndex, run) {
		const execute = this.getNode().typeVersion >= 2 ? version2 : version1;
		return await execute.call(this, itemIndex, run);
	};
}

async function runModel(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	resource: CatalogueResource,
): Promise<INodeExecutionData[]> {
	const picker = PICKERS[resource];
	const id = String(ctx.getNodeParameter(picker, itemIndex) ?? '').trim();
	if (id === CUSTOM_MODEL_ID) return await runCustomModel(ctx, itemIndex, run, resource);
	const model = catalogueModel(id);
	if (!model || model.resource !== resource) {
		throw new KieInputError(
			picker,
			id,
			`Unknown ${resource} model "${id}". Choose one from the list, or Custom Model for any jobs-API model id`,
		);
	}
	const parameters = readParameters(ctx, itemIndex, model);
	try {
		return await runCatalogueModel(ctx, itemIndex, run, model, parameters);
	} catch (error) {
		throw withPanelLabel(error, model, parameters);
	}
}

/**
 * Binary inputs of an item (Input Binary Properties), for the operations that take images:
 * every property is checked at once (present, type, size), and uploaded to Kie only later, in
 * the order listed, once every other field has been validated, so bad input costs no upload.
 */

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
