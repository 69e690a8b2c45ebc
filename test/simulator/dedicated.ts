import { API_UNAUTHORIZED, type Answer, jsonAnswer, type RequestContext } from './http';
import type { SimulatorState } from './state';
import { stateOf } from './tasks';
import type { SimulatedTask } from './types';

/** Which dedicated API made a task; jobs-API tasks have none. */
const TASK_API = new WeakMap<SimulatedTask, string>();

export function markApi(task: SimulatedTask, api: string): void {
	TASK_API.set(task, api);
}

export function apiOf(task: SimulatedTask): string | undefined {
	return TASK_API.get(task);
}

/**
 * What every create of Kie's dedicated APIs (Suno, 4o Image, Flux Kontext) checks before its own
 * fields: the key, the one account-wide create limit (shared with the jobs API, counted on
 * arrival), and a readable JSON object body.
 */
export function admitCreate(
	state: SimulatorState,
	context: RequestContext,
): { apiKey: string; body: Record<string, unknown> } | Answer {
	const apiKey = state.authorizedKey(context);
	if (!apiKey) return jsonAnswer(200, API_UNAUTHORIZED);
	const { max, windowMs } = state.options.createLimit;
	if (!state.record.createFits(apiKey, context.record.arrivedAt, max, windowMs)) {
		return jsonAnswer(429, {
			code: 429,
			msg: `Rate limit exceeded: ${max} requests per ${windowMs / 1000} seconds`,
		});
	}
	if (context.jsonInvalid || !isRecord(context.json)) {
		return jsonAnswer(200, {
			code: 400,
			msg: 'The parameter is not in a valid JSON format',
			data: null,
		});
	}
	return { apiKey, body: context.json };
}

export function isAnswer(value: unknown): value is Answer {
	return isRecord(value) && Buffer.isBuffer(value.body) && typeof value.status === 'number';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isHttpUrl(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

export const invalid = (msg: string): Answer => jsonAnswer(200, { code: 422, msg, data: null });

export const insufficientCredits = (): Answer =>
	jsonAnswer(200, { code: 402, msg: 'Credits insufficient', data: null });

/** The task a status request names, for its own key; an Answer when there is none. */
export function taskForStatus(
	state: SimulatorState,
	context: RequestContext,
	api: string,
): { task: SimulatedTask; now: number } | Answer {
	const apiKey = state.authorizedKey(context);
	if (!apiKey) return jsonAnswer(200, API_UNAUTHORIZED);
	const taskId = context.url.searchParams.get('taskId');
	if (!taskId) return jsonAnswer(200, { code: 400, msg: 'taskId parameter is required' });
	const task = state.record.tasks.get(taskId);
	if (!task || task.apiKey !== apiKey || apiOf(task) !== api) {
		return jsonAnswer(200, { code: 422, msg: 'recordInfo is null', data: null });
	}
	return { task, now: Date.now() };
}

/** Fraction (0–1) of the way from create to the final state. */
export function progressOf(task: SimulatedTask, now: number): number {
	if (stateOf(task, now) === 'success' || stateOf(task, now) === 'fail') return 1;
	const total = task.finishAt - task.createdAt;
	return total <= 0 ? 1 : Math.min(1, Math.max(0, (now - task.createdAt) / total));
}
