/**
 * The request policy: every request of the client goes through `send`, one loop whose rules
 * depend on what the request does (the endpoint table's `retry`, or a result file's download):
 * - create (starts a paid task): within the account's create limit. Sent again only where Kie
 *   cannot have made the task: a 429 (the limiter holds the next try; until the deadline when
 *   there is one, else a few times), maintenance (455: its Retry-After or a backoff) and a request
 *   that never left (connection refused, DNS: a few quick tries). Anything else is final, and a
 *   failure that may have started a task is never repeated: AmbiguousCreateError, or
 *   CancelledCreateError when cut short, both saying when it was sent.
 * - read (status, credits, the 1080P video): within the account's status-request limit. A 429
 *   waits its turn in the limiter (the account's pace slows; nothing is counted as a failure)
 *   until the deadline, when there is one. Other transient failures are asked again with backoff,
 *   until the deadline or, without one, a few times.
 * - upload: free and idempotent by name, asked again like a read, outside the status limit.
 * - download (a result file): opened again like an upload.
 */
import { parseCreatedTaskId, unwrapEnvelope } from './answers';
import type { Clock } from './clock';
import { ENDPOINTS, type EndpointName } from './endpoints';
import {
	AmbiguousCreateError,
	CancelledCreateError,
	CancelledError,
	isSafeToRepeatCreate,
	isTransientReadError,
	KieRequestError,
} from './errors';
import {
	openResultFile,
	sendRequest,
	type KieAccount,
	type KieContext,
	type RequestParts,
	type ResultFileStream,
} from './http';
import { PacedLimiter, type LikelyDone, type Permit } from './pacedLimiter';
import { DEFAULT_CREATE_PACING, DEFAULT_STATUS_PACING, type PacingOptions } from './pacing';

/** What a request needs to go out: n8n's context, the credential, the clock, the item's signal. */
export interface Transport {
	ctx: KieContext;
	account: KieAccount;
	clock: Clock;
	signal?: AbortSignal;
}

export interface ReadOptions {
	/** Clock time after which a failure is final (a poll: the item's wait; a create: its 429s). */
	deadline?: number;
	/** For the status limiter: when this read is likely to pay (see PacedLimiter). */
	likelyDone?: LikelyDone;
	/**
	 * false: a failure other than a 429 goes back to the caller at once (the 1080P wait reads a
	 * 500 as "not ready yet" and plans its next poll). Default true.
	 */
	askAgain?: boolean;
}

type RequestKind = 'create' | 'read' | 'upload' | 'download';

