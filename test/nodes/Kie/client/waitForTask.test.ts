/**
 * The poll loop's reads: a poll waiting for its answer is ranked anew (when it is likely to find
 * its task done, which the status limiter serves first) each time a task of its kind finishes,
 * and no longer once its answer has come.
 */
import type { KieTask } from '../../../../nodes/Kie/client';
import { statusRequestLimiterFor } from '../../../../nodes/Kie/client/requestPolicy';
import type { LikelyDone } from '../../../../nodes/Kie/client/pacedLimiter';
import { DEFAULT_POLL_PLAN } from '../../../../nodes/Kie/client/pollSchedule';
import { GenerationTimes, pollUntilFinal } from '../../../../nodes/Kie/client/waitForTask';
import { fakeStatusTransport } from '../../../helpers/fakeStatusTransport';
import { ManualClock, settle } from '../../../helpers/manualClock';

const KIND = 'nano-banana-pro|2K';

function task(state: KieTask['state']): KieTask {
	return {
		taskId: 'task-1',
		api: 'market',
		model: 'nano-banana-pro',
		state,
		param: { model: 'nano-banana-pro', input: { resolution: '2K' } },
		resultUrls: state === 'success' ? ['https://files.example/1.png'] : [],
		failCode: null,
		failMsg: null,
		costTime: null,
		createTime: null,
		completeTime: null,
		creditsConsumed: null,
	};
}

describe('pollUntilFinal: a poll waiting for its answer', () => {
	it('is ranked anew when a task of its kind finishes, and not after its answer came', async () => {
		const clock = new ManualClock();
		const times = new GenerationTimes();
		let answer!: (value: KieTask) => void;
		let asked = 0;
		const transport = fakeStatusTransport(clock, async () => {
			asked++;
			return await new Promise<KieTask>((resolve) => (answer = resolve));
		});
		const limiter = statusRequestLimiterFor(
			transport.account.accountId,
			transport.account.maxStatusRequestsPerSecond,
			clock,
		);
		const acquire = jest.spyOn(limiter, 'acquire');
		const createdAt = clock.now();

		const waiting = pollUntilFinal(
			{ transport, generationTimes: times, pollPlan: DEFAULT_POLL_PLAN },
			{ task: task('waiting'), seen: true, createdAt, kind: KIND },
			{ timeoutMs: 600_000, pollIntervalMs: 5_000 },
		);
		await clock.advance(5_000);
		expect(asked).toBe(1);
		const likelyDone = acquire.mock.calls[0][1] as LikelyDone;
		// Nothing learned about the kind yet: the poll is not ranked.
		expect(likelyDone).toEqual({ from: Infinity, to: Infinity });

		times.record(KIND, 20_000);
		await settle();
		expect(Number.isFinite(likelyDone.from)).toBe(true);
		expect(likelyDone.from).toBeGreaterThanOrEqual(createdAt);
		const ranked = { ...likelyDone };

		answer(task('success'));
		const result = await waiting;
		expect(result.task.state).toBe('success');
		expect(times.watcherCount(KIND)).toBe(0);
		times.record(KIND, 200_000);
		await settle();
		expect(likelyDone).toEqual(ranked);
	});
});
