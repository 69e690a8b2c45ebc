import { API_UNAUTHORIZED, type Answer, jsonAnswer, type RequestContext } from './http';
import type { Route } from './routes';
import type { SimulatorState } from './state';
import { createTaskRecord, notePoll, stateOf } from './tasks';
import type { SimulatedTask } from './types';
import {
	createPreamble,
	dateText,
	deliverableCallback,
	isAnswer,
	setVideoFacts,
	videoFacts,
	videoFileUrl,
	type VideoTaskFacts,
} from './video';

/**
 * The Veo 3.1 API as https://docs.kie.ai/veo3-api/ documents it: top-level bodies, `successFlag`
 * 0 (generating) / 1 (success) / 2 (failed) / 3 (generation failed), `errorCode`/`errorMessage`,
 * results under `data.response`, extend, the 1080P version (a GET that answers "processing"
 * until ready) and the 4K version (a paid create with its own task and callback).
 *
 * Prompt markers: "[fail]" → successFlag 3, errorCode 501; "[flagged]" → successFlag 2,
 * errorCode 400 (content policy); "[fail-4k]" in the original prompt → its 4K task fails (500).
 */

const MODELS = ['veo3', 'veo3_fast', 'veo3_lite'];
const EXTEND_MODELS: Record<string, string> = {
	fast: 'veo3_fast',
	quality: 'veo3',
	lite: 'veo3_lite',
};
const RATIOS = ['16:9', '9:16', 'Auto'];
const RESOLUTIONS = ['720p', '1080p', '4k'];
const TYPES = ['TEXT_2_VIDEO', 'FIRST_AND_LAST_FRAMES_2_VIDEO', 'REFERENCE_2_VIDEO'];
const CREDITS: Record<string, number> = { veo3: 250, veo3_fast: 60, veo3_lite: 30 };
const FOUR_K_CREDITS = 120;
const NOT_SUCCESS = { code: 422, msg: 'record status is not success', data: null };
const NULL_RECORD = { code: 422, msg: 'record is null', data: null };

/** 1080P versions being made: `${taskId}:${index}` → when they are ready. Per simulator state. */
const hdVersions = new WeakMap<SimulatorState, Map<string, number>>();
/** 4K tasks by `${taskId}:${index}` of the original, so a repeated request is answered 422. */
const fourKTasks = new WeakMap<SimulatorState, Map<string, string>>();

function perState<T>(
	map: WeakMap<SimulatorState, Map<string, T>>,
	state: SimulatorState,
): Map<string, T> {
	let value = map.get(state);
	if (!value) {
		value = new Map();
		map.set(state, value);
	}
	return value;
}

const invalid = (msg: string) => jsonAnswer(200, { code: 422, msg, data: null });
const isHttpUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/\S+$/i.test(value);

function failureOf(
	prompt: string,
	context: RequestContext,
): Pick<VideoTaskFacts, 'failFlag' | 'failCode' | 'failMsg'> | undefined {
	if (prompt.includes('[flagged]')) {
		return {
			failFlag: 2,
			failCode: 400,
			failMsg: 'Your prompt was flagged by Website as violating content policies.',
		};
	}
	if (prompt.includes('[fail]') || context.fault?.kind === 'taskFail') {
		return { failFlag: 3, failCode: 501, failMsg: 'Failed - Video generation task failed' };
	}
	return undefined;
}

