import { createHash } from 'node:crypto';

import { makeMp3 } from './audio';
import { sendCallback } from './callbacks';
import {
	admitCreate,
	apiOf,
	insufficientCredits,
	invalid,
	isAnswer,
	isHttpUrl,
	markApi,
	progressOf,
	taskForStatus,
} from './dedicated';
import { type Answer, jsonAnswer, type RequestContext } from './http';
import { TINY_JPEG } from './images';
import type { Route } from './routes';
import type { FileBody, SimulatorState } from './state';
import { checkLengths, generateLimits, type Limits, textLength, versionLimits } from './sunoLimits';
import { createTaskRecord, notePoll, stateOf } from './tasks';
import type { SimulatedTask } from './types';

/*
 * The Suno API as https://docs.kie.ai/suno-api/ documents it:
 * - POST /api/v1/generate and /api/v1/generate/extend (fields at the top level, callBackUrl
 *   required even for polling), GET /api/v1/generate/record-info?taskId= (camelCase);
 * - statuses PENDING → TEXT_SUCCESS → FIRST_SUCCESS → SUCCESS, or CREATE_TASK_FAILED,
 *   GENERATE_AUDIO_FAILED, CALLBACK_EXCEPTION, SENSITIVE_WORD_ERROR;
 * - two tracks per task; callbacks in snake_case at three stages: text, first, complete
 *   (or `error`).
 * A prompt containing "[fail]" ends in GENERATE_AUDIO_FAILED, "[sensitive]" in
 * SENSITIVE_WORD_ERROR.
 */

export const SUNO_MODELS = ['V4', 'V4_5', 'V4_5PLUS', 'V4_5ALL', 'V5', 'V5_5'] as const;
const TRACKS_PER_TASK = 2;
const SUNO_CREDITS = 12;
/** Fractions of the generation time at which the text and first-track stages are reached. */
const TEXT_AT = 0.3;
const FIRST_AT = 0.6;

export interface SunoTrack {
	id: string;
	title: string;
	tags: string;
	prompt: string;
	duration: number;
}

interface SunoInfo {
	/** generate, extend, or the tool that made the song (upload_cover, mashup, …). */
	operationType: string;
	parentMusicId: string;
	tracks: SunoTrack[];
	failure?: { status: string; errorCode: number | null; errorMessage: string };
}

const INFO = new WeakMap<SimulatedTask, SunoInfo>();

export const SUNO_ROUTES: readonly Route[] = [
	{
		endpoint: 'sunoGenerate',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/generate',
		handle: (state, context) => create(state, context, 'generate'),
	},
	{
		endpoint: 'sunoExtend',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/generate/extend',
		handle: (state, context) => create(state, context, 'extend'),
	},
	{
		endpoint: 'sunoRecordInfo',
		host: 'api',
		methods: ['GET'],
		path: '/api/v1/generate/record-info',
		handle: recordInfo,
	},
	{
		endpoint: 'file',
		host: 'api',
		methods: ['GET', 'HEAD'],
		path: '/files/suno/',
		prefix: true,
		handle: serveFile,
	},
];

const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

export function checkCommon(body: Record<string, unknown>): string | undefined {
	if (typeof body.model !== 'string' || !(SUNO_MODELS as readonly string[]).includes(body.model)) {
		return `model is not within the range of allowed options: ${SUNO_MODELS.join(', ')}`;
	}
	if (!isHttpUrl(body.callBackUrl)) return 'callBackUrl is required and must be a valid URL';
	for (const field of ['styleWeight', 'weirdnessConstraint', 'audioWeight']) {
		const value = body[field];
		if (value !== undefined && (typeof value !== 'number' || value < 0 || value > 1)) {
			return `${field} must be a number between 0 and 1`;
		}
	}
	if (body.vocalGender !== undefined && body.vocalGender !== 'm' && body.vocalGender !== 'f') {
		return 'vocalGender must be m or f';
	}
	return undefined;
}

