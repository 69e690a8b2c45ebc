import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { catalogueModel, CUSTOM_MODEL_ID, KieInputError } from '../../catalogue';
import { describeValue } from '../../catalogue/errors';
import { checkV1AudioCustom, V1_AUDIO_MODELS, v1AudioValues } from '../../catalogue/v1/audio';
import { v1Error, v1Parameters } from '../../catalogue/v1/mapping';
import { v1AudioModelProperties } from '../../catalogue/v1/panel';
import { modelOperation } from '../common/modelOperation';
import { byVersion, runCatalogueModel, runCustomModel } from '../common/runModel';
import type { ItemRun } from '../common/taskOutput';
import { additionalInputProperty } from '../image/fields';
import { audioOptionsCollection, audioWaitProperties } from './createAudioTask';

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

const V1_MODELS = new Map(V1_AUDIO_MODELS.map((model) => [model.id, model]));

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
	const v1 = V1_MODELS.get(id);
	const model = v1 && catalogueModel(v1.id);
	if (!v1 || !model) {
		throw new KieInputError(
			'model',
			raw,
			`Unknown audio model ${describeValue(raw)}. Choose a model from the list, or "Custom Model" to name any Kie jobs-API model`,
		);
	}
	const { values, asSent } = v1AudioValues(v1, model, {
		prompt: param('prompt'),
		customMode: param('customMode', false),
		instrumental: param('instrumental', false),
		style: param('style'),
		title: param('title'),
		voice: param('voice'),
		additionalInput: param('additionalInput'),
	});
	const { parameters, v1Names } = v1Parameters(model, v1, values);
	try {
		return await runCatalogueModel(this, itemIndex, run, model, parameters, {
			finish: (request) => ({ ...request, body: { ...request.body, ...asSent } }),
		});
	} catch (error) {
		throw v1Error(error, v1Names);
	}
}

export const execute = byVersion(executeVersion1, v2.execute);
