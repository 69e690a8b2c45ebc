/** The task item users see, from the node and from the trigger alike. */
import type { IDataObject } from 'n8n-workflow';

import type { KieTask } from '../client';

export function taskItemJson(task: KieTask): IDataObject {
	const json: IDataObject = {
		taskId: task.taskId,
		api: task.api,
		model: task.model,
		state: task.state,
		resultUrls: task.resultUrls,
		failCode: task.failCode,
		failMsg: task.failMsg,
		costTime: task.costTime,
		createTime: task.createTime,
		completeTime: task.completeTime,
		creditsConsumed: task.creditsConsumed,
		param: task.param,
	};
	if (task.resultObject) json.resultObject = task.resultObject;
	if (task.extra) Object.assign(json, task.extra);
	if (task.progress !== undefined) json.progress = task.progress;
	return json;
}
