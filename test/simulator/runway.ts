import { API_UNAUTHORIZED, type Answer, jsonAnswer, type RequestContext } from './http';
import type { Route } from './routes';
import type { SimulatorState } from './state';
import { createTaskRecord, notePoll, stateOf } from './tasks';
import type { SimulatedTask, TaskState } from './types';
import {
	createPreamble,
	dateText,
	deliverableCallback,
	isAnswer,
	setVideoFacts,
	videoFacts,
	videoFileUrl,
} from './video';

/**
 * The Runway API as https://docs.kie.ai/runway-api/ documents it: top-level bodies with
 * `duration` 5|10 and `quality` 720p|1080p (1080p only for 5 s), `state` wait / queueing /
 * generating / success / fail, `videoInfo` on success, `failCode` (400) / `failMsg` on failure,
 * and snake_case callbacks (`data.task_id`, `video_url`, `image_url`). The pages call
 * `callBackUrl` required for generate and extend, so a create without one is refused (422).
 *
 * Prompt marker "[fail]" → state fail, failCode 400.
 */

const RATIOS = ['16:9', '4:3', '1:1', '3:4', '9:16'];
const QUALITIES = ['720p', '1080p'];
const FAIL_MSG = 'Inappropriate content detected. Please replace the image or video.';
const runwayState: Record<TaskState, string> = {
	waiting: 'wait',
	queuing: 'queueing',
	generating: 'generating',
	success: 'success',
	fail: 'fail',
};

const invalid = (msg: string) => jsonAnswer(200, { code: 422, msg, data: null });
const isHttpUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/\S+$/i.test(value);

function checkCommon(body: Record<string, unknown>): string | undefined {
	const { prompt, quality, callBackUrl, waterMark } = body;
	if (typeof prompt !== 'string' || prompt.trim() === '') return 'prompt is required';
	if ([...prompt].length > 1800) return 'prompt cannot exceed 1800 characters';
	if (!QUALITIES.includes(quality as string)) return 'quality is required: 720p or 1080p';
	if (!isHttpUrl(callBackUrl)) return 'callBackUrl is required';
	if (waterMark !== undefined && typeof waterMark !== 'string') return 'waterMark must be a string';
	return undefined;
}

function checkGenerate(body: Record<string, unknown>): string | undefined {
	const common = checkCommon(body);
	if (common) return common;
	const { duration, quality, imageUrl, aspectRatio } = body;
	const seconds = typeof duration === 'string' ? Number(duration) : duration;
	if (seconds !== 5 && seconds !== 10) return 'duration is required: 5 or 10';
	if (seconds === 10 && quality === '1080p')
		return 'If 10-second video is selected, 1080p resolution cannot be used';
	if (imageUrl !== undefined && !isHttpUrl(imageUrl)) return 'imageUrl must be an image URL';
	if (imageUrl === undefined && aspectRatio === undefined)
		return 'aspectRatio is required for text-to-video';
	if (aspectRatio !== undefined && !RATIOS.includes(aspectRatio as string))
		return `aspectRatio must be one of ${RATIOS.join(', ')}`;
	return undefined;
}

function start(
	state: SimulatorState,
	context: RequestContext,
	apiKey: string,
	body: Record<string, unknown>,
	parent?: SimulatedTask,
): Answer {
	const cost = body.quality === '1080p' || Number(body.duration) === 10 ? 30 : 12;
	if (state.balance(apiKey) < cost)
		return jsonAnswer(200, { code: 402, msg: 'Credits insufficient', data: null });
	const fails = String(body.prompt).includes('[fail]') || context.fault?.kind === 'taskFail';
	const task = createTaskRecord(state, {
		apiKey,
		model:
			typeof body.model === 'string'
				? body.model
				: `runway-duration-${Number(body.duration ?? 5)}-generate`,
		input: body,
		callBackUrl: deliverableCallback(body.callBackUrl),
		param: JSON.stringify(body),
		cost,
		fails,
		resultUrls: (taskId) => [videoFileUrl(state, taskId, 'video.mp4')],
		callbackBody: (finished) => callbackBody(finished),
		arrivedAt: context.record.arrivedAt,
	});
	setVideoFacts(task, {
		api: 'runway',
		kind: parent ? 'extend' : 'generate',
		...(parent ? { parentTaskId: parent.taskId } : {}),
		resolution: String(body.quality),
		aspectRatio: String(body.aspectRatio ?? parent?.input.aspectRatio ?? ''),
		...(fails ? { failCode: 400, failMsg: FAIL_MSG } : {}),
		imageUrls: fails ? [] : [videoFileUrl(state, task.taskId, 'cover.png')],
		originUrls: [],
		fullResultUrls: [],
	});
	return jsonAnswer(200, { code: 200, msg: 'success', data: { taskId: task.taskId } });
}

