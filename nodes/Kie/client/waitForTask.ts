/**
 * The poll loop: asks for a task's status until it is final or the wait's time is up. Transient
 * failures of a poll (5xx, resets, timeouts, unreadable answers, 455, 429) are retried with
 * backoff; the task is declared failed only by its API's own `fail` state, and a timeout returns
 * the last state seen.
 */
import { sleepOrWake, type Clock } from './clock';
import { isTransientReadError, KieRequestError } from './errors';
import type { GenerationTimes } from './generationTimes';
import { evenlySpread, nextPollDelay, type PollPlanOptions } from './pollSchedule';
import { backoffMs, settle } from './retry';
import { FINAL_STATES, type KieTask, type WaitOptions, type WaitResult } from './types';

export interface PollingDeps {
	clock: Clock;
	generationTimes: GenerationTimes;
	pollPlan: PollPlanOptions;
	signal?: AbortSignal;
	getTask(task: KieTask): Promise<KieTask>;
}

export interface PollTarget {
	/** The task as last known (a placeholder in state `waiting` right after its create). */
	task: KieTask;
	/** Whether Kie has shown this task yet; right after a create it may not know it for a moment. */
	seen: boolean;
	/** When the task was created (its age plans the polls). */
	createdAt: number;
	/** Learned-duration key ('' = not known yet: learned from the first record). */
	kind: string;
	kindOf(task: KieTask): string;
	/** The create request's prior for how long it takes (WaitOptions.expectedMs wins). */
	expectedMs?: number;
}

/** How long Kie may not know a task it has just created. */
const NOT_YET_VISIBLE_MS = 30_000;

export async function pollUntilFinal(
	deps: PollingDeps,
	target: PollTarget,
	options: WaitOptions,
): Promise<WaitResult> {
	const { clock, generationTimes, signal } = deps;
	const startedAt = clock.now();
	const createdAt = Math.min(target.createdAt, startedAt);
	const deadline = startedAt + options.timeoutMs;
	const fixedInterval =
		options.pollIntervalMs && options.pollIntervalMs > 0 ? options.pollIntervalMs : undefined;
	let kind = target.kind;
	let last = target.task;
	let polls = 0;
	let consecutiveFailures = 0;

	// The create counts as the first look. Each poll is planned from the previous one, so a
	// re-plan (when another task of the kind finishes) never pushes a due poll further away.
	let lastPollAt = createdAt;
	// This task's place among those of its kind polling while nothing is known.
	const phase = options.pollPhase ?? evenlySpread();
	let waiting = kind ? generationTimes.startWaiting(kind, createdAt) : undefined;
	try {
		while (!FINAL_STATES.includes(last.state)) {
			const now = clock.now();
			if (now >= deadline) return { task: last, timedOut: true, polls };
			let delay: number;
			if (consecutiveFailures > 0) delay = backoffMs(consecutiveFailures - 1);
			else {
				const othersWaitingAges = waiting?.othersAges(now) ?? [];
				delay =
					lastPollAt +
					nextPollDelay(
						{
							elapsedMs: lastPollAt - createdAt,
							ageMs: now - createdAt,
							samples: generationTimes.get(kind),
							companions: othersWaitingAges.length,
							othersWaitingAges,
							phase,
							fixedIntervalMs: fixedInterval,
							expectedMs: options.expectedMs ?? target.expectedMs,
						},
						deps.pollPlan,
					) -
					now;
			}
			delay = Math.max(0, Math.min(delay, deadline - now));
			// While sleeping, another task of the same kind may finish and teach a better plan.
			const relearn =
				fixedInterval || consecutiveFailures > 0 || !kind ? undefined : generationTimes.watch(kind);
			// A sleep cut short by a re-plan is aborted, so it does not stay listening on the signal.
			const endSleep = new AbortController();
			let replan: boolean;
			try {
				replan = await sleepOrWake(
					clock,
					delay,
					relearn?.changed ?? new Promise<void>(() => undefined),
					signal ? AbortSignal.any([signal, endSleep.signal]) : endSleep.signal,
				);
			} finally {
				relearn?.cancel();
				endSleep.abort();
			}
			if (replan) continue;
			lastPollAt = clock.now();
			polls++;
			const outcome = await settle(async () => await deps.getTask(last));
			if (outcome.ok) {
				last = outcome.value;
				target.seen = true;
				consecutiveFailures = 0;
				if (!kind && last.model) {
					kind = target.kindOf(last);
					waiting = generationTimes.startWaiting(kind, createdAt);
				}
				continue;
			}
			const justCreatedAndNotYetVisible =
				outcome.error instanceof KieRequestError &&
				(outcome.error.code === 404 || outcome.error.code === 422) &&
				!target.seen &&
				clock.now() - createdAt < NOT_YET_VISIBLE_MS;
			if (!isTransientReadError(outcome.error) && !justCreatedAndNotYetVisible) throw outcome.error;
			consecutiveFailures++;
		}
		waiting?.stop();
		if (last.state === 'success' && kind) {
			const duration =
				last.createTime !== null && last.completeTime !== null
					? last.completeTime - last.createTime
					: (last.costTime ?? clock.now() - createdAt);
			generationTimes.record(kind, duration);
		}
		return { task: last, timedOut: false, polls };
	} finally {
		waiting?.stop();
	}
}
