/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * A Clock whose time moves only when the test says so. Sleepers wake in time order; between two
 * wake-ups the async code they release runs to its next sleep (or end) before time moves on.
 */
import type { Clock } from '../../nodes/Kie/client/clock';
import { CancelledError } from '../../nodes/Kie/client/errors';

interface Sleeper {
	at: number;
	order: number;
	resolve: () => void;
}

/** Lets every promise chain that can run now run (a few macrotask turns, for I/O-free code). */
export async function settle(turns = 5): Promise<void> {
	for (let turn = 0; turn < turns; turn++) await new Promise((resolve) => setImmediate(resolve));
}

export class ManualClock implements Clock {
	private sleepers: Sleeper[] = [];

	private order = 0;

	constructor(private time = 1_000_000) {}

	now(): number {
		return this.time;
	}

	async sleep(ms: number, signal?: AbortSignal): Promise<void> {
		if (signal?.aborted) throw new CancelledError();
		await new Promise<void>((resolve, reject) => {
			const sleeper: Sleeper = { at: this.time + Math.max(0, ms), order: this.order++, resolve };
			const onAbort = () => {
				this.sleepers = this.sleepers.filter((other) => other !== sleeper);
				reject(new CancelledError());
			};
			sleeper.resolve = () => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			this.sleepers.push(sleeper);
		});
	}

	/** Sleepers not yet woken. */
	pendingCount(): number {
		return this.sleepers.length;
	}

	/** When the next sleeper wakes, if any. */
	nextWakeAt(): number | undefined {
		return this.sleepers.reduce<number | undefined>(
			(earliest, sleeper) =>
				earliest === undefined || sleeper.at < earliest ? sleeper.at : earliest,
			undefined,
		);
	}

	/** Moves time forward by `ms`, waking sleepers in order and letting their code run. */
	async advance(ms: number): Promise<void> {
		await this.advanceTo(this.time + ms);
	}

	async advanceTo(target: number): Promise<void> {
		await settle();
		for (;;) {
			const next = this.takeNextDue(target);
			if (!next) break;
			this.time = Math.max(this.time, next.at);
			next.resolve();
			await settle();
		}
		this.time = Math.max(this.time, target);
		await settle();
	}

	/**
	 * Jumps from wake-up to wake-up until `promise` settles (time passes only while everything is
	 * asleep). Throws if it has not settled after `limitMs` of clock time.
	 */
	async runUntilSettled<T>(promise: Promise<T>, limitMs = 24 * 3600_000): Promise<T> {
		let done = false;
		promise.then(
			() => (done = true),
			() => (done = true),
		);
		const limit = this.time + limitMs;
		await settle();
		while (!done) {
			const next = this.nextWakeAt();
			if (next === undefined || next > limit) {
				throw new Error(`Nothing settled after ${limitMs} ms of clock time (next wake: ${next})`);
			}
			await this.advanceTo(next);
		}
		return await promise;
	}

	private takeNextDue(target: number): Sleeper | undefined {
		let best: Sleeper | undefined;
		for (const sleeper of this.sleepers) {
			if (sleeper.at > target) continue;
			if (!best || sleeper.at < best.at || (sleeper.at === best.at && sleeper.order < best.order)) {
				best = sleeper;
			}
		}
		if (best) this.sleepers = this.sleepers.filter((sleeper) => sleeper !== best);
		return best;
	}
}
