/**
 * The poll loop: asks for a task's status until it is final or the wait's time is up. Each poll
 * is a read of the request policy (requestPolicy.ts): within the account's status-request limit
 * (a 429 waits its turn), transient failures (5xx, resets, timeouts, unreadable answers, 455)
 * asked again with backoff until the wait's end. The task is declared failed only by its API's
 * own `fail` state, and a timeout returns the last state seen.
 *
 * Below the loop: what the process learns from it, how long each kind of task takes.
 */
import { apiFamily } from './apis';
import { sleepOrWake } from './clock';
import { isTransientReadError, KieRequestError } from './errors';
import type { LikelyDone } from './pacedLimiter';
import { evenlySpread, likelyDoneAges, nextPollDelay, type PollPlanOptions } from './pollSchedule';
import { backoffMs, outcomeOf, send, type ReadOptions, type Transport } from './requestPolicy';
import { readVeoHd } from './veoHd';
import {
	FINAL_STATES,
	type KieApi,
	type KieTask,
	type WaitOptions,
	type WaitResult,
} from './types';

export interface PollingDeps {
	transport: Transport;
	generationTimes: GenerationTimes;
	pollPlan: PollPlanOptions;
}

/** One status request to the API that made the task, parsed into the task item. */
export async function readTask(
	transport: Transport,
	taskId: string,
	api: KieApi,
	options: ReadOptions = {},
): Promise<KieTask> {
	const family = apiFamily(api);
	const data = await send(transport, family.statusEndpoint, { qs: { taskId } }, options);
	return family.parseStatus(data, taskId);
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
	/** The create request's prior for how long it takes (WaitOptions.expectedMs wins). */
	expectedMs?: number;
	/** Wait for Veo's 1080P version of this video of the (finished) task instead (see veoHd.ts). */
	veoHdIndex?: number;
}

/** Until `reading` ends: `rank` again each time a task of `kind` is recorded (it moves the ramp). */
async function rankAgainOnRecord(
	generationTimes: GenerationTimes,
	kind: string,
	reading: Promise<unknown>,
	rank: () => void,
): Promise<void> {
	for (;;) {
		const learned = generationTimes.watch(kind);
		const recorded = await Promise.race([
			learned.changed.then(() => true),
			reading.then(() => false),
		]);
		learned.cancel();
		if (!recorded) return;
		rank();
	}
}

/** How long Kie may not know a task it has just created. */
const NOT_YET_VISIBLE_MS = 30_000;

