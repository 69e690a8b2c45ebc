/**
 * The Suno API (https://docs.kie.ai/suno-api/generate-music): music is created on its own
 * endpoints with the fields at the top level and read from /api/v1/generate/record-info, whose
 * `data` has a `status` (PENDING → TEXT_SUCCESS → FIRST_SUCCESS → SUCCESS, or a failure status)
 * and the tracks in `response.sunoData` (camelCase). Callbacks come at three stages (`text`,
 * `first`, `complete`, or `error`) with the tracks in `data.data` in snake_case.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { jsonOrText, optionalNumber, optionalText, taskIdOf, taskItem } from '../answers';
import type { KieTask, TaskState } from '../types';
import { callbackEnvelope, isRecord, modelOf, requireRecord } from './family';
import type { ApiFamily, CallbackTask } from './family';

/** A track as users see it in `tracks` (the status endpoint's names). */
export interface SunoTrack extends IDataObject {
	id: string | null;
	audioUrl: string | null;
	streamAudioUrl: string | null;
	imageUrl: string | null;
	title: string | null;
	tags: string | null;
	duration: number | null;
}

const trackSchema = z
	.object({
		id: optionalText,
		audioUrl: optionalText,
		audio_url: optionalText,
		streamAudioUrl: optionalText,
		stream_audio_url: optionalText,
		imageUrl: optionalText,
		image_url: optionalText,
		title: optionalText,
		tags: optionalText,
		duration: optionalNumber,
	})
	.passthrough();

const tracksSchema = z
	.unknown()
	.transform((value): unknown[] => (Array.isArray(value) ? value : []))
	.transform((list): SunoTrack[] =>
		list
			.filter((item) => typeof item === 'object' && item !== null)
			.map((item) => {
				const track = trackSchema.parse(item);
				return {
					id: track.id,
					audioUrl: track.audioUrl ?? track.audio_url,
					streamAudioUrl: track.streamAudioUrl ?? track.stream_audio_url,
					imageUrl: track.imageUrl ?? track.image_url,
					title: track.title,
					tags: track.tags,
					duration: track.duration,
				};
			}),
	);

const statusSchema = z
	.object({
		status: optionalText,
		param: jsonOrText,
		response: z.unknown(),
		operationType: optionalText,
		parentMusicId: optionalText,
		errorCode: optionalText,
		errorMessage: optionalText,
	})
	.passthrough();

const FAILURE_MESSAGES: Record<string, string> = {
	CREATE_TASK_FAILED: 'Suno could not create the task',
	GENERATE_AUDIO_FAILED: 'Suno could not generate the audio',
	CALLBACK_EXCEPTION: 'Suno reported an error while calling back',
	SENSITIVE_WORD_ERROR: 'Suno filtered the content for sensitive words',
};

/**
 * Suno's statuses on the task item's scale. CALLBACK_EXCEPTION names a failed callback
 * delivery, not a failed song: with every track's audio present the task counts as done.
 */
export function sunoState(status: string | null, tracks: readonly SunoTrack[]): TaskState {
	switch (status) {
		case null:
		case 'PENDING':
			return 'waiting';
		case 'TEXT_SUCCESS':
		case 'FIRST_SUCCESS':
			return 'generating';
		case 'SUCCESS':
			return 'success';
		case 'CALLBACK_EXCEPTION':
			return tracks.length > 0 && tracks.every((track) => track.audioUrl) ? 'success' : 'fail';
		default:
			return /FAIL|ERROR|EXCEPTION/i.test(status) ? 'fail' : 'generating';
	}
}

function baseTask(taskId: string, param: IDataObject | null, tracks: SunoTrack[]): KieTask {
	const task: KieTask = taskItem({
		taskId,
		api: 'suno',
		model: modelOf(param),
		resultUrls: tracks.map((track) => track.audioUrl).filter((url): url is string => !!url),
		param,
	});
	task.extra = { tracks };
	return task;
}

function parseStatus(data: unknown, taskId: string): KieTask {
	requireRecord(data, taskId, 'suno.status', 'Suno');
	const record = statusSchema.parse(data);
	const response = isRecord(record.response) ? record.response : {};
	const tracks = tracksSchema.parse(response.sunoData ?? response.suno_data ?? response.data);
	const param = isRecord(record.param) ? record.param : null;
	const task = baseTask(taskIdOf(data) ?? taskId, param, tracks);
	task.state = sunoState(record.status, tracks);
	if (task.state === 'fail') {
		task.failCode = record.errorCode ?? record.status;
		task.failMsg =
			record.errorMessage ?? FAILURE_MESSAGES[record.status ?? ''] ?? 'Suno generation failed';
	}
	if (record.operationType) task.extra!.operationType = record.operationType;
	if (record.parentMusicId) task.extra!.parentMusicId = record.parentMusicId;
	return task;
}

const SUNO_STAGES = new Set(['text', 'first', 'complete', 'error']);

/** `{code, msg, data: {callbackType, task_id, data: [tracks] | null}}`; other bodies are not Suno's. */
function parseCallback(body: IDataObject, taskId: string): CallbackTask | undefined {
	const { code, msg, data } = callbackEnvelope.parse(body);
	if (!isRecord(data)) return undefined;
	const stage = typeof data.callbackType === 'string' ? data.callbackType : undefined;
	const tracksValue = data.data;
	if (!stage || !SUNO_STAGES.has(stage)) return undefined;
	if (!(Array.isArray(tracksValue) || tracksValue === null || tracksValue === undefined)) {
		return undefined;
	}
	const tracks = tracksSchema.parse(tracksValue);
	const task = baseTask(taskIdOf(data) ?? taskId, null, tracks);
	const failed = stage === 'error' || (code !== null && code !== 200);
	task.state = failed ? 'fail' : stage === 'complete' ? 'success' : 'generating';
	if (failed) {
		task.failCode = code !== null ? String(code) : 'error';
		task.failMsg = msg ?? 'Suno generation failed';
	}
	return {
		task,
		code,
		msg,
		callbackType: stage,
		complete: failed || (stage === 'complete' && task.resultUrls.length > 0),
	};
}

export const sunoApi: ApiFamily = {
	api: 'suno',
	label: 'Suno API',
	statusEndpoint: 'suno.status',
	parseStatus,
	parseCallback,
};
