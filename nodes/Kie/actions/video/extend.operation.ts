import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { KieInputError } from '../../catalogue';
import { describeValue } from '../../catalogue/errors';
import { CONTINUATIONS } from '../../catalogue/modelCatalogue';
import { v1Parameters, withV1Request } from '../../catalogue/v1/mapping';
import { V1_EXTEND } from '../../catalogue/v1/video';
import { modelOperation } from '../common/modelOperation';
import { waitProperties, taskIdProperty } from '../common/properties';
import { runV1Model } from '../common/runV1Model';
import type { OperationExecute } from '../common/taskOutput';
import { additionalInputProperty, promptProperty } from '../image/fields';
import { choiceProperty, readTaskId, videoOptionsCollection } from './common';

const properties: INodeProperties[] = [
	choiceProperty(
		'api',
		'API',
		[
			['veo', 'Veo 3.1 API'],
			['runway', 'Runway API'],
		],
		'The API that made the video (its task items carry it as "api")',
	),
	taskIdProperty('The taskId of the finished video to continue'),
	{
		...promptProperty,
		placeholder: 'The dog keeps running through the park and jumps over a bench',
		description: 'What happens next in the video',
	},
	choiceProperty(
		'extendModel',
		'Model',
		[
			['fast', 'Fast'],
			['quality', 'Quality'],
			['lite', 'Lite'],
		],
		'Veo 3.1 model for the extension',
		'veo',
	),
	choiceProperty(
		'resolution',
		'Resolution',
		[
			['720p', '720p'],
			['1080p', '1080p'],
		],
		'Runway quality of the extension',
		'runway',
	),
	{
		...additionalInputProperty,
		description:
			'Extra fields of the extend request, e.g. {"seeds": 12345} (Veo) or {"waterMark": ""} (Runway)',
	},
	...waitProperties({ waitForCompletion: true, downloadResults: true }),
	videoOptionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['video'], operation: ['extend'] } },
	properties,
);

/** Version 2: the video picker names the API (Veo 3.1 or Runway) or a jobs-API extend model. */
const V2_APIS = ['veo', 'runway'];
const v2 = modelOperation('video', 'extend', videoOptionsCollection(), {
	options: [
		{ name: 'Veo 3.1 (Continue a Veo Video)', value: 'veo' },
		{ name: 'Runway (Continue a Runway Video)', value: 'runway' },
	],
	default: 'veo',
	properties: properties
		.filter(
			(property) =>
				property.type !== 'boolean' &&
				!['api', 'additionalInput', 'options'].includes(property.name),
		)
		.map((property) => ({
			...property,
			displayOptions: {
				show: {
					videoModel: (property.displayOptions?.show?.api as string[] | undefined) ?? V2_APIS,
				},
			},
		})),
});
export const descriptionV2 = v2.description;

/** Veo 3.1's or Runway's extend of a finished task: the catalogue's, with v1's parameters. */
export const execute: OperationExecute = async function (itemIndex, run) {
	let api = this.getNodeParameter('api', itemIndex, 'veo') as unknown;
	if (this.getNode().typeVersion >= 2) {
		api = this.getNodeParameter('videoModel', itemIndex) as unknown;
		if (!V2_APIS.includes(String(api))) return await v2.execute.call(this, itemIndex, run);
	}
	const v1 = typeof api === 'string' ? V1_EXTEND[api] : undefined;
	const model = CONTINUATIONS.find((candidate) => candidate.id === v1?.id);
	if (!v1 || !model) {
		throw new KieInputError(
			'api',
			api,
			`Extend works on Veo 3.1 and Runway videos, not API ${describeValue(api)}`,
			'veo, runway',
		);
	}
	const param = (name: string) => this.getNodeParameter(name, itemIndex, '') as unknown;
	const mapped = v1Parameters(model, v1, {
		taskId: readTaskId(this, itemIndex),
		prompt: param('prompt'),
		extendModel: param('extendModel'),
		resolution: param('resolution'),
		additionalInput: param('additionalInput'),
	});
	return await runV1Model(this, itemIndex, run, model, mapped, (request) =>
		withV1Request(v1, request),
	);
};
