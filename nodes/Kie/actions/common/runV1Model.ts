/**
 * Version 1's run of a catalogue model: version 2's pipeline (runModel.ts) on the parameters v1's
 * values map to, its request finished with what v1 sent beside them, and its refusals naming the
 * v1 parameter that gave the value.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ModelData } from '../../catalogue/modelData';
import { v1Error, type V1Run } from '../../catalogue/v1/mapping';
import type { CreateTaskRequest } from '../../client/types';
import { runCatalogueModel } from './runModel';
import type { ItemRun } from './taskOutput';

export async function runV1Model(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	model: ModelData,
	{ parameters, v1Names }: V1Run,
	finish: (request: CreateTaskRequest) => CreateTaskRequest,
): Promise<INodeExecutionData[]> {
	try {
		return await runCatalogueModel(ctx, itemIndex, run, model, parameters, { finish });
	} catch (error) {
		throw v1Error(error, v1Names);
	}
}
