/**
 * A small typed client over Kie's task API: createTask, getTask, waitForTask, uploads, credits,
 * downloads. Retries and the create limit are separate pieces it composes; time is injectable.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	downloadFile,
	kieRequest,
	type DownloadedFile,
	type KieAccount,
	type KieContext,
} from '../transport';
import { sleepOrWake, systemClock, type Clock } from './clock';
import { createLimiterFor } from './createLimiter';
import {
	describeNetworkFailure,
	isSafeToRepeatCreate,
	isTransientReadError,
	KieRequestError,
	kieWords,
} from './errors';
import {
	DEFAULT_POLL_PLAN,
	evenlySpread,
	generationKind,
	learnedGenerationTimes,
	nextPollDelay,
	type GenerationTimes,
	type PollPlanOptions,
} from './pollSchedule';
import {
	FINAL_STATES,
	parseCreatedTaskId,
	parseCredits,
	parseDownloadUrl,
	parseTaskRecord,
	parseUploadResult,
	unwrapEnvelope,
	waitingTask,
	type KieTask,
	type UploadedFile,
} from './responses';

export interface CreateTaskRequest {
	model: string;
	input: IDataObject;
	callBackUrl?: string;
}

/** What went wrong with a create, as the opening of a sentence. */
function createFailure(info: KieRequestError['info']): string {
	if (info.networkCode === 'MALFORMED') {
		return "Kie.ai's answer to the create request was unreadable";
	}
	if (info.networkCode) return describeNetworkFailure(info.networkCode);
	const kieText = info.kieMessage?.trim() ? ` (${kieWords(info.kieMessage)})` : '';
	if (info.httpStatus !== undefined && (info.httpStatus < 200 || info.httpStatus >= 300)) {
		return `Kie.ai answered the create request with HTTP ${info.httpStatus}${kieText}`;
	}
	return `Kie.ai answered the create request with code ${info.code ?? '?'}${kieText}`;
}

/** A create failed in a way that may have started a paid task: it is not sent again. */
export class AmbiguousCreateError extends KieRequestError {
	constructor(cause: KieRequestError, model: string, sentAt: number) {
		super(
			cause.info,
			`${createFailure(cause.info)}, so Kie.ai may have created this ${model} task without returning its taskId. ` +
				`It was not sent again, so you are not charged twice: look for it at https://kie.ai/logs ` +
				`(model ${model}, sent around ${new Date(sentAt).toISOString()}) and fetch it with the Get Task operation.`,
		);
		this.name = 'AmbiguousCreateError';
	}
}

export interface WaitOptions {
	timeoutMs: number;
	/** The user's fixed poll interval; 0 or undefined = adaptive. */
	pollIntervalMs?: number;
	/** When the task was created, for planning polls (defaults to now). The timeout counts from the call. */
	createdAt?: number;
	/** Learned-duration key; defaults to the task's model. */
	kind?: string;
	/** The task's offset among its kind's polls while nothing is known (0–1; default: spread evenly). */
	pollPhase?: number;
}

export interface WaitResult {
	task: KieTask;
	timedOut: boolean;
	polls: number;
}

/** Creates Kie refused without creating (429 rate limit, 455 maintenance): Kie asks to come back. */
const CREATE_ATTEMPTS = 8;
const READ_ATTEMPTS = 5;
/**
 * Requests that never left (connection refused, DNS): usually a wrong base URL or a host that is
 * down, so a few quick tries (about 3.5 s in all) rather than a minute per item.
 */
const UNREACHABLE_ATTEMPTS = 4;
const REQUEST_TIMEOUT_MS = 60_000;
const POLL_TIMEOUT_MS = 30_000;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs `operation` and reports how it ended, so the caller decides about retries in plain code. */
async function settle<T>(operation: () => Promise<T>): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await operation() };
	} catch (error) {
		return { ok: false, error };
	}
}

