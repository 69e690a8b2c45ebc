import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { byVersion, modelOperation } from '../common/modelOperation';

import { audioGenerateProperties, buildAudioRequest, CUSTOM_MODEL } from '../../catalogue';
import { additionalInputProperty } from '../image/fields';
import { createAudioTask, audioOptionsCollection, audioWaitProperties } from './createAudioTask';
import type { ItemRun } from '../common/taskOutput';

const properties: INodeProperties[] = [
	...audioGenerateProperties(),
	{
		...additionalInputProperty,
		description:
			'Extra fields for options the node does not show, e.g. {"negativeTags": "metal"} for Suno or {"stability": 0.5} for ElevenLabs; for Custom Model, the model\'s whole input',
	},
	...audioWaitProperties,
	audioOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['audio'], operation: ['generate'] } },
	properties,
);

const v2 = modelOperation('audio', 'generate', audioOptionsCollection);
export const descriptionV2 = v2.description;

async function executeVersion1(
	this: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
): Promise<INodeExecutionData[]> {
	const param = (name: string, absent: unknown = '') =>
		this.getNodeParameter(name, itemIndex, absent) as unknown;
	const model = this.getNodeParameter('model', itemIndex) as string;
	return await createAudioTask(this, itemIndex, run, (callbackUrl) =>
		buildAudioRequest(model, {
			prompt: param('prompt'),
			customMode: param('customMode', false),
			instrumental: param('instrumental', false),
			style: param('style'),
			title: param('title'),
			voice: param('voice'),
			additionalInput: param('additionalInput'),
			customModel: model === CUSTOM_MODEL ? param('customModel') : undefined,
			callbackUrl,
		}),
	);
}

export const execute = byVersion(executeVersion1, v2.execute);
