/**
 * Veo 3.1's 1080P version (https://docs.kie.ai/veo3-api/get-veo-3-1080-p-video) is not a task:
 * the same GET answers a non-200 code ("1080P is processing…") until the file is ready, then
 * `data.resultUrl`. Asking again is free and harmless, so this waits by asking again.
 */
import type { Clock } from './clock';
import { systemClock } from './clock';
import { KieRequestError } from './errors';
import type { KieClient } from './KieClient';
import { settle } from './retry';

export interface HdWaitOptions {
	timeoutMs: number;
	/** The user's fixed interval; 0 or undefined: 2, 4, 8, 16 s, then every 20 s (Kie: "20–30s"). */
	pollIntervalMs?: number;
	signal?: AbortSignal;
	clock?: Clock;
}

export interface HdWaitResult {
	url?: string;
	timedOut: boolean;
	polls: number;
	/** Kie's last "not ready" message. */
	lastMessage?: string;
}

const NOT_READY = /process|not ready|check back|blank|empty|generating/i;

function notReady(error: unknown): error is KieRequestError {
	if (!(error instanceof KieRequestError) || error.info.delivery !== 'answered') return false;
	if (error.code === 400) return true;
	return error.code === 422 && NOT_READY.test(error.info.kieMessage ?? '');
}

export async function waitForVeoHdVideo(
	client: KieClient,
	taskId: string,
	index: number,
	options: HdWaitOptions,
): Promise<HdWaitResult> {
	const clock = options.clock ?? systemClock;
	const deadline = clock.now() + options.timeoutMs;
	let polls = 0;
	let lastMessage: string | undefined;
	for (;;) {
		polls++;
		const outcome = await settle(
			async () =>
				(await client.request('veo.1080p', { qs: { taskId, index } })) as {
					resultUrl?: unknown;
				} | null,
		);
		if (outcome.ok) {
			const url = outcome.value?.resultUrl;
			if (typeof url === 'string' && url !== '') return { url, timedOut: false, polls };
		} else if (notReady(outcome.error)) {
			lastMessage = outcome.error.info.kieMessage;
		} else {
			throw outcome.error;
		}
		const wait =
			options.pollIntervalMs && options.pollIntervalMs > 0
				? options.pollIntervalMs
				: Math.min(20_000, 1_000 * 2 ** polls);
		const left = deadline - clock.now();
		if (left <= 0) return { timedOut: true, polls, lastMessage };
		await clock.sleep(Math.min(wait, left), options.signal);
	}
}
