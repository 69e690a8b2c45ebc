/**
 * Two processes, each with its own create limiter (credential 20 per 2 s), sharing one simulated
 * account of 20 per 2 s and unable to see one another (n8n queue mode): the create pacing tests'
 * shared run.
 */
import type { PacingOptions } from '../../nodes/Kie/client/pacing';
import { PacedLimiter } from '../../nodes/Kie/client/pacedLimiter';
import { ManualClock } from './manualClock';
import {
	runProcesses,
	seededRandom,
	SimulatedAccount,
	type CreateLimiter,
} from './simulatedAccount';

export const WINDOW_MS = 2000;

/** The shipped limiter at the credential's 20 per 2 s; `pacing` changes it for a control. */
export const pacedLimiter =
	(pacing: Partial<PacingOptions> = {}) =>
	(clock: ManualClock) =>
		new PacedLimiter(20, WINDOW_MS, clock, undefined, pacing);

export interface SharedRun {
	account: SimulatedAccount;
	lastAcceptedAt: number;
	refusedShare: number;
	firstWindowRefused: number;
	laterRefusedShare: number;
}

export async function twoProcesses(
	makeLimiter: (clock: ManualClock) => CreateLimiter,
	seed: number,
	secondStartsAt = 150,
	items: [number, number] = [100, 100],
	/** One-way delay of a create, ms (from, to). */
	[delayFrom, delayTo]: [number, number] = [5, 40],
): Promise<SharedRun> {
	const clock = new ManualClock(0);
	const random = seededRandom(seed);
	const account = new SimulatedAccount(20, WINDOW_MS);
	const runs = await runProcesses(
		clock,
		account,
		[
			{ limiter: makeLimiter(clock), items: items[0], startAt: 0 },
			{ limiter: makeLimiter(clock), items: items[1], startAt: secondStartsAt },
		],
		() => delayFrom + random() * (delayTo - delayFrom),
	);
	expect(runs.map((run) => run.done.length)).toEqual(items);
	return {
		account,
		lastAcceptedAt: Math.max(...runs.flatMap((run) => run.done)),
		refusedShare: account.refusedShare(),
		firstWindowRefused: account.creates.filter((c) => !c.accepted && c.arrivedAt < WINDOW_MS)
			.length,
		laterRefusedShare: account.refusedShare(2 * WINDOW_MS),
	};
}
