/**
 * Keeps requests of one kind within the account's limit as Kie counts it: on ARRIVAL at Kie's
 * server. Creates (20 per 10 s) and status requests (10 per second) each have one per account,
 * shared by every execution in the process (requestPolicy.ts); pacing on 429: pacing.ts.
 *
 * A limiter that stamps a slot when it is taken, before the request arrives, can let two windows'
 * worth through inside one window when requests take different times to arrive. Here a slot
 * counts from the moment it is taken until `windowMs` after the answer came back: the request
 * arrived somewhere between those two instants, so any request sent after a slot expires arrives
 * more than one window after it. A request that certainly never left gives its slot back.
 */
import { systemClock, throwIfCancelled, type Clock } from './clock';
import { CancelledError } from './errors';
import { DEFAULT_CREATE_PACING, type PacingOptions } from './pacing';
import { takeNext, type LikelyDone, type Waiter } from './pollSchedule';

export type { LikelyDone } from './pollSchedule';

interface Slot {
	/** When the answer came back; undefined while the request is in flight. */
	settledAt?: number;
	accepted?: boolean;
	grantedAt: number;
	/** Sent above the rate to find room a peer left (see PacingOptions.probeQuietWindows). */
	probe?: boolean;
}

export interface Permit {
	/** The request reached Kie or may have (any answer but a 429, or an ambiguous failure). */
	arrived(): void;
	/** The request certainly never left this machine: the slot is given back. */
	notSent(): void;
	/**
	 * Kie refused the request with 429 (it does not queue refused requests, so it is sent again):
	 * the slot counts as arrived and the account's pace slows. Acquire again for the next try: the
	 * limiter holds it as long as needed, the caller adds no wait of its own.
	 */
	rateLimited(retryAfterMs?: number): void;
}

export class PacedLimiter {
	private slots: Slot[] = [];
	private pausedUntil = 0;

	/** Requests waiting for a slot (see the file's comment for who goes next). */
	private queue: Array<Waiter<Permit>> = [];

	/** When the one wake-up timer is due, if one is armed. */
	private wakeAt: number | undefined;

	private readonly pacing: PacingOptions;

	/** Requests per window this process allows itself now (≤ max). */
	private rate: number;

	private inFlightCap: number;

	/** When the current run of refusals began, and the rate then. */
	private refusedSince = -Infinity;

	private rateWhenRefused = 0;

	private lastRefusalAt = -Infinity;

	/** When Kie's answers accepting this process's requests came back (the last few windows). */
	private acceptedAt: number[] = [];

	/** Requests Kie accepted from this process since its last 429 (counts quiet windows). */
	private acceptedSinceRefusal = 0;

	/** Quiet windows since the last 429, each accepted request as 1 ÷ the rate it was accepted at. */
	private quietSinceRefusal = 0;

	private lastGrantAt = -Infinity;

	/**
	 * When the current burst's first answer came back: undefined while it is awaited, -Infinity
	 * before any burst.
	 */
	private burstAnsweredAt: number | undefined = -Infinity;

	constructor(
		private max: number,
		private windowMs: number,
		private readonly clock: Clock = systemClock,
		marginMs?: number,
		pacing: Partial<PacingOptions> = {},
	) {
		this.pacing = {
			...DEFAULT_CREATE_PACING,
			...pacing,
			...(marginMs === undefined ? {} : { marginMs }),
		};
		this.rate = max;
		this.inFlightCap = Math.min(max, this.pacing.initialInFlight);
	}

	configure(max: number, windowMs: number): void {
		if (max !== this.max) {
			this.rate = this.rate >= this.max ? max : Math.min(this.rate, max);
			this.inFlightCap = this.inFlightCap >= this.max ? max : Math.min(this.inFlightCap, max);
		}
		this.max = max;
		this.windowMs = windowMs;
		this.pump();
	}

