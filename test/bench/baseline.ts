/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * The naive baseline: what peer nodes and the do-it-yourself HTTP Request + Wait workflow do.
 * Per item: create the task, then wait 5 s and poll until it is final, then download the results;
 * items one after another. Plain HTTP with undici against the same simulator.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { request } from 'undici';

export const BASELINE_POLL_MS = 5000;

export interface BaselineItem {
	taskId: string;
	/** Create sent → last result file downloaded, ms. */
	itemMs: number;
	/** How long the downloads took (request sent → body read), ms. */
	downloadMs: number;
	state: string;
	error?: string;
}

interface Envelope<T> {
	code: number;
	msg: string;
	data: T;
}

async function callJson<T>(
	url: string,
	apiKey: string,
	init: { method: 'GET' | 'POST'; body?: unknown },
): Promise<Envelope<T>> {
	const response = await request(url, {
		method: init.method,
		headers: {
			authorization: `Bearer ${apiKey}`,
			...(init.body ? { 'content-type': 'application/json' } : {}),
		},
		body: init.body ? JSON.stringify(init.body) : undefined,
	});
	return (await response.body.json()) as Envelope<T>;
}

/** One item: create, poll every 5 s (at most `maxPolls` times), download. */
export async function runBaselineItem(
	baseUrl: string,
	apiKey: string,
	body: { model: string; input: Record<string, unknown> },
	maxPolls = 30,
): Promise<BaselineItem> {
	const startedAt = Date.now();
	const created = await callJson<{ taskId: string }>(`${baseUrl}/api/v1/jobs/createTask`, apiKey, {
		method: 'POST',
		body,
	});
	if (created.code !== 200) {
		return {
			taskId: '',
			itemMs: Date.now() - startedAt,
			downloadMs: 0,
			state: 'error',
			error: created.msg,
		};
	}
	const taskId = created.data.taskId;
	let state = 'waiting';
	let resultUrls: string[] = [];
	for (let poll = 0; poll < maxPolls && state !== 'success' && state !== 'fail'; poll++) {
		await delay(BASELINE_POLL_MS);
		const record = await callJson<{ state: string; resultJson: string }>(
			`${baseUrl}/api/v1/jobs/recordInfo?taskId=${taskId}`,
			apiKey,
			{ method: 'GET' },
		);
		if (record.code !== 200) continue;
		state = record.data.state;
		if (state === 'success')
			resultUrls = (JSON.parse(record.data.resultJson) as { resultUrls: string[] }).resultUrls;
	}
	const downloadStartedAt = Date.now();
	for (const url of resultUrls) {
		const response = await request(url);
		await response.body.arrayBuffer();
	}
	const finishedAt = Date.now();
	return {
		taskId,
		itemMs: finishedAt - startedAt,
		downloadMs: finishedAt - downloadStartedAt,
		state,
		error: state === 'success' ? undefined : `ended in state ${state}`,
	};
}

/** Items one after another. */
export async function runBaselineSequential(
	baseUrl: string,
	apiKey: string,
	bodies: Array<{ model: string; input: Record<string, unknown> }>,
): Promise<BaselineItem[]> {
	const items: BaselineItem[] = [];
	for (const body of bodies) items.push(await runBaselineItem(baseUrl, apiKey, body));
	return items;
}
