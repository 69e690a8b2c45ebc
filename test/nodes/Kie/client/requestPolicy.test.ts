/**
 * The request policy's rules for creates (nodes/Kie/client/requestPolicy.ts, nextTry): a create is
 * sent again only where Kie cannot have made the task, and never after a failure that may have.
 */
import { CancelledError } from '../../../../nodes/Kie/client';
import { KieRequestError, type KieErrorInfo } from '../../../../nodes/Kie/client/errors';
import { nextTry, type NextTry, type Tries } from '../../../../nodes/Kie/client/requestPolicy';

const NOW = 1_000_000;
const answered = (info: Partial<KieErrorInfo>) =>
	new KieRequestError({ endpoint: 'market.create', delivery: 'answered', ...info });
const RATE_LIMITED = answered({ code: 429 });
const MAINTENANCE = answered({ code: 455 });
const REFUSED_CONNECTION = new KieRequestError({
	endpoint: 'market.create',
	delivery: 'not-sent',
	networkCode: 'ECONNREFUSED',
});

/** The create rules' answers to the same failure, try after try, until final (at most 30). */
function createTries(error: unknown, deadline?: number, now = NOW): NextTry[] {
	const tries: Tries = { failures: 0, refusals: 0, unreachable: 0 };
	const answers: NextTry[] = [];
	for (let turn = 0; turn < 30; turn++) {
		const next = nextTry('create', error, tries, now, { deadline, limited: true });
		answers.push(next);
		if (next.final) break;
	}
	return answers;
}

describe('the request policy: creates', () => {
	it.each<[string, unknown]>([
		[
			'a reset after sending',
			new KieRequestError({
				endpoint: 'market.create',
				delivery: 'maybe-sent',
				networkCode: 'ECONNRESET',
			}),
		],
		[
			'a timeout waiting for the answer',
			new KieRequestError({
				endpoint: 'market.create',
				delivery: 'maybe-sent',
				networkCode: 'ETIMEDOUT',
			}),
		],
		[
			'HTTP 500',
			new KieRequestError({
				endpoint: 'market.create',
				delivery: 'maybe-sent',
				code: 500,
				httpStatus: 500,
			}),
		],
		['a cancellation on the way', new CancelledError()],
		['402 (no credits)', answered({ code: 402 })],
		['422 (bad parameters)', answered({ code: 422 })],
	])('never sends a create again after %s', (_label, error) => {
		expect(createTries(error)).toEqual([{ final: true }]);
	});

	it('sends a 429 again when the limiter lets it, 8 creates in all without a deadline', () => {
		const answers = createTries(RATE_LIMITED);
		expect(answers).toHaveLength(8);
		expect(answers.slice(0, 7)).toEqual(Array(7).fill({ final: false, waitMs: 0 }));
		expect(answers[7]).toEqual({ final: true });
	});

	it('with a deadline, sends a 429 again until the deadline, however often', () => {
		expect(createTries(RATE_LIMITED, NOW + 1)).toHaveLength(30);
		expect(createTries(RATE_LIMITED, NOW)).toEqual([{ final: true }]);
	});

	it("waits out maintenance (455) as Kie's Retry-After says, 8 creates in all", () => {
		expect(createTries(answered({ code: 455, retryAfterMs: 3_000 }))[0]).toEqual({
			final: false,
			waitMs: 3_000,
		});
		const answers = createTries(MAINTENANCE);
		expect(answers).toHaveLength(8);
		expect(answers.slice(0, 7).every((next) => !next.final && next.waitMs > 0)).toBe(true);
	});

	it('tries an unreachable Kie 4 times, within a few seconds', () => {
		const answers = createTries(REFUSED_CONNECTION);
		expect(answers).toHaveLength(4);
		const waited = answers.reduce((sum, next) => sum + (next.final ? 0 : next.waitMs), 0);
		expect(waited).toBeLessThan(5_000);
	});

	it("does not count a read's rules for a create: a 5xx read is asked again, a 5xx create is not", () => {
		const serverError = new KieRequestError({
			endpoint: 'market.status',
			delivery: 'maybe-sent',
			code: 500,
			httpStatus: 500,
		});
		const tries: Tries = { failures: 0, refusals: 0, unreachable: 0 };
		expect(nextTry('read', serverError, tries, NOW, { limited: true }).final).toBe(false);
		expect(nextTry('create', serverError, tries, NOW, { limited: true }).final).toBe(true);
	});
});
