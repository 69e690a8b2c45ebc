import { claimDelivery } from '../../../nodes/KieTrigger/repeats';

const isFirstDelivery = (trigger: string, key: string, nowMs: number) =>
	claimDelivery(trigger, key, nowMs) !== undefined;

const HOUR_MS = 60 * 60 * 1000;
const T0 = 1_769_670_760_000;

describe('claimDelivery', () => {
	it('accepts a task once per trigger and refuses its repeats', () => {
		expect(isFirstDelivery('wf-a:trigger', 'task-1', T0)).toBe(true);
		expect(isFirstDelivery('wf-a:trigger', 'task-1', T0 + 1_000)).toBe(false);
		expect(isFirstDelivery('wf-a:trigger', 'task-2', T0 + 1_000)).toBe(true);
		expect(isFirstDelivery('wf-b:trigger', 'task-1', T0 + 1_000)).toBe(true);
	});

	it('forgets a task after 24 hours', () => {
		expect(isFirstDelivery('wf-ttl:trigger', 'task-1', T0)).toBe(true);
		expect(isFirstDelivery('wf-ttl:trigger', 'task-1', T0 + 23 * HOUR_MS)).toBe(false);
		expect(isFirstDelivery('wf-ttl:trigger', 'task-1', T0 + 25 * HOUR_MS)).toBe(true);
	});

	it('keeps the most recent 10 000 tasks per trigger', () => {
		for (let index = 0; index <= 10_000; index++) {
			expect(isFirstDelivery('wf-many:trigger', `task-${index}`, T0 + index)).toBe(true);
		}
		expect(isFirstDelivery('wf-many:trigger', 'task-10000', T0 + 20_000)).toBe(false);
		expect(isFirstDelivery('wf-many:trigger', 'task-5000', T0 + 20_000)).toBe(false);
		// The oldest made room for the newest.
		expect(isFirstDelivery('wf-many:trigger', 'task-0', T0 + 20_000)).toBe(true);
	});

	it('forgets a released claim: the next callback for that task is read again', () => {
		const claim = claimDelivery('wf-release:trigger', 'task-1', T0);
		expect(claimDelivery('wf-release:trigger', 'task-1', T0 + 1)).toBeUndefined();
		claim!.release();
		expect(claimDelivery('wf-release:trigger', 'task-1', T0 + 2)).toBeDefined();
	});
});
