import { sleep } from 'n8n-workflow';

import { CancelledError } from './errors';

export function throwIfCancelled(signal?: AbortSignal): void {
	if (signal?.aborted) throw new CancelledError();
}

/** Time as the Kie client sees it; tests inject a manual clock so schedules run without waiting. */
export interface Clock {
	now(): number;
	/** Resolves after `ms`, or rejects with CancelledError as soon as `signal` aborts. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * How long one piece of a cancellable wait lasts. n8n-workflow's `sleep` cannot be cancelled, so a
 * wait that may be called off sleeps in pieces this long and stops at the first piece after it was:
 * an abandoned wait holds the process (a worker shutting down, jest's 500 ms grace) no longer.
 */
const SLEEP_SLICE_MS = 200;

/** Wall-clock time through n8n-workflow's `sleep` (community nodes may not touch timers directly). */
export const systemClock: Clock = {
	now: () => Date.now(),
	async sleep(ms: number, signal?: AbortSignal): Promise<void> {
		throwIfCancelled(signal);
		if (ms <= 0) return;
		if (!signal) return await sleep(ms);
		let onAbort: (() => void) | undefined;
		const aborted = new Promise<never>((_, reject) => {
			onAbort = () => reject(new CancelledError());
			signal.addEventListener('abort', onAbort, { once: true });
		});
		const end = Date.now() + ms;
		const slices = async () => {
			for (let left = ms; left > 0 && !signal.aborted; left = end - Date.now()) {
				await sleep(Math.min(left, SLEEP_SLICE_MS));
			}
		};
		try {
			await Promise.race([slices(), aborted]);
		} finally {
			signal.removeEventListener('abort', onAbort!);
		}
	},
};

/**
 * Sleeps for `ms` or until `wake` resolves, whichever comes first (true when woken early); rejects
 * with CancelledError when `signal` aborts. The losing sleep is defused so a later abort cannot
 * become an unhandled rejection.
 */
export async function sleepOrWake(
	clock: Clock,
	ms: number,
	wake: Promise<void>,
	signal?: AbortSignal,
): Promise<boolean> {
	const sleeping = clock.sleep(ms, signal);
	sleeping.catch(() => undefined);
	const wokeEarly = await Promise.race([wake.then(() => true), sleeping.then(() => false)]);
	throwIfCancelled(signal);
	return wokeEarly;
}
