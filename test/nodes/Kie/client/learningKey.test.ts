/**
 * The poll plan learns how long tasks take per kind (model, size, length). A video created by the
 * node and the same video fetched with Get Task must learn under one kind, or each waits as if
 * nothing had been learned about the other.
 */
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { KieClient, type CreateTaskRequest } from '../../../../nodes/Kie/client';
import type { KieAccount } from '../../../../nodes/Kie/client/http';
import { GenerationTimes } from '../../../../nodes/Kie/client/waitForTask';
import type { Clock } from '../../../../nodes/Kie/client/clock';
import { v1VideoRequest } from '../../../helpers/v1Video';

const TASK_ID = 'task-1';
const CREATED_AT = 1_000_000;
const TOOK_MS = 95_000;

/** Kie's status answer for the finished task, with the parameters it was created with. */
function statusAnswer(request: CreateTaskRequest) {
	if (request.api === 'veo') {
		return {
			taskId: TASK_ID,
			paramJson: JSON.stringify(request.body),
			successFlag: 1,
			response: { resultUrls: ['https://files.example/v.mp4'] },
			createTime: CREATED_AT,
			completeTime: CREATED_AT + TOOK_MS,
		};
	}
	return {
		taskId: TASK_ID,
		model: request.model,
		state: 'success',
		param: JSON.stringify(request.body),
		resultJson: JSON.stringify({ resultUrls: ['https://files.example/v.mp4'] }),
		createTime: CREATED_AT,
		completeTime: CREATED_AT + TOOK_MS,
		costTime: TOOK_MS,
	};
}

function kieFor(request: CreateTaskRequest, times: GenerationTimes) {
	const helper = async (_type: string, options: IHttpRequestOptions) => {
		const data = options.method === 'POST' ? { taskId: TASK_ID } : statusAnswer(request);
		return {
			statusCode: 200,
			headers: {},
			body: JSON.stringify({ code: 200, msg: 'success', data }),
		};
	};
	const ctx = {
		helpers: { httpRequestWithAuthentication: helper, httpRequest: helper },
	} as unknown as IExecuteFunctions;
	const account: KieAccount = {
		baseUrl: 'http://kie.invalid',
		uploadBaseUrl: 'http://upload.kie.invalid',
		maxNewTasks: 1000,
		maxNewTasksWindowMs: 1000,
		maxStatusRequestsPerSecond: 1000,
		webhookHmacKey: '',
		accountId: 'learning-key',
		withoutKey: (text: string) => text,
	};
	let now = CREATED_AT;
	// Waits pass at once: what is learned here does not depend on when the polls happen.
	const clock: Clock = { now: () => now, sleep: async (ms) => void (now += ms) };
	return new KieClient(ctx, account, undefined, clock, times);
}

/** The kinds a finished task was learned under, created by the node and fetched with Get Task. */
async function learnedKinds(
	request: CreateTaskRequest,
): Promise<{ created: string; fetched: string }> {
	const times = new GenerationTimes();
	const recorded = jest.spyOn(times, 'record');
	const node = kieFor(request, times);
	await node.waitForTask(await node.createTask(request), { timeoutMs: 600_000 });
	const getTask = kieFor(request, times);
	await getTask.waitForTask(await getTask.getTask(TASK_ID, request.api), { timeoutMs: 600_000 });
	expect(recorded).toHaveBeenCalledTimes(2);
	return { created: recorded.mock.calls[0][0], fetched: recorded.mock.calls[1][0] };
}

describe('the learning key', () => {
	it.each([
		[
			'Kling 3.0 (mode, duration)',
			'kling-3.0/video',
			{ resolution: 'pro', duration: 10, aspectRatio: '16:9' },
			'kling-3.0/video|pro|10s',
		],
		['Sora 2 (n_frames)', 'sora-2-text-to-video', { duration: 15 }, 'sora-2-text-to-video||15s'],
		[
			'Veo 3.1 (top-level body)',
			'veo3_fast',
			{ resolution: '1080p', aspectRatio: '16:9' },
			'veo3_fast|1080p',
		],
	])(
		'%s: created and fetched with Get Task learn as one kind',
		async (_label, model, fields, kind) => {
			const request = v1VideoRequest(model, { prompt: 'a lighthouse at dusk', ...fields });

			expect(await learnedKinds(request)).toEqual({ created: kind, fetched: kind });
		},
	);
});
