/**
 * Status pacing across workers that start at different moments (n8n queue mode hands executions
 * to workers seconds apart): the one that arrives when the other already sends 10 a second is
 * refused, and must still get about half of the account's room while both have polls waiting,
 * and all of it soon after the other stops. Time is a manual clock; the account is a simulated
 * Kie counter (test/helpers/simulatedAccount.ts), each poll sent again on 429 until accepted.
 *
 * The first is known failing (issue 25, open): the late worker is refused, falls to 2–3 a second
 * and creeps back slowly (2.9 a second while both work). `it.failing` turns into a failure when a
 * fix makes it pass: then make it plain `it`. The second passes since quiet windows are counted at
 * the rate each request was accepted at (DEFAULT_STATUS_PACING.quietAtSentRate): before, the late
 * worker's 12 quiet windows shrank at each whole step of its creep (2 → 3 a second: 12 windows
 * became 8), and it took 13–27 s, not 3, to be back at 9–10 a second.
 */
import { PacedLimiter } from '../../../../nodes/Kie/client/pacedLimiter';
import { DEFAULT_STATUS_PACING } from '../../../../nodes/Kie/client/pacing';
import { mean } from '../../../helpers/mean';
import { ManualClock } from '../../../helpers/manualClock';
import { runProcesses, seededRandom, SimulatedAccount } from '../../../helpers/simulatedAccount';

const PER_SECOND = 10;

function acceptedPerSecond(account: SimulatedAccount, process: number): number[] {
	const counts: number[] = [];
	for (const time of account.acceptedTimes(process)) {
		const index = Math.floor(time / 1000);
		while (counts.length <= index) counts.push(0);
		counts[index]++;
	}
	return counts;
}

/**
 * The first worker has `polls[0]` waiting from 0 on; the second `polls[1]` from `joinAt` on, when
 * the first already sends the account's whole 10 a second.
 */
async function staggered(seed: number, polls: [number, number], joinAt: number) {
	const clock = new ManualClock(0);
	const random = seededRandom(seed);
	const account = new SimulatedAccount(PER_SECOND, 1000);
	const runs = await runProcesses(
		clock,
		account,
		polls.map((items, index) => ({
			limiter: new PacedLimiter(PER_SECOND, 1000, clock, undefined, DEFAULT_STATUS_PACING),
			items,
			startAt: index === 0 ? 0 : joinAt + random() * 300,
		})),
		() => 1 + random() * 3,
	);
	expect(runs.map((run) => run.done.length)).toEqual(polls);
	return { account, runs };
}

describe('a worker joining a key another worker already fills', () => {
	it.failing.each([1, 2, 3, 4, 5, 6])(
		'gets about half of the 10 per second within seconds (seed %i)',
		async (seed) => {
			const { account } = await staggered(seed, [400, 200], 3000);
			const late = acceptedPerSecond(account, 1);
			const early = acceptedPerSecond(account, 0);
			// Seconds 8–17: 5 s after it joined, both still have polls waiting.
			expect(mean(late.slice(8, 18))).toBeGreaterThanOrEqual(4);
			expect(mean(early.slice(8, 18))).toBeGreaterThanOrEqual(4);
			expect(account.maxAcceptedInAnyWindow()).toBeLessThanOrEqual(PER_SECOND);
			expect(account.refusedShare()).toBeLessThanOrEqual(0.02);
		},
	);

	it.each([1, 2, 3, 4, 5, 6])(
		'takes the whole 10 per second back within 3 s of the other stopping (seed %i)',
		async (seed) => {
			const { account, runs } = await staggered(seed, [120, 300], 3000);
			const otherStoppedAt = Math.max(...runs[0].done);
			const alone = acceptedPerSecond(account, 1).slice(Math.ceil(otherStoppedAt / 1000));
			expect(alone.length).toBeGreaterThan(6);
			// From the 4th whole second after the other's last request on: 9 or 10 a second.
			expect(Math.min(...alone.slice(3, -1))).toBeGreaterThanOrEqual(9);
			expect(account.refusedShare()).toBeLessThanOrEqual(0.02);
		},
	);
});
