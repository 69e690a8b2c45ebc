/**
 * A Transport (see nodes/Kie/client/requestPolicy.ts) whose status requests never leave the
 * process: each is answered with the jobs API's recordInfo body for the task `answer` returns,
 * so the poll loop runs on a manual clock through the same request policy as in production.
 */
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { KieTask } from '../../nodes/Kie/client';
import type { Clock } from '../../nodes/Kie/client/clock';
import type { Transport } from '../../nodes/Kie/client/requestPolicy';

let accounts = 0;

/** recordInfo's `data` for a task item (the jobs API's shape). */
function recordInfoData(task: KieTask) {
	return {
		taskId: task.taskId,
		model: task.model,
		state: task.state,
		param: task.param === null ? '' : JSON.stringify(task.param),
		resultJson: task.state === 'success' ? JSON.stringify({ resultUrls: task.resultUrls }) : '',
		failCode: task.failCode ?? '',
		failMsg: task.failMsg ?? '',
		costTime: task.costTime,
		createTime: task.createTime,
		completeTime: task.completeTime,
	};
}

export function fakeStatusTransport(
	clock: Clock,
	answer: (taskId: string) => KieTask | Promise<KieTask>,
	options: { statusRequestsPerSecond?: number } = {},
): Transport {
	const ctx = {
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => {
				const task = await answer(String(request.qs?.taskId));
				return {
					statusCode: 200,
					headers: {},
					body: JSON.stringify({ code: 200, msg: 'success', data: recordInfoData(task) }),
				};
			},
		},
	} as unknown as IExecuteFunctions;
	return {
		ctx,
		clock,
		account: {
			baseUrl: 'http://kie.invalid',
			uploadBaseUrl: 'http://upload.kie.invalid',
			maxNewTasks: 20,
			maxNewTasksWindowMs: 10_000,
			maxStatusRequestsPerSecond: options.statusRequestsPerSecond ?? 1_000_000,
			webhookHmacKey: '',
			accountId: `fake-status-${++accounts}`,
			withoutKey: (text) => text,
		},
	};
}
