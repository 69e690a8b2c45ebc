/**
 * The request policy of reads and uploads: what may be asked again, and how it waits. (Creates,
 * which start paid tasks, have their own in KieClient.createTask: never repeated after a failure
 * that may have started a task.)
 * - read (status, credits, the 1080P video): within the account's status-request limit. A 429
 *   waits its turn in the limiter (the account's pace slows; nothing is counted as a failure)
 *   until the deadline, when there is one. Other transient failures are asked again with backoff,
 *   until the deadline or, without one, a few times.
 * - upload: free and idempotent by name, asked again like a read, outside the status limit.
 */
import type { KieAccount, KieContext } from './account';
import type { Clock } from './clock';
import { ENDPOINTS, type EndpointName } from './endpoints';
import { unwrapEnvelope } from './envelope';
import { isTransientReadError, KieRequestError } from './errors';
import { sendRequest, type RequestParts } from './http';
import type { LikelyDone, Permit } from './pacedLimiter';
import { backoffMs, settle } from './retry';
import { statusRequestLimiterFor } from './accountLimiters';

/** What a request needs to go out: n8n's context, the credential, the clock, the item's signal. */
export interface Transport {
	ctx: KieContext;
	account: KieAccount;
	clock: Clock;
	signal?: AbortSignal;
}

export interface ReadOptions {
	/** Clock time after which a failure is final (a poll: the item's wait). */
	deadline?: number;
	/** For the status limiter: when this read is likely to pay (see PacedLimiter). */
	likelyDone?: LikelyDone;
	/**
	 * false: a failure other than a 429 goes back to the caller at once (the 1080P wait reads a
	 * 500 as "not ready yet" and plans its next poll). Default true.
	 */
	askAgain?: boolean;
}

/** Without a deadline: how often a failed read is asked again. */
const READ_ATTEMPTS = 5;
/**
 * Requests that never left (connection refused, DNS): usually a wrong base URL or a host that is
 * down, so a few quick tries (about 3.5 s in all) rather than a minute per item.
 */
export const UNREACHABLE_ATTEMPTS = 4;
/** Without a deadline: how many 429s a read waits out (the limiter spaces them). */
const READ_REFUSALS = 20;

function isRateLimited(error: unknown): error is KieRequestError {
	return (
		error instanceof KieRequestError && error.info.delivery === 'answered' && error.code === 429
	);
}

/** Tells the limiter how the request ended. */
function settlePermit(permit: Permit | undefined, error: unknown): void {
	if (!permit) return;
	if (error instanceof KieRequestError && error.info.delivery === 'not-sent') permit.notSent();
	else if (isRateLimited(error)) permit.rateLimited(error.info.retryAfterMs);
	else permit.arrived();
}

/** One read or upload to a row of the endpoint table, unwrapped, asked again as the policy says. */
export async function sendRead(
	transport: Transport,
	name: EndpointName,
	parts: Omit<RequestParts, 'signal'> = {},
	options: ReadOptions = {},
): Promise<unknown> {
	const { ctx, account, clock, signal } = transport;
	const { deadline } = options;
	const limiter =
		ENDPOINTS[name].retry === 'read'
			? statusRequestLimiterFor(account.accountId, account.maxStatusRequestsPerSecond, clock)
			: undefined;
	let failures = 0;
	let refusals = 0;
	for (;;) {
		const permit = await limiter?.acquire(signal, options.likelyDone);
		const outcome = await settle(async () =>
			unwrapEnvelope(name, await sendRequest(ctx, account, name, { ...parts, signal })),
		);
		settlePermit(permit, outcome.ok ? undefined : outcome.error);
		if (outcome.ok) return outcome.value;
		const error = outcome.error;
		if (!isTransientReadError(error)) throw error;
		const now = clock.now();
		if (deadline !== undefined && now >= deadline) throw error;
		if (isRateLimited(error) && limiter) {
			// The limiter holds the next try as long as the account needs.
			if (deadline === undefined && ++refusals >= READ_REFUSALS) throw error;
			continue;
		}
		if (options.askAgain === false) throw error;
		failures++;
		const attempts =
			error instanceof KieRequestError && error.info.delivery === 'not-sent'
				? UNREACHABLE_ATTEMPTS
				: READ_ATTEMPTS;
		if (deadline === undefined && failures >= attempts) throw error;
		const wait = backoffMs(failures - 1);
		await clock.sleep(deadline === undefined ? wait : Math.min(wait, deadline - now), signal);
	}
}
