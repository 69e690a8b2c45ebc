import { CancelledError } from '../../../../nodes/Kie/client/errors';
import { PacedLimiter, type Permit } from '../../../../nodes/Kie/client/pacedLimiter';
import { taskCreateLimiterFor } from '../../../../nodes/Kie/client/requestPolicy';
import type { PacingOptions } from '../../../../nodes/Kie/client/pacing';
import { maxInAnyWindow } from '../../../simulator/record';
import { ManualClock, settle } from '../../../helpers/manualClock';
import { seededRandom } from '../../../helpers/simulatedAccount';

/** Only the arrival-safe window: no spacing, no in-flight ramp (the pacing has its own tests). */
const WINDOW_ONLY: Partial<PacingOptions> = {
	initialInFlight: Infinity,
	spreadBefore: 0,
	spreadAfter: 0,
};

/** Deterministic numbers in [0, 1) for property runs. */
interface Limiter {
	acquire(signal?: AbortSignal): Promise<Permit>;
}

/**
 * A limiter that stamps a slot when it is taken (what the limiter must NOT do): the control that
 * shows the arrival check below can fail.
 */
class StampOnTakeLimiter implements Limiter {
	private taken: number[] = [];

	constructor(
		private readonly max: number,
		private readonly windowMs: number,
		private readonly clock: ManualClock,
	) {}

	async acquire(): Promise<Permit> {
		for (;;) {
			const now = this.clock.now();
			this.taken = this.taken.filter((at) => at + this.windowMs > now);
			if (this.taken.length < this.max) {
				this.taken.push(now);
				return { arrived: () => undefined, notSent: () => undefined, rateLimited: () => undefined };
			}
			await this.clock.sleep(this.taken[0] + this.windowMs - now);
		}
	}
}

interface CreateRun {
	/** When each create reached the server, ascending. */
	arrivals: number[];
	/** Creates that never left (their slot was given back). */
	notSent: number;
}

/**
 * `count` creates racing for the limiter. Each takes a slot, reaches the server at a random
 * moment between taking the slot and its answer (the answer takes up to `maxAnswerMs`), then
 * reports the answer; a share of them fail before leaving and give the slot back.
 */
async function raceCreates(
	limiter: Limiter,
	clock: ManualClock,
	random: () => number,
	count: number,
	maxAnswerMs: number,
	notSentShare = 0,
): Promise<CreateRun> {
	const run: CreateRun = { arrivals: [], notSent: 0 };
	const create = async () => {
		const permit = await limiter.acquire();
		const answerAfter = random() * maxAnswerMs;
		if (random() < notSentShare) {
			await clock.sleep(answerAfter);
			run.notSent++;
			permit.notSent();
			return;
		}
		const arriveAfter = random() * answerAfter;
		await clock.sleep(arriveAfter);
		run.arrivals.push(clock.now());
		await clock.sleep(answerAfter - arriveAfter);
		permit.arrived();
	};
	await clock.runUntilSettled(Promise.all(Array.from({ length: count }, create)));
	run.arrivals.sort((a, b) => a - b);
	return run;
}

