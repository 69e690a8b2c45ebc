/**
 * Suno's tools that have a status endpoint of their own (https://docs.kie.ai/suno-api/): WAV,
 * music video, vocal separation (stems), MIDI and cover images. Each record has a `successFlag`,
 * but the pages disagree on its type: text (PENDING / SUCCESS / *_FAILED) for WAV, music video
 * and stems; numbers for MIDI (0 pending, 1 success, 2 and 3 failed) and cover (0 pending,
 * 1 success, 2 generating, 3 failed). The results sit under `response` (`midiData` for MIDI);
 * callbacks are `{code, msg, data}` with the results in snake_case or camelCase, as each page shows.
 * Tools that make music (upload-and-cover, add vocals, mashup, …) are read like songs (suno.ts).
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { jsonOrText, optionalNumber, optionalText, taskIdOf, taskItem } from '../answers';
import type { EndpointName } from '../endpoints';
import type { KieApi, KieTask, TaskState } from '../types';
import { callbackEnvelope, isRecord, requireRecord } from './family';
import type { ApiFamily, CallbackTask } from './family';
import { timeMs, urlList } from './videoFields';

const recordSchema = z
	.object({
		successFlag: z.unknown(),
		response: z.unknown(),
		musicId: optionalText,
		audioId: optionalText,
		parentTaskId: optionalText,
		param: jsonOrText,
		createTime: timeMs,
		completeTime: timeMs,
		errorCode: optionalText,
		errorMessage: optionalText,
	})
	.passthrough();

type StatusRecord = z.infer<typeof recordSchema>;

/** What a tool's results are, read from its record's `response` (or its callback's `data`). */
interface ToolResults {
	resultUrls: string[];
	extra?: IDataObject;
	resultObject?: IDataObject;
}

/** successFlag as text (WAV, music video, stems): Suno's statuses. */
export function textFlagState(flag: unknown, hasResults: boolean): TaskState {
	const status = String(flag ?? '').toUpperCase();
	if (status === '' || status === 'PENDING') return 'waiting';
	if (status === 'SUCCESS') return 'success';
	// A failed callback delivery, not a failed conversion: the record is what counts.
	if (status === 'CALLBACK_EXCEPTION') return hasResults ? 'success' : 'fail';
	if (/FAIL|ERROR|EXCEPTION/.test(status)) return 'fail';
	return 'generating';
}

/** successFlag as a number; `states` lists the page's meaning of 0, 1, 2, 3. */
function numberFlagState(states: readonly TaskState[]) {
	return (flag: unknown): TaskState => {
		const n = Number(flag);
		return Number.isInteger(n) && states[n] !== undefined ? states[n] : 'waiting';
	};
}

const FAILED_MESSAGE = 'Suno could not finish the task';

/** The "Url"-suffixed fields of a stem separation and the role each names. */
const STEM_FIELDS: ReadonlyArray<[string, string]> = [
	['vocalUrl', 'vocals'],
	['instrumentalUrl', 'instrumental'],
	['backingVocalsUrl', 'backingVocals'],
	['drumsUrl', 'drums'],
	['bassUrl', 'bass'],
	['guitarUrl', 'guitar'],
	['pianoUrl', 'piano'],
	['keyboardUrl', 'keyboard'],
	['percussionUrl', 'percussion'],
	['stringsUrl', 'strings'],
	['synthUrl', 'synth'],
	['fxUrl', 'fx'],
	['brassUrl', 'brass'],
	['woodwindsUrl', 'woodwinds'],
];

/** "Backing Vocals" → backingVocals, "Vocals" → vocals, "FX" → fx. */
function roleOf(groupName: string): string {
	const words = groupName
		.trim()
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	return words.map((word, n) => (n === 0 ? word : word[0].toUpperCase() + word.slice(1))).join('');
}

