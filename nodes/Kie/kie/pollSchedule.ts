/**
 * When to ask Kie about a task next. Kie has no "wait" endpoint, so a finished task is only seen
 * when polled: polling often wastes requests, polling rarely delivers results late.
 *
 * The process learns how long each kind of task (model + resolution) takes from the tasks it has
 * seen finish, and concentrates polls where tasks of that kind usually finish. Before anything is
 * known, polls start soon and spread out. Tasks waiting on a kind re-plan as soon as another task
 * of that kind finishes (see `GenerationTimes.changed`).
 */

/** Durations (create → final state, ms) of recently finished tasks per kind. */
export class GenerationTimes {
	private readonly samples = new Map<string, number[]>();

	private waiters = new Map<string, Array<() => void>>();

	constructor(private readonly keep = 30) {}

	record(kind: string, durationMs: number): void {
		if (!Number.isFinite(durationMs) || durationMs <= 0) return;
		const list = this.samples.get(kind) ?? [];
		list.push(durationMs);
		if (list.length > this.keep) list.shift();
		this.samples.set(kind, list);
		const waiters = this.waiters.get(kind) ?? [];
		this.waiters.delete(kind);
		for (const wake of waiters) wake();
	}

	get(kind: string): readonly number[] {
		return this.samples.get(kind) ?? [];
	}

	/** Resolves the next time a task of this kind is recorded. */
	changed(kind: string): Promise<void> {
		return new Promise((resolve) => {
			const list = this.waiters.get(kind) ?? [];
			list.push(resolve);
			this.waiters.set(kind, list);
		});
	}
}

/** Shared by every execution in the process. */
export const learnedGenerationTimes = new GenerationTimes();

export interface PollPlanOptions {
	/** First poll this soon after the create, when nothing is known. */
	firstPollMs: number;
	/** Never poll the same task more often than this. */
	minIntervalMs: number;
	/** Never leave a task unpolled longer than this. */
	maxIntervalMs: number;
	/** Polls planned across the span where tasks of this kind usually finish. */
	pollsAcrossSpread: number;
}

export const DEFAULT_POLL_PLAN: PollPlanOptions = {
	firstPollMs: 1500,
	minIntervalMs: 300,
	maxIntervalMs: 15_000,
	pollsAcrossSpread: 7,
};

function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return NaN;
	const position = (sorted.length - 1) * q;
	const lower = Math.floor(position);
	const upper = Math.ceil(position);
	return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/**
 * The span in which a task of this kind is expected to finish, from what was learned.
 * With few samples the span is widened: one finished task says little about the others.
 */
export function expectedFinishSpan(samples: readonly number[]): { from: number; to: number } | undefined {
	if (samples.length === 0) return undefined;
	const sorted = [...samples].sort((a, b) => a - b);
	const median = quantile(sorted, 0.5);
	const widening = samples.length >= 8 ? 0.1 : samples.length >= 3 ? 0.2 : 0.3;
	const from = Math.min(quantile(sorted, 0.1), median * (1 - widening));
	const to = Math.max(quantile(sorted, 0.9), median * (1 + widening));
	return { from: from * 0.95, to: to * 1.05 };
}

/**
 * How long to wait before the next poll of a task created `elapsedMs` ago.
 * `fixedIntervalMs` (the user's `pollInterval`) wins when set.
 */
export function nextPollDelay(
	elapsedMs: number,
	samples: readonly number[],
	options: PollPlanOptions = DEFAULT_POLL_PLAN,
	fixedIntervalMs?: number,
): number {
	if (fixedIntervalMs && fixedIntervalMs > 0) return fixedIntervalMs;
	const { firstPollMs, minIntervalMs, maxIntervalMs, pollsAcrossSpread } = options;
	const clamp = (ms: number) => Math.min(maxIntervalMs, Math.max(minIntervalMs, ms));
	const span = expectedFinishSpan(samples);

	if (!span) {
		// Nothing known: soon, then spreading out (each wait ~60 % of the time already spent).
		if (elapsedMs < firstPollMs) return firstPollMs - elapsedMs;
		return clamp(elapsedMs * 0.6);
	}
	if (elapsedMs < span.from) {
		// Too early to be done: one poll where the span begins (sooner if the span is far away,
		// so a task that failed early is noticed).
		return Math.min(maxIntervalMs, Math.max(minIntervalMs, span.from - elapsedMs));
	}
	if (elapsedMs <= span.to) {
		return clamp((span.to - span.from) / pollsAcrossSpread);
	}
	// Later than usual: back off with the overrun.
	return clamp(Math.max((span.to - span.from) / pollsAcrossSpread, (elapsedMs - span.to) * 0.5));
}

/** The kind a task's duration is learned under. */
export function generationKind(model: string, input: Record<string, unknown>): string {
	const size = input.resolution ?? input.quality ?? input.image_size ?? '';
	return `${model}|${String(size)}`;
}