function checkGenerate(body: Record<string, unknown>): string | undefined {
	const { prompt, imageUrls, model, generationType, aspect_ratio, resolution, seeds, callBackUrl } =
		body;
	if (typeof prompt !== 'string' || prompt.trim() === '') return 'prompt is required';
	if (model !== undefined && !MODELS.includes(model as string))
		return `model must be one of ${MODELS.join(', ')}`;
	if (aspect_ratio !== undefined && !RATIOS.includes(aspect_ratio as string))
		return `aspect_ratio must be one of ${RATIOS.join(', ')}`;
	if (resolution !== undefined && !RESOLUTIONS.includes(resolution as string))
		return `resolution must be one of ${RESOLUTIONS.join(', ')}`;
	if (imageUrls !== undefined && (!Array.isArray(imageUrls) || !imageUrls.every(isHttpUrl)))
		return 'imageUrls must be an array of image URLs';
	const images = Array.isArray(imageUrls) ? imageUrls.length : 0;
	if (generationType !== undefined && !TYPES.includes(generationType as string))
		return `generationType must be one of ${TYPES.join(', ')}`;
	if (generationType === 'TEXT_2_VIDEO' && images > 0)
		return 'TEXT_2_VIDEO does not take imageUrls';
	if (
		(generationType ?? (images > 0 ? 'FIRST_AND_LAST_FRAMES_2_VIDEO' : undefined)) ===
			'FIRST_AND_LAST_FRAMES_2_VIDEO' &&
		(images < 1 || images > 2)
	) {
		return 'FIRST_AND_LAST_FRAMES_2_VIDEO supports 1 or 2 images';
	}
	if (generationType === 'REFERENCE_2_VIDEO') {
		if ((model ?? 'veo3_fast') !== 'veo3_fast')
			return 'REFERENCE_2_VIDEO mode currently only supports veo3_fast model';
		if (images < 1 || images > 3) return 'REFERENCE_2_VIDEO requires 1-3 images in imageUrls';
		if (aspect_ratio === 'Auto') return 'REFERENCE_2_VIDEO supports 16:9 and 9:16';
	}
	if (
		seeds !== undefined &&
		(typeof seeds !== 'number' || !Number.isInteger(seeds) || seeds < 10000 || seeds > 99999)
	) {
		return 'seeds must be an integer from 10000 to 99999';
	}
	if (callBackUrl !== undefined && callBackUrl !== '' && !isHttpUrl(callBackUrl))
		return 'callBackUrl must be a valid http(s) URL';
	return undefined;
}

interface NewVeoTask {
	apiKey: string;
	model: string;
	body: Record<string, unknown>;
	cost: number;
	facts: Omit<VideoTaskFacts, 'imageUrls' | 'originUrls' | 'fullResultUrls' | 'api'>;
	files: (taskId: string) => Pick<VideoTaskFacts, 'imageUrls' | 'originUrls' | 'fullResultUrls'> & {
		resultUrls: string[];
	};
	callbackBody: (state: SimulatorState, task: SimulatedTask) => Record<string, unknown>;
}

function startTask(state: SimulatorState, context: RequestContext, spec: NewVeoTask): Answer {
	if (state.balance(spec.apiKey) < spec.cost)
		return jsonAnswer(200, { code: 402, msg: 'Credits insufficient', data: null });
	let files: ReturnType<NewVeoTask['files']> | undefined;
	const task = createTaskRecord(state, {
		apiKey: spec.apiKey,
		model: spec.model,
		input: spec.body,
		callBackUrl: deliverableCallback(spec.body.callBackUrl),
		param: JSON.stringify(spec.body),
		cost: spec.cost,
		fails: spec.facts.failFlag !== undefined,
		resultUrls: (taskId) => {
			files = spec.files(taskId);
			return files.resultUrls;
		},
		callbackBody: (finished) => spec.callbackBody(state, finished),
		arrivedAt: context.record.arrivedAt,
	});
	files ??= spec.files(task.taskId);
	const succeeds = spec.facts.failFlag === undefined;
	setVideoFacts(task, {
		api: 'veo',
		...spec.facts,
		imageUrls: succeeds ? files.imageUrls : [],
		originUrls: succeeds ? files.originUrls : [],
		fullResultUrls: succeeds ? files.fullResultUrls : [],
	});
	return jsonAnswer(200, { code: 200, msg: 'success', data: { taskId: task.taskId } });
}

