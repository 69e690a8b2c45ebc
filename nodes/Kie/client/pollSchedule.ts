/**
 * When to ask Kie about a task next. Kie has no "wait" endpoint, so a finished task is only seen
 * when polled: polling often wastes requests, polling rarely delivers results late.
 *
 * The process learns how long each kind of task (model + resolution) takes from the tasks it has
 * seen finish, and concentrates polls where tasks of that kind usually finish. Until then it plans
 * from the catalogue's prior for the model when there is one (a video: minutes, so no polls every
 * few seconds). Without either, polls start soon, stay dense through the first seconds (where
 * short tasks finish; after a restart every task is polled this way) and spread out (less so for
 * a task waiting alone; tasks of a kind waiting together poll at offset moments, each less often).
 * Tasks waiting on a kind re-plan as soon as another task of that kind finishes (see
 * `GenerationTimes.watch`); those still waiting count too (the first to finish are the quickest).
 * Inside the span a poll's worth is weighed against lateness: long spans are polled less densely
 * than short ones, but not in proportion (seconds, not tens of seconds, for a video), and polls
 * close up toward the span's end. `test/bench/planner-sim.ts` replays the benches' shapes of work
 * in virtual time.
 */

export interface PollPlanOptions {
	/** Around when the first poll comes, when nothing is known. */
	firstPollMs: number;
	/**
	 * When nothing is known, polls sit on a geometric grid: each one `1 + growth` times as long
	 * after the create as the one before, for a task waiting alone. Tasks of a kind waiting
	 * together poll less each (growth × n^companionExponent for n tasks, up to `maxGrowth`; see
	 * `thinLinearlyFrom`): the first of them seen finished teaches all the others, and their grids
	 * are offset from one another so that, together, they look at every moment alike.
	 */
	growth: number;
	maxGrowth: number;
	companionExponent: number;
	/**
	 * Beyond this many tasks waiting together, each further one thins every task's grid in
	 * proportion: the kind's polls before its first finish stay as many (the first finish is what
	 * they look for, and any of them can find it), not growing with the batch.
	 */
	thinLinearlyFrom: number;
	/** The growth while the task is younger than `earlyUntilMs` (short tasks finish then). */
	earlyGrowth: number;
	earlyUntilMs: number;
	/** Never poll the same task more often than this. */
	minIntervalMs: number;
	/** Never leave a task unpolled longer than this (once it may be done)... */
	maxIntervalMs: number;
	/** ...or this, while it is too early for it to be done (a video's first minute). */
	beforeSpanMaxIntervalMs: number;
	/** Polls planned across the span where tasks of this kind usually finish (short spans)... */
	pollsAcrossSpread: number;
	/**
	 * ...and for long spans fewer: the interval in the span is at most
	 * `intervalMs · (span / atSpanMs)^exponent`. A poll costs the same whatever the task while a
	 * late result costs its lateness, so the interval grows more slowly than the span (a 3 s span
	 * is polled every 0.6 s, a 30 s one every 1.8 s).
	 */
	spanInterval: { atSpanMs: number; intervalMs: number; exponent: number };
	/**
	 * ...but not below this share of the typical duration (before `spanEndIntervalShare` closes
	 * it up): a long task is not polled every few seconds (a 3-minute video is seen a few seconds
	 * late, not every 3 s).
	 */
	spanIntervalFloorShare: number;
	/**
	 * When one of the first tasks of a kind (up to this many learned) finishes, the others already
	 * that old poll at once if fewer than this many others wait: the first of many to finish is
	 * the earliest of many (the others are likely still running), and a poll each would cost many
	 * requests for little.
	 */
	wakeCompanionsBelow: number;
	/**
	 * Inside the span the interval is `√(2 · time left in the span / span)` of the one above
	 * (wider at the start, closer toward the end), never below this share of it.
	 */
	spanEndIntervalShare: number;
	/** Past the span, the interval grows by this share of the overrun. */
	overrunBackoff: number;
	/**
	 * A prior (the catalogue's guess, nothing learned yet) says when tasks of a kind usually
	 * finish, not that none finishes sooner: before its span, from this share of the span's start
	 * on, tasks poll on the grid used while nothing is known (the first finish teaches the
	 * others). An image prior of 30 s whose span starts at 15 s saw 6 s images 9 s late; from a
	 * quarter of it, images are looked at from the grid's first poll, while 20 videos of about 60 s
	 * (a prior of 90 s) start their looks at 11 s instead of 4.5 s: 12 polls per task instead of
	 * 16 (11 without the looks), as late (planner-sim.ts).
	 */
	guessedProbeFromShare: number;
}

