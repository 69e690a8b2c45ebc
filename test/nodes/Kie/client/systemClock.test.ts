/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
import { CancelledError } from '../../../../nodes/Kie/client';
import { systemClock } from '../../../../nodes/Kie/client/clock';

/** n8n-workflow's `sleep` (the one timer node code may use, not cancellable), counted. */
let mockPendingSleeps = 0;
jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
	return {
		...actual,
		sleep: async (ms: number) => {
			mockPendingSleeps++;
			try {
				await actual.sleep(ms);
			} finally {
				mockPendingSleeps--;
			}
		},
	};
});

const realWait = async (ms: number) =>
	await new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('systemClock.sleep', () => {
	it('a called-off wait leaves no timer pending soon after (a worker can exit)', async () => {
		const stop = new AbortController();
		const waiting = systemClock.sleep(60_000, stop.signal);
		await realWait(50);
		stop.abort();
		await expect(waiting).rejects.toBeInstanceOf(CancelledError);
		// Jest gives a worker 500 ms to exit; without slices the 60 s sleep is still pending here.
		await realWait(400);
		expect(mockPendingSleeps).toBe(0);
	});

	it('waits the whole time when not called off', async () => {
		const startedAt = Date.now();
		await systemClock.sleep(450, new AbortController().signal);
		expect(Date.now() - startedAt).toBeGreaterThanOrEqual(440);
		expect(mockPendingSleeps).toBe(0);
	});
});