function generate(state: SimulatorState, context: RequestContext): Answer {
	const front = createPreamble(state, context, API_UNAUTHORIZED);
	if (isAnswer(front)) return front;
	const { apiKey, body } = front;
	const problem = checkGenerate(body);
	if (problem) return invalid(problem);
	const model = (body.model as string | undefined) ?? 'veo3_fast';
	const aspectRatio = (body.aspect_ratio as string | undefined) ?? '16:9';
	const resolution = (body.resolution as string | undefined) ?? '720p';
	return startTask(state, context, {
		apiKey,
		model,
		body,
		cost: CREDITS[model] * (resolution === '4k' ? 3 : 1),
		facts: {
			kind: 'generate',
			resolution,
			aspectRatio,
			...failureOf(body.prompt as string, context),
		},
		files: (taskId) => ({
			resultUrls: [videoFileUrl(state, taskId, 'video_0.mp4')],
			originUrls: aspectRatio === '16:9' ? [] : [videoFileUrl(state, taskId, 'original_0.mp4')],
			fullResultUrls: [],
			imageUrls: [],
		}),
		callbackBody: generationCallback,
	});
}

/** The original of an extend, 1080P or 4K request: a finished Veo generate/extend task of this key. */
function original(state: SimulatorState, apiKey: string, taskId: unknown): SimulatedTask | Answer {
	if (typeof taskId !== 'string' || taskId === '') return invalid('taskId is required');
	const task = state.record.tasks.get(taskId);
	const info = task ? videoFacts(task) : undefined;
	if (!task || task.apiKey !== apiKey || info?.api !== 'veo' || info.kind === '4k')
		return jsonAnswer(200, NULL_RECORD);
	if (stateOf(task, Date.now()) !== 'success') return jsonAnswer(200, NOT_SUCCESS);
	return task;
}

function extend(state: SimulatorState, context: RequestContext): Answer {
	const front = createPreamble(state, context, API_UNAUTHORIZED);
	if (isAnswer(front)) return front;
	const { apiKey, body } = front;
	if (typeof body.prompt !== 'string' || body.prompt.trim() === '')
		return invalid('prompt is required');
	if (body.model !== undefined && !(String(body.model) in EXTEND_MODELS))
		return invalid('model must be one of fast, quality, lite');
	const parent = original(state, apiKey, body.taskId);
	if (isAnswer(parent)) return parent;
	const parentFacts = videoFacts(parent)!;
	const model = EXTEND_MODELS[(body.model as string | undefined) ?? 'fast'];
	return startTask(state, context, {
		apiKey,
		model,
		body,
		cost: CREDITS[model],
		facts: {
			kind: 'extend',
			parentTaskId: parent.taskId,
			resolution: parentFacts.resolution,
			aspectRatio: parentFacts.aspectRatio,
			...failureOf(body.prompt, context),
		},
		files: (taskId) => ({
			resultUrls: [videoFileUrl(state, taskId, 'extension_0.mp4')],
			fullResultUrls: [videoFileUrl(state, taskId, 'full_0.mp4')],
			originUrls: [],
			imageUrls: [],
		}),
		callbackBody: generationCallback,
	});
}

