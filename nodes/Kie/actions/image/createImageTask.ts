/** The flow Generate and Edit share: validate → (upload) → create → wait → item. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	CUSTOM_MODEL,
	imageCreate,
	mapInput,
	validate,
	withoutForeignImageDefaults,
	type CommonImageFields,
} from '../../catalogue';
import {
	createAndComplete,
	readCallbackUrl,
	readTaskOptions,
	type ItemRun,
} from '../common/taskOutput';

export function readCommonFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	model: string,
): CommonImageFields {
	// A parameter the chosen model does not show is absent: '' reads as "not given".
	const param = (name: string, absent: unknown = '') =>
		ctx.getNodeParameter(name, itemIndex, absent) as unknown;
	return {
		prompt: param('prompt'),
		aspectRatio: param('aspectRatio'),
		resolution: param('resolution'),
		outputFormat: param('outputFormat'),
		imageUrls: param('imageUrls', []),
		additionalInput: param('additionalInput'),
		customModel: model === CUSTOM_MODEL ? param('customModel') : undefined,
		customImageField: model === CUSTOM_MODEL ? param('customImageField') || undefined : undefined,
	};
}

export async function createImageTask(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	operation: 'generate' | 'edit',
	/** Edit's binary inputs: how many there are, and how to upload them once all input is valid. */
	binaryImages?: { count: number; upload: () => Promise<string[]> },
): Promise<INodeExecutionData[]> {
	const model = ctx.getNodeParameter('model', itemIndex) as string;
	const read = readCommonFields(ctx, itemIndex, model);
	const modelIsExpression = String(ctx.getNode().parameters.model ?? '').startsWith('=');
	const fields = modelIsExpression ? withoutForeignImageDefaults(model, read) : read;
	const options = readTaskOptions(ctx, itemIndex, {
		waitForCompletion: true,
		downloadResults: true,
	});
	const callBackUrl = readCallbackUrl(ctx, itemIndex);

	// Everything is checked before the first request: a bad prompt costs no upload.
	const valid = validate(operation, model, fields, binaryImages?.count ?? 0);
	const uploadedUrls = binaryImages ? await binaryImages.upload() : [];
	const request = mapInput(valid, uploadedUrls);

	return await createAndComplete(ctx, itemIndex, run, imageCreate(request, callBackUrl), options);
}
