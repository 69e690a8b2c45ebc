/**
 * A small simulated Kie account for limiter tests: one create limit (`limit` accepted creates
 * arriving in any `windowMs`), counted as Kie counts it, on arrival; refused creates are not
 * counted (Kie does not queue them). Processes are limiters sending their own items through it.
 */
import type { Permit } from '../../nodes/Kie/client/pacedLimiter';
import { maxInAnyWindow } from '../simulator/record';
import type { ManualClock } from './manualClock';

export interface CreateLimiter {
	acquire(signal?: AbortSignal): Promise<Permit>;
}

export interface SentCreate {
	process: number;
	arrivedAt: number;
	accepted: boolean;
}

export class SimulatedAccount {
	readonly creates: SentCreate[] = [];

	private acceptedArrivals: number[] = [];

	constructor(
		readonly limit: number,
		readonly windowMs: number,
	) {}

	/** Whether a create arriving now is accepted (and counts from now on). */
	arrive(process: number, at: number): boolean {
		const recent = this.acceptedArrivals.filter((time) => time > at - this.windowMs);
		const accepted = recent.length < this.limit;
		if (accepted) this.acceptedArrivals.push(at);
		this.creates.push({ process, arrivedAt: at, accepted });
		return accepted;
	}

	acceptedTimes(process?: number): number[] {
		return this.creates
			.filter((create) => create.accepted && (process === undefined || create.process === process))
			.map((create) => create.arrivedAt)
			.sort((a, b) => a - b);
	}

	/** The account's own check: never more than `limit` accepted in any window. */
	maxAcceptedInAnyWindow(): number {
		return maxInAnyWindow(this.acceptedTimes(), this.windowMs);
	}

	/** Share of creates answered 429 among those arriving in [from, to). */
	refusedShare(from = -Infinity, to = Infinity): number {
		const inRange = this.creates.filter((c) => c.arrivedAt >= from && c.arrivedAt < to);
		return inRange.length === 0 ? 0 : inRange.filter((c) => !c.accepted).length / inRange.length;
	}
}

export interface ProcessPlan {
	limiter: CreateLimiter;
	items: number;
	/** When the process starts sending (clock time). */
	startAt: number;
}

export interface ProcessRun {
	/** When each item's create was accepted. */
	done: number[];
	requests: number;
}

/**
 * Every process sends its items at once, each repeated on 429 until accepted. A create takes
 * `delay()` ms to arrive and as long again to be answered (`delay` draws 5–40 ms by default).
 */
export async function runProcesses(
	clock: ManualClock,
	account: SimulatedAccount,
	plans: ProcessPlan[],
	delay: () => number,
): Promise<ProcessRun[]> {
	const runs: ProcessRun[] = plans.map(() => ({ done: [], requests: 0 }));
	const item = async (index: number) => {
		const plan = plans[index];
		for (let attempt = 0; attempt < 500; attempt++) {
			const permit = await plan.limiter.acquire();
			runs[index].requests++;
			await clock.sleep(delay());
			const accepted = account.arrive(index, clock.now());
			await clock.sleep(delay());
			if (accepted) {
				permit.arrived();
				runs[index].done.push(clock.now());
				return;
			}
			permit.rateLimited();
		}
		throw new Error('an item was refused 500 times');
	};
	const all = plans.map(async (plan, index) => {
		await clock.sleep(plan.startAt - clock.now());
		await Promise.all(Array.from({ length: plan.items }, async () => await item(index)));
	});
	await clock.runUntilSettled(Promise.all(all));
	return runs;
}

/** A small seeded generator (an LCG) for the simulated processes' arrival gaps. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}
