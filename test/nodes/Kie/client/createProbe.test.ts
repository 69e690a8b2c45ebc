/**
 * The create probe (PacingOptions.probeQuietWindows): a process held below the credential's limit
 * by a peer's share finds the room the peer leaves when it finishes, without waiting a window of
 * its own creates to be accepted first. Time is a manual clock; the account is a small simulated
 * Kie counter (test/helpers/simulatedAccount.ts). Each test runs a control without the probe.
 */
import type { PacingOptions } from '../../../../nodes/Kie/client/pacing';
import { PacedLimiter, type Permit } from '../../../../nodes/Kie/client/pacedLimiter';
import { ManualClock, settle } from '../../../helpers/manualClock';
import { pacedLimiter, twoProcesses, WINDOW_MS } from '../../../helpers/twoProcesses';

// 200 creates, 20 per 2 s: the last 20 cannot be accepted before 18 s.
const BOUND_MS = ((200 - 20) / 20) * WINDOW_MS;

/** Two processes on one account (the second 150 ms later), never above the account's 20 a window. */
async function twoProcessesWith(
	items: [number, number],
	seed: number,
	pacing: Partial<PacingOptions>,
) {
	const run = await twoProcesses(pacedLimiter(pacing), seed, 150, items);
	expect(run.account.maxAcceptedInAnyWindow()).toBeLessThanOrEqual(20);
	return run;
}

describe('a process whose peer has finished', () => {
	it.each([
		[50, 150, 1],
		[50, 150, 2],
		[100, 100, 1],
		[100, 100, 3],
	])(
		'%i + %i items: the last create is accepted within a window and a quarter of the bound (seed %i)',
		async (first, second, seed) => {
			const shipped = await twoProcessesWith([first, second], seed, {});
			expect(shipped.lastAcceptedAt).toBeLessThan(BOUND_MS + 1.25 * WINDOW_MS);
			expect(shipped.refusedShare).toBeLessThan(0.15);
			// Control: without the probe, the process left alone sends at its share for another
			// window before its accepted creates count as a quiet window and its rate grows.
			const control = await twoProcessesWith([first, second], seed, { probeQuietWindows: 0 });
			expect(control.lastAcceptedAt).toBeGreaterThan(BOUND_MS + 1.5 * WINDOW_MS);
		},
	);
});

describe('the probe itself', () => {
	/**
	 * A limiter refused at 0 with 5 creates accepted (rate 5; their slots count until 2.3 s with a
	 * 300 ms margin), and three more creates asked for at 1 s.
	 */
	async function heldAtFive(pacing: Partial<PacingOptions> = {}) {
		const clock = new ManualClock(0);
		const limiter = new PacedLimiter(20, WINDOW_MS, clock, 300, { initialInFlight: 20, ...pacing });
		const first = await Promise.all(Array.from({ length: 6 }, async () => await limiter.acquire()));
		for (const permit of first.slice(0, 5)) permit.arrived();
		first[5].rateLimited();
		expect(limiter.currentRate()).toBe(5);
		await clock.advance(1000);
		const granted: number[] = [];
		const permits: Permit[] = [];
		for (let i = 0; i < 3; i++) {
			void limiter.acquire().then((permit) => {
				granted.push(clock.now());
				permits.push(permit);
			});
		}
		await settle();
		return { clock, limiter, granted, permits };
	}

	it('sends one create above the rate a window after the last 429, before the slots free', async () => {
		const shipped = await heldAtFive();
		await shipped.clock.advance(999);
		expect(shipped.granted).toEqual([]);
		await shipped.clock.advance(1);
		expect(shipped.granted).toEqual([WINDOW_MS]);
		await shipped.clock.advance(299);
		expect(shipped.granted).toEqual([WINDOW_MS]);
		// Control: without the probe, nothing goes until the slots free at 2.3 s.
		const control = await heldAtFive({ probeQuietWindows: 0 });
		await control.clock.advance(1299);
		expect(control.granted).toEqual([]);
	});

	it('refused, it leaves the rate as it was', async () => {
		const shipped = await heldAtFive();
		await shipped.clock.advance(1000);
		shipped.permits[0].rateLimited();
		expect(shipped.limiter.currentRate()).toBe(5);
		// Control: a create within the rate refused at the same moment lowers it (0.8 × 5).
		const control = await heldAtFive({ probeQuietWindows: 0 });
		await control.clock.advance(1300);
		control.permits[0].rateLimited();
		expect(control.limiter.currentRate()).toBe(4);
	});

	it('accepted, the rate grows by a quiet window’s step and the waiting creates go before the slots free', async () => {
		const shipped = await heldAtFive();
		await shipped.clock.advance(1000);
		shipped.permits[0].arrived();
		expect(shipped.limiter.currentRate()).toBe(7);
		await settle();
		// One within the new rate, then another probe (one in flight at a time).
		expect(shipped.granted).toEqual([WINDOW_MS, WINDOW_MS, WINDOW_MS]);
	});
});
