import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { modelOperation } from '../common/modelOperation';
import { waitProperties, taskIdProperty } from '../common/properties';
import type { OperationExecute } from '../common/taskOutput';
import { choiceProperty, readTaskId, readVideoTaskOptions, videoOptionsCollection } from './common';
import { runVeoUpscale, veoUpscaleModel } from './veoUpscale';

const properties: INodeProperties[] = [
	taskIdProperty('The taskId of a finished Veo 3.1 video (generate or extend)'),
	choiceProperty(
		'resolution',
		'Resolution',
		[
			['1080p', '1080p (Free, About 1-3 Minutes)'],
			['4k', '4K (Extra Credits, About 5-10 Minutes)'],
		],
		'Which version of the video to get',
	),
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

export const execute: OperationExecute = async function (itemIndex, run) {
	if (this.getNode().typeVersion >= 2 && this.getNodeParameter('videoModel', itemIndex) !== 'veo') {
		return await v2.execute.call(this, itemIndex, run);
	}
	const taskId = readTaskId(this, itemIndex);
	const model = veoUpscaleModel(this.getNodeParameter('resolution', itemIndex, '1080p'));
	const index = (this.getNodeParameter('options.videoIndex', itemIndex, 0) as unknown) ?? 0;
	const options = readVideoTaskOptions(this, itemIndex);
	return await runVeoUpscale(this, itemIndex, run, model, { taskId, index }, options);
};