export async function pollUntilFinal(
	deps: PollingDeps,
	target: PollTarget,
	options: WaitOptions,
): Promise<WaitResult> {
	const { transport, generationTimes } = deps;
	const { clock, signal } = transport;
	const startedAt = clock.now();
	const createdAt = Math.min(target.createdAt, startedAt);
	const deadline = startedAt + options.timeoutMs;
	const fixedInterval =
		options.pollIntervalMs && options.pollIntervalMs > 0 ? options.pollIntervalMs : undefined;
	let kind = target.kind;
	let last = target.task;
	let polls = 0;
	// Polls Kie answered "not found" for a task it may not show yet (see NOT_YET_VISIBLE_MS).
	let consecutiveFailures = 0;
	const expectedMs = options.expectedMs ?? target.expectedMs;

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
							expectedMs,
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
			// When this poll is likely to find the task done: the status limiter serves those first.
			// Moved while the poll waits for its turn, as tasks of its kind finish.
			const likelyDone: LikelyDone = { from: Infinity, to: Infinity };
			const rank = () => {
				const ages = likelyDoneAges({
					elapsedMs: lastPollAt - createdAt,
					samples: generationTimes.get(kind),
					othersWaitingAges: waiting?.othersAges(clock.now()),
					expectedMs,
				});
				if (ages)
					Object.assign(likelyDone, { from: createdAt + ages.from, to: createdAt + ages.to });
			};
			rank();
			polls++;
			const read = { deadline, likelyDone };
			const reading = outcomeOf(
				target.veoHdIndex === undefined
					? readTask(transport, last.taskId, last.api, read)
					: readVeoHd(transport, last, target.veoHdIndex, read),
			);
			if (kind) void rankAgainOnRecord(generationTimes, kind, reading, rank);
			const outcome = await reading;
			lastPollAt = clock.now();
			if (outcome.ok) {
				last = outcome.value;
				target.seen = true;
				consecutiveFailures = 0;
				if (!kind && last.model) {
					kind = taskKind(last);
					waiting = generationTimes.startWaiting(kind, createdAt);
				}
				continue;
			}
			if (isTransientReadError(outcome.error) && clock.now() >= deadline) {
				return { task: last, timedOut: true, polls };
			}
			const justCreatedAndNotYetVisible =
				outcome.error instanceof KieRequestError &&
				(outcome.error.code === 404 || outcome.error.code === 422) &&
				!target.seen &&
				clock.now() - createdAt < NOT_YET_VISIBLE_MS;
			if (!justCreatedAndNotYetVisible) throw outcome.error;
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

/**
 * What the process has learned about how long tasks take, per kind (model + resolution), and
 * which tasks of each kind are waiting now: shared by every execution in the process, and read by
 * the poll plan (pollSchedule.ts).
 */

/**
 * The kind a task's duration is learned under: its model, its size (resolution, quality, mode or
 * image size) and its length (duration, n_frames), read from its parameters as sent (`input` for
 * the jobs API, the top level for the others) or as Kie reports them. Computed here only, so a
 * task created by the node and the same task fetched with Get Task learn together.
 */
export function taskKind(task: {
	model: string | null;
	param: Record<string, unknown> | null;
}): string {
	const nested = task.param?.input;
	const input =
		typeof nested === 'object' && nested !== null && !Array.isArray(nested)
			? (nested as Record<string, unknown>)
			: (task.param ?? {});
	const size = input.resolution ?? input.quality ?? input.mode ?? input.image_size ?? '';
	const seconds = input.duration ?? input.n_frames;
	const kind = `${task.model ?? ''}|${String(size)}`;
	return seconds === undefined || seconds === null ? kind : `${kind}|${String(seconds)}s`;
}

/** A task counted as waiting on its kind (see `GenerationTimes.startWaiting`). */
export interface WaitingTask {
	stop(): void;
	/** How old the other tasks of its kind waiting now are (ms at `now`). */
	othersAges(now: number): number[];
}

/** Durations (create → final state, ms) of recently finished tasks per kind. */
export class GenerationTimes {
	private readonly samples = new Map<string, number[]>();

	private readonly watchers = new Map<string, Set<() => void>>();

	/** Per kind, when each task now waiting on it was created. */
	private readonly waiting = new Map<string, Map<object, number>>();

	constructor(private readonly keep = 30) {}

	record(kind: string, durationMs: number): void {
		if (!Number.isFinite(durationMs) || durationMs <= 0) return;
		const list = this.samples.get(kind) ?? [];
		list.push(durationMs);
		if (list.length > this.keep) list.shift();
		this.samples.set(kind, list);
		const watchers = this.watchers.get(kind);
		this.watchers.delete(kind);
		for (const wake of watchers ?? []) wake();
	}

	get(kind: string): readonly number[] {
		return this.samples.get(kind) ?? [];
	}

	/**
	 * `changed` resolves the next time a task of this kind is recorded; `cancel` stops watching
	 * (a waiter that woke for another reason must not stay registered).
	 */
	watch(kind: string): { changed: Promise<void>; cancel(): void } {
		let wake!: () => void;
		const changed = new Promise<void>((resolve) => (wake = resolve));
		const watchers = this.watchers.get(kind) ?? new Set();
		watchers.add(wake);
		this.watchers.set(kind, watchers);
		return {
			changed,
			cancel: () => {
				const current = this.watchers.get(kind);
				current?.delete(wake);
				if (current?.size === 0) this.watchers.delete(kind);
			},
		};
	}

	/** Counts a task of this kind, created at `createdAt`, as waiting until `stop()`. */
	startWaiting(kind: string, createdAt: number): WaitingTask {
		const handle = {};
		const tasks = this.waiting.get(kind) ?? new Map<object, number>();
		tasks.set(handle, createdAt);
		this.waiting.set(kind, tasks);
		return {
			stop: () => {
				const current = this.waiting.get(kind);
				current?.delete(handle);
				if (current?.size === 0) this.waiting.delete(kind);
			},
			othersAges: (now) =>
				[...(this.waiting.get(kind)?.entries() ?? [])]
					.filter(([other]) => other !== handle)
					.map(([, otherCreatedAt]) => now - otherCreatedAt),
		};
	}

	/** Tasks of this kind waiting in this process now. */
	waitingCount(kind: string): number {
		return this.waiting.get(kind)?.size ?? 0;
	}

	/** Tasks currently watching a kind (for tests). */
	watcherCount(kind: string): number {
		return this.watchers.get(kind)?.size ?? 0;
	}
}

/** Shared by every execution in the process. */
export const learnedGenerationTimes = new GenerationTimes();