function generate(state: SimulatorState, context: RequestContext): Answer {
	const front = createPreamble(state, context, API_UNAUTHORIZED);
	if (isAnswer(front)) return front;
	const problem = checkGenerate(front.body);
	if (problem) return invalid(problem);
	return start(state, context, front.apiKey, front.body);
}

function extend(state: SimulatorState, context: RequestContext): Answer {
	const front = createPreamble(state, context, API_UNAUTHORIZED);
	if (isAnswer(front)) return front;
	const { apiKey, body } = front;
	const problem = checkCommon(body);
	if (problem) return invalid(problem);
	const parent = typeof body.taskId === 'string' ? state.record.tasks.get(body.taskId) : undefined;
	if (!parent || parent.apiKey !== apiKey || videoFacts(parent)?.api !== 'runway') {
		return jsonAnswer(200, { code: 404, msg: 'Original video or task does not exist', data: null });
	}
	if (stateOf(parent, Date.now()) !== 'success')
		return invalid('The original video is not finished');
	return start(state, context, apiKey, body, parent);
}

function recordData(task: SimulatedTask, now: number): Record<string, unknown> {
	const info = videoFacts(task)!;
	const current = stateOf(task, now);
	return {
		taskId: task.taskId,
		parentTaskId: info.parentTaskId ?? '',
		generateParam: {
			prompt: task.input.prompt,
			imageUrl: task.input.imageUrl ?? '',
			expandPrompt: task.input.expandPrompt ?? false,
		},
		state: runwayState[current],
		generateTime: dateText(
			current === 'success' || current === 'fail' ? task.finishAt : task.createdAt,
		),
		...(current === 'success'
			? {
					videoInfo: {
						videoId: `video_${task.taskId}`,
						taskId: task.taskId,
						videoUrl: task.resultUrls[0],
						imageUrl: info.imageUrls[0],
					},
				}
			: {}),
		failCode: current === 'fail' ? (info.failCode ?? 400) : null,
		failMsg: current === 'fail' ? (info.failMsg ?? '') : '',
		expireFlag: 0,
	};
}

function recordDetail(state: SimulatorState, context: RequestContext): Answer {
	const apiKey = state.authorizedKey(context);
	if (!apiKey) return jsonAnswer(200, API_UNAUTHORIZED);
	const taskId = context.url.searchParams.get('taskId');
	if (!taskId) return jsonAnswer(200, { code: 422, msg: 'taskId is required', data: null });
	const task = state.record.tasks.get(taskId);
	if (!task || task.apiKey !== apiKey || videoFacts(task)?.api !== 'runway') {
		return jsonAnswer(200, {
			code: 404,
			msg: 'Not Found - The requested task does not exist',
			data: null,
		});
	}
	const now = Date.now();
	notePoll(state, task, now);
	return jsonAnswer(200, { code: 200, msg: 'success', data: recordData(task, now) });
}

function callbackBody(task: SimulatedTask): Record<string, unknown> {
	const info = videoFacts(task)!;
	if (task.finalState === 'fail') {
		return {
			code: info.failCode ?? 400,
			msg: info.failMsg ?? FAIL_MSG,
			data: { task_id: task.taskId, video_id: '', video_url: '', image_url: '' },
		};
	}
	return {
		code: 200,
		msg: 'All generated successfully.',
		data: {
			task_id: task.taskId,
			video_id: `video_${task.taskId}`,
			video_url: task.resultUrls[0],
			image_url: info.imageUrls[0],
		},
	};
}

export const RUNWAY_ROUTES: readonly Route[] = [
	{
		endpoint: 'runwayGenerate',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/runway/generate',
		handle: generate,
	},
	{
		endpoint: 'runwayRecordDetail',
		host: 'api',
		methods: ['GET'],
		path: '/api/v1/runway/record-detail',
		handle: recordDetail,
	},
	{
		endpoint: 'runwayExtend',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/runway/extend',
		handle: extend,
	},
];
