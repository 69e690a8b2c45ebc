import type { KieTask } from '../../nodes/Kie/client';
import {
	DEFAULT_POLL_PLAN,
	evenlySpread,
	expectedFinishSpan,
	GenerationTimes,
	generationKind,
	nextPollDelay,
	type PollPlanOptions,
} from '../../nodes/Kie/client/pollSchedule';
import { pollUntilFinal, type PollingDeps } from '../../nodes/Kie/client/waitForTask';
import { ManualClock } from './manualClock';

const PLAN: PollPlanOptions = DEFAULT_POLL_PLAN;

/** Seconds 6–10, evenly spread: what a kind that takes 8 s ± 25 % teaches. */
const EIGHT_SECONDS_KIND = Array.from({ length: 20 }, (_, i) => 6000 + (i * 4000) / 19);

/** The elapsed times at which one task is polled, following the plan until `untilMs`. */
function pollTimes(samples: readonly number[], untilMs: number, companions = 0): number[] {
	const times: number[] = [];
	let elapsedMs = 0;
	for (;;) {
		elapsedMs += nextPollDelay({ elapsedMs, samples, companions }, PLAN);
		if (elapsedMs > untilMs) return times;
		times.push(elapsedMs);
	}
}

describe('nextPollDelay', () => {
	it('polls soon after the create when nothing is known', () => {
		const first = (phase: number, companions = 0) =>
			nextPollDelay({ elapsedMs: 0, samples: [], phase, companions }, PLAN);
		expect(first(0.5)).toBe(1500);
		// A task's phase moves its whole grid, the first poll included, by up to half a step.
		expect(first(0)).toBeCloseTo(1500 / Math.sqrt(1 + PLAN.earlyGrowth));
		expect(first(0.9999)).toBeLessThan(1500 * Math.sqrt(1 + PLAN.earlyGrowth));
		expect(first(0.9999, 19)).toBeLessThan(1500 * Math.sqrt(2.3));
	});

	it('spreads polls out while nothing is known: dense early, then wider, up to the longest interval', () => {
		const times = pollTimes([], 180_000);
		const waits = times.map((time, i) => time - (times[i - 1] ?? 0));
		// 1.35 × the time spent while short tasks may finish (first 10 s), 1.6 × after that.
		expect(times.slice(0, 4).map(Math.round)).toEqual([1500, 2025, 2734, 3691]);
		const late = times.filter((time) => time > 10_000 && time < 30_000);
		expect(late.length).toBeGreaterThanOrEqual(3);
		// (The first step after 10 s lands on the wider grid's next point, closer than 1.6 ×.)
		late.slice(2).forEach((time, i) => expect(time / late[i + 1]).toBeCloseTo(1.6, 5));
		for (let i = 2; i < waits.length; i++)
			expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1] - 1e-6);
		expect(Math.max(...waits)).toBeCloseTo(DEFAULT_POLL_PLAN.maxIntervalMs);
	});

	it('polls each task less while many of its kind wait together and nothing is known', () => {
		const alone = pollTimes([], 30_000);
		const amongTwenty = pollTimes([], 30_000, 19);
		expect(amongTwenty[0]).toBe(alone[0]);
		expect(amongTwenty.length).toBeLessThan(alone.length - 1);
		// Bounded: polled again within 1.3 × the time spent so far.
		amongTwenty
			.slice(1)
			.forEach((time, i) => expect(time).toBeLessThanOrEqual(amongTwenty[i] * 2.3 + 1));
	});

	it('offsets the polls of tasks waiting together, so that together they look at every moment', () => {
		/** The largest gap between any two polls of the group between 3 s and 12 s. */
		const largestGap = (phases: number[]) => {
			const all = phases
				.flatMap((phase) => {
					const times: number[] = [];
					let elapsedMs = 0;
					while (elapsedMs < 15_000) {
						elapsedMs += nextPollDelay({ elapsedMs, samples: [], companions: 19, phase }, PLAN);
						times.push(elapsedMs);
					}
					return times;
				})
				.filter((time) => time >= 3000 && time <= 12_000)
				.sort((a, b) => a - b);
			return Math.max(...all.slice(1).map((time, i) => time - all[i]));
		};
		const spread = largestGap(Array.from({ length: 20 }, () => evenlySpread()));
		const aligned = largestGap(Array.from({ length: 20 }, () => 0.5));
		expect(spread).toBeLessThan(1000);
		expect(aligned).toBeGreaterThan(4000);
	});

	it('concentrates polls where tasks of the kind usually finish', () => {
		const span = expectedFinishSpan(EIGHT_SECONDS_KIND)!;
		const times = pollTimes(EIGHT_SECONDS_KIND, 10_500);
		const before = times.filter((time) => time < span.from);
		const inside = times.filter((time) => time >= span.from && time <= span.to);

		expect(span.from).toBeGreaterThan(5500);
		expect(span.to).toBeLessThan(10_500);
		expect(before).toEqual([]);
		expect(times[0]).toBeCloseTo(span.from);
		expect(inside.length).toBeGreaterThanOrEqual(5);
		// A task finishing anywhere in 6–10 s is seen within one in-span interval.
		const gaps = inside.slice(1).map((time, i) => time - inside[i]);
		expect(Math.max(...gaps)).toBeLessThanOrEqual((span.to - span.from) / 5 + 1);
	});

	it('backs off when a task runs longer than its kind usually does', () => {
		const times = pollTimes(EIGHT_SECONDS_KIND, 120_000);
		const late = times.filter((time) => time > 20_000);
		const gaps = late.slice(1).map((time, i) => time - late[i]);
		for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1]);
		expect(Math.max(...gaps)).toBe(DEFAULT_POLL_PLAN.maxIntervalMs);
	});

	it('widens the span when only a few tasks have been seen', () => {
		const one = expectedFinishSpan([8000])!;
		const many = expectedFinishSpan(Array.from({ length: 20 }, () => 8000))!;
		expect(one.to - one.from).toBeGreaterThan(2 * (many.to - many.from));
		expect(one.from).toBeLessThan(8000 * 0.75);
		expect(one.to).toBeGreaterThan(8000 * 1.25);
	});

	it('lets a fixed poll interval win over everything learned', () => {
		const fixed = (elapsedMs: number, samples: readonly number[], fixedIntervalMs: number) =>
			nextPollDelay({ elapsedMs, samples, fixedIntervalMs, companions: 10 }, PLAN);
		expect(fixed(0, [], 2000)).toBe(2000);
		expect(fixed(7000, EIGHT_SECONDS_KIND, 2000)).toBe(2000);
		expect(fixed(90_000, EIGHT_SECONDS_KIND, 250)).toBe(250);
	});

	it('learns per model and resolution', () => {
		expect(generationKind('nano-banana-pro', { resolution: '2K' })).toBe('nano-banana-pro|2K');
		expect(generationKind('gpt-image/1.5-text-to-image', { quality: 'high' })).toBe(
			'gpt-image/1.5-text-to-image|high',
		);
		expect(generationKind('z-image', {})).toBe('z-image|');
	});
});

