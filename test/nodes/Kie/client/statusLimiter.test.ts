/**
 * The status-request limiter: when more polls wait than the account allows, the likeliest to find
 * their task done go first (each poll's `likelyDone` ramp), and none starves (its waiting time
 * counts too). Time is a manual clock.
 */
import { PacedLimiter, type LikelyDone } from '../../../../nodes/Kie/client/pacedLimiter';
import { DEFAULT_STATUS_PACING } from '../../../../nodes/Kie/client/pacing';
import { ManualClock } from '../../../helpers/manualClock';

/** One status request per second, everything else as shipped. */
function oneASecond(clock: ManualClock) {
	return new PacedLimiter(1, 1000, clock, 0, { ...DEFAULT_STATUS_PACING, initialInFlight: 1 });
}

/** Asks for a permit as `name`, answers at once, and notes the order of grants. */
function poll(limiter: PacedLimiter, order: string[], name: string, likelyDone?: LikelyDone) {
	return limiter.acquire(undefined, likelyDone).then((permit) => {
		order.push(name);
		permit.arrived();
	});
}

describe('PacedLimiter with polls waiting: who goes next', () => {
	it('serves the poll likeliest to find its task done first, a poll without a ramp last', async () => {
		const clock = new ManualClock();
		const limiter = oneASecond(clock);
		const order: string[] = [];
		const now = clock.now();
		const polls = [
			poll(limiter, order, 'holds the slot'),
			poll(limiter, order, 'nothing known'),
			poll(limiter, order, 'early in its span', { from: now, to: now + 10_000 }),
			poll(limiter, order, 'past its span', { from: now - 2000, to: now - 1000 }),
			poll(limiter, order, 'late in its span', { from: now - 8000, to: now + 2000 }),
		];
		await clock.runUntilSettled(Promise.all(polls));
		expect(order).toEqual([
			'holds the slot',
			'past its span',
			'late in its span',
			'early in its span',
			'nothing known',
		]);
	});

	it('reads a ramp when it grants, so a waiting poll moved by its owner is ranked anew', async () => {
		const clock = new ManualClock();
		const limiter = oneASecond(clock);
		const order: string[] = [];
		const now = clock.now();
		const unknownYet: LikelyDone = { from: Infinity, to: Infinity };
		const polls = [
			poll(limiter, order, 'holds the slot'),
			poll(limiter, order, 'mid-span', { from: now - 5000, to: now + 5000 }),
			poll(limiter, order, 'learned while waiting', unknownYet),
		];
		// A task of its kind finished: this poll's task is now past its span.
		Object.assign(unknownYet, { from: now - 3000, to: now - 1000 });
		await clock.runUntilSettled(Promise.all(polls));
		expect(order).toEqual(['holds the slot', 'learned while waiting', 'mid-span']);
	});

	it('lets no poll starve: it goes before likely ones that came queueAgingMs after it', async () => {
		const clock = new ManualClock();
		const limiter = oneASecond(clock);
		const order: string[] = [];
		const arrivedAt = new Map<string, number>([['nothing known', clock.now()]]);
		const grants: Promise<void>[] = [
			poll(limiter, order, 'holds the slot'),
			poll(limiter, order, 'nothing known'),
		];
		// Twice a second another poll arrives whose task is surely done by now: more than the
		// account's one a second, for 8 s.
		for (let index = 0; index < 16; index++) {
			const now = clock.now();
			arrivedAt.set(`likely ${index}`, now);
			grants.push(poll(limiter, order, `likely ${index}`, { from: now - 2000, to: now - 1 }));
			await clock.advance(500);
		}
		await clock.runUntilSettled(Promise.all(grants));
		const position = order.indexOf('nothing known');
		const servedBefore = order.slice(1, position);
		const lastBeforeArrived = Math.max(...servedBefore.map((name) => arrivedAt.get(name)!));
		expect(servedBefore.length).toBeGreaterThan(0);
		expect(lastBeforeArrived - arrivedAt.get('nothing known')!).toBeLessThanOrEqual(
			DEFAULT_STATUS_PACING.queueAgingMs,
		);
		expect(position).toBeLessThan(order.length - 4);
	});
});
