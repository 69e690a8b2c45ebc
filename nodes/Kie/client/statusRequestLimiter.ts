/** The status-request limiter of each account (Kie: 10 per second per key by default). */
import type { Clock } from './clock';
import { AccountLimiters, type PacedLimiter } from './pacedLimiter';
import { DEFAULT_STATUS_PACING } from './pacing';

const statusLimiters = new AccountLimiters(DEFAULT_STATUS_PACING);

/** The process-wide status-request limiter for an account (see KieAccount.accountId). */
export function statusRequestLimiterFor(
	accountId: string,
	perSecond: number,
	clock?: Clock,
): PacedLimiter {
	return statusLimiters.of(accountId, perSecond, 1000, clock);
}