function jitter(ms: number): number {
	return Math.round(ms * (0.75 + Math.random() * 0.5));
}

function backoff(attempt: number, baseMs = 500, maxMs = 15_000): number {
	return jitter(Math.min(maxMs, baseMs * 2 ** attempt));
}

export class KieClient {
	constructor(
		private readonly ctx: KieContext,
		readonly account: KieAccount,
		private readonly signal?: AbortSignal,
		private readonly clock: Clock = systemClock,
		private readonly generationTimes: GenerationTimes = learnedGenerationTimes,
		private readonly pollPlan: PollPlanOptions = DEFAULT_POLL_PLAN,
	) {}

	/**
	 * When each task this client created was sent: the task's age for poll planning. A caller's
	 * timestamp taken before createTask would include the wait for the create limit.
	 */
	private readonly createSentAt = new Map<string, number>();

	/**
	 * Creates a task within the account's create limit. Repeated only where Kie cannot have created
	 * it (429, maintenance, connection refused); any ambiguous failure throws AmbiguousCreateError.
	 */
	async createTask(request: CreateTaskRequest): Promise<string> {
		const limiter = createLimiterFor(
			this.account.accountId,
			this.account.maxNewTasks,
			this.account.maxNewTasksWindowMs,
		);
		const body: IDataObject = { model: request.model, input: request.input };
		if (request.callBackUrl) body.callBackUrl = request.callBackUrl;

		let refusals = 0;
		let unreachable = 0;
		for (;;) {
			const permit = await limiter.acquire(this.signal);
			const sentAt = this.clock.now();
			const outcome = await settle(async () => {
				const response = await kieRequest(this.ctx, this.account, 'createTask', {
					host: 'api',
					method: 'POST',
					path: '/api/v1/jobs/createTask',
					body,
					timeoutMs: REQUEST_TIMEOUT_MS,
					signal: this.signal,
				});
				permit.arrived();
				return parseCreatedTaskId(unwrapEnvelope('createTask', response));
			});
			if (outcome.ok) {
				this.createSentAt.set(outcome.value, sentAt);
				return outcome.value;
			}

			const error = outcome.error;
			if (error instanceof KieRequestError && error.info.delivery === 'not-sent') permit.notSent();
			else permit.arrived();
			if (!(error instanceof KieRequestError)) throw error;
			if (isSafeToRepeatCreate(error)) {
				const wasUnreachable = error.info.delivery === 'not-sent';
				const tries = wasUnreachable ? ++unreachable : ++refusals;
				if (tries < (wasUnreachable ? UNREACHABLE_ATTEMPTS : CREATE_ATTEMPTS)) {
					const waitMs = wasUnreachable
						? backoff(tries - 1)
						: (error.info.retryAfterMs ?? backoff(tries - 1, 1000));
					if (error.code === 429) limiter.pause(waitMs);
					await this.clock.sleep(waitMs, this.signal);
					continue;
				}
			}
			if (error.info.delivery === 'maybe-sent') {
				throw new AmbiguousCreateError(error, request.model, sentAt);
			}
			throw error;
		}
	}

	/** One recordInfo request. */
	async getTask(taskId: string): Promise<KieTask> {
		const response = await kieRequest(this.ctx, this.account, 'recordInfo', {
			host: 'api',
			method: 'GET',
			path: '/api/v1/jobs/recordInfo',
			qs: { taskId },
			timeoutMs: POLL_TIMEOUT_MS,
			signal: this.signal,
		});
		return parseTaskRecord(unwrapEnvelope('recordInfo', response), 'recordInfo', taskId);
	}