describe('GenerationTimes', () => {
	it('keeps the most recent durations per kind and wakes those watching the kind', async () => {
		const times = new GenerationTimes(3);
		const watching = times.watch('a');
		const other = times.watch('b');
		let woke = '';
		void watching.changed.then(() => (woke += 'a'));
		void other.changed.then(() => (woke += 'b'));

		for (const duration of [1000, 2000, 3000, 4000, -5, Number.NaN]) times.record('a', duration);
		await Promise.resolve();
		expect(times.get('a')).toEqual([2000, 3000, 4000]);
		expect(times.get('b')).toEqual([]);
		expect(woke).toBe('a');
		expect(times.watcherCount('a')).toBe(0);

		other.cancel();
		expect(times.watcherCount('b')).toBe(0);
	});
});

/** A task on a simulated Kie: final from `finishAt` on (clock time). */
interface FakeTask {
	createdAt: number;
	finishAt: number;
	polls: number[];
}

/** A jobs-API task as a fake recordInfo reports it at `now`. */
function fakeRecord(taskId: string, task: FakeTask, now: number): KieTask {
	const done = now >= task.finishAt;
	return {
		taskId,
		api: 'market',
		model: 'nano-banana-pro',
		state: done ? 'success' : 'generating',
		resultUrls: done ? [`https://files.example/${taskId}.png`] : [],
		failCode: null,
		failMsg: null,
		costTime: done ? task.finishAt - task.createdAt : null,
		createTime: task.createdAt,
		completeTime: done ? task.finishAt : null,
		creditsConsumed: null,
		param: null,
	};
}

