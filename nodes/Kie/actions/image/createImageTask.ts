/**
 * Version 1's Generate and Edit: version 1's parameters read onto the catalogue model they name
 * (catalogue/v1/image.ts), then the one pipeline's check → upload → build → create → wait.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { checkV1Image, CUSTOM_MODEL_ID, isSomeModelsDefault } from '../../catalogue';
import { buildChecked, runCustomModel } from '../common/runModel';
import {
	createAndComplete,
	readCallbackUrl,
	readTaskOptions,
	type ItemRun,
} from '../common/taskOutput';

export async function createImageTask(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	operation: 'generate' | 'edit',
): Promise<INodeExecutionData[]> {
	const value = String(ctx.getNodeParameter('model', itemIndex) ?? '').trim();
	if (value === CUSTOM_MODEL_ID) return await runCustomModel(ctx, itemIndex, run, 'image');
	const options = readTaskOptions(ctx, itemIndex, {
		waitForCompletion: true,
		downloadResults: true,
	});
	const callBackUrl = readCallbackUrl(ctx, itemIndex);

	const modelIsExpression = String(ctx.getNode().parameters.model ?? '').startsWith('=');
	// A parameter the chosen model does not show is absent: '' reads as "not given".
	const read = (name: string) =>
		ctx.getNodeParameter(name, itemIndex, name === 'imageUrls' ? [] : '') as unknown;
	// Everything is checked before the first request: a bad prompt costs no upload.
	const { checked, naming } = checkV1Image(operation, value, read, {
		callBackUrl,
		foreignDefault: modelIsExpression ? isSomeModelsDefault : undefined,
	});
	const request = await buildChecked(ctx, itemIndex, run, checked, naming);
	return await createAndComplete(ctx, itemIndex, run, request, options);
}