	/**
	 * Polls until the task is final or `timeoutMs` has passed since it was created. Transient
	 * failures of a poll (5xx, resets, timeouts, unreadable answers, 455, 429) are retried; the task
	 * is declared failed only by Kie's `fail` state, and a timeout returns the last state seen.
	 */
	async waitForTask(taskId: string, options: WaitOptions, known?: KieTask): Promise<WaitResult> {
		const startedAt = this.clock.now();
		const sentAt = this.createSentAt.get(taskId);
		this.createSentAt.delete(taskId);
		const createdAt = Math.min(
			Math.max(options.createdAt ?? sentAt ?? startedAt, sentAt ?? -Infinity),
			startedAt,
		);
		const deadline = startedAt + options.timeoutMs;
		const fixedInterval =
			options.pollIntervalMs && options.pollIntervalMs > 0 ? options.pollIntervalMs : undefined;
		let kind = options.kind ?? known?.model ?? '';
		let last: KieTask = known ?? waitingTask(taskId);
		let polls = 0;
		let consecutiveFailures = 0;

		// The create counts as the first look. Each poll is planned from the previous one, so a
		// re-plan (when another task of the kind finishes) never pushes a due poll further away.
		let lastPollAt = createdAt;
		// This task's place among those of its kind polling while nothing is known.
		const phase = options.pollPhase ?? evenlySpread();

		while (!FINAL_STATES.includes(last.state)) {
			const now = this.clock.now();
			if (now >= deadline) return { task: last, timedOut: true, polls };
			let delay =
				consecutiveFailures > 0
					? backoff(consecutiveFailures - 1)
					: lastPollAt +
						nextPollDelay(
							{
								elapsedMs: lastPollAt - createdAt,
								samples: this.generationTimes.get(kind),
								companions: kind ? this.generationTimes.watcherCount(kind) : 0,
								phase,
								fixedIntervalMs: fixedInterval,
							},
							this.pollPlan,
						) -
						now;
			delay = Math.max(0, Math.min(delay, deadline - now));
			// While sleeping, another task of the same kind may finish and teach a better plan.
			const relearn =
				fixedInterval || consecutiveFailures > 0 || !kind
					? undefined
					: this.generationTimes.watch(kind);
			// A sleep cut short by a re-plan is aborted, so it does not stay listening on the signal.
			const endSleep = new AbortController();
			let replan: boolean;
			try {
				replan = await sleepOrWake(
					this.clock,
					delay,
					relearn?.changed ?? new Promise<void>(() => undefined),
					this.signal ? AbortSignal.any([this.signal, endSleep.signal]) : endSleep.signal,
				);
			} finally {
				relearn?.cancel();
				endSleep.abort();
			}
			if (replan) continue;
			lastPollAt = this.clock.now();
			polls++;
			const outcome = await settle(async () => await this.getTask(taskId));
			if (outcome.ok) {
				last = outcome.value;
				consecutiveFailures = 0;
				if (!kind && last.model) {
					const input = (last.param?.input ?? {}) as IDataObject;
					kind = generationKind(last.model, input);
				}
				continue;
			}
			// Right after a create, Kie may not know the task yet for a moment.
			const justCreatedAndNotYetVisible =
				outcome.error instanceof KieRequestError &&
				(outcome.error.code === 404 || outcome.error.code === 422) &&
				known === undefined &&
				this.clock.now() - createdAt < 30_000;
			if (!isTransientReadError(outcome.error) && !justCreatedAndNotYetVisible) throw outcome.error;
			consecutiveFailures++;
		}
		this.learnFrom(kind, last, createdAt);
		return { task: last, timedOut: false, polls };
	}

	private learnFrom(kind: string, task: KieTask, createdAt: number): void {
		if (task.state !== 'success' || !kind) return;
		const duration =
			task.createTime !== null && task.completeTime !== null
				? task.completeTime - task.createTime
				: (task.costTime ?? this.clock.now() - createdAt);
		this.generationTimes.record(kind, duration);
	}