export const DEFAULT_POLL_PLAN: PollPlanOptions = {
	firstPollMs: 4500,
	growth: 0.6,
	maxGrowth: 1.0,
	companionExponent: 0.25,
	thinLinearlyFrom: 12,
	earlyGrowth: 0.15,
	earlyUntilMs: 10_000,
	minIntervalMs: 300,
	maxIntervalMs: 15_000,
	beforeSpanMaxIntervalMs: 25_000,
	pollsAcrossSpread: 4,
	spanInterval: { atSpanMs: 30_000, intervalMs: 1800, exponent: 0.45 },
	spanIntervalFloorShare: 0.0325,
	wakeCompanionsBelow: 5,
	spanEndIntervalShare: 0.5,
	overrunBackoff: 0.5,
	guessedProbeFromShare: 0.25,
};

/** What the next poll of one task is planned from. */
export interface PollContext {
	/** How old the task was at its last poll (at the create, 0, before the first poll). */
	elapsedMs: number;
	/** How old the task is now (default `elapsedMs`). */
	ageMs?: number;
	/** Durations learned for its kind. */
	samples: readonly number[];
	/** Other tasks of the same kind waiting in this process now. */
	companions?: number;
	/** How old the other tasks of its kind still waiting are. */
	othersWaitingAges?: readonly number[];
	/** The task's offset on the grid used while nothing is known, 0 ≤ phase < 1 (default 0.5). */
	phase?: number;
	/** The user's fixed poll interval; wins when set. */
	fixedIntervalMs?: number;
	/** A prior for how long tasks of this kind take (the catalogue's), used until one is seen. */
	expectedMs?: number;
}

function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return NaN;
	const position = (sorted.length - 1) * q;
	const lower = Math.floor(position);
	const upper = Math.ceil(position);
	return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** Where tasks of a kind usually finish (ms after their create), and their typical duration. */
export interface FinishSpan {
	from: number;
	to: number;
	typicalMs: number;
	/** From the catalogue's prior, not from tasks seen: no telling where in it they finish. */
	guessed?: boolean;
}

/**
 * The span in which a task of this kind is expected to finish, from what was learned.
 * With few samples the span is widened: one finished task says little about the others.
 * Tasks of the kind still waiting and older than every sample take at least their age: counted
 * at it (at most the span's end: tasks stuck far beyond it say nothing more, and back off), so
 * that the first of many to finish (the quickest) do not make the span look short.
 */
export function expectedFinishSpan(
	samples: readonly number[],
	waitingAges: readonly number[] = [],
): FinishSpan | undefined {
	if (samples.length === 0) return undefined;
	const learned = spanOf(samples, samples.length);
	const longest = Math.max(...samples);
	const stillRunning = waitingAges
		.filter((age) => age > longest)
		.map((age) => Math.min(age, learned.to));
	return stillRunning.length > 0 ? spanOf([...samples, ...stillRunning], samples.length) : learned;
}

/** The span of these durations, widened by how few tasks were seen finish. */
function spanOf(durations: readonly number[], seen: number): FinishSpan {
	const sorted = [...durations].sort((a, b) => a - b);
	const median = quantile(sorted, 0.5);
	const widening = seen >= 8 ? 0.1 : seen >= 3 ? 0.2 : 0.3;
	const from = Math.min(quantile(sorted, 0.1), median * (1 - widening));
	const to = Math.max(quantile(sorted, 0.9), median * (1 + widening));
	return { from: from * 0.95, to: to * 1.05, typicalMs: median };
}

