/**
 * THE PREVIOUS LIMITER (before 429 pacing), kept only for benchmarks and as a control in tests:
 * the arrival-safe window at the credential's full limit, and after a 429 every create of the
 * account paused for Retry-After or an exponential backoff (1 s, 2 s, … up to 15 s). The shipped
 * limiter is nodes/Kie/client/pacedLimiter.ts.
 *
 * Keeps task creation within the account's limit (Kie: 20 new tasks per 10 s) as Kie counts it:
 * on ARRIVAL at Kie's server.
 *
 * A limiter that stamps a slot when it is taken, before the request arrives, can let two windows'
 * worth through inside one window when requests take different times to arrive. Here a slot
 * counts from the moment it is taken until `windowMs` after the answer came back: the request
 * arrived somewhere between those two instants, so any create sent after a slot expires arrives
 * more than one window after it. A request that certainly never left gives its slot back.
 *
 * One limiter per account, shared by every execution in the process.
 */
import { systemClock, throwIfCancelled, type Clock } from '../../nodes/Kie/client/clock';
import { CancelledError } from '../../nodes/Kie/client/errors';
import type { Permit } from '../../nodes/Kie/client/pacedLimiter';

interface Slot {
	/** When the answer came back; undefined while the request is in flight. */
	settledAt?: number;
}

function backoff(attempt: number, baseMs: number, maxMs = 15_000): number {
	return Math.round(Math.min(maxMs, baseMs * 2 ** attempt) * (0.75 + Math.random() * 0.5));
}

interface Waiter {
	grant(permit: Permit): void;
	signal?: AbortSignal;
	onAbort?: () => void;
}

export class LegacyCreateLimiter {
	private slots: Slot[] = [];

	private pausedUntil = 0;

	private refusalsInARow = 0;

	/** Creates waiting for a slot, first come first served. */
	private queue: Waiter[] = [];

	/** When the one wake-up timer is due, if one is armed. */
	private wakeAt: number | undefined;

	constructor(
		private max: number,
		private windowMs: number,
		private readonly clock: Clock = systemClock,
		/** Extra wait for timer granularity on either side. */
		private readonly marginMs = 50,
	) {}

	configure(max: number, windowMs: number): void {
		this.max = max;
		this.windowMs = windowMs;
		this.pump();
	}

	/** After a 429 Kie still answered (another client on the same account): hold every create. */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
		this.pump();
	}

	/** Slots currently counting against the window. */
	activeCount(): number {
		this.prune();
		return this.slots.length;
	}

	/** Creates waiting for a slot. */
	waitingCount(): number {
		return this.queue.length;
	}

	async acquire(signal?: AbortSignal): Promise<Permit> {
		throwIfCancelled(signal);
		return await new Promise<Permit>((resolve, reject) => {
			const waiter: Waiter = { grant: resolve, signal };
			if (signal) {
				waiter.onAbort = () => {
					this.queue = this.queue.filter((other) => other !== waiter);
					reject(new CancelledError());
				};
				signal.addEventListener('abort', waiter.onAbort, { once: true });
			}
			this.queue.push(waiter);
			this.pump();
		});
	}

	private take(): Permit {
		const slot: Slot = {};
		this.slots.push(slot);
		let done = false;
		return {
			arrived: () => {
				if (done) return;
				done = true;
				this.refusalsInARow = 0;
				slot.settledAt = this.clock.now();
				this.pump();
			},
			rateLimited: (retryAfterMs?: number) => {
				if (done) return;
				done = true;
				slot.settledAt = this.clock.now();
				this.pause(retryAfterMs ?? backoff(this.refusalsInARow++, 1000));
			},
			notSent: () => {
				if (done) return;
				done = true;
				this.slots = this.slots.filter((s) => s !== slot);
				this.pump();
			},
		};
	}

	private prune(): void {
		const now = this.clock.now();
		this.slots = this.slots.filter(
			(slot) =>
				slot.settledAt === undefined || slot.settledAt + this.windowMs + this.marginMs > now,
		);
	}

	/** 0 when a slot is free now; otherwise how long until one may be (Infinity: on an answer). */
	private msUntilFree(): number {
		this.prune();
		const now = this.clock.now();
		if (this.pausedUntil > now) return this.pausedUntil - now;
		if (this.slots.length < this.max) return 0;
		const expiries = this.slots
			.filter((slot) => slot.settledAt !== undefined)
			.map((slot) => slot.settledAt! + this.windowMs + this.marginMs - now);
		return expiries.length > 0 ? Math.max(1, Math.min(...expiries)) : Infinity;
	}

	/**
	 * Grants free slots to waiters in order, then arms one timer for the moment the next slot
	 * frees (a slot in flight frees only on its answer, which pumps again).
	 */
	private pump(): void {
		for (;;) {
			if (this.queue.length === 0) return;
			const waitMs = this.msUntilFree();
			if (waitMs === Infinity) return;
			if (waitMs > 0) {
				this.armWakeUp(this.clock.now() + waitMs);
				return;
			}
			const waiter = this.queue.shift()!;
			if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
			waiter.grant(this.take());
		}
	}

	private armWakeUp(at: number): void {
		if (this.wakeAt !== undefined && this.wakeAt <= at) return;
		this.wakeAt = at;
		void this.clock.sleep(at - this.clock.now()).then(() => {
			if (this.wakeAt === at) this.wakeAt = undefined;
			this.pump();
		});
	}
}

const limiters = new Map<string, LegacyCreateLimiter>();

/** Drop-in for taskCreateLimiterFor (see test/bench: the "previous limiter" runs). */
export function legacyCreateLimiterFor(
	accountId: string,
	max: number,
	windowMs: number,
): LegacyCreateLimiter {
	let limiter = limiters.get(accountId);
	if (!limiter) {
		limiter = new LegacyCreateLimiter(max, windowMs);
		limiters.set(accountId, limiter);
	} else {
		limiter.configure(max, windowMs);
	}
	return limiter;
}
