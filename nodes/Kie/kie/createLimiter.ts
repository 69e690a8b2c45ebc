/**
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
import type { Clock } from './clock';
import { sleepOrWake, systemClock, throwIfCancelled } from './clock';

interface Slot {
	/** When the answer came back; undefined while the request is in flight. */
	settledAt?: number;
}

export interface CreatePermit {
	/** The request reached Kie or may have (any answer, or an ambiguous failure). */
	arrived(): void;
	/** The request certainly never left this machine: the slot is given back. */
	notSent(): void;
}

export class CreateLimiter {
	private slots: Slot[] = [];

	private pausedUntil = 0;

	private wakeWaiters: Array<() => void> = [];

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
		this.wake();
	}

	/** After a 429 Kie still answered (another client on the same account): hold every create. */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
	}

	/** Slots currently counting against the window. */
	activeCount(): number {
		this.prune();
		return this.slots.length;
	}

	async acquire(signal?: AbortSignal): Promise<CreatePermit> {
		for (;;) {
			throwIfCancelled(signal);
			const waitMs = this.msUntilFree();
			if (waitMs === 0) return this.take();
			await this.waitForChange(waitMs, signal);
		}
	}

	private take(): CreatePermit {
		const slot: Slot = {};
		this.slots.push(slot);
		let done = false;
		return {
			arrived: () => {
				if (done) return;
				done = true;
				slot.settledAt = this.clock.now();
				this.wake();
			},
			notSent: () => {
				if (done) return;
				done = true;
				this.slots = this.slots.filter((s) => s !== slot);
				this.wake();
			},
		};
	}

	private prune(): void {
		const now = this.clock.now();
		this.slots = this.slots.filter(
			(slot) => slot.settledAt === undefined || slot.settledAt + this.windowMs + this.marginMs > now,
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

	private async waitForChange(waitMs: number, signal?: AbortSignal): Promise<void> {
		let release!: () => void;
		const changed = new Promise<void>((resolve) => (release = resolve));
		this.wakeWaiters.push(release);
		try {
			// With every slot in flight, only an answer frees one; the sleep is a safety net.
			await sleepOrWake(this.clock, waitMs === Infinity ? 60_000 : waitMs, changed, signal);
		} finally {
			this.wakeWaiters = this.wakeWaiters.filter((w) => w !== release);
		}
	}

	private wake(): void {
		const waiters = this.wakeWaiters;
		this.wakeWaiters = [];
		for (const wake of waiters) wake();
	}
}

const limiters = new Map<string, CreateLimiter>();

/** The process-wide limiter for an account (see KieAccount.accountId). */
export function createLimiterFor(accountId: string, max: number, windowMs: number): CreateLimiter {
	let limiter = limiters.get(accountId);
	if (!limiter) {
		limiter = new CreateLimiter(max, windowMs);
		limiters.set(accountId, limiter);
	} else {
		limiter.configure(max, windowMs);
	}
	return limiter;
}