/** A prior is only a guess: the span around it is wider than one learned from a task. */
function priorSpan(expectedMs: number | undefined): FinishSpan | undefined {
	if (!expectedMs || !Number.isFinite(expectedMs) || expectedMs <= 0) return undefined;
	return { from: expectedMs * 0.5, to: expectedMs * 1.6, typicalMs: expectedMs, guessed: true };
}

let spreadPoint = Math.random();

/**
 * Phases in [0, 1) that successive calls spread evenly (golden-ratio steps), for tasks that start
 * waiting one after another.
 */
export function evenlySpread(): number {
	spreadPoint = (spreadPoint + 0.6180339887498949) % 1;
	return spreadPoint;
}

/** While nothing is known: the first point of the task's grid after `elapsedMs`. */
function nextOnGrid(
	elapsedMs: number,
	ratio: number,
	phase: number,
	options: PollPlanOptions,
): number {
	const { firstPollMs, minIntervalMs } = options;
	// Grid points: firstPollMs · ratio^(k + phase − 0.5), k = 0, 1, 2, …
	const pointAt = (k: number) => firstPollMs * ratio ** (k + phase - 0.5);
	const after = Math.max(elapsedMs, 1);
	let k = Math.max(0, Math.floor(Math.log(after / firstPollMs) / Math.log(ratio) - phase + 0.5));
	while (pointAt(k) <= elapsedMs || (elapsedMs > 0 && pointAt(k) - elapsedMs < minIntervalMs)) k++;
	return pointAt(k) - elapsedMs;
}

/** Nothing known: soon, then spreading out in proportion to the time already spent. */
function delayOnGrid(
	elapsedMs: number,
	companions: number,
	phase: number,
	options: PollPlanOptions,
	maxIntervalMs = options.maxIntervalMs,
): number {
	const base = elapsedMs < options.earlyUntilMs ? options.earlyGrowth : options.growth;
	const together = 1 + companions;
	const woken = Math.min(together, options.thinLinearlyFrom);
	const growth = Math.min(
		options.maxGrowth,
		base * woken ** options.companionExponent * (together / woken),
	);
	if (elapsedMs * growth >= maxIntervalMs) return maxIntervalMs;
	return Math.min(maxIntervalMs, nextOnGrid(elapsedMs, 1 + growth, phase, options));
}

/** Ages closer than this count as the same for the first-finish wake (see nextPollDelay). */
const SAME_AGE_MS = 50;

