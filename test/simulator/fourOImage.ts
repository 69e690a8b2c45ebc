import { randomBytes } from 'node:crypto';

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
import { API_UNAUTHORIZED, type Answer, jsonAnswer, type RequestContext } from './http';
import { makePng } from './images';
import type { Route } from './routes';
import type { SimulatorState } from './state';
import { createTaskRecord, notePoll, stateOf } from './tasks';
import type { SimulatedTask } from './types';

/*
 * The 4o Image API (https://docs.kie.ai/4o-image-api/): POST /api/v1/gpt4o-image/generate,
 * GET /api/v1/gpt4o-image/record-info with `successFlag` 0 (generating) / 1 (success) /
 * 2 (failed), `progress` as a "0.00"–"1.00" string and the images in `response.resultUrls`;
 * the callback carries them as `data.info.result_urls`. A prompt containing "[fail]" ends in
 * GENERATE_FAILED. POST /api/v1/gpt4o-image/download-url gives a 20-minute link for one of a
 * finished task's images, named by taskId and url (422 with the page's reasons otherwise).
 */

const SIZES = ['1:1', '3:2', '2:3'];
const VARIANTS = [1, 2, 4];
const MAX_FILES = 5;
const CREDITS = 6;

export const FOUR_O_IMAGE_ROUTES: readonly Route[] = [
	{
		endpoint: 'fourOImageGenerate',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/gpt4o-image/generate',
		handle: create,
	},
	{
		endpoint: 'fourOImageRecordInfo',
		host: 'api',
		methods: ['GET'],
		path: '/api/v1/gpt4o-image/record-info',
		handle: recordInfo,
	},
	{
		endpoint: 'fourOImageDownloadUrl',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/gpt4o-image/download-url',
		handle: downloadUrl,
	},
	{
		endpoint: 'file',
		host: 'api',
		methods: ['GET', 'HEAD'],
		path: '/files/4o/',
		prefix: true,
		handle: serveFile,
	},
];

function check(body: Record<string, unknown>): string | undefined {
	const prompt = typeof body.prompt === 'string' ? body.prompt.trim() : '';
	const files = body.filesUrl;
	if (files !== undefined && (!Array.isArray(files) || !files.every(isHttpUrl))) {
		return 'filesUrl must be an array of image URLs';
	}
	if (Array.isArray(files) && files.length > MAX_FILES)
		return `filesUrl supports at most ${MAX_FILES} images`;
	if (prompt === '' && !(Array.isArray(files) && files.length > 0)) {
		return 'At least one of prompt or filesUrl must be provided';
	}
	if (typeof body.size !== 'string' || !SIZES.includes(body.size)) {
		return `size is not within the range of allowed options: ${SIZES.join(', ')}`;
	}
	if (body.nVariants !== undefined && !VARIANTS.includes(body.nVariants as number)) {
		return `nVariants must be one of ${VARIANTS.join(', ')}`;
	}
	if (body.callBackUrl !== undefined && body.callBackUrl !== '' && !isHttpUrl(body.callBackUrl)) {
		return 'callBackUrl must be a valid http(s) URL';
	}
	return undefined;
}

function create(state: SimulatorState, context: RequestContext): Answer {
	const admitted = admitCreate(state, context);
	if (isAnswer(admitted)) return admitted;
	const { apiKey, body } = admitted;
	const problem = check(body);
	if (problem) return invalid(problem);
	if (state.balance(apiKey) < CREDITS) return insufficientCredits();
	const { callBackUrl, ...input } = body;
	const prompt = typeof body.prompt === 'string' ? body.prompt : '';
	const count = typeof body.nVariants === 'number' ? body.nVariants : 1;
	const task = createTaskRecord(state, {
		apiKey,
		model: 'gpt-4o-image',
		input,
		callBackUrl: isHttpUrl(callBackUrl) ? callBackUrl : undefined,
		param: JSON.stringify(input),
		cost: CREDITS,
		fails: prompt.includes('[fail]') || context.fault?.kind === 'taskFail',
		resultUrls: (taskId) =>
			Array.from({ length: count }, (_, n) => `${state.baseUrl}/files/4o/${taskId}_${n}.png`),
		callbackBody,
		arrivedAt: context.record.arrivedAt,
	});
	markApi(task, '4o-image');
	return jsonAnswer(200, { code: 200, msg: 'success', data: { taskId: task.taskId } });
}

