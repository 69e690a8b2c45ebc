/**
 * One limiter per account for each kind of request Kie counts, shared by every execution in the
 * process: creates and status requests.
 */
import type { Clock } from './clock';
import { PacedLimiter } from './pacedLimiter';
import { DEFAULT_CREATE_PACING, DEFAULT_STATUS_PACING, type PacingOptions } from './pacing';

/** One limiter per account for one kind of request, shared by every execution in the process. */
export class AccountLimiters {
	private readonly limiters = new Map<string, PacedLimiter>();

	constructor(private readonly pacing: Partial<PacingOptions>) {}

	/**
	 * The account's limiter (see KieAccount.accountId), set to the credential's current limit; on
	 * the clock of the client that first asked for it (tests run on a manual clock).
	 */
	of(accountId: string, max: number, windowMs: number, clock?: Clock): PacedLimiter {
		let limiter = this.limiters.get(accountId);
		if (!limiter) {
			limiter = new PacedLimiter(max, windowMs, clock, undefined, this.pacing);
			this.limiters.set(accountId, limiter);
		} else {
			limiter.configure(max, windowMs);
		}
		return limiter;
	}
}

const statusLimiters = new AccountLimiters(DEFAULT_STATUS_PACING);

/** The process-wide status-request limiter for an account (Kie: 10 per second per key). */
export function statusRequestLimiterFor(
	accountId: string,
	perSecond: number,
	clock?: Clock,
): PacedLimiter {
	return statusLimiters.of(accountId, perSecond, 1000, clock);
}

/** Kie: 20 new tasks per 10 s unless support raised it. */
const createLimiters = new AccountLimiters(DEFAULT_CREATE_PACING);

/** The process-wide create limiter for an account (see KieAccount.accountId). */
export function taskCreateLimiterFor(
	accountId: string,
	max: number,
	windowMs: number,
): PacedLimiter {
	return createLimiters.of(accountId, max, windowMs);
}
