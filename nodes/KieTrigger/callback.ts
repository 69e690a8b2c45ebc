/** The item a callback starts the workflow with: the task item plus what only the callback knows. */
import type { IDataObject } from 'n8n-workflow';

import type { CallbackTask } from '../Kie/client';
import { taskItemJson } from '../Kie/shared/taskItem';

export function callbackItemJson(callback: CallbackTask): IDataObject {
	const json: IDataObject = {
		...taskItemJson(callback.task),
		callbackCode: callback.code,
		callbackMsg: callback.msg,
	};
	if (callback.callbackType !== null) json.callbackType = callback.callbackType;
	return json;
}
