/**
 * Version 2's one pipeline for every catalogue model and operation: read the model's parameters
 * → check them (nothing sent on bad input) → check and upload the binaries → build the body →
 * create → wait → the item(s).
 */
import { type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import {
	answerReader,
	binaryParameterName,
	build,
	catalogueModel,
	check,
	checkBinary,
	CUSTOM_MEDIA,
	CUSTOM_MODEL_ID,
	customCreate,
	KieInputError,
	panelNaming,
	parameterName,
	PICKERS,
	uploadsOf,
	validateCustom,
	type CatalogueResource,
	type Checked,
	type ModelData,
	type Naming,
	type Parameters,
	withPanelLabel,
} from '../../catalogue';
import type { CreateTaskRequest } from '../../client';
import { binaryInputs, itemBinaries } from './binaryInputs';
import { createAndComplete, readCallbackUrl, readTaskOptions, type ItemRun } from './taskOutput';

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
	if (rawOptions.timeout === undefined || rawOptions.timeout === '') {
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

export async function runModel(
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