	/** Hold every request of this kind of the account for `ms` (Kie's Retry-After). */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
		this.pump();
	}

	/** Slots currently counting against the window. */
	activeCount(): number {
		this.prune();
		return this.slots.length;
	}

	/** Requests waiting for a slot. */
	waitingCount(): number {
		return this.queue.length;
	}

	/** Requests per window this process allows itself now. */
	currentRate(): number {
		return this.rate;
	}

	async acquire(signal?: AbortSignal, likelyDone?: LikelyDone): Promise<Permit> {
		throwIfCancelled(signal);
		return await new Promise<Permit>((resolve, reject) => {
			const waiter: Waiter<Permit> = {
				grant: resolve,
				signal,
				enqueuedAt: this.clock.now(),
				likelyDone,
			};
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

	/** Only from pump(), right after msUntilFree() pruned the slots at this same instant. */
	private take(): Permit {
		if (this.slots.length === 0) this.burstAnsweredAt = undefined;
		const slot: Slot = {
			grantedAt: this.clock.now(),
			probe: this.slots.length >= Math.max(1, Math.floor(this.rate + 1e-9)),
		};
		this.slots.push(slot);
		this.lastGrantAt = this.clock.now();
		let done = false;
		let grew = { rate: 0, inFlight: 0 };
		const settle = () => {
			slot.settledAt = this.clock.now();
			this.burstAnsweredAt ??= slot.settledAt;
			done = true;
		};
		return {
			arrived: () => {
				if (done) return;
				settle();
				slot.accepted = true;
				this.acceptedAt.push(slot.settledAt!);
				// Room above the rate: a quiet window's worth, so the rate triples from here.
				if (slot.probe) {
					this.acceptedSinceRefusal = Math.max(this.acceptedSinceRefusal, Math.ceil(this.rate));
					this.quietSinceRefusal = Math.max(this.quietSinceRefusal, 1);
				}
				grew = this.grow();
				this.pump();
			},
			rateLimited: (retryAfterMs?: number) => {
				// Also after arrived(): the answer was read as a refusal after all.
				if (slot.accepted) {
					slot.accepted = false;
					this.acceptedAt = this.acceptedAt.filter((time) => time !== slot.settledAt);
					this.rate -= grew.rate;
					this.inFlightCap -= grew.inFlight;
				} else if (done) return;
				else {
					settle();
					slot.accepted = false;
				}
				if (slot.probe) {
					// No room above the rate: nothing to slow down; the next probe waits its turn.
					this.lastRefusalAt = this.clock.now();
					this.acceptedSinceRefusal = 0;
					this.quietSinceRefusal = 0;
				} else this.refused(slot.grantedAt);
				if (retryAfterMs !== undefined && retryAfterMs > 0) this.pause(retryAfterMs);
				else this.pump();
			},
			notSent: () => {
				if (done) return;
				done = true;
				this.slots = this.slots.filter((s) => s !== slot);
				this.pump();
			},
		};
	}

	/** An accepted request: the additive increase. Returns what it added (undone on a late 429). */
	private grow(): { rate: number; inFlight: number } {
		const rateBefore = this.rate;
		const inFlightBefore = this.inFlightCap;
		this.inFlightCap = Math.min(this.max, this.inFlightCap + 1);
		if (this.rate < this.max) {
			const quietWindows = this.pacing.quietAtSentRate
				? Math.floor(this.quietSinceRefusal + 1e-9)
				: Math.floor(this.acceptedSinceRefusal / Math.max(1, Math.floor(this.rate + 1e-9)));
			const growing = Math.max(0, quietWindows - this.pacing.steadyWindows);
			let step = this.pacing.firstStep * this.pacing.stepGrowth ** Math.min(growing, 10);
			if (growing >= 1) step = Math.max(step, this.rate * this.pacing.quietGrowth);
			this.rate = Math.min(this.max, this.rate + Math.min(this.max, step) / Math.max(1, this.rate));
		}
		this.acceptedSinceRefusal++;
		this.quietSinceRefusal += 1 / Math.max(1, Math.floor(rateBefore + 1e-9));
		return { rate: this.rate - rateBefore, inFlight: this.inFlightCap - inFlightBefore };
	}

	/** A 429: the multiplicative decrease, once per window of refusals. */
	private refused(grantedAt: number): void {
		const now = this.clock.now();
		if (now - this.refusedSince >= this.windowMs) {
			this.refusedSince = now;
			this.rateWhenRefused = this.rate;
			this.inFlightCap = Math.max(1, Math.floor(this.inFlightCap / 2));
		}
		this.lastRefusalAt = now;
		this.acceptedSinceRefusal = 0;
		this.quietSinceRefusal = 0;
		this.prune();
		// What Kie took from this process: the accepted slots still counting, or, when the refused
		// request was sent as the last window's slots expired (they no longer count now), the
		// requests accepted in the window before it was sent.
		const since = grantedAt - this.windowMs - 2 * this.pacing.marginMs;
		const accepted = Math.max(
			this.slots.filter((slot) => slot.accepted).length,
			this.acceptedAt.filter((time) => time >= since && time <= grantedAt).length,
		);
		const kept = Math.max(accepted, 1, this.rateWhenRefused * this.pacing.keptShare);
		this.rate = Math.max(1, Math.min(this.rate, this.rateWhenRefused * this.pacing.decrease, kept));
	}

	/** When a settled slot stops counting. */
	private expiryOf(slot: Slot): number {
		const hold =
			slot.accepted === false ? this.pacing.refusedHoldWindows * this.windowMs : this.windowMs;
		return slot.settledAt! + hold + this.pacing.marginMs;
	}

	private prune(): void {
		const now = this.clock.now();
		this.slots = this.slots.filter(
			(slot) => slot.settledAt === undefined || this.expiryOf(slot) > now,
		);
		this.acceptedAt = this.acceptedAt.filter((time) => time > now - 3 * this.windowMs);
	}

	/** 0 when a request may go now; otherwise how long until one may (Infinity: on an answer). */
	private msUntilFree(): number {
		this.prune();
		const now = this.clock.now();
		if (this.pausedUntil > now) return this.pausedUntil - now;
		const inFlight = this.slots.filter((slot) => slot.settledAt === undefined).length;
		if (inFlight >= this.inFlightCap) return Infinity;
		const allowed = Math.max(1, Math.floor(this.rate + 1e-9));
		const burstAtOnce = Math.max(
			this.pacing.initialInFlight,
			Math.ceil(allowed * this.pacing.burstAtOnceShare),
		);
		// A burst's first requests find out whether other processes are sending too (a 429 comes
		// back before the rest of the window has left).
		const probeEndsAt =
			this.burstAnsweredAt === undefined
				? Infinity
				: this.burstAnsweredAt + this.pacing.burstProbeWindows * this.windowMs;
		if (now < probeEndsAt && inFlight >= 1 && this.slots.length >= burstAtOnce)
			return probeEndsAt - now;
		if (this.slots.length >= allowed) {
			const probeIn = this.probeAt() - now;
			if (probeIn <= 0) return 0;
			const expiries = this.slots
				.filter((slot) => slot.settledAt !== undefined)
				.map((slot) => this.expiryOf(slot) - now);
			return Math.max(1, Math.min(probeIn, ...expiries));
		}
		// Spread over the window after the first few (before Kie's first 429: a burst's share).
		const refusedYet = this.lastRefusalAt > -Infinity;
		const spread = refusedYet ? this.pacing.spreadAfter : this.pacing.spreadBefore;
		const atOnce = refusedYet ? this.pacing.initialInFlight : burstAtOnce;
		if (spread > 0 && this.slots.length >= atOnce) {
			const spacing = (spread * this.windowMs) / Math.max(1, this.rate);
			const due = this.lastGrantAt + spacing - now;
			if (due > 0) return Math.max(1, due);
		}
		return 0;
	}

	/** When one request may go above the rate (Infinity: not now; see probeQuietWindows). */
	private probeAt(): number {
		const quiet = this.pacing.probeQuietWindows;
		if (!(quiet > 0) || this.rate >= this.max || this.lastRefusalAt === -Infinity) return Infinity;
		if (this.slots.some((slot) => slot.probe && slot.settledAt === undefined)) return Infinity;
		return this.lastRefusalAt + quiet * this.windowMs;
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
			const waiter = takeNext(this.queue, this.clock.now(), this.pacing.queueAgingMs);
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
