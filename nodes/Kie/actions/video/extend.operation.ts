import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { KieInputError } from '../../catalogue';
import { describeValue } from '../../catalogue/errors';
import { parseAdditionalInput, readPrompt } from '../../catalogue/inputs';
import type { CreateTaskRequest } from '../../client';
import { modelOperation } from '../common/modelOperation';
import { waitProperties, taskIdProperty } from '../common/properties';
import { createAndComplete, type ItemRun } from '../common/taskOutput';
import { additionalInputProperty, promptProperty } from '../image/fields';
import {
	readCallbackUrl,
	readTaskId,
	readVideoTaskOptions,
	UNUSED_CALLBACK_URL,
	videoOptionsCollection,
} from './common';

const VEO_MODELS: Record<string, string> = {
	fast: 'veo3_fast',
	quality: 'veo3',
	lite: 'veo3_lite',
};
const RUNWAY_QUALITIES = ['720p', '1080p'];

const properties: INodeProperties[] = [
	{
		displayName: 'API',
		name: 'api',
		type: 'options',
		options: [
			{ name: 'Veo 3.1 API', value: 'veo' },
			{ name: 'Runway API', value: 'runway' },
		],
		default: 'veo',
		description: 'The API that made the video (its task items carry it as "api")',
	},
	taskIdProperty('The taskId of the finished video to continue'),
	{
		...promptProperty,
		placeholder: 'The dog keeps running through the park and jumps over a bench',
		description: 'What happens next in the video',
	},
	{
		displayName: 'Model',
		name: 'extendModel',
		type: 'options',
		options: [
			{ name: 'Fast', value: 'fast' },
			{ name: 'Quality', value: 'quality' },
			{ name: 'Lite', value: 'lite' },
		],
		default: 'fast',
		displayOptions: { show: { api: ['veo'] } },
		description: 'Veo 3.1 model for the extension',
	},
	{
		displayName: 'Resolution',
		name: 'resolution',
		type: 'options',
		options: RUNWAY_QUALITIES.map((value) => ({ name: value, value })),
		default: '720p',
		displayOptions: { show: { api: ['runway'] } },
		description: 'Runway quality of the extension',
	},
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

/** The extend request for the chosen API, validated before it is sent. */
export function buildExtendRequest(
	api: unknown,
	taskId: string,
	fields: {
		prompt: unknown;
		extendModel?: unknown;
		resolution?: unknown;
		additionalInput?: unknown;
	},
	callbackUrl: string | undefined,
): CreateTaskRequest {
	if (api !== 'veo' && api !== 'runway') {
		throw new KieInputError(
			'api',
			api,
			`Extend works on Veo 3.1 and Runway videos, not API ${describeValue(api)}`,
			'veo, runway',
		);
	}
	const label = api === 'veo' ? 'Veo 3.1' : 'Runway';
	const prompt = readPrompt(
		{ field: 'prompt', required: true, maxLength: api === 'runway' ? 1800 : undefined },
		fields.prompt,
		label,
		{
			param: 'prompt',
			label: 'Prompt',
		},
	);
	if (prompt === undefined) {
		throw new KieInputError(
			'prompt',
			fields.prompt,
			`Prompt is empty; ${label} needs to be told how the video goes on`,
			'non-empty text',
		);
	}
	const additional = parseAdditionalInput(fields.additionalInput);
	if (api === 'veo') {
		const model = String(fields.extendModel ?? 'fast');
		if (!(model in VEO_MODELS)) {
			throw new KieInputError(
				'extendModel',
				fields.extendModel,
				`Model ${describeValue(model)} is not a Veo 3.1 extend model. Allowed: fast, quality, lite`,
				'fast, quality, lite',
			);
		}
		const seeds = additional.seeds;
		if (
			seeds !== undefined &&
			(typeof seeds !== 'number' || !Number.isInteger(seeds) || seeds < 10000 || seeds > 99999)
		) {
			throw new KieInputError(
				'additionalInput',
				seeds,
				`seeds ${describeValue(seeds)} (from Additional Input) must be a whole number from 10000 to 99999`,
				'10000 to 99999',
			);
		}
		const body: IDataObject = { taskId, prompt, model, ...additional };
		if (callbackUrl) body.callBackUrl = callbackUrl;
		return {
			api,
			endpoint: 'veo.extend',
			model: VEO_MODELS[model],
			body,
			kind: `${VEO_MODELS[model]}|extend`,
			expectedMs: 300_000,
		};
	}
	const quality = String(fields.resolution ?? '720p').toLowerCase();
	if (!RUNWAY_QUALITIES.includes(quality)) {
		throw new KieInputError(
			'resolution',
			fields.resolution,
			`Resolution ${describeValue(fields.resolution)} is not a Runway quality. Allowed: 720p, 1080p`,
			'720p, 1080p',
		);
	}
	const body: IDataObject = {
		taskId,
		prompt,
		quality,
		...additional,
		callBackUrl: callbackUrl ?? UNUSED_CALLBACK_URL,
	};
	return {
		api,
		endpoint: 'runway.extend',
		model: 'runway',
		body,
		kind: `runway|${quality}|extend`,
		expectedMs: 90_000,
	};
}

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

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
): Promise<INodeExecutionData[]> {
	let api = this.getNodeParameter('api', itemIndex, 'veo') as unknown;
	if (this.getNode().typeVersion >= 2) {
		api = this.getNodeParameter('videoModel', itemIndex) as unknown;
		if (!V2_APIS.includes(String(api))) return await v2.execute.call(this, itemIndex, run);
	}
	const taskId = readTaskId(this, itemIndex);
	const param = (name: string) => this.getNodeParameter(name, itemIndex, '') as unknown;
	const options = readVideoTaskOptions(this, itemIndex);
	const request = buildExtendRequest(
		api,
		taskId,
		{
			prompt: param('prompt'),
			extendModel: param('extendModel') || undefined,
			resolution: param('resolution') || undefined,
			additionalInput: param('additionalInput'),
		},
		readCallbackUrl(this, itemIndex),
	);
	return await createAndComplete(this, itemIndex, run, request, options);
}
