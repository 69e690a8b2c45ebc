import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { KieInputError } from '../../catalogue';
import { withV1Request } from '../../catalogue/v1/mapping';
import {
	V1_SUNO_EXTEND,
	v1SunoExtend,
	validateSunoExtendFields,
	type AudioExtendFields,
	type SourceTrack,
} from '../../catalogue/v1/sunoExtend';
import type { KieTask } from '../../client';
import { taskIdProperty } from '../common/properties';
import { runV1Model } from '../common/runV1Model';
import { readCallbackUrl, type OperationExecute } from '../common/taskOutput';
import { additionalInputProperty } from '../image/fields';
import { audioOptionsCollection, audioWaitProperties } from './audioOptions';

const properties: INodeProperties[] = [
	taskIdProperty(
		'The finished Suno task (Audio → Generate or Extend) whose track to continue',
		'e.g. 5c79be8e…',
	),
	{
		displayName: 'Audio ID',
		name: 'audioId',
		type: 'string',
		default: '',
		placeholder: 'e.g. e231…8cadc7dc',
		description:
			'Which of the task’s tracks to continue: the ID of one of the tracks in its output. Empty: the first track.',
	},
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'Extend the music with a gentle bridge section',
		description:
			'How the music continues (V4: up to 3,000 characters, later: 5,000). Empty: Suno continues with the source track’s own parameters.',
	},
	{
		displayName: 'Continue At (Seconds)',
		name: 'continueAt',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'Where in the source track the extension starts; required with a prompt (more than 0, less than the track’s duration)',
	},
	{
		displayName: 'Style',
		name: 'style',
		type: 'string',
		default: '',
		description:
			'Style of the extension (V4: up to 200 characters, later: 1,000). Empty: the source track’s style (its tags).',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description:
			'Title of the extension (V4 and V4_5ALL: up to 80 characters, others: 100). Empty: the source track’s title.',
	},
	{
		...additionalInputProperty,
		description: 'Extra Extend Music fields, e.g. {"negativeTags": "metal", "styleWeight": 0.6}',
	},
	...audioWaitProperties,
	audioOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['audio'], operation: ['extend'] } },
	properties,
);

function readTaskId(raw: unknown): string {
	const taskId = typeof raw === 'string' ? raw.trim() : '';
	if (!taskId) {
		throw new KieInputError(
			'taskId',
			raw,
			'Task ID is empty; name the Suno task to extend',
			'a task id',
		);
	}
	return taskId;
}

function sourceTrack(task: KieTask, audioId: string): SourceTrack {
	const tracks = (Array.isArray(task.extra?.tracks) ? task.extra!.tracks : []) as IDataObject[];
	const track = audioId ? tracks.find((candidate) => candidate.id === audioId) : tracks[0];
	if (!track || typeof track.id !== 'string') {
		const ids = tracks.map((candidate) => String(candidate.id)).join(', ');
		throw new KieInputError(
			'audioId',
			audioId,
			audioId
				? `Task ${task.taskId} has no track "${audioId}"`
				: `Task ${task.taskId} has no tracks to extend`,
			ids || 'a track id of the task',
		);
	}
	return {
		id: track.id,
		title: typeof track.title === 'string' ? track.title : undefined,
		tags: typeof track.tags === 'string' ? track.tags : undefined,
		duration: typeof track.duration === 'number' ? track.duration : undefined,
	};
}

/** Suno's Extend Music of a track of a finished Suno task: the catalogue's, with v1's parameters. */
export const execute: OperationExecute = async function (itemIndex, run) {
	const param = (name: string, absent: unknown = '') =>
		this.getNodeParameter(name, itemIndex, absent) as unknown;
	const taskId = readTaskId(param('taskId'));
	const audioId = String(param('audioId') ?? '').trim();
	const fields: AudioExtendFields = {
		prompt: param('prompt'),
		continueAt: param('continueAt', 0),
		style: param('style'),
		title: param('title'),
		additionalInput: param('additionalInput'),
	};
	// What needs no source task is refused before any request (the source is read first).
	validateSunoExtendFields(fields);
	readCallbackUrl(this, itemIndex);
	const source = await run.client.getTask(taskId, 'suno');
	if (source.state !== 'success') {
		throw new KieInputError(
			'taskId',
			taskId,
			`Suno task ${taskId} is "${source.state}"; only a finished (success) task can be extended`,
			'a Suno task in state success',
		);
	}
	const track = sourceTrack(source, audioId);
	const { model, asSent, ...mapped } = v1SunoExtend(source.model ?? '', track, fields);
	return await runV1Model(this, itemIndex, run, model, mapped, (request) =>
		withV1Request(V1_SUNO_EXTEND, { ...request, body: { ...request.body, ...asSent } }),
	);
};
