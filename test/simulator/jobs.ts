import { creditsFor, resultCountFor, validateCreateRequest } from './create-validation';
import { apiOf } from './dedicated';
import { API_UNAUTHORIZED, type Answer, jsonAnswer, type RequestContext } from './http';
import type { Route } from './routes';
import type { SimulatorState } from './state';
import { mediaFilesProblem, resultImageFor } from './media-files';
import { jobsResultExtension, makesFiles, resultExtras } from './results';
import { createTaskRecord, notePoll, stateOf } from './tasks';
import type { SimulatedTask, TaskState } from './types';

/** The jobs API (market models): POST /api/v1/jobs/createTask, GET /api/v1/jobs/recordInfo. */
export const JOBS_ROUTES: readonly Route[] = [
	{
		endpoint: 'createTask',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/jobs/createTask',
		handle: createTask,
	},
	{
		endpoint: 'recordInfo',
		host: 'api',
		methods: ['GET'],
		path: '/api/v1/jobs/recordInfo',
		handle: recordInfo,
	},
];

function createTask(state: SimulatorState, context: RequestContext): Answer {
	const apiKey = state.authorizedKey(context);
	if (!apiKey) return jsonAnswer(200, API_UNAUTHORIZED);
	const { max, windowMs } = state.options.createLimit;
	if (!state.record.createFits(apiKey, context.record.arrivedAt, max, windowMs)) {
		return jsonAnswer(429, {
			code: 429,
			msg: `Rate limit exceeded: ${max} requests per ${windowMs / 1000} seconds`,
		});
	}
	if (context.jsonInvalid) {
		return jsonAnswer(200, { code: 422, msg: 'Request body must be valid JSON', data: null });
	}
	const validation = validateCreateRequest(context.json);
	if (!validation.ok) return jsonAnswer(200, { code: 422, msg: validation.msg, data: null });
	const request = validation.request;
	const fileProblem = mediaFilesProblem(state, request.model, request.input);
	if (fileProblem) return jsonAnswer(200, { code: 422, msg: fileProblem, data: null });
	const cost = creditsFor(request);
	if (state.balance(apiKey) < cost) {
		return jsonAnswer(200, { code: 402, msg: 'Credits insufficient', data: null });
	}
	// ElevenLabs models take their text as `text`.
	const prompt = [request.input.prompt, request.input.text]
		.filter((value): value is string => typeof value === 'string')
		.join(' ');
	const extension = jobsResultExtension(request);
	const task = createTaskRecord(state, {
		apiKey,
		model: request.model,
		input: request.input,
		callBackUrl: request.callBackUrl,
		// param keeps Kie's key order: model, callBackUrl, input.
		param: JSON.stringify({
			model: request.model,
			...(request.callBackUrl !== undefined ? { callBackUrl: request.callBackUrl } : {}),
			input: request.input,
		}),
		cost,
		fails: prompt.includes('[fail]') || context.fault?.kind === 'taskFail',
		resultUrls: (taskId) =>
			Array.from(
				{ length: makesFiles(request.model) ? resultCountFor(request.input) : 0 },
				(_, index) =>
					`${state.baseUrl}/files/results/${taskId}_${index}` +
					(state.options.resultUrlExtensions ? `.${extension}` : ''),
			),
		resultExtras: (taskId) =>
			resultExtras(
				request.model,
				request.input,
				taskId,
				(name) => `${state.baseUrl}/files/results/${name}`,
			),
		resultImage: resultImageFor(state, request.model, request.input),
		callbackBody: (finished) => callbackBody(state, finished),
		arrivedAt: context.record.arrivedAt,
	});
	context.record.taskId = task.taskId;
	return jsonAnswer(200, { code: 200, msg: 'success', data: { taskId: task.taskId } });
}

/** recordInfo's answer to a taskId it does not know, in the form the options choose. */
function unknownTask(state: SimulatorState): Answer {
	switch (state.options.unknownTaskAnswer) {
		case 'task-not-found':
			return jsonAnswer(200, { code: 404, msg: 'Task not found' });
		case 'task-not-found-http':
			return jsonAnswer(404, { code: 404, msg: 'Task not found' });
		default:
			return jsonAnswer(200, { code: 422, msg: 'recordInfo is null', data: null });
	}
}

