import { apiOf, markApi, taskForStatus } from './dedicated';
import { type Answer, jsonAnswer, type RequestContext } from './http';
import type { Route } from './routes';
import type { FileBody, SimulatorState } from './state';
import { createTaskRecord, notePoll, stateOf } from './tasks';
import type { SimulatedTask, TaskState } from './types';

/*
 * What Suno's tools and Runway Aleph share in the simulator: a task that runs on the simulator's
 * clock with result files of its own under /files/tools/<taskId>/<name> (served only once the
 * task has succeeded), a status endpoint that answers the API's own record, and its callback.
 */

export interface ToolFile {
	name: string;
	bytes: () => Buffer;
	mimeType: string;
}

interface ToolTaskInfo {
	files: ToolFile[];
	/** Anything the API's record and callback need (the request, the source track, …). */
	facts: Record<string, unknown>;
	failure?: { code: number; message: string };
}

const INFO = new WeakMap<SimulatedTask, ToolTaskInfo>();

export function toolInfo(task: SimulatedTask): ToolTaskInfo | undefined {
	return INFO.get(task);
}

export function toolFileUrl(state: SimulatorState, taskId: string, name: string): string {
	return `${state.baseUrl}/files/tools/${taskId}/${name}`;
}

export interface NewToolTask {
	api: string;
	apiKey: string;
	model: string;
	body: Record<string, unknown>;
	cost: number;
	files: (taskId: string) => ToolFile[];
	facts?: Record<string, unknown>;
	/** A prompt containing "[fail]" ends the task in a failure with this code and message. */
	failure?: { code: number; message: string };
	callbackBody: (task: SimulatedTask, info: ToolTaskInfo) => Record<string, unknown>;
	context: RequestContext;
}

/** Creates the task (charged now, final after generationMs) and answers `{taskId}`. */
export function createToolTask(state: SimulatorState, spec: NewToolTask): Answer {
	const { callBackUrl, ...input } = spec.body;
	const failure =
		typeof spec.body.prompt === 'string' && spec.body.prompt.includes('[fail]')
			? spec.failure
			: spec.context.fault?.kind === 'taskFail'
				? spec.failure
				: undefined;
	const info: ToolTaskInfo = { files: [], facts: spec.facts ?? {}, failure };
	const task = createTaskRecord(state, {
		apiKey: spec.apiKey,
		model: spec.model,
		input,
		callBackUrl: typeof callBackUrl === 'string' ? callBackUrl : undefined,
		param: JSON.stringify(input),
		cost: spec.cost,
		fails: failure !== undefined,
		resultUrls: (taskId) => spec.files(taskId).map((file) => toolFileUrl(state, taskId, file.name)),
		callbackBody: (finished) => spec.callbackBody(finished, info),
		arrivedAt: spec.context.record.arrivedAt,
	});
	markApi(task, spec.api);
	info.files = spec.files(task.taskId);
	INFO.set(task, info);
	return jsonAnswer(200, { code: 200, msg: 'success', data: { taskId: task.taskId } });
}

/** A status route: the API's record of one of its tasks, built by `record`. */
export function statusRoute(
	endpoint: Route['endpoint'],
	path: string,
	api: string,
	record: (
		state: SimulatorState,
		task: SimulatedTask,
		info: ToolTaskInfo,
		taskState: TaskState,
	) => Record<string, unknown>,
): Route {
	return {
		endpoint,
		host: 'api',
		methods: ['GET'],
		path,
		handle: (state: SimulatorState, context: RequestContext): Answer => {
			const found = taskForStatus(state, context, api);
			if ('status' in found) return found;
			notePoll(state, found.task, found.now);
			const info = INFO.get(found.task)!;
			const data = record(state, found.task, info, stateOf(found.task, found.now));
			return jsonAnswer(200, { code: 200, msg: 'success', data });
		},
	};
}

/** The finished task of this key made by one of `apis` (a tool's source), if any. */
export function finishedTask(
	state: SimulatorState,
	apiKey: string,
	taskId: unknown,
	apis: readonly string[],
): SimulatedTask | undefined {
	if (typeof taskId !== 'string') return undefined;
	const task = state.record.tasks.get(taskId);
	if (!task || task.apiKey !== apiKey || !apis.includes(apiOf(task) ?? '')) return undefined;
	return stateOf(task, Date.now()) === 'success' ? task : undefined;
}

export const TOOL_FILE_ROUTE: Route = {
	endpoint: 'file',
	host: 'api',
	methods: ['GET', 'HEAD'],
	path: '/files/tools/',
	prefix: true,
	handle: (state, context) => {
		const file = lookup(state, context.url.pathname);
		if (!file) return jsonAnswer(404, { code: 404, msg: 'File not found' });
		return { status: 200, contentType: file.mimeType, body: file.bytes };
	},
};

function lookup(state: SimulatorState, pathname: string): FileBody | undefined {
	const match = /^\/files\/tools\/([0-9a-f]{32})\/([^/]+)$/.exec(pathname);
	if (!match) return undefined;
	const task = state.record.tasks.get(match[1]);
	if (!task || stateOf(task, Date.now()) !== 'success') return undefined;
	const file = INFO.get(task)?.files.find((candidate) => candidate.name === match[2]);
	return file ? { bytes: file.bytes(), mimeType: file.mimeType } : undefined;
}
