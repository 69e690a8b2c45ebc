/**
 * Reads the task a callback names from Kie, the authority (Kie calls its callbacks notices). One
 * status request to the API the body's shape suggests. Only a callback Kie signed may cost more:
 * a signed body of no particular API (Kie's webhook page shows one with only `data.task_id`)
 * does not say which API made the task, so the others are asked until one knows it.
 */
import { API_FAMILIES, KieRequestError, type KieClient } from '../Kie/client';
import type { RecordRead, Screening } from './rules';

/** How each status endpoint says "no such task" (the jobs API: 422 "recordInfo is null"). */
const unknownTask = (error: unknown) =>
	error instanceof KieRequestError && (error.code === 404 || error.code === 422);

export async function readRecord(
	client: KieClient,
	screened: Extract<Screening, { verdict: 'read' }>,
): Promise<RecordRead> {
	const others = API_FAMILIES.map((family) => family.api).filter((api) => api !== screened.api);
	// Only a body of no particular API (read as the jobs API's) leaves the API open.
	const order =
		screened.signed && screened.api === 'market' ? [screened.api, ...others] : [screened.api];
	for (const api of order) {
		try {
			return { found: true, task: await client.getTask(screened.taskId, api) };
		} catch (error) {
			if (!unknownTask(error)) {
				return { found: undefined, error: error instanceof Error ? error.message : String(error) };
			}
		}
	}
	return { found: false };
}