/** Right after its create, Kie may not know a task yet (options.notVisibleAfterCreate). */
function notVisibleYet(state: SimulatorState, task: SimulatedTask, now: number): boolean {
	const { queries = 0, ms = 0 } = state.options.notVisibleAfterCreate;
	const meta = state.taskMeta.get(task.taskId);
	if (!meta) return false;
	meta.hiddenAnswers ??= 0;
	if (meta.hiddenAnswers < queries || now - task.createdAt < ms) {
		meta.hiddenAnswers++;
		return true;
	}
	return false;
}

/** A finished task's result: its file URLs, and the rest its model's result carries. */
function resultJson(task: SimulatedTask): Record<string, unknown> {
	const extras = task.resultExtras ?? {};
	if (task.resultUrls.length === 0 && Object.keys(extras).length > 0) return extras;
	return { resultUrls: task.resultUrls, ...extras };
}

/** recordInfo's `data` for a task at time `now`: the fields market/common/get-task-detail documents. */
function taskData(
	state: SimulatorState,
	task: SimulatedTask,
	now: number,
): Record<string, unknown> {
	const taskState = stateOf(task, now);
	const meta = state.taskMeta.get(task.taskId);
	const total = task.finishAt - task.createdAt;
	const final = taskState === 'success' || taskState === 'fail';
	const updateTime =
		taskState === 'waiting'
			? task.createdAt
			: taskState === 'queuing'
				? task.createdAt + Math.round(total * 0.1)
				: taskState === 'generating'
					? task.createdAt + Math.round(total * 0.2)
					: task.finishAt;
	return {
		taskId: task.taskId,
		model: task.model,
		state: taskState,
		param: meta?.param ?? '',
		resultJson: taskState === 'success' ? JSON.stringify(resultJson(task)) : '',
		failCode: taskState === 'fail' ? '500' : '',
		failMsg: taskState === 'fail' ? 'Internal server error' : '',
		costTime: final ? total : null,
		completeTime: final ? task.finishAt : null,
		createTime: task.createdAt,
		updateTime,
	};
}

function recordInfo(state: SimulatorState, context: RequestContext): Answer {
	const apiKey = state.authorizedKey(context);
	if (!apiKey) return jsonAnswer(200, API_UNAUTHORIZED);
	const taskId = context.url.searchParams.get('taskId');
	if (!taskId) return jsonAnswer(200, { code: 400, msg: 'taskId parameter is required' });
	const task = state.record.tasks.get(taskId);
	// Tasks of the dedicated APIs (Suno, 4o Image, Flux Kontext) are not jobs-API records.
	context.record.taskId = taskId;
	if (!task || task.apiKey !== apiKey || apiOf(task) !== undefined) return unknownTask(state);
	const now = Date.now();
	if (notVisibleYet(state, task, now)) return unknownTask(state);
	notePoll(state, task, now);
	const data = taskData(state, task, now);
	context.record.taskState = data.state as TaskState;
	return jsonAnswer(200, { code: 200, msg: 'success', data });
}

function callbackBody(state: SimulatorState, task: SimulatedTask): Record<string, unknown> {
	const recordData = taskData(state, task, task.finishAt);
	const { taskId, ...rest } = recordData;
	const success = task.finalState === 'success';
	const idField = state.options.callbackTaskIdField;
	const data: Record<string, unknown> = {
		...(idField === 'taskId' || idField === 'both' ? { taskId } : {}),
		...(idField === 'task_id' || idField === 'both' ? { task_id: taskId } : {}),
		...rest,
		// Kie's callback reports costTime in seconds while recordInfo reports milliseconds.
		costTime: Math.round((task.finishAt - task.createdAt) / 1000),
		consumeCredits: success ? (state.taskMeta.get(task.taskId)?.cost ?? 0) : 0,
		remainedCredits: state.balance(task.apiKey),
	};
	return success
		? { code: 200, msg: 'Playground task completed successfully.', data }
		: { code: 501, msg: 'Playground task failed.', data };
}
