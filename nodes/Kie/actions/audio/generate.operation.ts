import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { CUSTOM_MODEL_ID } from '../../catalogue';
import { checkV1AudioCustom, v1AudioGenerate } from '../../catalogue/v1/audio';
import { v1AudioModelProperties } from '../../catalogue/v1/panel';
import { modelOperation } from '../common/modelOperation';
import { byVersion, runCustomModel } from '../common/runModel';
import { runV1Model } from '../common/runV1Model';
import type { ItemRun } from '../common/taskOutput';
import { additionalInputProperty } from '../image/fields';
import { audioOptionsCollection, audioWaitProperties } from './audioOptions';

const properties: INodeProperties[] = [
	...v1AudioModelProperties(),
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

/** Version 1: its Model and fields onto the catalogue model of the same id. */
async function executeVersion1(
	this: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
): Promise<INodeExecutionData[]> {
	const param = (name: string, absent: unknown = '') =>
		this.getNodeParameter(name, itemIndex, absent) as unknown;
	const raw = this.getNodeParameter('model', itemIndex) as unknown;
	const id = typeof raw === 'string' ? raw.trim() : '';
	if (id === CUSTOM_MODEL_ID) {
		checkV1AudioCustom(param('customModel'), param('additionalInput'));
		return await runCustomModel(this, itemIndex, run, 'audio');
	}
	const { model, asSent, ...mapped } = v1AudioGenerate(raw, {
		prompt: param('prompt'),
		customMode: param('customMode', false),
		instrumental: param('instrumental', false),
		style: param('style'),
		title: param('title'),
		voice: param('voice'),
		additionalInput: param('additionalInput'),
	});
	return await runV1Model(this, itemIndex, run, model, mapped, (request) => ({
		...request,
		body: { ...request.body, ...asSent },
	}));
}

export const execute = byVersion(executeVersion1, v2.execute);
