import { makeMp3, makeWav } from './audio';
import { admitCreate, insufficientCredits, invalid, isAnswer, isHttpUrl } from './dedicated';
import type { Answer, RequestContext } from './http';
import { makePng } from './images';
import type { Route } from './routes';
import type { SimulatorState } from './state';
import { findTrack } from './suno';
import {
	createToolTask,
	finishedTask,
	statusRoute,
	toolFileUrl,
	toolInfo,
	type ToolFile,
} from './toolTasks';
import type { SimulatedTask, TaskState } from './types';
import { makeMp4 } from './video';

/*
 * Suno's tools that turn a finished track into files, as ../shared/kie-docs/suno-api/ documents
 * them: WAV (convert-to-wav), music video (create-music-video), stems (separate-vocals, both
 * types), MIDI from a separation (generate-midi: notes, no file) and cover images (cover-suno).
 * Each needs `callBackUrl` and its source (`taskId` + `audioId` of a finished song of the same
 * key; MIDI: a finished separation), reads as its page's record (successFlag as text, or as
 * numbers for MIDI and cover), and calls back in its page's shape. Injecting the `taskFail`
 * fault on a create makes that task fail.
 */

const TOOL_CREDITS = 2;

const dateText = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

type Source = { task: SimulatedTask; audioId: string };

/** The song track a tool works on: `taskId` and `audioId` of a finished song of this key. */
function songSource(state: SimulatorState, apiKey: string, body: Record<string, unknown>) {
	for (const field of ['taskId', 'audioId', 'callBackUrl']) {
		if (isBlank(body[field])) return `${field} is required`;
	}
	if (!isHttpUrl(body.callBackUrl)) return 'callBackUrl must be a valid URL';
	const found = findTrack(state, apiKey, body.audioId);
	if (!found || found.task.taskId !== body.taskId) {
		return 'audioId does not match a finished track of taskId for this account';
	}
	return { task: found.task, audioId: String(body.audioId) } satisfies Source;
}

function create(
	state: SimulatorState,
	context: RequestContext,
	api: string,
	check: (apiKey: string, body: Record<string, unknown>) => Source | string,
	files: (taskId: string, body: Record<string, unknown>) => ToolFile[],
	callbackBody: (state: SimulatorState, task: SimulatedTask) => Record<string, unknown>,
): Answer {
	const admitted = admitCreate(state, context);
	if (isAnswer(admitted)) return admitted;
	const { apiKey, body } = admitted;
	const source = check(apiKey, body);
	if (typeof source === 'string') return invalid(source);
	if (state.balance(apiKey) < TOOL_CREDITS) return insufficientCredits();
	return createToolTask(state, {
		api,
		apiKey,
		model: api,
		body,
		cost: TOOL_CREDITS,
		files: (taskId) => files(taskId, body),
		facts: { sourceTaskId: source.task.taskId, audioId: source.audioId, type: body.type },
		failure: { code: 500, message: 'Internal Error - Please try again later' },
		callbackBody: (task) => callbackBody(state, task),
		context,
	});
}

const failed = (task: SimulatedTask) => toolInfo(task)?.failure;

/** The record fields WAV, music video and stems share (successFlag as text). */
function textFlagRecord(
	task: SimulatedTask,
	taskState: TaskState,
	failStatus: string,
	response: Record<string, unknown> | null,
): Record<string, unknown> {
	const failure = taskState === 'fail' ? failed(task) : undefined;
	return {
		taskId: task.taskId,
		musicId: toolInfo(task)?.facts.audioId,
		callbackUrl: task.callBackUrl ?? null,
		musicIndex: 0,
		completeTime: task.completedAt ? dateText(task.completedAt) : null,
		response: taskState === 'success' ? response : null,
		successFlag:
			taskState === 'success' ? 'SUCCESS' : taskState === 'fail' ? failStatus : 'PENDING',
		createTime: dateText(task.createdAt),
		errorCode: failure?.code ?? null,
		errorMessage: failure?.message ?? null,
	};
}

const url = (state: SimulatorState, task: SimulatedTask, name: string) =>
	toolFileUrl(state, task.taskId, name);

/** separate_vocal gives two stems; split_stem twelve (the page's example has these names). */
const STEMS: Record<string, Array<[string, string]>> = {
	separate_vocal: [
		['Vocals', 'vocal'],
		['Instrumental', 'instrumental'],
	],
	split_stem: [
		['Vocals', 'vocal'],
		['Backing_Vocals', 'backing_vocals'],
		['Drums', 'drums'],
		['Bass', 'bass'],
		['Guitar', 'guitar'],
		['Keyboard', 'keyboard'],
		['Percussion', 'percussion'],
		['Strings', 'strings'],
		['Synth', 'synth'],
		['FX', 'fx'],
		['Brass', 'brass'],
		['Woodwinds', 'woodwinds'],
	],
};
const stemsOf = (task: SimulatedTask) =>
	STEMS[String(toolInfo(task)?.facts.type ?? 'separate_vocal')] ?? STEMS.separate_vocal;