/** Generate Music's checks; `limitsOf`: the endpoint's text limits per version. */
export function checkGenerate(
	body: Record<string, unknown>,
	limitsOf: (model: string) => Limits = generateLimits,
): string | undefined {
	const common = checkCommon(body);
	if (common) return common;
	if (typeof body.customMode !== 'boolean') return 'customMode is required';
	if (typeof body.instrumental !== 'boolean') return 'instrumental is required';
	if (!body.customMode) {
		if (isBlank(body.prompt)) return 'prompt is required';
		return textLength(body.prompt) > 500
			? 'prompt length cannot exceed 500 characters in non-custom mode'
			: undefined;
	}
	if (isBlank(body.style)) return 'style is required in custom mode';
	if (isBlank(body.title)) return 'title is required in custom mode';
	if (!body.instrumental && isBlank(body.prompt)) {
		return 'prompt is required in custom mode when instrumental is false';
	}
	return checkLengths(body, limitsOf(body.model as string));
}

/** The finished Suno track `audioId` of this key, with the model its task used. */
export function findTrack(
	state: SimulatorState,
	apiKey: string,
	audioId: unknown,
): { task: SimulatedTask; track: SunoTrack } | undefined {
	if (typeof audioId !== 'string') return undefined;
	for (const task of state.record.tasks.values()) {
		if (task.apiKey !== apiKey || apiOf(task) !== 'suno') continue;
		const track = INFO.get(task)?.tracks.find((candidate) => candidate.id === audioId);
		if (track && stateOf(task, Date.now()) === 'success') return { task, track };
	}
	return undefined;
}

function checkExtend(
	body: Record<string, unknown>,
	source: { task: SimulatedTask; track: SunoTrack } | undefined,
): string | undefined {
	const common = checkCommon(body);
	if (common) return common;
	const model = body.model as string;
	if (typeof body.defaultParamFlag !== 'boolean') return 'defaultParamFlag is required';
	if (isBlank(body.audioId)) return 'audioId is required';
	if (!source) return 'audioId does not match any finished music of this account';
	if (source.task.model !== model) {
		return `model must match the source audio's model version (${source.task.model})`;
	}
	if (!body.defaultParamFlag) return undefined;
	for (const field of ['prompt', 'style', 'title']) {
		if (isBlank(body[field])) return `${field} is required when defaultParamFlag is true`;
	}
	const continueAt = body.continueAt;
	if (typeof continueAt !== 'number' || continueAt <= 0 || continueAt >= source.track.duration) {
		return `continueAt must be greater than 0 and less than the audio duration (${source.track.duration})`;
	}
	return checkLengths(body, versionLimits(model));
}