/** Creates the tasks (durations in ms, optional create delays) and waits for all of them. */
async function runBatch(
	clock: ManualClock,
	times: GenerationTimes,
	durations: number[],
	options: {
		kinds?: string[];
		createDelays?: number[];
		timeoutMs?: number;
		pollIntervalMs?: number;
		/** Per task, 0–1 (default 0.5; production spreads them, which varies by run). */
		phases?: number[];
		/** The catalogue's prior for how long the tasks take. */
		expectedMs?: number;
	} = {},
) {
	const tasks = new Map<string, FakeTask>();
	const deps: PollingDeps = {
		clock,
		generationTimes: times,
		pollPlan: PLAN,
		getTask: async (last) => {
			const task = tasks.get(last.taskId)!;
			const now = clock.now();
			task.polls.push(now);
			return fakeRecord(last.taskId, task, now);
		},
	};
	const start = clock.now();
	const waits = durations.map(async (duration, index) => {
		const delay = options.createDelays?.[index] ?? 0;
		if (delay > 0) await clock.sleep(delay);
		const taskId = `task-${index}`;
		const createdAt = clock.now();
		tasks.set(taskId, { createdAt, finishAt: createdAt + duration, polls: [] });
		const kind = options.kinds?.[index] ?? 'nano-banana-pro|2K';
		const placeholder: KieTask = {
			...fakeRecord(taskId, tasks.get(taskId)!, createdAt),
			state: 'waiting',
		};
		return await pollUntilFinal(
			deps,
			{ task: placeholder, seen: false, createdAt, kind, kindOf: () => kind },
			{
				timeoutMs: options.timeoutMs ?? 600_000,
				pollIntervalMs: options.pollIntervalMs,
				pollPhase: options.phases?.[index] ?? 0.5,
				expectedMs: options.expectedMs,
			},
		);
	});
	const results = await clock.runUntilSettled(Promise.all(waits));
	const ids = durations.map((_, index) => `task-${index}`);
	return {
		results,
		/** Per task: clock time of the poll that saw it final, minus when it finished. */
		lateness: ids.map((id) => {
			const task = tasks.get(id)!;
			return task.polls[task.polls.length - 1] - task.finishAt;
		}),
		/** Per task: when it was seen final, relative to the batch start. */
		seenAt: ids.map((id) => tasks.get(id)!.polls.slice(-1)[0] - start),
		/** Per task: when it was polled, relative to the batch start. */
		pollTimes: ids.map((id) => tasks.get(id)!.polls.map((time) => time - start)),
		polls: ids.map((id) => tasks.get(id)!.polls.length),
	};
}

const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('pollUntilFinal with the adaptive schedule (manual clock)', () => {
	it('learns a kind from one batch, so the next batch is polled where it finishes', async () => {
		const clock = new ManualClock();
		const times = new GenerationTimes();
		const durations = EIGHT_SECONDS_KIND.map((ms) => Math.round(ms));

		const cold = await runBatch(clock, times, durations);
		expect(
			cold.results.every((result) => result.task.state === 'success' && !result.timedOut),
		).toBe(true);
		expect(times.get('nano-banana-pro|2K')).toHaveLength(20);

		const span = expectedFinishSpan(times.get('nano-banana-pro|2K'))!;
		const interval = (span.to - span.from) / PLAN.pollsAcrossSpread;
		const warm = await runBatch(clock, times, [...durations].reverse());
		expect(warm.results.map((result) => result.polls)).toEqual(warm.polls);
		// No poll before the span where the kind finishes; each task seen within one interval.
		expect(Math.min(...warm.pollTimes.map((times) => times[0]))).toBeCloseTo(span.from);
		expect(Math.max(...warm.lateness)).toBeLessThanOrEqual(interval + 1);
		expect(average(warm.polls)).toBeLessThanOrEqual(6);
	});

	it('re-plans a sleeping task as soon as another task of its kind finishes', async () => {
		// B (4.5 s) is created first; A (2.5 s) 1 s later. Nothing is known until A is seen final.
		const clock = new ManualClock();
		const sameKind = await runBatch(clock, new GenerationTimes(), [4500, 2500], {
			createDelays: [0, 1000],
		});
		// B polled at 1.5 s, 2.24 s and 3.35 s and slept towards 4.5 s; A was seen final at
		// 3.77 s, and B, having learned 2.5 s, polled at that very moment.
		const [bPolls] = sameKind.pollTimes;
		const aSeenAt = sameKind.seenAt[1];
		expect(bPolls.filter((time) => time < aSeenAt)).toHaveLength(3);
		expect(bPolls).toContain(aSeenAt);

		// The control: A of another kind teaches B nothing; B keeps its own, sparser plan.
		const otherKind = await runBatch(clock, new GenerationTimes(), [4500, 2500], {
			createDelays: [0, 1000],
			kinds: ['nano-banana-pro|2K', 'z-image|'],
		});
		expect(otherKind.pollTimes[0]).not.toContain(otherKind.seenAt[1]);
		expect(otherKind.seenAt[0]).toBeGreaterThan(sameKind.seenAt[0]);
	});

	it('bounds the polls of a task that never finishes, and returns its last state at the timeout', async () => {
		const clock = new ManualClock();
		const { results, polls } = await runBatch(clock, new GenerationTimes(), [Infinity], {
			timeoutMs: 600_000,
		});
		expect(results[0].timedOut).toBe(true);
		expect(results[0].task.state).toBe('generating');
		expect(polls[0]).toBeLessThanOrEqual(600_000 / DEFAULT_POLL_PLAN.maxIntervalMs + 10);
	});

	it('polls at the fixed interval when one is set, learned times or not', async () => {
		const clock = new ManualClock();
		const times = new GenerationTimes();
		for (const ms of EIGHT_SECONDS_KIND) times.record('nano-banana-pro|2K', ms);
		const { seenAt, polls } = await runBatch(clock, times, [2100], { pollIntervalMs: 1000 });
		expect(seenAt).toEqual([3000]);
		expect(polls).toEqual([3]);
	});

	it('leaves no watcher behind once its tasks are done', async () => {
		const clock = new ManualClock();
		const times = new GenerationTimes();
		await runBatch(clock, times, [3000, 5000, 9000]);
		expect(times.watcherCount('nano-banana-pro|2K')).toBe(0);
	});
});

