/**
 * Field readers for Kie's status and callback bodies, as zod schemas. Kie's pages disagree on
 * types (numbers as strings, JSON inside strings, empty strings for "none"), so each reader takes
 * whatever arrives and yields one type; a field that is absent or unreadable becomes null.
 */
import { z } from 'zod';

import type { KieTask, TaskState } from '../types';

const blank = (value: unknown) => value === null || value === undefined || value === '';

export const optionalText = z
	.unknown()
	.transform((value): string | null => (blank(value) ? null : String(value)));

export const optionalNumber = z.unknown().transform((value): number | null => {
	if (blank(value)) return null;
	const n = Number(value);
	return Number.isFinite(n) ? n : null;
});

/** A JSON value that may arrive as JSON text (Kie's `param`, `resultJson`). */
export const jsonOrText = z.unknown().transform((value): unknown => {
	if (typeof value !== 'string') return value ?? null;
	if (value.trim() === '') return null;
	try {
		return JSON.parse(value);
	} catch {
		return value;
	}
});

/** `taskId` / `task_id` as a string (Kie's pages use both spellings, and numbers now and then). */
export function taskIdOf(data: unknown): string | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const record = data as Record<string, unknown>;
	const id = record.taskId ?? record.task_id ?? record.recordId;
	return typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : undefined;
}

const STATES = new Set<TaskState>(['waiting', 'queuing', 'generating', 'success', 'fail']);

/** The jobs API's `state`, with the spellings other pages use for the final ones. */
export const jobState = z.unknown().transform((value): TaskState => {
	const state = String(value ?? '').toLowerCase();
	if (STATES.has(state as TaskState)) return state as TaskState;
	if (state === 'failed' || state === 'error') return 'fail';
	if (state === 'succeeded' || state === 'completed') return 'success';
	return 'waiting';
});

/**
 * Kie's pages disagree on `costTime`: milliseconds in recordInfo, seconds in the callback
 * example. The unit closer to the task's own create-to-complete time wins; without those times,
 * the source decides.
 */
export function costTimeMs(
	costTime: number | null,
	createTime: number | null,
	completeTime: number | null,
	source: 'status' | 'callback',
): number | null {
	if (costTime === null) return null;
	if (createTime !== null && completeTime !== null && completeTime >= createTime) {
		const elapsed = completeTime - createTime;
		const asSeconds = Math.abs(costTime * 1000 - elapsed);
		const asMillis = Math.abs(costTime - elapsed);
		return asSeconds < asMillis ? costTime * 1000 : costTime;
	}
	return source === 'callback' ? costTime * 1000 : costTime;
}

/** A task item with nothing known yet but what is given: the one shape every API's reader fills. */
export function taskItem(known: Pick<KieTask, 'taskId' | 'api'> & Partial<KieTask>): KieTask {
	return {
		model: null,
		state: 'waiting',
		resultUrls: [],
		failCode: null,
		failMsg: null,
		costTime: null,
		createTime: null,
		completeTime: null,
		creditsConsumed: null,
		param: null,
		...known,
	};
}
