import { createHmac } from 'node:crypto';

import { request } from 'undici';

import type { SimulatorState, TaskMeta } from './state';
import type { SimulatedTask } from './types';

/** Kie waits this long for the receiver's answer before it counts the callback as failed. */
const CALLBACK_TIMEOUT_MS = 15_000;

/** Kie's documented delivery: an answer within 15 s, else up to 3 retries, then it gives up. */
export async function sendCallback(
	state: SimulatorState,
	task: SimulatedTask,
	bodyOf: TaskMeta['callbackBody'],
): Promise<void> {
	const url = task.callBackUrl;
	if (!url) return;
	const epoch = state.epoch;
	const retryDelays = state.options.callbackRetryDelaysMs;
	for (let attempt = 1; attempt <= retryDelays.length + 1; attempt++) {
		if (attempt > 1) {
			await state.sleep(retryDelays[attempt - 2]);
			if (epoch !== state.epoch) return;
		}
		const delivered = await deliverCallback(state, task, bodyOf, url, attempt, epoch);
		if (delivered || epoch !== state.epoch) return;
	}
}

/** One POST of the callback, signed afresh; true when the receiver answered 2xx. */
async function deliverCallback(
	state: SimulatorState,
	task: SimulatedTask,
	bodyOf: TaskMeta['callbackBody'],
	url: string,
	attempt: number,
	epoch: number,
): Promise<boolean> {
	const body = JSON.stringify(bodyOf(task));
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	const hmacKey = state.options.webhookHmacKey;
	if (hmacKey) {
		const timestamp = Math.floor(Date.now() / 1000);
		headers['x-webhook-timestamp'] = String(timestamp);
		headers['x-webhook-signature'] = createHmac('sha256', hmacKey)
			.update(`${task.taskId}.${timestamp}`)
			.digest('base64');
	}
	const controller = new AbortController();
	state.callbackAborts.add(controller);
	const sentAt = Date.now();
	try {
		const response = await request(url, {
			method: 'POST',
			headers,
			body,
			dispatcher: state.agent,
			signal: controller.signal,
			headersTimeout: CALLBACK_TIMEOUT_MS,
			bodyTimeout: CALLBACK_TIMEOUT_MS,
		});
		await response.body.dump();
		if (epoch === state.epoch) {
			state.record.callbacks.push({
				taskId: task.taskId,
				url,
				sentAt,
				attempt,
				status: response.statusCode,
			});
		}
		return response.statusCode >= 200 && response.statusCode < 300;
	} catch (error) {
		if (epoch === state.epoch) {
			state.record.callbacks.push({
				taskId: task.taskId,
				url,
				sentAt,
				attempt,
				status: 0,
				error: (error as Error).message,
			});
		}
		return false;
	} finally {
		state.callbackAborts.delete(controller);
	}
}
