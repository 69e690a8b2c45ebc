/** The create limiter of each account (Kie: 20 new tasks per 10 s unless support raised it). */
import { AccountLimiters } from './accountLimiters';
import type { PacedLimiter } from './pacedLimiter';
import { DEFAULT_CREATE_PACING } from './pacing';

const createLimiters = new AccountLimiters(DEFAULT_CREATE_PACING);

/** The process-wide create limiter for an account (see KieAccount.accountId). */
export function taskCreateLimiterFor(
	accountId: string,
	max: number,
	windowMs: number,
): PacedLimiter {
	return createLimiters.of(accountId, max, windowMs);
}
