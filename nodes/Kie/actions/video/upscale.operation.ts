import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { describeValue, KieInputError } from '../../catalogue';
import { CONTINUATIONS } from '../../catalogue/modelCatalogue';
import { modelOperation } from '../common/modelOperation';
import { waitProperties, taskIdProperty } from '../common/properties';
import type { ItemRun } from '../common/taskOutput';
import { readTaskId, readVideoTaskOptions, videoOptionsCollection } from './common';
import { runVeoUpscale } from './veoUpscale';

const properties: INodeProperties[] = [
	taskIdProperty('The taskId of a finished Veo 3.1 video (generate or extend)'),
	{
		displayName: 'Resolution',
		name: 'resolution',
		type: 'options',
		options: [
			{ name: '1080p (Free, About 1-3 Minutes)', value: '1080p' },
			{ name: '4K (Extra Credits, About 5-10 Minutes)', value: '4k' },
		],
		default: '1080p',
		description: 'Which version of the video to get',
	},
	...waitProperties({ waitForCompletion: true, downloadResults: true }),
	videoOptionsCollection([
		{
			displayName: 'Video Index',
			name: 'videoIndex',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 0,
			description: 'Which of the task’s videos (0 = the first)',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['video'], operation: ['upscale'] } },
	properties,
);

/** Version 2: Veo 3.1's 1080p/4K of a finished task beside the jobs-API upscale models. */
const v2 = modelOperation('video', 'upscale', properties[properties.length - 1], {
	options: [{ name: 'Veo 3.1 (1080p or 4K of a Veo Video)', value: 'veo' }],
	default: 'veo',
	properties: properties
		.filter((property) => property.type !== 'boolean' && property.name !== 'options')
		.map((property) => ({ ...property, displayOptions: { show: { videoModel: ['veo'] } } })),
});
export const descriptionV2 = v2.description;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
): Promise<INodeExecutionData[]> {
	if (this.getNode().typeVersion >= 2 && this.getNodeParameter('videoModel', itemIndex) !== 'veo') {
		return await v2.execute.call(this, itemIndex, run);
	}
	const taskId = readTaskId(this, itemIndex);
	const resolution = this.getNodeParameter('resolution', itemIndex, '1080p') as unknown;
	const wanted = typeof resolution === 'string' ? resolution.trim().toLowerCase() : '';
	const model = CONTINUATIONS.find(
		(candidate) => candidate.operation === 'upscale' && candidate.id === `veo/${wanted}`,
	);
	if (!model) {
		throw new KieInputError(
			'resolution',
			resolution,
			`Resolution ${describeValue(resolution)} is not a Veo 3.1 upscale. Allowed: 1080p, 4K`,
			'1080p, 4k',
		);
	}
	const index = (this.getNodeParameter('options', itemIndex, {}) as IDataObject).videoIndex ?? 0;
	const options = readVideoTaskOptions(this, itemIndex);
	return await runVeoUpscale(this, itemIndex, run, model, { taskId, index }, options);
}