const stemId = (task: SimulatedTask, n: number) => `${task.taskId.slice(0, 8)}-stem-${n}`;
const camel = (snake: string) =>
	snake.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

function stemUrls(state: SimulatorState, task: SimulatedTask, casing: 'camel' | 'snake') {
	const fields: Record<string, string | null> = {};
	const all = casing === 'camel' ? STEMS.split_stem.concat([['Instrumental', 'instrumental']]) : [];
	for (const [, field] of all) fields[`${camel(field)}Url`] = null;
	for (const [name, field] of stemsOf(task)) {
		const key = casing === 'camel' ? `${camel(field)}Url` : `${field}_url`;
		fields[key] = url(state, task, `${name}.mp3`);
	}
	return fields;
}

const NOTES = [
	{ name: 'Drums', notes: [{ pitch: 36, start: 0, end: 0.25, velocity: 1 }] },
	{ name: 'Electric Bass (finger)', notes: [{ pitch: 40, start: 0.5, end: 1.0, velocity: 0.8 }] },
];

export const SUNO_FILE_ROUTES: readonly Route[] = [
	{
		endpoint: 'sunoWav',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/wav/generate',
		handle: (state, context) =>
			create(
				state,
				context,
				'suno-wav',
				(key, body) => songSource(state, key, body),
				(taskId) => [{ name: 'audio.wav', mimeType: 'audio/wav', bytes: () => makeWav(taskId) }],
				(current, task) =>
					failed(task)
						? {
								code: 500,
								msg: failed(task)!.message,
								data: { audioWavUrl: null, task_id: task.taskId },
							}
						: {
								code: 200,
								msg: 'success',
								data: { audioWavUrl: url(current, task, 'audio.wav'), task_id: task.taskId },
							},
			),
	},
	statusRoute(
		'sunoWavRecordInfo',
		'/api/v1/wav/record-info',
		'suno-wav',
		(state, task, _info, taskState) =>
			textFlagRecord(task, taskState, 'GENERATE_WAV_FAILED', {
				audioWavUrl: url(state, task, 'audio.wav'),
			}),
	),
	{
		endpoint: 'sunoMp4',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/mp4/generate',
		handle: (state, context) =>
			create(
				state,
				context,
				'suno-music-video',
				(key, body) => {
					for (const field of ['author', 'domainName']) {
						if (typeof body[field] === 'string' && [...(body[field] as string)].length > 50) {
							return `${field} cannot exceed 50 characters`;
						}
					}
					return songSource(state, key, body);
				},
				(taskId) => [{ name: 'video.mp4', mimeType: 'video/mp4', bytes: () => makeMp4(taskId) }],
				(current, task) => ({
					code: failed(task) ? 500 : 200,
					msg: failed(task)?.message ?? 'success',
					data: {
						task_id: task.taskId,
						video_url: failed(task) ? null : url(current, task, 'video.mp4'),
					},
				}),
			),
	},
	statusRoute(
		'sunoMp4RecordInfo',
		'/api/v1/mp4/record-info',
		'suno-music-video',
		(state, task, _info, taskState) =>
			textFlagRecord(task, taskState, 'GENERATE_MP4_FAILED', {
				videoUrl: url(state, task, 'video.mp4'),
			}),
	),
	{
		endpoint: 'sunoVocalRemoval',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/vocal-removal/generate',
		handle: (state, context) =>
			create(
				state,
				context,
				'suno-vocal-separation',
				(key, body) =>
					body.type !== undefined && !(String(body.type) in STEMS)
						? 'type must be separate_vocal or split_stem'
						: songSource(state, key, body),
				(taskId, body) =>
					(STEMS[String(body.type ?? 'separate_vocal')] ?? STEMS.separate_vocal).map(([name]) => ({
						name: `${name}.mp3`,
						mimeType: 'audio/mpeg',
						bytes: () => makeMp3(`${taskId}_${name}`),
					})),
				(current, task) =>
					failed(task)
						? {
								code: 500,
								msg: 'Vocal separation failed',
								data: { task_id: task.taskId, vocal_separation_info: null },
							}
						: {
								code: 200,
								msg: 'vocal separation generated successfully.',
								data: {
									task_id: task.taskId,
									vocal_separation_info: { origin_url: '', ...stemUrls(current, task, 'snake') },
								},
							},
			),
	},
	statusRoute(
		'sunoVocalRemovalRecordInfo',
		'/api/v1/vocal-removal/record-info',
		'suno-vocal-separation',
		(state, task, _info, taskState) =>
			textFlagRecord(task, taskState, 'GENERATE_AUDIO_FAILED', {
				id: null,
				originUrl: null,
				originData: stemsOf(task).map(([name], n) => ({
					duration: 120,
					audio_url: url(state, task, `${name}.mp3`),
					stem_type_group_name: name.replace('_', ' '),
					id: stemId(task, n),
				})),
				...stemUrls(state, task, 'camel'),
			}),
	),
	{
		endpoint: 'sunoMidi',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/midi/generate',
		handle: (state, context) =>
			create(
				state,
				context,
				'suno-midi',
				(key, body) => {
					if (isBlank(body.taskId)) return 'taskId is required';
					if (!isHttpUrl(body.callBackUrl))
						return 'callBackUrl is required and must be a valid URL';
					const separation = finishedTask(state, key, body.taskId, ['suno-vocal-separation']);
					if (!separation) return 'taskId is not a finished vocal separation of this account';
					const ids = stemsOf(separation).map((_, n) => stemId(separation, n));
					if (body.audioId !== undefined && !ids.includes(String(body.audioId))) {
						return 'audioId is not one of the separation’s tracks';
					}
					return { task: separation, audioId: String(body.audioId ?? ids[0]) };
				},
				() => [],
				(_current, task) =>
					failed(task)
						? { code: 500, msg: 'MIDI generation failed', data: { taskId: task.taskId } }
						: {
								code: 200,
								msg: 'success',
								data: { taskId: task.taskId, state: 'complete', instruments: NOTES },
							},
			),
	},
	statusRoute(
		'sunoMidiRecordInfo',
		'/api/v1/midi/record-info',
		'suno-midi',
		(_state, task, info, taskState) => ({
			taskId: task.taskId,
			recordTaskId: -1,
			audioId: info.facts.audioId,
			callbackUrl: task.callBackUrl ?? null,
			completeTime: task.completedAt ?? null,
			midiData: taskState === 'success' ? { state: 'complete', instruments: NOTES } : null,
			successFlag: taskState === 'success' ? 1 : taskState === 'fail' ? 3 : 0,
			createTime: task.createdAt,
			errorCode: info.failure && taskState === 'fail' ? info.failure.code : null,
			errorMessage: info.failure && taskState === 'fail' ? 'MIDI generation failed' : null,
		}),
	),
	{
		endpoint: 'sunoCover',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/suno/cover/generate',
		handle: (state, context) =>
			create(
				state,
				context,
				'suno-cover',
				(key, body) => {
					if (!isHttpUrl(body.callBackUrl))
						return 'callBackUrl is required and must be a valid URL';
					const song = finishedTask(state, key, body.taskId, ['suno']);
					return song
						? { task: song, audioId: '' }
						: 'taskId is not a finished music task of this account';
				},
				(taskId) =>
					[0, 1].map((n) => ({
						name: `cover_${n}.png`,
						mimeType: 'image/png',
						bytes: () => makePng(`${taskId}_${n}`),
					})),
				(current, task) =>
					failed(task)
						? {
								code: 501,
								msg: 'Cover generation failed',
								data: { taskId: task.taskId, images: null },
							}
						: {
								code: 200,
								data: {
									images: [0, 1].map((n) => url(current, task, `cover_${n}.png`)),
									taskId: task.taskId,
								},
								msg: 'success',
							},
			),
	},
	statusRoute(
		'sunoCoverRecordInfo',
		'/api/v1/suno/cover/record-info',
		'suno-cover',
		(state, task, info, taskState) => ({
			taskId: task.taskId,
			parentTaskId: info.facts.sourceTaskId,
			callbackUrl: task.callBackUrl ?? null,
			completeTime: task.completedAt ? new Date(task.completedAt).toISOString() : null,
			response:
				taskState === 'success'
					? { images: [0, 1].map((n) => url(state, task, `cover_${n}.png`)) }
					: null,
			successFlag:
				taskState === 'success' ? 1 : taskState === 'fail' ? 3 : taskState === 'waiting' ? 0 : 2,
			createTime: new Date(task.createdAt).toISOString(),
			errorCode: taskState === 'fail' ? 501 : 200,
			errorMessage: taskState === 'fail' ? 'Cover generation failed' : '',
		}),
	),
];
