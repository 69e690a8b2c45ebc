import {
	admitCreate,
	apiOf,
	insufficientCredits,
	invalid,
	isAnswer,
	isHttpUrl,
	markApi,
	taskForStatus,
} from './dedicated';
import { type Answer, jsonAnswer, type RequestContext } from './http';
import { makePng, TINY_JPEG } from './images';
import type { Route } from './routes';
import type { SimulatorState } from './state';
import { createTaskRecord, notePoll, stateOf } from './tasks';
import type { SimulatedTask } from './types';

/*
 * The Flux Kontext API (https://docs.kie.ai/flux-kontext-api/): POST /api/v1/flux/kontext/generate,
 * GET /api/v1/flux/kontext/record-info with `successFlag` 0 (generating) / 1 (success) /
 * 2 (create failed) / 3 (generation failed), ISO date strings, and the one image in
 * `response.resultImageUrl` (the callback: `data.info.resultImageUrl`). A prompt containing
 * "[fail]" ends with successFlag 3.
 */

const MODELS = ['flux-kontext-pro', 'flux-kontext-max'];
const RATIOS = ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'];
const FORMATS = ['jpeg', 'png'];

export const FLUX_KONTEXT_ROUTES: readonly Route[] = [
	{
		endpoint: 'fluxKontextGenerate',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/flux/kontext/generate',
		handle: create,
	},
	{
		endpoint: 'fluxKontextRecordInfo',
		host: 'api',
		methods: ['GET'],
		path: '/api/v1/flux/kontext/record-info',
		handle: recordInfo,
	},
	{
		endpoint: 'file',
		host: 'api',
		methods: ['GET', 'HEAD'],
		path: '/files/flux-kontext/',
		prefix: true,
		handle: serveFile,
	},
];

function check(body: Record<string, unknown>): string | undefined {
	if (typeof body.prompt !== 'string' || body.prompt.trim() === '') return 'prompt is required';
	if (body.inputImage !== undefined && !isHttpUrl(body.inputImage))
		return 'inputImage must be a valid image URL';
	if (body.aspectRatio !== undefined && !RATIOS.includes(body.aspectRatio as string)) {
		return `aspectRatio is not within the range of allowed options: ${RATIOS.join(', ')}`;
	}
	if (body.outputFormat !== undefined && !FORMATS.includes(body.outputFormat as string)) {
		return `outputFormat is not within the range of allowed options: ${FORMATS.join(', ')}`;
	}
	if (body.model !== undefined && !MODELS.includes(body.model as string)) {
		return `model is not within the range of allowed options: ${MODELS.join(', ')}`;
	}
	const tolerance = body.safetyTolerance;
	const maxTolerance = body.inputImage === undefined ? 6 : 2;
	if (
		tolerance !== undefined &&
		(!Number.isInteger(tolerance) ||
			(tolerance as number) < 0 ||
			(tolerance as number) > maxTolerance)
	) {
		return 'The security tolerance level is out of range and should be 0-2 or 0-6';
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
	const model = typeof body.model === 'string' ? body.model : 'flux-kontext-pro';
	const cost = model === 'flux-kontext-max' ? 10 : 5;
	if (state.balance(apiKey) < cost) return insufficientCredits();
	const { callBackUrl, ...input } = body;
	const extension = body.outputFormat === 'png' ? 'png' : 'jpg';
	const task = createTaskRecord(state, {
		apiKey,
		model,
		input,
		callBackUrl: isHttpUrl(callBackUrl) ? callBackUrl : undefined,
		param: JSON.stringify(input),
		cost,
		fails: (body.prompt as string).includes('[fail]') || context.fault?.kind === 'taskFail',
		resultUrls: (taskId) => [`${state.baseUrl}/files/flux-kontext/${taskId}_0.${extension}`],
		callbackBody: (finished) => callbackBody(finished),
		arrivedAt: context.record.arrivedAt,
	});
	markApi(task, 'flux-kontext');
	return jsonAnswer(200, { code: 200, msg: 'success', data: { taskId: task.taskId } });
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function images(task: SimulatedTask) {
	const resultImageUrl = task.resultUrls[0] ?? '';
	// Kie's copy of the upstream original (valid 10 minutes); not served here.
	return { originImageUrl: resultImageUrl.replace('_0.', '_origin.'), resultImageUrl };
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
		completeTime: final ? iso(task.finishAt) : null,
		response: taskState === 'success' ? images(task) : null,
		successFlag: taskState === 'success' ? 1 : taskState === 'fail' ? 3 : 0,
		errorCode: taskState === 'fail' ? 501 : null,
		errorMessage: taskState === 'fail' ? 'Image generation task failed' : '',
		createTime: iso(task.createdAt),
	};
}

function recordInfo(state: SimulatorState, context: RequestContext): Answer {
	const found = taskForStatus(state, context, 'flux-kontext');
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
				msg: 'BFL image generated successfully.',
				data: { taskId: task.taskId, info: images(task) },
			}
		: {
				code: 501,
				msg: 'Image generation task failed',
				data: { taskId: task.taskId, info: { originImageUrl: '', resultImageUrl: '' } },
			};
}

function serveFile(state: SimulatorState, context: RequestContext): Answer {
	const match = /^\/files\/flux-kontext\/([0-9a-f]{32})_0\.(jpg|png)$/.exec(context.url.pathname);
	const task = match ? state.record.tasks.get(match[1]) : undefined;
	if (
		!match ||
		!task ||
		apiOf(task) !== 'flux-kontext' ||
		!task.resultUrls.includes(`${state.baseUrl}${context.url.pathname}`) ||
		stateOf(task, Date.now()) !== 'success'
	) {
		return jsonAnswer(404, { code: 404, msg: 'File not found' });
	}
	return match[2] === 'jpg'
		? { status: 200, contentType: 'image/jpeg', body: TINY_JPEG }
		: { status: 200, contentType: 'image/png', body: makePng(`${match[1]}_0`) };
}
