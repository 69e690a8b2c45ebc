/**
 * Status pacing on 429 (Kie: 10 status requests per second per key): processes sharing one key
 * (n8n queue mode's workers), each with its own status limiter and unable to see the others,
 * converge on the account's 10 per second from the refusals alone, with few refusals. Time is a
 * manual clock; the account is a small simulated Kie counter (test/helpers/simulatedAccount.ts),
 * each poll sent again on 429 until accepted.
 */
import { PacedLimiter } from '../../../../nodes/Kie/client/pacedLimiter';
import {
	DEFAULT_CREATE_PACING,
	DEFAULT_STATUS_PACING,
	type PacingOptions,
} from '../../../../nodes/Kie/client/pacing';
import { mean } from '../../../helpers/mean';
import { ManualClock } from '../../../helpers/manualClock';
import { runProcesses, seededRandom, SimulatedAccount } from '../../../helpers/simulatedAccount';

const PER_SECOND = 10;

/** Status pacing as it was before: creates' pacing (regrowth tripling per window), a 1 s window. */
const CREATE_LIKE_PACING: PacingOptions = {
	...DEFAULT_CREATE_PACING,
	marginMs: DEFAULT_STATUS_PACING.marginMs,
	queueAgingMs: DEFAULT_STATUS_PACING.queueAgingMs,
};

/** Accepted status requests per second of the run (second 0 starts at clock time 0). */
function acceptedPerSecond(account: SimulatedAccount, process?: number): number[] {
	const counts: number[] = [];
	for (const time of account.acceptedTimes(process)) {
		const index = Math.floor(time / 1000);
		while (counts.length <= index) counts.push(0);
		counts[index]++;
	}
	return counts;
}

/** Two processes with `polls` waiting each from the start (the second 0–300 ms later). */
async function twoProcesses(pacing: PacingOptions, seed: number, polls: [number, number]) {
	const clock = new ManualClock(0);
	const random = seededRandom(seed);
	const account = new SimulatedAccount(PER_SECOND, 1000);
	const runs = await runProcesses(
		clock,
		account,
		polls.map((items, index) => ({
			limiter: new PacedLimiter(PER_SECOND, 1000, clock, undefined, pacing),
			items,
			startAt: index === 0 ? 0 : random() * 300,
		})),
		// 1–4 ms each way, as on one machine.
		() => 1 + random() * 3,
	);
	expect(runs.map((run) => run.done.length)).toEqual(polls);
	return { account, runs };
}

describe('two processes polling on one key, neither seeing the other', () => {
	it.each([1, 2, 3, 4])('share the 10 per second with few refusals (seed %i)', async (seed) => {
		const { account } = await twoProcesses(DEFAULT_STATUS_PACING, seed, [150, 150]);

		expect(account.maxAcceptedInAnyWindow()).toBeLessThanOrEqual(PER_SECOND);
		expect(account.refusedShare()).toBeLessThanOrEqual(0.03);
		// Converged on the account's 10 per second while both are busy (seconds 1–24 of ~30).
		expect(mean(acceptedPerSecond(account).slice(1, 25))).toBeGreaterThanOrEqual(9);
		for (const process of [0, 1]) {
			expect(mean(acceptedPerSecond(account, process).slice(1, 25))).toBeGreaterThanOrEqual(3);
		}

		// Control: paced as creates are (the rate tripling per quiet window after a 429), they
		// probe above the account's room every second or two.
		const createLike = await twoProcesses(CREATE_LIKE_PACING, seed, [150, 150]);
		expect(createLike.account.refusedShare()).toBeGreaterThan(0.08);
	});

	it.each([1, 2, 3])(
		'the process left alone takes the whole 10 per second back (seed %i)',
		async (seed) => {
			const { account, runs } = await twoProcesses(DEFAULT_STATUS_PACING, seed, [50, 250]);
			const firstDoneAt = Math.max(...runs[0].done);
			const alone = acceptedPerSecond(account, 1).slice(Math.ceil(firstDoneAt / 1000));
			// Within 20 s of its peer's last request, a second at 9 or 10 (its limiter's full rate).
			expect(Math.max(...alone.slice(0, 20))).toBeGreaterThanOrEqual(9);
			expect(account.refusedShare()).toBeLessThanOrEqual(0.03);
		},
	);
});

describe('one process refused in a second it sent little in', () => {
	it('keeps part of its pace instead of falling to one status request a second', async () => {
		const clock = new ManualClock(0);
		const limiter = new PacedLimiter(PER_SECOND, 1000, clock, undefined, DEFAULT_STATUS_PACING);
		// Its only request of the second is refused: the others on the key used the room.
		const permit = await limiter.acquire();
		await clock.advance(5);
		permit.rateLimited();
		expect(limiter.currentRate()).toBeGreaterThanOrEqual(3);
		// Control: paced as creates are, it falls to what Kie accepted from it (one a second).
		const createLike = new PacedLimiter(PER_SECOND, 1000, clock, undefined, CREATE_LIKE_PACING);
		const refused = await createLike.acquire();
		await clock.advance(5);
		refused.rateLimited();
		expect(createLike.currentRate()).toBe(1);
	});
});