	/** A read retried on transient failures (fewer times when Kie cannot be reached at all). */
	private async read<T>(operation: () => Promise<T>): Promise<T> {
		for (let attempt = 0; ; attempt++) {
			const outcome = await settle(operation);
			if (outcome.ok) return outcome.value;
			const error = outcome.error;
			const attempts =
				error instanceof KieRequestError && error.info.delivery === 'not-sent'
					? UNREACHABLE_ATTEMPTS
					: READ_ATTEMPTS;
			if (!isTransientReadError(error) || attempt >= attempts - 1) throw error;
			await this.clock.sleep(backoff(attempt), this.signal);
		}
	}

	async getCredits(): Promise<number> {
		return await this.read(async () => {
			const response = await kieRequest(this.ctx, this.account, 'credit', {
				host: 'api',
				method: 'GET',
				path: '/api/v1/chat/credit',
				timeoutMs: REQUEST_TIMEOUT_MS,
				signal: this.signal,
			});
			return parseCredits(unwrapEnvelope('credit', response));
		});
	}

	async getDownloadUrl(url: string): Promise<string> {
		return await this.read(async () => {
			const response = await kieRequest(this.ctx, this.account, 'downloadUrl', {
				host: 'api',
				method: 'POST',
				path: '/api/v1/common/download-url',
				body: { url },
				timeoutMs: REQUEST_TIMEOUT_MS,
				signal: this.signal,
			});
			return parseDownloadUrl(unwrapEnvelope('downloadUrl', response));
		});
	}

	/** Kie's multipart stream upload (an upload is free and idempotent by name, so it is retried). */
	async uploadFile(
		file: { data: Buffer; fileName: string; mimeType: string },
		uploadPath: string,
	): Promise<UploadedFile> {
		const boundary = `----n8nKieUpload${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
		const field = (name: string, value: string) =>
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
			);
		const safeName = file.fileName.replace(/["\r\n]/g, '_');
		const body = Buffer.concat([
			field('uploadPath', uploadPath),
			field('fileName', safeName),
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
			),
			file.data,
			Buffer.from(`\r\n--${boundary}--\r\n`),
		]);
		return await this.read(async () => {
			const response = await kieRequest(this.ctx, this.account, 'streamUpload', {
				host: 'upload',
				method: 'POST',
				path: '/api/file-stream-upload',
				body,
				contentType: `multipart/form-data; boundary=${boundary}`,
				timeoutMs: 120_000,
				signal: this.signal,
			});
			return parseUploadResult('streamUpload', unwrapEnvelope('streamUpload', response));
		});
	}

	async uploadBase64(
		base64Data: string,
		uploadPath: string,
		fileName?: string,
	): Promise<UploadedFile> {
		const body: IDataObject = { base64Data, uploadPath };
		if (fileName) body.fileName = fileName;
		return await this.read(async () => {
			const response = await kieRequest(this.ctx, this.account, 'base64Upload', {
				host: 'upload',
				method: 'POST',
				path: '/api/file-base64-upload',
				body,
				timeoutMs: 120_000,
				signal: this.signal,
			});
			return parseUploadResult('base64Upload', unwrapEnvelope('base64Upload', response));
		});
	}

	async uploadFromUrl(
		fileUrl: string,
		uploadPath: string,
		fileName?: string,
	): Promise<UploadedFile> {
		const body: IDataObject = { fileUrl, uploadPath };
		if (fileName) body.fileName = fileName;
		return await this.read(async () => {
			const response = await kieRequest(this.ctx, this.account, 'urlUpload', {
				host: 'upload',
				method: 'POST',
				path: '/api/file-url-upload',
				body,
				timeoutMs: 120_000,
				signal: this.signal,
			});
			return parseUploadResult('urlUpload', unwrapEnvelope('urlUpload', response));
		});
	}

	/** A result file, retried on network failures and 5xx/429 answers (4xx is final). */
	async download(url: string): Promise<DownloadedFile> {
		return await this.read(
			async () => await downloadFile(this.ctx, url, REQUEST_TIMEOUT_MS, this.signal),
		);
	}
}