function taskData(
	state: SimulatorState,
	task: SimulatedTask,
	now: number,
): Record<string, unknown> {
	const taskState = stateOf(task, now);
	const final = taskState === 'success' || taskState === 'fail';
	return {
		taskId: task.taskId,
		paramJson: state.taskMeta.get(task.taskId)?.param ?? '',
		completeTime: final ? task.finishAt : null,
		response: taskState === 'success' ? { resultUrls: task.resultUrls } : null,
		successFlag: taskState === 'success' ? 1 : taskState === 'fail' ? 2 : 0,
		status:
			taskState === 'success' ? 'SUCCESS' : taskState === 'fail' ? 'GENERATE_FAILED' : 'GENERATING',
		errorCode: taskState === 'fail' ? 400 : null,
		errorMessage:
			taskState === 'fail'
				? 'Your content was flagged by OpenAI as violating content policies'
				: '',
		createTime: task.createdAt,
		progress: progressOf(task, now).toFixed(2),
	};
}

function recordInfo(state: SimulatorState, context: RequestContext): Answer {
	const found = taskForStatus(state, context, '4o-image');
	if (isAnswer(found)) return found;
	notePoll(state, found.task, found.now);
	return jsonAnswer(200, {
		code: 200,
		msg: 'success',
		data: taskData(state, found.task, found.now),
	});
}

function callbackBody(task: SimulatedTask): Record<string, unknown> {
	return task.finalState === 'success'
		? {
				code: 200,
				msg: 'success',
				data: { taskId: task.taskId, info: { result_urls: task.resultUrls } },
			}
		: {
				code: 400,
				msg: 'Your content was flagged by OpenAI as violating content policies',
				data: { taskId: task.taskId, info: null },
			};
}

/** The page's 422 reasons: "record is null", "record status is not success", "record result data not exist". */
function downloadUrl(state: SimulatorState, context: RequestContext): Answer {
	const apiKey = state.authorizedKey(context);
	if (!apiKey) return jsonAnswer(200, API_UNAUTHORIZED);
	const { taskId, url } = (context.json ?? {}) as { taskId?: unknown; url?: unknown };
	const refuse = (msg: string) => jsonAnswer(200, { code: 422, msg, data: null });
	if (typeof taskId !== 'string' || taskId === '' || typeof url !== 'string' || url === '') {
		return refuse('The request parameters failed validation checks: taskId and url are required');
	}
	const task = state.record.tasks.get(taskId);
	if (!task || apiOf(task) !== '4o-image' || task.apiKey !== apiKey)
		return refuse('record is null');
	if (stateOf(task, Date.now()) !== 'success') return refuse('record status is not success');
	if (!task.resultUrls.includes(url)) return refuse('record result data not exist');
	const token = randomBytes(12).toString('hex');
	const pathname = new URL(url).pathname;
	state.downloadTokens.set(token, { host: 'api', pathname });
	return jsonAnswer(200, {
		code: 200,
		msg: 'success',
		data: `${state.baseUrl}/files/download/${token}/${pathname.slice(pathname.lastIndexOf('/') + 1)}`,
	});
}

/** A finished 4o Image task's image at `/files/4o/<taskId>_<n>.png`, or undefined. */
export function fourOImageFile(state: SimulatorState, pathname: string): Buffer | undefined {
	const match = /^\/files\/4o\/([0-9a-f]{32})_(\d+)\.png$/.exec(pathname);
	const task = match ? state.record.tasks.get(match[1]) : undefined;
	if (
		!match ||
		!task ||
		apiOf(task) !== '4o-image' ||
		!task.resultUrls.includes(`${state.baseUrl}${pathname}`) ||
		stateOf(task, Date.now()) !== 'success'
	) {
		return undefined;
	}
	return makePng(`${match[1]}_${match[2]}`);
}

function serveFile(state: SimulatorState, context: RequestContext): Answer {
	const bytes = fourOImageFile(state, context.url.pathname);
	if (!bytes) return jsonAnswer(404, { code: 404, msg: 'File not found' });
	return { status: 200, contentType: 'image/png', body: bytes };
}