const snakeToCamel = (key: string) =>
	key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * Stems as `{role: url}` in the page's order, every URL also in resultUrls; `stemTracks` keeps
 * `originData` (each stem's id is the audioId MIDI generation takes).
 */
export function stemResults(info: IDataObject): ToolResults {
	const camel: IDataObject = {};
	for (const [key, value] of Object.entries(info)) camel[snakeToCamel(key)] = value;
	// The callback says vocal_url, the record vocalUrl; both mean the same stem.
	const stems: IDataObject = {};
	for (const [field, role] of STEM_FIELDS) {
		const url = optionalText.parse(camel[field]);
		if (url) stems[role] = url;
	}
	const origin = Array.isArray(camel.originData) ? camel.originData.filter(isRecord) : [];
	const stemTracks = origin.map((track) => ({
		id: optionalText.parse(track.id),
		role: roleOf(String(track.stem_type_group_name ?? track.stemTypeGroupName ?? '')),
		audioUrl: optionalText.parse(track.audio_url ?? track.audioUrl),
		duration: optionalNumber.parse(track.duration),
	}));
	for (const track of stemTracks) {
		if (track.role && track.audioUrl && stems[track.role] === undefined) {
			stems[track.role] = track.audioUrl;
		}
	}
	const extra: IDataObject = { stems };
	if (stemTracks.length > 0) extra.stemTracks = stemTracks;
	return { resultUrls: Object.values(stems) as string[], extra };
}

/** MIDI notes as numbers (the callback example has times as text). */
export function midiResults(midiData: unknown): ToolResults {
	if (!isRecord(midiData)) return { resultUrls: [] };
	const instruments = (Array.isArray(midiData.instruments) ? midiData.instruments : [])
		.filter(isRecord)
		.map((instrument) => ({
			name: optionalText.parse(instrument.name),
			notes: (Array.isArray(instrument.notes) ? instrument.notes : [])
				.filter(isRecord)
				.map((note) => ({
					pitch: optionalNumber.parse(note.pitch),
					start: optionalNumber.parse(note.start),
					end: optionalNumber.parse(note.end),
					velocity: optionalNumber.parse(note.velocity),
				})),
		}));
	return { resultUrls: [], resultObject: { instruments } };
}

interface ToolSpec {
	api: KieApi;
	label: string;
	statusEndpoint: EndpointName;
	state(flag: unknown, hasResults: boolean): TaskState;
	/** The record's results (its `response`, or the whole record when they sit elsewhere). */
	results(response: IDataObject, record: IDataObject): ToolResults;
	/** Whether a callback's `data` is this tool's, and its results when it is. */
	callback(data: IDataObject): ToolResults | undefined;
}

function failMessage(record: StatusRecord): string {
	return record.errorMessage ?? FAILED_MESSAGE;
}

function withResults(task: KieTask, results: ToolResults, extra: IDataObject): KieTask {
	task.resultUrls = results.resultUrls;
	if (results.resultObject) task.resultObject = results.resultObject;
	const merged = { ...extra, ...results.extra };
	for (const key of Object.keys(merged)) if (merged[key] === null) delete merged[key];
	if (Object.keys(merged).length > 0) task.extra = merged;
	return task;
}

function toolFamily(spec: ToolSpec): ApiFamily {
	function parseStatus(data: unknown, taskId: string): KieTask {
		requireRecord(data, taskId, spec.statusEndpoint, spec.label);
		const record = recordSchema.parse(data);
		const response = isRecord(record.response) ? record.response : {};
		const results = spec.results(response, data);
		const state = spec.state(
			record.successFlag,
			results.resultUrls.length > 0 || results.resultObject !== undefined,
		);
		const task = taskItem({
			taskId: taskIdOf(data) ?? taskId,
			api: spec.api,
			model: spec.api,
			state,
			createTime: record.createTime,
			completeTime: state === 'success' || state === 'fail' ? record.completeTime : null,
			param: isRecord(record.param) ? record.param : null,
		});
		if (state === 'fail') {
			// errorCode 200 on a failed record says nothing; the flag is the failure then.
			task.failCode =
				record.errorCode && record.errorCode !== '200'
					? record.errorCode
					: String(record.successFlag ?? 'fail');
			task.failMsg = failMessage(record);
		}
		const extra: IDataObject = {
			musicId: record.musicId,
			audioId: record.audioId,
			parentTaskId: record.parentTaskId,
		};
		return withResults(task, state === 'success' ? results : { resultUrls: [] }, extra);
	}

	function parseCallback(body: IDataObject, taskId: string): CallbackTask | undefined {
		const { code, msg } = callbackEnvelope.parse(body);
		if (!isRecord(body.data)) return undefined;
		const results = spec.callback(body.data);
		if (!results) return undefined;
		const success = code === 200;
		const task = taskItem({
			taskId: taskIdOf(body.data) ?? taskIdOf(body) ?? taskId,
			api: spec.api,
			model: spec.api,
			state: success ? 'success' : 'fail',
			failCode: success ? null : code !== null ? String(code) : 'error',
			failMsg: success ? null : (msg ?? FAILED_MESSAGE),
		});
		withResults(task, success ? results : { resultUrls: [] }, {});
		const complete = !success || task.resultUrls.length > 0 || task.resultObject !== undefined;
		return { task, code, msg, callbackType: null, complete };
	}

	return {
		api: spec.api,
		label: spec.label,
		statusEndpoint: spec.statusEndpoint,
		parseStatus,
		parseCallback,
	};
}

const oneUrl = (value: unknown): string[] => {
	const url = optionalText.parse(value);
	return url ? [url] : [];
};

export const sunoWavApi = toolFamily({
	api: 'suno-wav',
	label: 'Suno: Convert to WAV',
	statusEndpoint: 'suno-wav.status',
	state: textFlagState,
	results: (response) => ({ resultUrls: oneUrl(response.audioWavUrl ?? response.audio_wav_url) }),
	callback: (data) =>
		'audioWavUrl' in data || 'audio_wav_url' in data
			? { resultUrls: oneUrl(data.audioWavUrl ?? data.audio_wav_url) }
			: undefined,
});

export const sunoMusicVideoApi = toolFamily({
	api: 'suno-music-video',
	label: 'Suno: Music Video',
	statusEndpoint: 'suno-music-video.status',
	state: textFlagState,
	results: (response) => ({ resultUrls: oneUrl(response.videoUrl ?? response.video_url) }),
	// {task_id, video_url} and nothing else: Runway's callbacks also carry video_url, with more.
	callback: (data) =>
		'video_url' in data &&
		Object.keys(data).every((key) => key === 'task_id' || key === 'taskId' || key === 'video_url')
			? { resultUrls: oneUrl(data.video_url) }
			: undefined,
});

export const sunoVocalSeparationApi = toolFamily({
	api: 'suno-vocal-separation',
	label: 'Suno: Separate Vocals',
	statusEndpoint: 'suno-vocal-separation.status',
	state: textFlagState,
	results: (response) => stemResults(response),
	callback: (data) =>
		'vocal_separation_info' in data
			? stemResults(isRecord(data.vocal_separation_info) ? data.vocal_separation_info : {})
			: undefined,
});

export const sunoMidiApi = toolFamily({
	api: 'suno-midi',
	label: 'Suno: MIDI',
	statusEndpoint: 'suno-midi.status',
	state: numberFlagState(['waiting', 'success', 'fail', 'fail']),
	results: (_response, record) => midiResults(record.midiData),
	callback: (data) => ('instruments' in data ? midiResults(data) : undefined),
});

export const sunoCoverApi = toolFamily({
	api: 'suno-cover',
	label: 'Suno: Cover Images',
	statusEndpoint: 'suno-cover.status',
	state: numberFlagState(['waiting', 'success', 'generating', 'fail']),
	results: (response) => ({ resultUrls: urlList.parse(response.images) }),
	callback: (data) => ('images' in data ? { resultUrls: urlList.parse(data.images) } : undefined),
});