function fourK(state: SimulatorState, context: RequestContext): Answer {
	const front = createPreamble(state, context, API_UNAUTHORIZED);
	if (isAnswer(front)) return front;
	const { apiKey, body } = front;
	const parent = original(state, apiKey, body.taskId);
	if (isAnswer(parent)) return parent;
	const index = typeof body.index === 'number' ? body.index : 0;
	if (!Number.isInteger(index) || index < 0 || index >= parent.resultUrls.length)
		return invalid('index is out of range');
	const key = `${parent.taskId}:${index}`;
	const earlier = perState(fourKTasks, state).get(key);
	const earlierTask = earlier ? state.record.tasks.get(earlier) : undefined;
	if (earlierTask) {
		const done = stateOf(earlierTask, Date.now()) === 'success';
		return jsonAnswer(200, {
			code: 422,
			msg: done
				? 'The video has been generated successfully'
				: '4k is processing. It should be ready in 5-10 minutes. Please check back shortly.',
			data: {
				taskId: earlierTask.taskId,
				resultUrls: done ? earlierTask.resultUrls : null,
				imageUrls: done ? videoFacts(earlierTask)!.imageUrls : null,
			},
		});
	}
	const parentFacts = videoFacts(parent)!;
	const fails =
		String(parent.input.prompt ?? '').includes('[fail-4k]') || context.fault?.kind === 'taskFail';
	const answer = startTask(state, context, {
		apiKey,
		model: parent.model,
		body,
		cost: FOUR_K_CREDITS,
		facts: {
			kind: '4k',
			parentTaskId: parent.taskId,
			resolution: '4k',
			aspectRatio: parentFacts.aspectRatio,
			...(fails
				? {
						failFlag: 3,
						failCode: 500,
						failMsg: 'The 4K version of this video is unavailable. Please try a different video.',
					}
				: {}),
		},
		files: (taskId) => ({
			resultUrls: [videoFileUrl(state, taskId, '4k_0.mp4')],
			imageUrls: [videoFileUrl(state, taskId, '4k_0.jpg')],
			originUrls: [],
			fullResultUrls: [],
		}),
		callbackBody: fourKCallback,
	});
	const created = JSON.parse(answer.body.toString()) as { data?: { taskId?: string } };
	if (created.data?.taskId) {
		perState(fourKTasks, state).set(key, created.data.taskId);
		return jsonAnswer(200, {
			code: 200,
			msg: 'success',
			data: { taskId: created.data.taskId, resultUrls: null, imageUrls: null },
		});
	}
	return answer;
}

/**
 * GET 1080P: "processing" (code 400, or 500 as the live API answers: apiVariants.veoHdProcessing)
 * until ready, then the URL. Free, and not a new task.
 */
function hd(state: SimulatorState, context: RequestContext): Answer {
	const apiKey = state.authorizedKey(context);
	if (!apiKey) return jsonAnswer(200, API_UNAUTHORIZED);
	const parent = original(state, apiKey, context.url.searchParams.get('taskId') ?? '');
	if (isAnswer(parent)) return parent;
	const index = Number(context.url.searchParams.get('index') ?? 0);
	if (!Number.isInteger(index) || index < 0 || index >= parent.resultUrls.length)
		return invalid('index is out of range');
	const versions = perState(hdVersions, state);
	const key = `${parent.taskId}:${index}`;
	const now = Date.now();
	const { generationMs } = state.options;
	const readyAt =
		versions.get(key) ??
		now +
			Math.max(
				0,
				typeof generationMs === 'function'
					? generationMs({ model: 'veo-1080p', input: parent.input })
					: generationMs,
			);
	versions.set(key, readyAt);
	if (now < readyAt) {
		return jsonAnswer(200, {
			code: state.options.apiVariants.veoHdProcessing === 'code500' ? 500 : 400,
			msg: '1080P is processing. It should be ready in 1-2 minutes. Please check back shortly.',
			data: null,
		});
	}
	const url = videoFileUrl(state, parent.taskId, `1080p_${index}.mp4`);
	const info = videoFacts(parent)!;
	if (!info.fullResultUrls.includes(url)) info.fullResultUrls.push(url);
	return jsonAnswer(200, { code: 200, msg: 'success', data: { resultUrl: url } });
}

function flagOf(task: SimulatedTask, now: number): 0 | 1 | 2 | 3 {
	const current = stateOf(task, now);
	if (current === 'success') return 1;
	if (current === 'fail') return videoFacts(task)?.failFlag ?? 3;
	return 0;
}

