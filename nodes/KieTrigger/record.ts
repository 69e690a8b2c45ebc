/**
 * Kie calls its callbacks notices and the status endpoint "the final authority": a body without
 * results (Kie's webhook page shows one with only `data.task_id` and `data.callbackType`) is
 * completed from the task's record before the workflow starts. Such a body does not say which
 * API made the task, so the API its shape suggests is asked first, then the others.
 */
import { API_FAMILIES, KieRequestError, type CallbackTask, type KieClient } from '../Kie/client';

const unknownRecord = (error: unknown) =>
	error instanceof KieRequestError && (error.code === 404 || error.code === 422);

export async function completeFromRecord(
	client: KieClient,
	callback: CallbackTask,
	taskId: string,
): Promise<{ callback: CallbackTask; recordError?: string }> {
	if (callback.complete) return { callback };
	const first = callback.task.api;
	const order = [first, ...API_FAMILIES.map((family) => family.api).filter((api) => api !== first)];
	let lastError: unknown;
	for (const api of order) {
		try {
			const task = await client.getTask(taskId, api);
			return { callback: { ...callback, task, complete: true } };
		} catch (error) {
			lastError = error;
			if (!unknownRecord(error)) break;
		}
	}
	const reason = lastError instanceof Error ? lastError.message : String(lastError);
	return { callback, recordError: `The task's record could not be read: ${reason}` };
}