/** Exponential backoff with jitter (±25%): `baseMs`, twice that, … up to `maxMs`. */
export function backoffMs(attempt: number, baseMs = 500, maxMs = 15_000): number {
	return Math.round(Math.min(maxMs, baseMs * 2 ** attempt) * (0.75 + Math.random() * 0.5));
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * How a request ended, as a value: the rules decide in plain code, and nothing is rethrown from a
 * catch clause (n8n's scanner refuses that outside NodeApiError and NodeOperationError).
 */
export async function outcomeOf<T>(running: Promise<T>): Promise<Outcome<T>> {
	return await running.then(
		(value): Outcome<T> => ({ ok: true, value }),
		(error: unknown): Outcome<T> => ({ ok: false, error }),
	);
}

/** Without a deadline: how often a failed read, upload or download is tried. */
const READ_ATTEMPTS = 5;
/** Without a deadline: how many 429s a read waits out (the limiter spaces them). */
const READ_REFUSALS = 20;
/** Creates Kie refused without creating (429, 455): how often one is sent without a deadline. */
const CREATE_ATTEMPTS = 8;
/**
 * Requests that never left (connection refused, DNS): usually a wrong base URL or a host that is
 * down, so a few quick tries (about 3.5 s in all) rather than a minute per item.
 */
const UNREACHABLE_ATTEMPTS = 4;

/** The failed tries of one request so far. */
export interface Tries {
	/** A read's transient failures; a create's refusals (429, 455). */
	failures: number;
	/** A read's 429s, waited out in the limiter. */
	refusals: number;
	/** A create's tries that never left. */
	unreachable: number;
}

/** After a failed try: give up, or try again after `waitMs` (0: when the limiter lets it). */
export type NextTry = { final: true } | { final: false; waitMs: number };

const FINAL: NextTry = { final: true };

function isRateLimited(error: unknown): boolean {
	return (
		error instanceof KieRequestError && error.info.delivery === 'answered' && error.code === 429
	);
}

function neverLeft(error: unknown): boolean {
	return error instanceof KieRequestError && error.info.delivery === 'not-sent';
}

/**
 * The rules: what follows a failed try of a `kind` request, given its tries so far (counted here)
 * and the clock time `now`. `limited`: a limiter spaces this kind's tries (a 429 waits there).
 */
export function nextTry(
	kind: RequestKind,
	error: unknown,
	tries: Tries,
	now: number,
	options: ReadOptions & { limited: boolean },
): NextTry {
	const { deadline } = options;
	if (kind === 'create') {
		if (!isSafeToRepeatCreate(error)) return FINAL;
		const refused = error as KieRequestError;
		if (neverLeft(refused)) {
			return ++tries.unreachable < UNREACHABLE_ATTEMPTS
				? { final: false, waitMs: backoffMs(tries.unreachable - 1) }
				: FINAL;
		}
		const attempt = ++tries.failures;
		if (isRateLimited(refused)) {
			// The create limiter holds the next create as long as the account needs.
			const within = deadline !== undefined ? now < deadline : attempt < CREATE_ATTEMPTS;
			return within ? { final: false, waitMs: 0 } : FINAL;
		}
		if (attempt >= CREATE_ATTEMPTS) return FINAL;
		return { final: false, waitMs: refused.info.retryAfterMs ?? backoffMs(attempt - 1, 1000) };
	}
	if (!isTransientReadError(error)) return FINAL;
	if (deadline !== undefined && now >= deadline) return FINAL;
	if (isRateLimited(error) && options.limited) {
		if (deadline === undefined && ++tries.refusals >= READ_REFUSALS) return FINAL;
		return { final: false, waitMs: 0 };
	}
	if (options.askAgain === false) return FINAL;
	const attempt = ++tries.failures;
	const attempts = neverLeft(error) ? UNREACHABLE_ATTEMPTS : READ_ATTEMPTS;
	if (deadline === undefined && attempt >= attempts) return FINAL;
	const wait = backoffMs(attempt - 1);
	return { final: false, waitMs: deadline === undefined ? wait : Math.min(wait, deadline - now) };
}

/** Tells the limiter how the request ended. */
function settlePermit(permit: Permit | undefined, error: unknown): void {
	if (!permit) return;
	if (neverLeft(error)) permit.notSent();
	else if (isRateLimited(error)) permit.rateLimited((error as KieRequestError).info.retryAfterMs);
	else permit.arrived();
}

/**
 * One limiter per account for one kind of request Kie counts (creates, status requests), shared by
 * every execution in the process.
 */
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

function limiterOf(kind: RequestKind, transport: Transport): PacedLimiter | undefined {
	const { account, clock } = transport;
	if (kind === 'create') {
		return taskCreateLimiterFor(
			account.accountId,
			account.maxNewTasks,
			account.maxNewTasksWindowMs,
		);
	}
	if (kind === 'read') {
		return statusRequestLimiterFor(account.accountId, account.maxStatusRequestsPerSecond, clock);
	}
	return undefined;
}

/** A create's last failure as the user reads it: whether the task may exist, and when it was sent. */
function createFailure(error: unknown, model: string, sentAt: number): unknown {
	if (error instanceof CancelledError) return new CancelledCreateError(model, sentAt);
	if (error instanceof KieRequestError && error.info.delivery === 'maybe-sent') {
		return new AmbiguousCreateError(error, model, sentAt);
	}
	return error;
}

/** One request under the policy: `attempt` is one try; the answer and when it was sent. */
async function underPolicy<T>(
	kind: RequestKind,
	transport: Transport,
	attempt: () => Promise<T>,
	options: ReadOptions & { model?: string; signal?: AbortSignal } = {},
): Promise<{ value: T; sentAt: number }> {
	const { clock } = transport;
	const signal = options.signal ?? transport.signal;
	const limiter = limiterOf(kind, transport);
	const tries: Tries = { failures: 0, refusals: 0, unreachable: 0 };
	for (;;) {
		const permit = await limiter?.acquire(signal, options.likelyDone);
		const sentAt = clock.now();
		const outcome = await outcomeOf(attempt());
		settlePermit(permit, outcome.ok ? undefined : outcome.error);
		if (outcome.ok) return { value: outcome.value, sentAt };
		const next = nextTry(kind, outcome.error, tries, clock.now(), {
			...options,
			limited: limiter !== undefined,
		});
		if (next.final) {
			throw kind === 'create'
				? createFailure(outcome.error, options.model ?? '', sentAt)
				: outcome.error;
		}
		if (next.waitMs > 0) await clock.sleep(next.waitMs, signal);
	}
}

/** One request to a row of the endpoint table, unwrapped, under the policy of its kind. */
export async function send(
	transport: Transport,
	name: EndpointName,
	parts: Omit<RequestParts, 'signal'> = {},
	options: ReadOptions = {},
): Promise<unknown> {
	const { ctx, account, signal } = transport;
	const { value } = await underPolicy(
		ENDPOINTS[name].retry,
		transport,
		async () => unwrapEnvelope(name, await sendRequest(ctx, account, name, { ...parts, signal })),
		options,
	);
	return value;
}

/**
 * Creates a task of `model` (the create kind). Its taskId is read within the try, so an answer
 * without one counts as a failure that may have started the task. The taskId and when it was sent.
 */
export async function sendCreate(
	transport: Transport,
	name: EndpointName,
	body: RequestParts['body'],
	model: string,
	deadline?: number,
): Promise<{ taskId: string; sentAt: number }> {
	const { ctx, account, signal } = transport;
	const { value, sentAt } = await underPolicy(
		'create',
		transport,
		async () =>
			parseCreatedTaskId(
				name,
				unwrapEnvelope(name, await sendRequest(ctx, account, name, { body, signal })),
			),
		{ model, deadline },
	);
	return { taskId: value, sentAt };
}

/** Opens a result file under the download kind; `signal` stops it and its waits. */
export async function openDownload(
	transport: Transport,
	url: string,
	signal?: AbortSignal,
): Promise<ResultFileStream> {
	const { value } = await underPolicy(
		'download',
		transport,
		async () => await openResultFile(transport.ctx, url, signal),
		{ signal },
	);
	return value;
}
