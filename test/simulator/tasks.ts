/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
import { randomBytes } from 'node:crypto';

import { sendCallback } from './callbacks';
import type { PngShape } from './images';
import type { SimulatorState, TaskMeta } from './state';
import type { SimulatedTask, TaskState } from './types';

/** What an API's create handler has decided about a new task. */
export interface NewTask {
	apiKey: string;
	model: string;
	input: Record<string, unknown>;
	callBackUrl?: string;
	/** The task's `param` as the status endpoint echoes it. */
	param: string;
	cost: number;
	fails: boolean;
	/** Result file URLs for a task that succeeds, given its new id. */
	resultUrls: (taskId: string) => string[];
	/** What the result holds beside its URLs, given the new id. */
	resultExtras?: (taskId: string) => Record<string, unknown>;
	/** The size (and alpha) of its PNG results, when its input decides them. */
	resultImage?: PngShape;
	callbackBody: TaskMeta['callbackBody'];
	/** arrivedAt of the create request (for the per-key create limit). */
	arrivedAt: number;
}

/** Creates a task that runs on the simulator's clock: charged now, final after generationMs. */
export function createTaskRecord(state: SimulatorState, spec: NewTask): SimulatedTask {
	const taskId = randomBytes(16).toString('hex');
	const createdAt = Date.now();
	const { generationMs } = state.options;
	const duration = Math.max(
		0,
		Math.round(
			typeof generationMs === 'function'
				? generationMs({ model: spec.model, input: spec.input })
				: generationMs,
		),
	);
	const task: SimulatedTask = {
		taskId,
		apiKey: spec.apiKey,
		model: spec.model,
		input: spec.input,
		createdAt,
		finishAt: createdAt + duration,
		finalState: spec.fails ? 'fail' : 'success',
		resultUrls: spec.fails ? [] : spec.resultUrls(taskId),
		polls: 0,
		pollTimes: [],
	};
	if (spec.callBackUrl !== undefined) task.callBackUrl = spec.callBackUrl;
	if (spec.resultExtras && !spec.fails) task.resultExtras = spec.resultExtras(taskId);
	if (spec.resultImage) task.resultImage = spec.resultImage;
	const meta: TaskMeta = { cost: spec.cost, param: spec.param, callbackBody: spec.callbackBody };
	state.record.tasks.set(taskId, task);
	state.taskMeta.set(taskId, meta);
	state.record.addAcceptedCreate(spec.apiKey, spec.arrivedAt);
	state.balances.set(spec.apiKey, state.balance(spec.apiKey) - spec.cost);
	meta.finalizeTimer = setTimeout(() => finalize(state, task), duration);
	meta.finalizeTimer.unref();
	return task;
}

export function stateOf(task: SimulatedTask, now: number): TaskState {
	if (now >= task.finishAt) return task.finalState;
	const elapsed = now - task.createdAt;
	const total = task.finishAt - task.createdAt;
	if (elapsed < total * 0.1) return 'waiting';
	if (elapsed < total * 0.2) return 'queuing';
	return 'generating';
}

/** Records the final state (completedAt), refunds a failed task and sends the callback; runs once. */
export function finalize(state: SimulatorState, task: SimulatedTask): void {
	if (task.completedAt !== undefined || state.record.tasks.get(task.taskId) !== task) return;
	task.completedAt = task.finishAt;
	const meta = state.taskMeta.get(task.taskId);
	if (meta) clearTimeout(meta.finalizeTimer);
	if (task.finalState === 'fail' && meta) {
		state.balances.set(task.apiKey, state.balance(task.apiKey) + meta.cost);
	}
	if (task.callBackUrl && meta) void sendCallback(state, task, meta.callbackBody);
}

/** Counts a status request for the task and finalizes it once its time has come. */
export function notePoll(state: SimulatorState, task: SimulatedTask, now: number): void {
	task.polls++;
	task.pollTimes.push(now);
	if (now >= task.finishAt) finalize(state, task);
}