/** How long after its last poll (or the create) to poll a task next. */
export function nextPollDelay(
	context: PollContext,
	options: PollPlanOptions = DEFAULT_POLL_PLAN,
): number {
	const { elapsedMs, samples, companions = 0, phase = 0.5, fixedIntervalMs } = context;
	if (fixedIntervalMs && fixedIntervalMs > 0) return fixedIntervalMs;
	const { minIntervalMs, maxIntervalMs, pollsAcrossSpread } = options;
	const clamp = (ms: number) => Math.min(maxIntervalMs, Math.max(minIntervalMs, ms));
	const span =
		expectedFinishSpan(samples, context.othersWaitingAges) ?? priorSpan(context.expectedMs);

	if (!span) return delayOnGrid(elapsedMs, companions, phase, options);
	const width = span.to - span.from;
	const { spanInterval } = options;
	const spreadInterval = Math.max(
		span.typicalMs * options.spanIntervalFloorShare,
		Math.min(
			width / pollsAcrossSpread,
			spanInterval.intervalMs * (width / spanInterval.atSpanMs) ** spanInterval.exponent,
		),
	);
	// One of the first tasks of a kind finished at an age this one has passed since its last poll
	// (or about reached at it: the two tasks' ages are measured a few ms apart, so a poll at the
	// same age may have come just before it finished): this one may be done too.
	const ageMs = context.ageMs ?? elapsedMs;
	if (
		samples.length <= options.wakeCompanionsBelow &&
		companions < options.wakeCompanionsBelow &&
		samples.some((sample) => sample > elapsedMs - SAME_AGE_MS && sample <= ageMs)
	)
		return minIntervalMs;
	if (elapsedMs < span.from) {
		// Too early to be done: the wait until the span begins in equal parts of at most
		// `beforeSpanMaxIntervalMs` (so a task that failed early is still noticed).
		const wait = span.from - elapsedMs;
		const parts = Math.ceil(wait / options.beforeSpanMaxIntervalMs);
		const beforeSpan = Math.max(
			minIntervalMs,
			Math.min(options.beforeSpanMaxIntervalMs, wait / parts),
		);
		if (!span.guessed) return beforeSpan;
		const probeFrom = Math.max(elapsedMs, span.from * options.guessedProbeFromShare);
		// As sparse as the wait before the span may be (its parts are at most that long).
		const probe =
			probeFrom -
			elapsedMs +
			delayOnGrid(probeFrom, companions, phase, options, options.beforeSpanMaxIntervalMs);
		return Math.max(minIntervalMs, Math.min(wait, probe));
	}
	if (elapsedMs <= span.to) {
		if (span.guessed) return clamp(spreadInterval);
		// A task not done early in the span is ever likelier to finish soon: wider polls at the
		// span's start, closer ones toward its end (the spacing that costs least for a spread
		// that is even across the span): fewer polls for the same lateness on average.
		const timeLeftShare = Math.sqrt((2 * (span.to - elapsedMs)) / Math.max(width, 1));
		return clamp(spreadInterval * Math.max(options.spanEndIntervalShare, timeLeftShare));
	}
	// Later than usual: back off with the overrun.
	return clamp(Math.max(spreadInterval, (elapsedMs - span.to) * options.overrunBackoff));
}

/**
 * When a poll of a task is likely to find it done, as ages (ms after its create) between which the
 * chance grows from 0 to 1 (for the status-request limiter: the likeliest go first). Undefined
 * while nothing is known of its kind.
 */
export function likelyDoneAges(
	context: Pick<PollContext, 'elapsedMs' | 'samples' | 'othersWaitingAges' | 'expectedMs'>,
): { from: number; to: number } | undefined {
	const span =
		expectedFinishSpan(context.samples, context.othersWaitingAges) ?? priorSpan(context.expectedMs);
	if (!span) return undefined;
	return { from: Math.max(context.elapsedMs, span.from), to: span.to };
}

// Who a PacedLimiter (pacedLimiter.ts) grants next when more requests wait than it may send: the
// poll likeliest to pay first, as this file's plan puts it.

/**
 * Clock times between which the chance that a request pays (a poll finds its task done) grows
 * from 0 to 1; past `to` it is 1 (never, while both are Infinity). Read at each grant, so its
 * owner may move it while the request waits (a poll's kind learns from tasks that finish).
 */
export interface LikelyDone {
	from: number;
	to: number;
}

export interface Waiter<Permit> {
	grant(permit: Permit): void;
	signal?: AbortSignal;
	onAbort?: () => void;
	enqueuedAt: number;
	likelyDone?: LikelyDone;
}

/** How likely a waiter's request is to pay now (0 without a ramp). */
function likelihood<Permit>(waiter: Waiter<Permit>, now: number): number {
	const ramp = waiter.likelyDone;
	if (!ramp || now < ramp.from) return 0;
	if (now >= ramp.to) return 1;
	return (now - ramp.from) / Math.max(1, ramp.to - ramp.from);
}

/**
 * Takes the waiter to grant next out of the queue: the likeliest to pay (its `likelyDone` ramp),
 * its time waiting over `agingMs` added so none starves. Without ramps: first come first.
 */
export function takeNext<Permit>(queue: Array<Waiter<Permit>>, now: number, agingMs: number) {
	const score = (waiter: Waiter<Permit>) =>
		likelihood(waiter, now) + (now - waiter.enqueuedAt) / agingMs;
	let best = 0;
	for (let index = 1; index < queue.length; index++) {
		if (score(queue[index]) > score(queue[best])) best = index;
	}
	return queue.splice(best, 1)[0];
}