function trackId(taskId: string, index: number): string {
	const hex = createHash('sha256').update(`${taskId}/${index}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function create(
	state: SimulatorState,
	context: RequestContext,
	operation: 'generate' | 'extend',
): Answer {
	const admitted = admitCreate(state, context);
	if (isAnswer(admitted)) return admitted;
	const { apiKey, body } = admitted;
	const source = operation === 'extend' ? findTrack(state, apiKey, body.audioId) : undefined;
	const problem = operation === 'generate' ? checkGenerate(body) : checkExtend(body, source);
	if (problem) return invalid(problem);
	return createSong(state, context, apiKey, body, operation, source);
}

/**
 * A song task of a checked request, read from /api/v1/generate/record-info like a generated one:
 * for generate, extend and Suno's tools that make music (`operation` is its operationType).
 * `source` is the track it continues, whose title and tags it keeps without custom parameters.
 */
export function createSong(
	state: SimulatorState,
	context: RequestContext,
	apiKey: string,
	body: Record<string, unknown>,
	operation: string,
	source?: { task: SimulatedTask; track: SunoTrack },
): Answer {
	if (state.balance(apiKey) < SUNO_CREDITS) return insufficientCredits();

	const { model, callBackUrl, ...input } = body as Record<string, unknown> & {
		model: string;
		callBackUrl: string;
	};
	const prompt = typeof body.prompt === 'string' ? body.prompt : '';
	const failure = prompt.includes('[sensitive]')
		? {
				status: 'SENSITIVE_WORD_ERROR',
				errorCode: null,
				errorMessage: 'Content filtered due to sensitive words',
			}
		: prompt.includes('[fail]') || context.fault?.kind === 'taskFail'
			? {
					status: 'GENERATE_AUDIO_FAILED',
					errorCode: 400,
					errorMessage: 'Lyrics contained copyrighted material.',
				}
			: undefined;
	const useSource = source !== undefined && body.defaultParamFlag === false;
	const title = useSource
		? (source?.track.title ?? '')
		: typeof body.title === 'string'
			? body.title
			: 'Simulated Song';
	const tags = useSource
		? (source?.track.tags ?? '')
		: typeof body.style === 'string'
			? body.style
			: 'pop';
	const task = createTaskRecord(state, {
		apiKey,
		model: model ?? 'V4_5PLUS',
		input,
		callBackUrl,
		// Kie's example echoes the request without its callBackUrl.
		param: JSON.stringify({ ...input, model }),
		cost: SUNO_CREDITS,
		fails: failure !== undefined,
		resultUrls: (taskId) =>
			Array.from(
				{ length: TRACKS_PER_TASK },
				(_, n) => `${state.baseUrl}/files/suno/${taskId}_${n}.mp3`,
			),
		callbackBody: (finished) => callbackBody(state, finished, 'complete'),
		arrivedAt: context.record.arrivedAt,
	});
	markApi(task, 'suno');
	INFO.set(task, {
		operationType: operation,
		parentMusicId: source ? String(body.audioId) : '',
		tracks: Array.from({ length: TRACKS_PER_TASK }, (_, n) => ({
			id: trackId(task.taskId, n),
			title,
			tags,
			prompt: prompt || '[Instrumental]',
			duration: 120 + n * 30 + (source ? 60 : 0),
		})),
		failure,
	});
	if (callBackUrl && !failure) {
		void stageCallback(state, task, 'text', TEXT_AT);
		void stageCallback(state, task, 'first', FIRST_AT);
	}
	return jsonAnswer(200, { code: 200, msg: 'success', data: { taskId: task.taskId } });
}

async function stageCallback(
	state: SimulatorState,
	task: SimulatedTask,
	stage: 'text' | 'first',
	fraction: number,
): Promise<void> {
	const epoch = state.epoch;
	await state.sleep(Math.round((task.finishAt - task.createdAt) * fraction));
	if (epoch !== state.epoch || state.record.tasks.get(task.taskId) !== task) return;
	await sendCallback(state, task, (current) => callbackBody(state, current, stage));
}

type Status = 'PENDING' | 'TEXT_SUCCESS' | 'FIRST_SUCCESS' | 'SUCCESS' | string;

function statusOf(task: SimulatedTask, now: number): Status {
	const taskState = stateOf(task, now);
	if (taskState === 'fail') return INFO.get(task)?.failure?.status ?? 'GENERATE_AUDIO_FAILED';
	if (taskState === 'success') return 'SUCCESS';
	const progress = progressOf(task, now);
	return progress < TEXT_AT ? 'PENDING' : progress < FIRST_AT ? 'TEXT_SUCCESS' : 'FIRST_SUCCESS';
}

/** How many tracks have their audio at this status (streams come with the text stage). */
function tracksReady(status: Status): { streams: number; audio: number } {
	if (status === 'SUCCESS') return { streams: TRACKS_PER_TASK, audio: TRACKS_PER_TASK };
	if (status === 'FIRST_SUCCESS') return { streams: TRACKS_PER_TASK, audio: 1 };
	if (status === 'TEXT_SUCCESS') return { streams: TRACKS_PER_TASK, audio: 0 };
	return { streams: 0, audio: 0 };
}

function trackUrls(state: SimulatorState, task: SimulatedTask, n: number) {
	const base = `${state.baseUrl}/files/suno`;
	return {
		audio: `${base}/${task.taskId}_${n}.mp3`,
		stream: `${base}/stream/${task.taskId}_${n}`,
		image: `${base}/${task.taskId}_${n}.jpeg`,
	};
}

function tracksAt(state: SimulatorState, task: SimulatedTask, status: Status, snake: boolean) {
	const info = INFO.get(task);
	const ready = tracksReady(status);
	if (!info || ready.streams === 0) return [];
	const created = new Date(task.createdAt).toISOString().replace('T', ' ').slice(0, 19);
	return info.tracks.map((track, n) => {
		const urls = trackUrls(state, task, n);
		const audioUrl = n < ready.audio ? urls.audio : '';
		const fields = {
			id: track.id,
			audioUrl,
			streamAudioUrl: urls.stream,
			imageUrl: urls.image,
			prompt: track.prompt,
			modelName: 'chirp-v4',
			title: track.title,
			tags: track.tags,
			createTime: created,
			duration: n < ready.audio ? track.duration : null,
		};
		if (!snake) return fields;
		const {
			audioUrl: audio_url,
			streamAudioUrl: stream_audio_url,
			imageUrl: image_url,
			modelName: model_name,
			...rest
		} = fields;
		return { ...rest, audio_url, stream_audio_url, image_url, model_name };
	});
}

function taskData(
	state: SimulatorState,
	task: SimulatedTask,
	now: number,
): Record<string, unknown> {
	const status = statusOf(task, now);
	const info = INFO.get(task);
	const failure = stateOf(task, now) === 'fail' ? info?.failure : undefined;
	const sunoData = tracksAt(state, task, status, false);
	return {
		taskId: task.taskId,
		parentMusicId: info?.parentMusicId ?? '',
		param: state.taskMeta.get(task.taskId)?.param ?? '',
		response: sunoData.length > 0 ? { taskId: task.taskId, sunoData } : null,
		status,
		type: 'chirp-v4',
		operationType: info?.operationType ?? 'generate',
		errorCode: failure?.errorCode ?? null,
		errorMessage: failure ? failure.errorMessage : null,
	};
}

function recordInfo(state: SimulatorState, context: RequestContext): Answer {
	const found = taskForStatus(state, context, 'suno');
	if (isAnswer(found)) return found;
	notePoll(state, found.task, found.now);
	return jsonAnswer(200, {
		code: 200,
		msg: 'success',
		data: taskData(state, found.task, found.now),
	});
}

const STAGE_MESSAGES = {
	text: 'Text generation completed.',
	first: 'First track generated successfully.',
	complete: 'All generated successfully.',
};

function callbackBody(
	state: SimulatorState,
	task: SimulatedTask,
	stage: 'text' | 'first' | 'complete',
): Record<string, unknown> {
	if (task.finalState === 'fail') {
		const failure = INFO.get(task)?.failure;
		return {
			code: failure?.errorCode ?? 501,
			msg: failure?.errorMessage ?? 'Audio generation failed.',
			data: { callbackType: 'error', task_id: task.taskId, data: null },
		};
	}
	const status =
		stage === 'text' ? 'TEXT_SUCCESS' : stage === 'first' ? 'FIRST_SUCCESS' : 'SUCCESS';
	const tracks = stage === 'text' ? [] : tracksAt(state, task, status, true);
	return {
		code: 200,
		msg: STAGE_MESSAGES[stage],
		data: {
			callbackType: stage,
			task_id: task.taskId,
			// The first-track callback carries only the finished track.
			data: stage === 'first' ? tracks.slice(0, 1) : tracks,
		},
	};
}

function lookup(state: SimulatorState, pathname: string): FileBody | undefined {
	const match = /^\/files\/suno\/(stream\/)?([0-9a-f]{32})_(\d+)(\.mp3|\.jpeg)?$/.exec(pathname);
	if (!match) return undefined;
	const [, stream, taskId, index, extension] = match;
	const task = state.record.tasks.get(taskId);
	const n = Number(index);
	if (!task || apiOf(task) !== 'suno' || n >= TRACKS_PER_TASK) return undefined;
	const ready = tracksReady(statusOf(task, Date.now()));
	if (stream && extension === undefined && n < ready.streams) {
		return { bytes: makeMp3(`${taskId}_${n}`), mimeType: 'audio/mpeg' };
	}
	if (stream) return undefined;
	if (extension === '.jpeg' && n < ready.streams)
		return { bytes: TINY_JPEG, mimeType: 'image/jpeg' };
	if (extension === '.mp3' && n < ready.audio) {
		return { bytes: makeMp3(`${taskId}_${n}`), mimeType: 'audio/mpeg' };
	}
	return undefined;
}

function serveFile(state: SimulatorState, context: RequestContext): Answer {
	const file = lookup(state, context.url.pathname);
	if (!file) return jsonAnswer(404, { code: 404, msg: 'File not found' });
	return { status: 200, contentType: file.mimeType, body: file.bytes };
}