function recordData(
	state: SimulatorState,
	task: SimulatedTask,
	now: number,
): Record<string, unknown> {
	const info = videoFacts(task)!;
	const flag = flagOf(task, now);
	const variants = state.options.apiVariants;
	const time = (ms: number) => (variants.veoTimes === 'date-text' ? dateText(ms) : ms);
	const response =
		flag === 1
			? {
					taskId: task.taskId,
					resultUrls: task.resultUrls,
					originUrls: info.originUrls.length > 0 ? info.originUrls : null,
					fullResultUrls: info.fullResultUrls,
					resolution: info.resolution,
					...(info.kind === '4k'
						? { imageUrls: info.imageUrls, mediaIds: [`media_${task.taskId}`] }
						: {}),
				}
			: null;
	const data: Record<string, unknown> = {
		taskId: task.taskId,
		paramJson: state.taskMeta.get(task.taskId)?.param ?? '',
		completeTime: flag === 0 ? null : time(task.finishAt),
		response,
		successFlag: flag,
		errorCode: flag >= 2 ? (info.failCode ?? 501) : null,
		errorMessage: flag >= 2 ? (info.failMsg ?? '') : '',
		createTime: time(task.createdAt),
		...(info.kind === '4k' ? {} : { fallbackFlag: false }),
	};
	if (variants.veoResultUrls === 'json-string' && response) {
		// The quickstart's reading: `data.resultUrls` as a JSON string, no `response` object.
		data.resultUrls = JSON.stringify(task.resultUrls);
		data.response = null;
	}
	return data;
}

function recordInfo(state: SimulatorState, context: RequestContext): Answer {
	const apiKey = state.authorizedKey(context);
	if (!apiKey) return jsonAnswer(200, API_UNAUTHORIZED);
	const taskId = context.url.searchParams.get('taskId');
	if (!taskId) return jsonAnswer(200, { code: 400, msg: 'taskId parameter is required' });
	const task = state.record.tasks.get(taskId);
	if (!task || task.apiKey !== apiKey || videoFacts(task)?.api !== 'veo')
		return jsonAnswer(200, NULL_RECORD);
	const now = Date.now();
	notePoll(state, task, now);
	return jsonAnswer(200, { code: 200, msg: 'success', data: recordData(state, task, now) });
}

function generationCallback(state: SimulatorState, task: SimulatedTask): Record<string, unknown> {
	const info = videoFacts(task)!;
	if (task.finalState === 'fail') {
		return {
			code: info.failCode ?? 501,
			msg: info.failMsg ?? 'Failed',
			data: { taskId: task.taskId, fallbackFlag: false },
		};
	}
	const asText = state.options.apiVariants.veoResultUrls === 'json-string';
	const list = (urls: string[]) => (asText ? JSON.stringify(urls) : urls);
	return {
		code: 200,
		msg: 'Veo3.1 video generated successfully.',
		data: {
			taskId: task.taskId,
			promptJson: state.taskMeta.get(task.taskId)?.param ?? '',
			info: {
				resultUrls: list(task.resultUrls),
				...(info.originUrls.length > 0 ? { originUrls: list(info.originUrls) } : {}),
				resolution: info.resolution,
			},
			fallbackFlag: false,
		},
	};
}

function fourKCallback(state: SimulatorState, task: SimulatedTask): Record<string, unknown> {
	const info = videoFacts(task)!;
	if (task.finalState === 'fail')
		return { code: 500, msg: info.failMsg, data: { taskId: task.taskId } };
	if (state.options.apiVariants.veo4kCallback === 'snake') {
		return {
			code: 200,
			msg: '4K Video generated successfully.',
			data: {
				task_id: task.taskId,
				result_urls: task.resultUrls,
				media_ids: [`media_${task.taskId}`],
				image_urls: info.imageUrls,
			},
		};
	}
	return {
		code: 200,
		msg: '4K Video generated successfully.',
		data: { taskId: task.taskId, info: { resultUrls: task.resultUrls, imageUrls: info.imageUrls } },
	};
}

export const VEO_ROUTES: readonly Route[] = [
	{
		endpoint: 'veoGenerate',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/veo/generate',
		handle: generate,
	},
	{
		endpoint: 'veoRecordInfo',
		host: 'api',
		methods: ['GET'],
		path: '/api/v1/veo/record-info',
		handle: recordInfo,
	},
	{
		endpoint: 'veoExtend',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/veo/extend',
		handle: extend,
	},
	{
		endpoint: 'veo1080p',
		host: 'api',
		methods: ['GET'],
		path: '/api/v1/veo/get-1080p-video',
		handle: hd,
	},
	{
		endpoint: 'veo4k',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/veo/get-4k-video',
		handle: fourK,
	},
];