describe('PacedLimiter counts creates as the server does, on arrival', () => {
	const max = 5;
	const windowMs = 1000;

	it.each([1, 2, 3, 4, 5, 6, 7, 8])(
		'never lets more than max creates arrive in any window, answers taking 0–1.5 s (seed %i)',
		async (seed) => {
			const clock = new ManualClock();
			const limiter = new PacedLimiter(max, windowMs, clock, 0, WINDOW_ONLY);
			const run = await raceCreates(limiter, clock, seededRandom(seed), 60, 1500, 0.15);

			expect(run.arrivals.length + run.notSent).toBe(60);
			expect(run.notSent).toBeGreaterThan(0);
			expect(maxInAnyWindow(run.arrivals, windowMs)).toBeLessThanOrEqual(max);
			// The limit is used, not just respected: some window is full.
			expect(maxInAnyWindow(run.arrivals, windowMs)).toBe(max);
		},
	);

	it('catches a limiter that stamps slots when they are taken (the check above can fail)', async () => {
		const worst = [];
		for (const seed of [1, 2, 3, 4]) {
			const clock = new ManualClock();
			const run = await raceCreates(
				new StampOnTakeLimiter(max, windowMs, clock),
				clock,
				seededRandom(seed),
				60,
				1500,
			);
			worst.push(maxInAnyWindow(run.arrivals, windowMs));
		}
		expect(Math.max(...worst)).toBeGreaterThan(max);
	});

	it('lets the first max creates go at once, then the next one a window after an answer', async () => {
		const clock = new ManualClock();
		const start = clock.now();
		const limiter = new PacedLimiter(2, windowMs, clock, 0, WINDOW_ONLY);
		const first = await limiter.acquire();
		await limiter.acquire();
		expect(clock.now()).toBe(start);

		let thirdAt: number | undefined;
		void limiter.acquire().then(() => (thirdAt = clock.now()));
		await clock.advance(300);
		first.arrived();
		await clock.advance(windowMs - 1);
		expect(thirdAt).toBeUndefined();
		await clock.advance(1);
		expect(thirdAt).toBe(start + 300 + windowMs);
	});

	it('holds every slot while its create is unanswered, however long that takes', async () => {
		const clock = new ManualClock();
		const limiter = new PacedLimiter(2, windowMs, clock, 0, WINDOW_ONLY);
		const first = await limiter.acquire();
		await limiter.acquire();
		let third: Permit | undefined;
		void limiter.acquire().then((permit) => (third = permit));

		await clock.advance(10 * 60_000);
		expect(third).toBeUndefined();
		expect(limiter.activeCount()).toBe(2);

		const answeredAt = clock.now();
		first.arrived();
		await clock.advance(windowMs);
		expect(third).toBeDefined();
		expect(clock.now()).toBe(answeredAt + windowMs);
	});

	it('serves waiting creates in the order they asked', async () => {
		const clock = new ManualClock();
		const limiter = new PacedLimiter(2, windowMs, clock, 0, WINDOW_ONLY);
		const order: number[] = [];
		const creates = Array.from({ length: 6 }, async (_, index) => {
			const permit = await limiter.acquire();
			order.push(index);
			await clock.sleep(10);
			permit.arrived();
		});
		await clock.runUntilSettled(Promise.all(creates));
		expect(order).toEqual([0, 1, 2, 3, 4, 5]);
		expect(limiter.waitingCount()).toBe(0);
	});

	it('gives the slot of a create that never left back at once', async () => {
		const clock = new ManualClock();
		const limiter = new PacedLimiter(1, windowMs, clock, 0, WINDOW_ONLY);
		const permit = await limiter.acquire();
		let second: Permit | undefined;
		void limiter.acquire().then((next) => (second = next));
		await settle();
		expect(second).toBeUndefined();

		permit.notSent();
		await settle();
		expect(second).toBeDefined();
		expect(limiter.activeCount()).toBe(1);
		// A permit reports once: a later arrived() cannot take the slot again.
		permit.arrived();
		expect(limiter.activeCount()).toBe(1);
	});

	it('holds everyone while paused after a 429, free slots or not', async () => {
		const clock = new ManualClock();
		const start = clock.now();
		const limiter = new PacedLimiter(5, windowMs, clock, 0, WINDOW_ONLY);
		limiter.pause(4000);
		const grantedAt: number[] = [];
		for (let i = 0; i < 3; i++) void limiter.acquire().then(() => grantedAt.push(clock.now()));

		await clock.advance(3999);
		expect(grantedAt).toEqual([]);
		await clock.advance(1);
		expect(grantedAt).toEqual([start + 4000, start + 4000, start + 4000]);
	});

	it('stops a waiting create when the execution is cancelled, without taking a slot', async () => {
		const clock = new ManualClock();
		const limiter = new PacedLimiter(1, windowMs, clock, 0, WINDOW_ONLY);
		const permit = await limiter.acquire();
		const controller = new AbortController();
		const waiting = limiter.acquire(controller.signal);
		const outcome = waiting.then(
			() => 'granted',
			(error: unknown) => error,
		);
		await settle();
		controller.abort();
		expect(await outcome).toBeInstanceOf(CancelledError);

		permit.notSent();
		expect(limiter.activeCount()).toBe(0);
		await expect(limiter.acquire(controller.signal)).rejects.toBeInstanceOf(CancelledError);
	});

	it('applies a new limit to creates already waiting', async () => {
		const clock = new ManualClock();
		const limiter = new PacedLimiter(1, windowMs, clock, 0, WINDOW_ONLY);
		await limiter.acquire();
		let second: Permit | undefined;
		void limiter.acquire().then((permit) => (second = permit));
		await settle();
		expect(second).toBeUndefined();

		limiter.configure(2, windowMs);
		await settle();
		expect(second).toBeDefined();
	});
});

describe('taskCreateLimiterFor: one limiter per account, shared by the whole process', () => {
	// These use the system clock: no test here leaves a create waiting (its wake-up timer would
	// outlive the test).
	it('gives every caller of the same account the same slots', async () => {
		const forExecutionA = taskCreateLimiterFor('account-shared', 2, 60_000);
		const forExecutionB = taskCreateLimiterFor('account-shared', 2, 60_000);
		expect(forExecutionB).toBe(forExecutionA);

		const one = await forExecutionA.acquire();
		const two = await forExecutionB.acquire();
		expect(forExecutionA.activeCount()).toBe(2);
		expect(forExecutionB.activeCount()).toBe(2);

		one.notSent();
		expect(forExecutionB.activeCount()).toBe(1);
		two.notSent();
	});

	it('keeps other accounts apart', async () => {
		const first = taskCreateLimiterFor('account-one', 1, 60_000);
		const other = taskCreateLimiterFor('account-two', 1, 60_000);
		expect(other).not.toBe(first);

		const permit = await first.acquire();
		const otherPermit = await other.acquire();
		expect(first.activeCount()).toBe(1);
		expect(other.activeCount()).toBe(1);
		permit.notSent();
		otherPermit.notSent();
	});

	it('follows a change of the credential limit', async () => {
		const limiter = taskCreateLimiterFor('account-reconfigured', 1, 60_000);
		const permit = await limiter.acquire();
		expect(taskCreateLimiterFor('account-reconfigured', 2, 60_000)).toBe(limiter);

		const second = await limiter.acquire();
		expect(limiter.activeCount()).toBe(2);
		permit.notSent();
		second.notSent();
	});
});
