import type { KieTask } from '../../../../nodes/Kie/client';
import { GenerationTimes, taskKind } from '../../../../nodes/Kie/client/waitForTask';
import {
	DEFAULT_POLL_PLAN,
	evenlySpread,
	expectedFinishSpan,
	nextPollDelay,
	type PollPlanOptions,
} from '../../../../nodes/Kie/client/pollSchedule';
import { pollUntilFinal, type PollingDeps } from '../../../../nodes/Kie/client/waitForTask';
import { fakeStatusTransport } from '../../../helpers/fakeStatusTransport';
import { ManualClock } from '../../../helpers/manualClock';

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
		expect(first(0.5)).toBe(4500);
		// A task's phase moves its whole grid, the first poll included, by up to half a step.
		expect(first(0)).toBeCloseTo(4500 / Math.sqrt(1 + PLAN.earlyGrowth));
		expect(first(0.9999)).toBeLessThan(4500 * Math.sqrt(1 + PLAN.earlyGrowth));
		expect(first(0.9999, 19)).toBeLessThan(4500 * Math.sqrt(1 + PLAN.maxGrowth));
	});

	it('spreads polls out while nothing is known: dense early, then wider, up to the longest interval', () => {
		const times = pollTimes([], 180_000);
		const waits = times.map((time, i) => time - (times[i - 1] ?? 0));
		// 1.15 × the time spent while short tasks may finish (first 10 s), 1.6 × after that.
		expect(times.slice(0, 4).map(Math.round)).toEqual([4500, 5175, 5951, 6844]);
		const late = times.filter((time) => time > 10_000 && time < 30_000);
		expect(late.length).toBeGreaterThanOrEqual(3);
		// (The first step after 10 s lands on the wider grid's next point, closer than 1.6 ×.)
		late.slice(2).forEach((time, i) => expect(time / late[i + 1]).toBeCloseTo(1.6, 5));
		// Wider and wider, except at the first step past the early phase (see above).
		const firstLate = times.findIndex((time) => time > PLAN.earlyUntilMs);
		for (let i = 2; i < waits.length; i++)
			if (i !== firstLate + 1) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1] - 1e-6);
		expect(Math.max(...waits)).toBeCloseTo(DEFAULT_POLL_PLAN.maxIntervalMs);
	});

	it('polls each task less while many of its kind wait together and nothing is known', () => {
		const alone = pollTimes([], 30_000);
		const amongTwenty = pollTimes([], 30_000, 19);
		expect(amongTwenty[0]).toBe(alone[0]);
		expect(amongTwenty.length).toBeLessThan(alone.length - 1);
		// Bounded: polled again within 1 × the time spent so far.
		amongTwenty
			.slice(1)
			.forEach((time, i) => expect(time).toBeLessThanOrEqual(amongTwenty[i] * 2 + 1));
	});

	it('beyond twelve tasks of a kind waiting together, the kind polls about as often in all before its first finish', () => {
		/** All polls between 4 s and 14 s of `count` tasks waiting together (offset grids). */
		const pollsOfAll = (count: number, plan: PollPlanOptions = PLAN) =>
			Array.from({ length: count }, (_, index) => {
				let polls = 0;
				let elapsedMs = 0;
				for (;;) {
					elapsedMs += nextPollDelay(
						{ elapsedMs, samples: [], companions: count - 1, phase: (index + 0.5) / count },
						plan,
					);
					if (elapsedMs > 14_000) return polls;
					if (elapsedMs >= 4000) polls++;
				}
			}).reduce((sum, polls) => sum + polls, 0);
		const twelve = pollsOfAll(12);
		expect(pollsOfAll(3)).toBeLessThan(twelve * 0.4);
		expect(pollsOfAll(24)).toBeLessThan(twelve * 1.2);
		// (48 reach the widest grid, `maxGrowth`, and thin no further.)
		expect(pollsOfAll(48)).toBeLessThan(twelve * 1.5);
		// The control: thinned as for a few tasks, 48 tasks poll three times as often as 12.
		const unthinned = { ...PLAN, thinLinearlyFrom: Infinity };
		expect(pollsOfAll(24, unthinned)).toBeGreaterThan(twelve * 1.6);
		expect(pollsOfAll(48, unthinned)).toBeGreaterThan(twelve * 2.8);
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
		expect(aligned).toBeGreaterThan(2500);
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
		// The polls close up toward the span's end: a task not done early in it is ever likelier
		// to finish soon. About 1 s apart at its start, under half that at its end.
		const gaps = inside.slice(1).map((time, i) => time - inside[i]);
		gaps.slice(1).forEach((gap, i) => expect(gap).toBeLessThan(gaps[i]));
		expect(gaps[0]).toBeLessThanOrEqual(1100);
		expect(gaps[gaps.length - 1]).toBeLessThan(gaps[0] / 2);
		// For a task finishing anywhere in the span, on average: about 0.4 s late, with fewer polls
		// than even intervals as late on average (2 × that apart) would take.
		const total = inside[inside.length - 1] - inside[0];
		const meanLateness = gaps.reduce((sum, gap) => sum + (gap * gap) / 2, 0) / total;
		const meanPolls = gaps.reduce((sum, gap, i) => sum + gap * (i + 1), 0) / total;
		const evenMeanPolls = (total / (2 * meanLateness) + 1) / 2;
		expect(meanLateness).toBeLessThanOrEqual(420);
		expect(meanPolls).toBeLessThan(evenMeanPolls - 0.15);
	});

	it('counts the tasks of the kind still waiting: the first to finish are the quickest', () => {
		// Five of twenty finished in 6.2–6.9 s; the other fifteen still wait at 7.5 s.
		const firstFive = [6200, 6350, 6500, 6700, 6900];
		const fifteenWaiting = Array.from({ length: 15 }, () => 7500);
		const finishedOnly = expectedFinishSpan(firstFive)!;
		const withWaiting = expectedFinishSpan(firstFive, fifteenWaiting)!;
		expect(finishedOnly.typicalMs).toBe(6500);
		expect(withWaiting.typicalMs).toBe(7500);
		expect(finishedOnly.to).toBeLessThan(8500);
		expect(withWaiting.to).toBeGreaterThan(9000);
		// So the ones waiting are not polled as if the span were nearly over (0.43 s apart).
		const delay = (othersWaitingAges?: number[]) =>
			nextPollDelay(
				{ elapsedMs: 7500, samples: firstFive, companions: 19, othersWaitingAges },
				PLAN,
			);
		expect(delay()).toBeLessThan(450);
		expect(delay(fifteenWaiting)).toBeGreaterThan(700);
		// Tasks younger than the slowest finished one say nothing yet.
		expect(expectedFinishSpan(firstFive, [3000, 6000])).toEqual(finishedOnly);
	});

	it('still backs off for tasks of a kind stuck far beyond its span, however many wait', () => {
		// Twenty tasks still waiting at 60 s, where the kind takes 6–10 s: polled 15 s apart (the
		// longest interval), not as if 60 s were where the kind finishes.
		const stuck = Array.from({ length: 20 }, () => 60_000);
		const delay = nextPollDelay(
			{ elapsedMs: 60_000, samples: EIGHT_SECONDS_KIND, companions: 19, othersWaitingAges: stuck },
			PLAN,
		);
		expect(delay).toBe(PLAN.maxIntervalMs);
		expect(expectedFinishSpan(EIGHT_SECONDS_KIND, stuck)!.to).toBeLessThan(13_000);
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
		expect(taskKind({ model: 'nano-banana-pro', param: { input: { resolution: '2K' } } })).toBe(
			'nano-banana-pro|2K',
		);
		expect(taskKind({ model: 'gpt-image/1.5-text-to-image', param: { quality: 'high' } })).toBe(
			'gpt-image/1.5-text-to-image|high',
		);
		expect(taskKind({ model: 'z-image', param: null })).toBe('z-image|');
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
		transport: fakeStatusTransport(clock, (taskId) => {
			const task = tasks.get(taskId)!;
			const now = clock.now();
			task.polls.push(now);
			return fakeRecord(taskId, task, now);
		}),
		generationTimes: times,
		pollPlan: PLAN,
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
			{ task: placeholder, seen: false, createdAt, kind },
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
		const warm = await runBatch(clock, times, [...durations].reverse());
		expect(warm.results.map((result) => result.polls)).toEqual(warm.polls);
		// No poll before the span where the kind finishes; each task seen within one interval
		// (the widest, at the span's start, about 0.9 s; under 0.5 s for the last to finish).
		expect(Math.min(...warm.pollTimes.map((times) => times[0]))).toBeCloseTo(span.from);
		expect(Math.max(...warm.lateness)).toBeLessThanOrEqual(950);
		const lastToFinish = warm.lateness.slice(0, 5);
		expect(Math.max(...lastToFinish)).toBeLessThanOrEqual(500);
		expect(average(warm.polls)).toBeLessThanOrEqual(6);
	});

	it('re-plans a sleeping task as soon as another task of its kind finishes', async () => {
		// B (5.6 s) is created first; A (4 s) 1 s later. Nothing is known until A is seen final.
		const clock = new ManualClock();
		const sameKind = await runBatch(clock, new GenerationTimes(), [5600, 4000], {
			createDelays: [0, 1000],
		});
		// B polled at 4.5 s and 5.3 s and slept on its sparse grid; A was seen final at 5.5 s, and
		// B, having learned 4 s (so: near the span's end), polled again within 0.5 s.
		const [bPolls] = sameKind.pollTimes;
		const aSeenAt = sameKind.seenAt[1];
		expect(bPolls.filter((time) => time < aSeenAt)).toHaveLength(2);
		expect(bPolls.find((time) => time >= aSeenAt)! - aSeenAt).toBeLessThan(500);

		// The control: A of another kind teaches B nothing; B keeps its own, sparser plan.
		const otherKind = await runBatch(clock, new GenerationTimes(), [5600, 4000], {
			createDelays: [0, 1000],
			kinds: ['nano-banana-pro|2K', 'z-image|'],
		});
		expect(otherKind.seenAt[0]).toBeGreaterThan(sameKind.seenAt[0]);
	});

	it('bounds the polls of a task that never finishes, and returns its last state at the timeout', async () => {
		const clock = new ManualClock();
		const { results, polls } = await runBatch(clock, new GenerationTimes(), [Infinity], {
			timeoutMs: 600_000,
		});
		expect(results[0].timedOut).toBe(true);
		expect(results[0].task.state).toBe('generating');
		// One poll per longest interval, plus the dense grid of the first 10 s and its widening.
		expect(polls[0]).toBeLessThanOrEqual(600_000 / DEFAULT_POLL_PLAN.maxIntervalMs + 12);
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

	it('when the first of a few tasks of a kind is seen finished, the others that old poll at once', async () => {
		const run = await runBatch(new ManualClock(), new GenerationTimes(), [6000, 6000, 6000], {
			phases: [0, 0.236, 0.618],
		});
		const firstSeen = Math.min(...run.seenAt);
		// (At once, or the shortest interval after the task's own last poll.)
		for (const seenAt of run.seenAt)
			expect(seenAt - firstSeen).toBeLessThanOrEqual(PLAN.minIntervalMs);
		// The control: without the wake the others wait for their next planned poll.
		const saved = { ...PLAN };
		Object.assign(PLAN, { wakeCompanionsBelow: 0 });
		try {
			const without = await runBatch(new ManualClock(), new GenerationTimes(), [6000, 6000, 6000], {
				phases: [0, 0.236, 0.618],
			});
			expect(Math.max(...without.seenAt)).toBeGreaterThan(Math.min(...without.seenAt) + 200);
		} finally {
			Object.assign(PLAN, saved);
		}
	});

	it('wakes a task last polled at about the age the first one finished at', () => {
		// Polled 5 ms after the age the other finished at (the two ages are measured a few ms
		// apart): it may have been asked just before it finished.
		const replan = (elapsedMs: number) =>
			nextPollDelay({ elapsedMs, ageMs: 6300, samples: [6000], companions: 2 }, PLAN);
		expect(replan(6005)).toBe(PLAN.minIntervalMs);
		// Polled well after that age and not done: it is slower; its plan goes on.
		expect(replan(6200)).toBeGreaterThan(PLAN.minIntervalMs);
	});

	it('does not wake twenty waiting tasks at once for the first of them to finish', () => {
		const replan = (companions: number) =>
			nextPollDelay({ elapsedMs: 5000, ageMs: 6200, samples: [6000], companions }, PLAN);
		expect(replan(2)).toBe(PLAN.minIntervalMs);
		expect(replan(19)).toBeGreaterThan(PLAN.minIntervalMs);
	});

	it('polls a long span less densely than a short one, but not in proportion', () => {
		const inSpan = (samples: number[]) => {
			const span = expectedFinishSpan(samples)!;
			const middle = (span.from + span.to) / 2;
			return {
				width: span.to - span.from,
				interval: nextPollDelay({ elapsedMs: middle, samples }, PLAN),
			};
		};
		const images = inSpan(EIGHT_SECONDS_KIND);
		const videos = inSpan(EIGHT_SECONDS_KIND.map((ms) => ms * 7.5));
		expect(images.interval).toBeLessThan(850);
		expect(videos.interval).toBeLessThan(2100);
		expect(videos.interval / images.interval).toBeLessThan((videos.width / images.width) ** 0.5);
		// A 3-minute kind: every 3.25 % of its typical duration (mid-span), not every few seconds.
		const long = inSpan(EIGHT_SECONDS_KIND.map((ms) => ms * 22.5));
		expect(long.interval).toBeCloseTo(PLAN.spanIntervalFloorShare * 180_000, -2);
	});

	it('counts the tasks of a kind waiting, for as long as each waits', async () => {
		const times = new GenerationTimes();
		const a = times.startWaiting('k', 1000);
		const b = times.startWaiting('k', 3000);
		expect(times.waitingCount('k')).toBe(2);
		// Each sees how old the other is, not itself.
		expect(a.othersAges(10_000)).toEqual([7000]);
		expect(b.othersAges(10_000)).toEqual([9000]);
		a.stop();
		a.stop();
		expect(times.waitingCount('k')).toBe(1);
		expect(b.othersAges(10_000)).toEqual([]);
		b.stop();
		expect(times.waitingCount('k')).toBe(0);
		await runBatch(new ManualClock(), times, [3000, 6000]);
		expect(times.waitingCount('nano-banana-pro|2K')).toBe(0);
	});

	it("a long task with the catalogue's prior: sparse before half of it, then every 3.25 % of it", async () => {
		const withPrior = await runBatch(new ManualClock(), new GenerationTimes(), [180_000], {
			expectedMs: 180_000,
		});
		expect(withPrior.results[0].task.state).toBe('success');
		const [times] = withPrior.pollTimes;
		// Nothing is likely done before half the prior: no look before a quarter of that (22.5 s),
		// then the points of the grid used while nothing is known (4.5 s · 1.6^k, at most 25 s
		// apart), then 90 s: four polls, as many as the prior alone made.
		expect(times.filter((time) => time <= 90_000).map(Math.round)).toEqual([
			29_491, 47_186, 72_186, 90_000,
		]);
		// Then evenly, every 5.85 s (a prior says nothing of where in its span the task ends): a
		// 3-minute video is seen at most 5.85 s late, with 20 polls in all.
		const gaps = times.slice(4).map((time, i) => time - times[i + 3]);
		for (const gap of gaps) expect(gap).toBeCloseTo(5850, 0);
		expect(withPrior.lateness[0]).toBeLessThanOrEqual(5850);
		expect(withPrior.polls[0]).toBe(20);
		// The control: without the prior it is seen up to 15 s late (the longest interval).
		const withoutPrior = await runBatch(new ManualClock(), new GenerationTimes(), [180_000]);
		const late = withoutPrior.pollTimes[0].slice(-2);
		expect(late[1] - late[0]).toBeCloseTo(PLAN.maxIntervalMs, 0);
	});

	it('a prior does not postpone the first looks: 6 s images under the 30 s image prior are seen within a second', async () => {
		// Without the looks, the first poll came at half the prior (15 s): 9 s late.
		const images = await runBatch(new ManualClock(), new GenerationTimes(), [6000, 6000, 6000], {
			expectedMs: 30_000,
			phases: [0.1, 0.5, 0.9],
		});
		expect(images.results.map((result) => result.task.state)).toEqual([
			'success',
			'success',
			'success',
		]);
		for (const lateness of images.lateness) expect(lateness).toBeLessThan(1000);
		expect(Math.max(...images.polls)).toBeLessThanOrEqual(6);
	});

	it('a prior is only used until a task of the kind has been seen', () => {
		const first = (samples: number[]) =>
			nextPollDelay({ elapsedMs: 0, samples, expectedMs: 120_000 }, PLAN);
		// Before the first minute (half the prior), looks from 15 s on the grid (4.5 s · 1.6^k).
		expect(first([])).toBeCloseTo(4500 * 1.6 ** 3, 0);
		expect(first([8000, 8000, 8000, 8000])).toBeLessThan(8000);
	});
});
