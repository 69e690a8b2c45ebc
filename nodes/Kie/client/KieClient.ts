/**
 * A small typed client over Kie's APIs: createTask, getTask, waitForTask, uploads, credits,
 * downloads. Every request goes through the request policy (requestPolicy.ts) and the endpoint
 * table; waits go through the poll loop (waitForTask.ts); time is injectable.
 */
import type { IDataObject } from 'n8n-workflow';

import { parseCredits, parseUploadResult, taskItem } from './answers';
import { systemClock, type Clock } from './clock';
import type { EndpointName } from './endpoints';
import type { KieAccount, KieContext, RequestParts, ResultFileStream } from './http';
import { multipartUpload, type UploadSource } from './multipart';
import { DEFAULT_POLL_PLAN, type PollPlanOptions } from './pollSchedule';
import { openDownload, send, sendCreate, type Transport } from './requestPolicy';
import type {
	CreatedTask,
	CreateTaskRequest,
	KieApi,
	KieTask,
	UploadedFile,
	WaitOptions,
	WaitResult,
} from './types';
import {
	learnedGenerationTimes,
	pollUntilFinal,
	readTask,
	taskKind,
	type GenerationTimes,
} from './waitForTask';

/** The 1080P version of a Veo video: how its wait is learned, and the prior (Kie: ~1–3 min). */
const VEO_HD_KIND = 'veo|1080p';
const VEO_HD_EXPECTED_MS = 120_000;

/** What the client remembers about a task it created, for waiting on it. */
interface OwnTask {
	sentAt: number;
	kind: string;
	expectedMs?: number;
}

/** The task item before Kie has been asked about it: it exists, in state `waiting`. */
function createdTaskItem(taskId: string, request: CreateTaskRequest): KieTask {
	const { body } = request;
	const param: IDataObject =
		request.api === 'market' ? { model: body.model, input: body.input } : { ...body };
	if (request.api === 'market' && body.callBackUrl) param.callBackUrl = body.callBackUrl;
	return taskItem({
		taskId,
		api: request.api,
		model: request.model,
		param,
	});
}

export class KieClient {
	private readonly ownTasks = new Map<string, OwnTask>();

	constructor(
		private readonly ctx: KieContext,
		readonly account: KieAccount,
		private readonly signal?: AbortSignal,
		private readonly clock: Clock = systemClock,
		private readonly generationTimes: GenerationTimes = learnedGenerationTimes,
		private readonly pollPlan: PollPlanOptions = DEFAULT_POLL_PLAN,
	) {}

	private get transport(): Transport {
		return { ctx: this.ctx, account: this.account, clock: this.clock, signal: this.signal };
	}

	/** One request to a row of the endpoint table, unwrapped, under the request policy. */
	async request(name: EndpointName, parts: Omit<RequestParts, 'signal'> = {}): Promise<unknown> {
		return await send(this.transport, name, parts);
	}

	/** The clock time `ms` from now: an item's deadline for createTask. */
	deadlineIn(ms: number): number {
		return this.clock.now() + ms;
	}

	/**
	 * Creates a task under the request policy's create rules: sent again only where Kie cannot have
	 * made it (a 429 until `deadline`, clock time, when given); a failure that may have started it
	 * throws AmbiguousCreateError.
	 */
	async createTask(request: CreateTaskRequest, deadline?: number): Promise<CreatedTask> {
		const { taskId, sentAt } = await sendCreate(
			this.transport,
			request.endpoint,
			request.body,
			request.model,
			deadline,
		);
		const kind = request.kind ?? taskKind({ model: request.model, param: request.body });
		this.ownTasks.set(taskId, { sentAt, kind, expectedMs: request.expectedMs });
		return {
			taskId,
			api: request.api,
			model: request.model,
			task: createdTaskItem(taskId, request),
		};
	}

	/** The task as the API that made it knows it now (a status request, asked again if need be). */
	async getTask(taskId: string, api: KieApi): Promise<KieTask> {
		return await readTask(this.transport, taskId, api);
	}

	/** Polls until the task is final or `timeoutMs` has passed (see pollUntilFinal). */
	async waitForTask(task: CreatedTask | KieTask, options: WaitOptions): Promise<WaitResult> {
		const item = 'task' in task ? task.task : task;
		const own = this.ownTasks.get(item.taskId);
		this.ownTasks.delete(item.taskId);
		return await pollUntilFinal(
			{
				transport: this.transport,
				generationTimes: this.generationTimes,
				pollPlan: this.pollPlan,
			},
			{
				task: item,
				seen: own === undefined,
				createdAt: own?.sentAt ?? item.createTime ?? this.clock.now(),
				kind: own?.kind ?? (item.model ? taskKind(item) : ''),
				expectedMs: own?.expectedMs,
			},
			options,
		);
	}

	/**
	 * Waits for Veo's 1080P version of video `index` of a finished Veo task, polled like a task
	 * (Kie: "typically ~1–3 minutes"): the task with the file as its only result when ready.
	 */
	async waitForVeoHd(original: KieTask, index: number, options: WaitOptions): Promise<WaitResult> {
		return await pollUntilFinal(
			{
				transport: this.transport,
				generationTimes: this.generationTimes,
				pollPlan: this.pollPlan,
			},
			{
				task: { ...original, state: 'generating' },
				seen: true,
				createdAt: this.clock.now(),
				kind: VEO_HD_KIND,
				expectedMs: VEO_HD_EXPECTED_MS,
				veoHdIndex: index,
			},
			options,
		);
	}

	async getCredits(): Promise<number> {
		return parseCredits(await this.request('account.credits'));
	}

	/** Kie's multipart stream upload (an upload is free and idempotent by name, so it is retried). */
	async uploadFile(file: UploadSource, uploadPath: string): Promise<UploadedFile> {
		const { body, contentType } = await multipartUpload(file, uploadPath);
		return parseUploadResult(
			'upload.stream',
			await this.request('upload.stream', { body, contentType }),
		);
	}

	async uploadBase64(
		base64Data: string,
		uploadPath: string,
		fileName?: string,
	): Promise<UploadedFile> {
		const body: IDataObject = { base64Data, uploadPath };
		if (fileName) body.fileName = fileName;
		return parseUploadResult('upload.base64', await this.request('upload.base64', { body }));
	}

	async uploadFromUrl(
		fileUrl: string,
		uploadPath: string,
		fileName?: string,
	): Promise<UploadedFile> {
		const body: IDataObject = { fileUrl, uploadPath };
		if (fileName) body.fileName = fileName;
		return parseUploadResult('upload.url', await this.request('upload.url', { body }));
	}

	/**
	 * Opens a result file as a stream, opened again like a download (network failures, 5xx, 429; an SSRF
	 * refusal or another 4xx is final). `signal` stops it too (the caller's deadline, the
	 * trigger's cancellation), besides the execution's.
	 */
	async openResultFile(url: string, signal?: AbortSignal): Promise<ResultFileStream> {
		const signals = [this.signal, signal].filter((one): one is AbortSignal => one !== undefined);
		const stop = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
		return await openDownload(this.transport, url, stop);
	}
}