describe('the first tasks of a kind in a fresh process (cold start)', () => {
	const median = (values: number[]) => {
		const sorted = [...values].sort((a, b) => a - b);
		const middle = (sorted.length - 1) / 2;
		return (sorted[Math.floor(middle)] + sorted[Math.ceil(middle)]) / 2;
	};

	/** Three 6 s tasks created 20 ms apart, for ten placements of their polls (phases). */
	async function threeSixSecondTasks(plan: PollPlanOptions) {
		const medians: number[] = [];
		const polls: number[] = [];
		for (let offset = 0; offset < 10; offset++) {
			const phases = [0, 0.236, 0.618].map((phase) => (phase + offset / 10) % 1);
			const clock = new ManualClock();
			const saved = { ...PLAN };
			Object.assign(PLAN, plan);
			try {
				const run = await runBatch(clock, new GenerationTimes(), [6000, 6000, 6000], {
					createDelays: [0, 20, 40],
					phases,
				});
				medians.push(median(run.lateness));
				polls.push(...run.polls);
			} finally {
				Object.assign(PLAN, saved);
			}
		}
		return { lateness: median(medians), mostPolls: Math.max(...polls) };
	}

	it('three 6 s tasks are seen about half a second after they finish, with at most 6 polls each', async () => {
		const now = await threeSixSecondTasks(DEFAULT_POLL_PLAN);
		expect(now.lateness).toBeLessThanOrEqual(550);
		expect(now.mostPolls).toBeLessThanOrEqual(6);
		// The control: the earlier plan (one growth from the first poll on) sees them later.
		const before = await threeSixSecondTasks({ ...DEFAULT_POLL_PLAN, earlyUntilMs: 0 });
		expect(before.lateness).toBeGreaterThan(now.lateness + 150);
	});

	it("a long task with the catalogue's prior is polled far less than one without", async () => {
		const withPrior = await runBatch(new ManualClock(), new GenerationTimes(), [180_000], {
			expectedMs: 180_000,
		});
		const withoutPrior = await runBatch(new ManualClock(), new GenerationTimes(), [180_000]);
		expect(withPrior.results[0].task.state).toBe('success');
		expect(withPrior.polls[0]).toBeLessThanOrEqual(12);
		expect(withPrior.polls[0]).toBeLessThan(withoutPrior.polls[0] - 5);
		// Nothing before half the prior: a minute-long video is not looked at every few seconds.
		expect(withPrior.pollTimes[0][0]).toBeGreaterThanOrEqual(15_000);
	});

	it('a prior is only used until a task of the kind has been seen', () => {
		const first = (samples: number[]) =>
			nextPollDelay({ elapsedMs: 0, samples, expectedMs: 120_000 }, PLAN);
		expect(first([])).toBe(PLAN.maxIntervalMs);
		expect(first([8000, 8000, 8000, 8000])).toBeLessThan(8000);
	});
});
