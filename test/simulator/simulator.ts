import { createHash, createHmac, randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';

import {
	type CreateRequest,
	creditsFor,
	resultCountFor,
	resultExtensionFor,
	validateCreateRequest,
} from './create-validation';
import { extensionFromMime, makePng, mimeFromFileName, sniffMime, TINY_JPEG } from './images';
import { boundaryOf, type MultipartPart, MultipartError, parseMultipart } from './multipart';
import { SimulatorRecordImpl } from './record';
import type {
	Endpoint,
	FaultKind,
	FaultSpec,
	KieSimulatorApi,
	RecordedRequest,
	SimulatedTask,
	SimulatorOptions,
	TaskState,
} from './types';

export interface ListenOptions {
	/** Port of baseUrl (API + result files). Default 0: an ephemeral port. */
	port?: number;
	/** Port of uploadBaseUrl (uploads + uploaded files). Default 0: an ephemeral port. */
	uploadPort?: number;
}

type ResolvedOptions = Required<Omit<SimulatorOptions, 'webhookHmacKey'>> &
	Pick<SimulatorOptions, 'webhookHmacKey'>;

type Host = 'api' | 'upload';

interface Answer {
	status: number;
	contentType: string;
	body: Buffer;
	/** `code` of a JSON body, recorded as bodyCode. */
	code?: number;
}

interface FileBody {
	bytes: Buffer;
	mimeType: string;
}

interface RequestContext {
	host: Host;
	endpoint: Endpoint | 'unknown';
	req: IncomingMessage;
	url: URL;
	raw: Buffer;
	/** Parsed JSON body (undefined when the body is empty or not JSON; see jsonInvalid). */
	json: unknown;
	jsonInvalid: boolean;
	parts?: MultipartPart[];
	record: RecordedRequest;
	fault?: FaultSpec;
}

interface ActiveFault {
	spec: FaultSpec;
	remaining?: number;
}

interface TaskMeta {
	cost: number;
	param: string;
	finalizeTimer?: NodeJS.Timeout;
}

interface PendingSleep {
	timer: NodeJS.Timeout;
	resolve: () => void;
}

const DEFAULT_OPTIONS: ResolvedOptions = {
	apiKeys: ['sim-key'],
	generationMs: 300,
	createLimit: { max: 20, windowMs: 10_000 },
	callbackTaskIdField: 'taskId',
	callbackRetryDelaysMs: [1_000, 2_000, 4_000],
	credits: 100_000,
	seed: 1,
};

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const DEFAULT_SLOW_MS = 1_000;
const OUTBOUND_TIMEOUT_MS = 10_000;
/** Kie waits this long for the receiver's answer before it counts the callback as failed. */
const CALLBACK_TIMEOUT_MS = 15_000;

const API_UNAUTHORIZED = { code: 401, msg: 'You do not have access permissions' };
const UPLOAD_UNAUTHORIZED = {
	success: false,
	code: 401,
	msg: 'Authentication failed: Invalid API Key',
};

const BODY_FAULTS: Partial<Record<FaultKind, { code: number; msg: string }>> = {
	body455: { code: 455, msg: 'Service Unavailable - System is currently undergoing maintenance' },
	body500: {
		code: 500,
		msg: 'Server Error - An unexpected error occurred while processing the request',
	},
	body429: { code: 429, msg: 'Rate limit exceeded' },
};

const HTTP_FAULTS: Partial<Record<FaultKind, { status: number; msg: string }>> = {
	http500: { status: 500, msg: 'Internal Server Error' },
	http502: { status: 502, msg: 'Bad Gateway' },
	http503: { status: 503, msg: 'Service Unavailable' },
	http504: { status: 504, msg: 'Gateway Timeout' },
};

function jsonAnswer(status: number, payload: Record<string, unknown>): Answer {
	return {
		status,
		contentType: 'application/json',
		body: Buffer.from(JSON.stringify(payload)),
		code: typeof payload.code === 'number' ? payload.code : undefined,
	};
}

function resolveEndpoint(host: Host, method: string, pathname: string): Endpoint | 'unknown' {
	if ((method === 'GET' || method === 'HEAD') && pathname.startsWith('/files/')) return 'file';
	if (host === 'api') {
		if (method === 'POST' && pathname === '/api/v1/jobs/createTask') return 'createTask';
		if (method === 'GET' && pathname === '/api/v1/jobs/recordInfo') return 'recordInfo';
		if (method === 'GET' && pathname === '/api/v1/chat/credit') return 'credit';
		if (method === 'POST' && pathname === '/api/v1/common/download-url') return 'downloadUrl';
	} else if (method === 'POST') {
		if (pathname === '/api/file-stream-upload') return 'streamUpload';
		if (pathname === '/api/file-base64-upload') return 'base64Upload';
		if (pathname === '/api/file-url-upload') return 'urlUpload';
	}
	return 'unknown';
}

class BodyTooLargeError extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				req.removeAllListeners('data');
				req.resume();
				reject(new BodyTooLargeError());
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
		req.on('close', () => {
			if (!req.complete) reject(new Error('request aborted'));
		});
	});
}

/** Deterministic RNG (mulberry32) for `probability` faults. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function bearerKey(req: IncomingMessage): string | undefined {
	const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
	return match ? match[1].trim() : undefined;
}

function isLoopbackHost(hostname: string): boolean {
	return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

function mimeWithoutParameters(value: string | string[] | undefined): string | undefined {
	const first = Array.isArray(value) ? value[0] : value;
	const mime = first?.split(';')[0].trim().toLowerCase();
	return mime && mime !== 'application/octet-stream' ? mime : undefined;
}

function encodePath(path: string): string {
	return path.split('/').map(encodeURIComponent).join('/');
}

export class KieSimulator implements KieSimulatorApi {
	readonly record: SimulatorRecordImpl;
	private options: ResolvedOptions;
	private faults: ActiveFault[] = [];
	private random: () => number;
	private balances = new Map<string, number>();
	private taskMeta = new Map<string, TaskMeta>();
	private uploads = new Map<string, FileBody>();
	/** Temporary download-url tokens → the file they stand for (host + path). */
	private downloadTokens = new Map<string, { host: Host; pathname: string }>();
	private sleeps = new Set<PendingSleep>();
	private callbackAborts = new Set<AbortController>();
	/** Bumped by reset(): work started before a reset does not write into the new record. */
	private epoch = 0;
	private stopped = false;
	private readonly agent = new Agent({ keepAliveTimeout: 1_000, keepAliveMaxTimeout: 1_000 });

	private constructor(
		private readonly startOptions: ResolvedOptions,
		private readonly apiServer: http.Server,
		private readonly uploadServer: http.Server,
		readonly baseUrl: string,
		readonly uploadBaseUrl: string,
	) {
		this.options = { ...startOptions };
		this.random = seededRandom(startOptions.seed);
		this.record = new SimulatorRecordImpl(() => this.options.createLimit.windowMs);
		apiServer.on('request', (req, res) => void this.handle('api', req, res));
		uploadServer.on('request', (req, res) => void this.handle('upload', req, res));
	}

	static async start(
		options: SimulatorOptions = {},
		listen: ListenOptions = {},
	): Promise<KieSimulator> {
		const resolved: ResolvedOptions = {
			...DEFAULT_OPTIONS,
			...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
		};
		const apiServer = http.createServer();
		const uploadServer = http.createServer();
		const listenOn = (server: http.Server, port: number) =>
			new Promise<number>((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, '127.0.0.1', () => {
					server.off('error', reject);
					resolve((server.address() as AddressInfo).port);
				});
			});
		try {
			const apiPort = await listenOn(apiServer, listen.port ?? 0);
			const uploadPort = await listenOn(uploadServer, listen.uploadPort ?? 0);
			return new KieSimulator(
				resolved,
				apiServer,
				uploadServer,
				`http://127.0.0.1:${apiPort}`,
				`http://127.0.0.1:${uploadPort}`,
			);
		} catch (error) {
			apiServer.close();
			uploadServer.close();
			throw error;
		}
	}

	configure(options: Partial<SimulatorOptions>): void {
		for (const [key, value] of Object.entries(options)) {
			if (value !== undefined) (this.options as unknown as Record<string, unknown>)[key] = value;
		}
		if (options.seed !== undefined) this.random = seededRandom(options.seed);
		if (options.credits !== undefined) {
			for (const key of this.balances.keys()) this.balances.set(key, options.credits);
		}
	}

	injectFault(fault: FaultSpec): void {
		if (fault.times !== undefined && fault.times <= 0) return;
		this.faults.push({ spec: { ...fault }, remaining: fault.times });
	}

	clearFaults(): void {
		this.faults = [];
	}

	reset(): void {
		this.epoch++;
		this.cancelBackgroundWork(true);
		this.options = { ...this.startOptions };
		this.random = seededRandom(this.startOptions.seed);
		this.faults = [];
		this.balances.clear();
		this.taskMeta.clear();
		this.uploads.clear();
		this.downloadTokens.clear();
		this.record.clear();
	}

	async stop(): Promise<void> {
		if (this.stopped) return;
		this.stopped = true;
		this.epoch++;
		this.cancelBackgroundWork(false);
		const close = (server: http.Server) =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		await Promise.all([close(this.apiServer), close(this.uploadServer)]);
		await this.agent.destroy();
	}

	/** Clears finalize timers, aborts callbacks in flight; `slow` answers go out now (reset) or never (stop). */
	private cancelBackgroundWork(answerSlowRequests: boolean): void {
		for (const meta of this.taskMeta.values()) clearTimeout(meta.finalizeTimer);
		for (const controller of this.callbackAborts) controller.abort();
		this.callbackAborts.clear();
		for (const sleep of this.sleeps) {
			clearTimeout(sleep.timer);
			if (answerSlowRequests) sleep.resolve();
		}
		this.sleeps.clear();
	}

	private sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const sleep: PendingSleep = {
				timer: setTimeout(() => {
					this.sleeps.delete(sleep);
					resolve();
				}, ms),
				resolve,
			};
			this.sleeps.add(sleep);
		});
	}

	// ---- request pipeline -------------------------------------------------------------------

	private async handle(host: Host, req: IncomingMessage, res: ServerResponse): Promise<void> {
		const arrivedAt = Date.now();
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const method = req.method ?? 'GET';
		const endpoint = resolveEndpoint(host, method, url.pathname);
		const record: RecordedRequest = {
			endpoint,
			method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: { ...req.headers },
			body: undefined,
			arrivedAt,
			status: 0,
		};
		this.record.requests.push(record);
		const fault = endpoint === 'unknown' ? undefined : this.takeFault(endpoint);
		if (fault) record.fault = fault.kind;

		let raw: Buffer;
		try {
			raw = await readBody(req);
		} catch (error) {
			if (error instanceof BodyTooLargeError) {
				res.setHeader('connection', 'close');
				this.send(
					res,
					record,
					jsonAnswer(413, { success: false, code: 413, msg: 'File too large' }),
				);
			} else {
				req.socket.destroy();
			}
			return;
		}

		const context = this.parseBody({ host, endpoint, req, url, raw, record, fault });

		if (fault?.kind === 'reset') {
			req.socket.destroy();
			return;
		}
		const faultAnswer = fault ? this.faultAnswer(fault.kind, host) : undefined;
		if (faultAnswer) {
			this.send(res, record, faultAnswer);
			return;
		}

		let answer: Answer;
		try {
			answer = await this.route(context);
		} catch (error) {
			answer = jsonAnswer(500, { code: 500, msg: `Simulator error: ${(error as Error).message}` });
		}

		if (fault?.kind === 'createdThenReset') {
			req.socket.destroy();
			return;
		}
		if (fault?.kind === 'createdThen500')
			answer = jsonAnswer(500, { code: 500, msg: 'Internal Server Error' });
		if (fault?.kind === 'slow') await this.sleep(fault.delayMs ?? DEFAULT_SLOW_MS);
		this.send(res, record, answer);
	}

	private parseBody(context: Omit<RequestContext, 'json' | 'jsonInvalid'>): RequestContext {
		const { req, raw, record } = context;
		const parsed: RequestContext = { ...context, json: undefined, jsonInvalid: false };
		if (raw.length === 0) return parsed;
		const boundary = boundaryOf(req.headers['content-type']);
		if (boundary) {
			try {
				const parts = parseMultipart(raw, boundary);
				parsed.parts = parts;
				record.body = {
					fields: Object.fromEntries(
						parts
							.filter((part) => part.fileName === undefined)
							.map((part) => [part.name, part.data.toString('utf8')]),
					),
					files: parts
						.filter((part) => part.fileName !== undefined)
						.map((part) => ({
							field: part.name,
							fileName: part.fileName,
							mimeType: part.contentType,
							size: part.data.length,
							sha256: createHash('sha256').update(part.data).digest('hex'),
						})),
				};
			} catch (error) {
				if (!(error instanceof MultipartError)) throw error;
				record.body = raw.toString('utf8');
			}
			return parsed;
		}
		const text = raw.toString('utf8');
		try {
			parsed.json = JSON.parse(text);
			record.body = parsed.json;
		} catch {
			parsed.jsonInvalid = true;
			record.body = text;
		}
		return parsed;
	}

	private takeFault(endpoint: Endpoint): FaultSpec | undefined {
		for (const active of this.faults) {
			if (active.spec.endpoint !== endpoint) continue;
			if (active.spec.probability !== undefined && this.random() >= active.spec.probability)
				continue;
			if (active.remaining !== undefined) {
				active.remaining--;
				if (active.remaining <= 0) this.faults = this.faults.filter((other) => other !== active);
			}
			return active.spec;
		}
		return undefined;
	}

	/** Answers for faults that replace the request's processing entirely. */
	private faultAnswer(kind: FaultKind, host: Host): Answer | undefined {
		const httpFault = HTTP_FAULTS[kind];
		if (httpFault)
			return jsonAnswer(httpFault.status, { code: httpFault.status, msg: httpFault.msg });
		const bodyFault = BODY_FAULTS[kind];
		if (bodyFault) {
			const msg =
				kind === 'body429'
					? `Rate limit exceeded: ${this.options.createLimit.max} requests per ${this.options.createLimit.windowMs / 1000} seconds`
					: bodyFault.msg;
			return jsonAnswer(
				200,
				host === 'upload'
					? { success: false, code: bodyFault.code, msg }
					: { code: bodyFault.code, msg, data: null },
			);
		}
		if (kind === 'malformedJson') {
			return {
				status: 200,
				contentType: 'application/json',
				body: Buffer.from('{"code":200,"msg":"success","data":{"taskId":"'),
			};
		}
		return undefined;
	}

	private send(res: ServerResponse, record: RecordedRequest, answer: Answer): void {
		record.status = answer.status;
		if (answer.code !== undefined) record.bodyCode = answer.code;
		if (res.destroyed || res.writableEnded) return;
		res.writeHead(answer.status, {
			'content-type': answer.contentType,
			'content-length': answer.body.length,
		});
		res.end(record.method === 'HEAD' ? undefined : answer.body);
	}

	private route(context: RequestContext): Promise<Answer> | Answer {
		switch (context.endpoint) {
			case 'createTask':
				return this.createTask(context);
			case 'recordInfo':
				return this.recordInfo(context);
			case 'credit':
				return this.credit(context);
			case 'downloadUrl':
				return this.downloadUrl(context);
			case 'streamUpload':
				return this.streamUpload(context);
			case 'base64Upload':
				return this.base64Upload(context);
			case 'urlUpload':
				return this.urlUpload(context);
			case 'file':
				return this.serveFile(context);
			default:
				return jsonAnswer(404, { code: 404, msg: 'Not Found' });
		}
	}

	private authorizedKey(context: RequestContext): string | undefined {
		const key = bearerKey(context.req);
		return key !== undefined && this.options.apiKeys.includes(key) ? key : undefined;
	}

	private balance(apiKey: string): number {
		return this.balances.get(apiKey) ?? this.options.credits;
	}

	// ---- jobs API ---------------------------------------------------------------------------

	private createTask(context: RequestContext): Answer {
		const apiKey = this.authorizedKey(context);
		if (!apiKey) return jsonAnswer(200, API_UNAUTHORIZED);
		const { max, windowMs } = this.options.createLimit;
		if (!this.record.createFits(apiKey, context.record.arrivedAt, max, windowMs)) {
			return jsonAnswer(429, {
				code: 429,
				msg: `Rate limit exceeded: ${max} requests per ${windowMs / 1000} seconds`,
			});
		}
		if (context.jsonInvalid) {
			return jsonAnswer(200, { code: 422, msg: 'Request body must be valid JSON', data: null });
		}
		const validation = validateCreateRequest(context.json);
		if (!validation.ok) return jsonAnswer(200, { code: 422, msg: validation.msg, data: null });
		const cost = creditsFor(validation.request);
		if (this.balance(apiKey) < cost) {
			return jsonAnswer(200, { code: 402, msg: 'Credits insufficient', data: null });
		}
		const task = this.createTaskRecord(apiKey, validation.request, cost, context);
		return jsonAnswer(200, { code: 200, msg: 'success', data: { taskId: task.taskId } });
	}

	private createTaskRecord(
		apiKey: string,
		request: CreateRequest,
		cost: number,
		context: RequestContext,
	): SimulatedTask {
		const taskId = randomBytes(16).toString('hex');
		const createdAt = Date.now();
		const { generationMs } = this.options;
		const duration = Math.max(
			0,
			Math.round(
				typeof generationMs === 'function'
					? generationMs({ model: request.model, input: request.input })
					: generationMs,
			),
		);
		const prompt = typeof request.input.prompt === 'string' ? request.input.prompt : '';
		const fails = prompt.includes('[fail]') || context.fault?.kind === 'taskFail';
		const extension = resultExtensionFor(request.input);
		const resultUrls = fails
			? []
			: Array.from(
					{ length: resultCountFor(request.input) },
					(_, index) => `${this.baseUrl}/files/results/${taskId}_${index}.${extension}`,
				);
		const task: SimulatedTask = {
			taskId,
			apiKey,
			model: request.model,
			input: request.input,
			createdAt,
			finishAt: createdAt + duration,
			finalState: fails ? 'fail' : 'success',
			resultUrls,
			polls: 0,
			pollTimes: [],
		};
		if (request.callBackUrl !== undefined) task.callBackUrl = request.callBackUrl;
		// param keeps Kie's key order: model, callBackUrl, input.
		const param = JSON.stringify({
			model: request.model,
			...(request.callBackUrl !== undefined ? { callBackUrl: request.callBackUrl } : {}),
			input: request.input,
		});
		const meta: TaskMeta = { cost, param };
		this.record.tasks.set(taskId, task);
		this.taskMeta.set(taskId, meta);
		this.record.addAcceptedCreate(apiKey, context.record.arrivedAt);
		this.balances.set(apiKey, this.balance(apiKey) - cost);
		meta.finalizeTimer = setTimeout(() => this.finalize(task), duration);
		meta.finalizeTimer.unref();
		return task;
	}

	private stateOf(task: SimulatedTask, now: number): TaskState {
		if (now >= task.finishAt) return task.finalState;
		const elapsed = now - task.createdAt;
		const total = task.finishAt - task.createdAt;
		if (elapsed < total * 0.1) return 'waiting';
		if (elapsed < total * 0.2) return 'queuing';
		return 'generating';
	}

	/** Records the final state (completedAt), refunds a failed task and sends the callback; runs once. */
	private finalize(task: SimulatedTask): void {
		if (task.completedAt !== undefined || this.record.tasks.get(task.taskId) !== task) return;
		task.completedAt = task.finishAt;
		const meta = this.taskMeta.get(task.taskId);
		if (meta) clearTimeout(meta.finalizeTimer);
		if (task.finalState === 'fail' && meta) {
			this.balances.set(task.apiKey, this.balance(task.apiKey) + meta.cost);
		}
		if (task.callBackUrl) void this.sendCallback(task);
	}

	/** recordInfo's `data` for a task at time `now`. */
	private taskData(task: SimulatedTask, now: number): Record<string, unknown> {
		const state = this.stateOf(task, now);
		const meta = this.taskMeta.get(task.taskId);
		const total = task.finishAt - task.createdAt;
		const final = state === 'success' || state === 'fail';
		const updateTime =
			state === 'waiting'
				? task.createdAt
				: state === 'queuing'
					? task.createdAt + Math.round(total * 0.1)
					: state === 'generating'
						? task.createdAt + Math.round(total * 0.2)
						: task.finishAt;
		return {
			taskId: task.taskId,
			model: task.model,
			state,
			param: meta?.param ?? '',
			resultJson: state === 'success' ? JSON.stringify({ resultUrls: task.resultUrls }) : '',
			failCode: state === 'fail' ? '500' : '',
			failMsg: state === 'fail' ? 'Internal server error' : '',
			costTime: final ? total : null,
			completeTime: final ? task.finishAt : null,
			createTime: task.createdAt,
			updateTime,
			creditsConsumed: state === 'success' ? (meta?.cost ?? 0) : null,
		};
	}

	private recordInfo(context: RequestContext): Answer {
		const apiKey = this.authorizedKey(context);
		if (!apiKey) return jsonAnswer(200, API_UNAUTHORIZED);
		const taskId = context.url.searchParams.get('taskId');
		if (!taskId) return jsonAnswer(200, { code: 400, msg: 'taskId parameter is required' });
		const task = this.record.tasks.get(taskId);
		if (!task || task.apiKey !== apiKey) {
			return jsonAnswer(200, { code: 422, msg: 'recordInfo is null', data: null });
		}
		const now = Date.now();
		task.polls++;
		task.pollTimes.push(now);
		if (now >= task.finishAt) this.finalize(task);
		return jsonAnswer(200, { code: 200, msg: 'success', data: this.taskData(task, now) });
	}

	private credit(context: RequestContext): Answer {
		const apiKey = this.authorizedKey(context);
		if (!apiKey) return jsonAnswer(200, API_UNAUTHORIZED);
		return jsonAnswer(200, { code: 200, msg: 'success', data: this.balance(apiKey) });
	}

	private downloadUrl(context: RequestContext): Answer {
		const apiKey = this.authorizedKey(context);
		if (!apiKey) return jsonAnswer(200, API_UNAUTHORIZED);
		const fileUrl = (context.json as { url?: unknown } | undefined)?.url;
		if (typeof fileUrl !== 'string' || fileUrl === '') {
			return jsonAnswer(200, { code: 422, msg: 'url is required', data: null });
		}
		const own = this.ownFile(fileUrl);
		if (!own) {
			return jsonAnswer(200, {
				code: 422,
				msg: 'Invalid URL (External file URLs are not supported)',
				data: null,
			});
		}
		const token = randomBytes(12).toString('hex');
		this.downloadTokens.set(token, { host: own.host, pathname: own.pathname });
		const name = own.pathname.slice(own.pathname.lastIndexOf('/') + 1);
		return jsonAnswer(200, {
			code: 200,
			msg: 'success',
			data: `${this.baseUrl}/files/download/${token}/${name}`,
		});
	}

	/** The simulator's own file behind `fileUrl`, if it is one (result, upload or temporary URL). */
	private ownFile(fileUrl: string): { host: Host; pathname: string } | undefined {
		let url: URL;
		try {
			url = new URL(fileUrl);
		} catch {
			return undefined;
		}
		const host: Host | undefined =
			url.origin === this.baseUrl
				? 'api'
				: url.origin === this.uploadBaseUrl
					? 'upload'
					: undefined;
		if (!host || !this.lookupFile(host, url.pathname)) return undefined;
		return { host, pathname: url.pathname };
	}

	private lookupFile(host: Host, pathname: string): FileBody | undefined {
		let path: string;
		try {
			path = decodeURIComponent(pathname);
		} catch {
			return undefined;
		}
		if (host === 'upload') return this.uploads.get(path.replace(/^\/files\//, ''));

		const temporary = /^\/files\/download\/([0-9a-f]+)\/[^/]+$/.exec(path);
		if (temporary) {
			const target = this.downloadTokens.get(temporary[1]);
			return target ? this.lookupFile(target.host, target.pathname) : undefined;
		}
		const result = /^\/files\/results\/([0-9a-f]{32})_(\d+)\.(png|jpg)$/.exec(path);
		if (!result) return undefined;
		const [, taskId, index, extension] = result;
		const task = this.record.tasks.get(taskId);
		const fileUrl = `${this.baseUrl}${path}`;
		if (!task || !task.resultUrls.includes(fileUrl)) return undefined;
		if (this.stateOf(task, Date.now()) !== 'success') return undefined;
		return extension === 'jpg'
			? { bytes: TINY_JPEG, mimeType: 'image/jpeg' }
			: { bytes: makePng(`${taskId}_${index}`), mimeType: 'image/png' };
	}

	private serveFile(context: RequestContext): Answer {
		const file = this.lookupFile(context.host, context.url.pathname);
		if (!file) return jsonAnswer(404, { code: 404, msg: 'File not found' });
		return { status: 200, contentType: file.mimeType, body: file.bytes };
	}

	// ---- upload API -------------------------------------------------------------------------

	private uploadFailure(code: number, msg: string): Answer {
		return jsonAnswer(200, { success: false, code, msg });
	}

	private storeUpload(
		uploadPathValue: unknown,
		fileNameValue: unknown,
		bytes: Buffer,
		mimeType: string,
	): Answer {
		const uploadPath = String(uploadPathValue).replace(/^\/+|\/+$/g, '');
		if (uploadPath.split('/').some((segment) => segment === '..' || segment === '.')) {
			return this.uploadFailure(400, 'Invalid parameter: uploadPath');
		}
		const givenName =
			typeof fileNameValue === 'string'
				? fileNameValue.slice(fileNameValue.lastIndexOf('/') + 1).trim()
				: '';
		const fileName =
			givenName || `${randomBytes(8).toString('hex')}.${extensionFromMime(mimeType)}`;
		const filePath = uploadPath ? `${uploadPath}/${fileName}` : fileName;
		this.uploads.set(filePath, { bytes, mimeType });
		return jsonAnswer(200, {
			success: true,
			code: 200,
			msg: 'File uploaded successfully',
			data: {
				fileName,
				filePath,
				downloadUrl: `${this.uploadBaseUrl}/files/${encodePath(filePath)}`,
				fileSize: bytes.length,
				mimeType,
				uploadedAt: new Date().toISOString(),
			},
		});
	}

	private uploadPreamble(
		context: RequestContext,
		fields: Record<string, unknown>,
	): Answer | undefined {
		if (!this.authorizedKey(context)) return jsonAnswer(200, UPLOAD_UNAUTHORIZED);
		const uploadPath = fields.uploadPath;
		if (typeof uploadPath !== 'string' || uploadPath.replace(/\//g, '').trim() === '') {
			return this.uploadFailure(400, 'Missing required parameter: uploadPath');
		}
		return undefined;
	}

	private streamUpload(context: RequestContext): Answer {
		const parts = context.parts ?? [];
		const fields: Record<string, string> = {};
		for (const part of parts)
			if (part.fileName === undefined) fields[part.name] = part.data.toString('utf8');
		const refused = this.uploadPreamble(context, fields);
		if (refused) return refused;
		const file =
			parts.find((part) => part.name === 'file' && part.fileName !== undefined) ??
			parts.find((part) => part.name === 'file');
		if (!file) return this.uploadFailure(400, 'Missing required parameter: file');
		const mimeType =
			mimeWithoutParameters(file.contentType) ??
			mimeFromFileName(fields.fileName ?? '') ??
			mimeFromFileName(file.fileName ?? '') ??
			sniffMime(file.data) ??
			'application/octet-stream';
		return this.storeUpload(fields.uploadPath, fields.fileName, Buffer.from(file.data), mimeType);
	}

	private base64Upload(context: RequestContext): Answer {
		const body = (context.json ?? {}) as Record<string, unknown>;
		const refused = this.uploadPreamble(context, body);
		if (refused) return refused;
		if (typeof body.base64Data !== 'string' || body.base64Data === '') {
			return this.uploadFailure(400, 'Missing required parameter: base64Data');
		}
		let encoded = body.base64Data;
		let dataUrlMime: string | undefined;
		const dataUrl = /^data:([^;,]*)((?:;[^;,]*)*),/i.exec(encoded);
		if (dataUrl) {
			if (!/;base64/i.test(dataUrl[2])) {
				return this.uploadFailure(400, 'Base64 decoding failed: Invalid Base64 format');
			}
			dataUrlMime = dataUrl[1].trim().toLowerCase() || undefined;
			encoded = encoded.slice(dataUrl[0].length);
		}
		encoded = encoded.replace(/\s+/g, '');
		if (encoded === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 === 1) {
			return this.uploadFailure(400, 'Base64 decoding failed: Invalid Base64 format');
		}
		const bytes = Buffer.from(encoded, 'base64');
		const mimeType =
			(dataUrlMime !== 'application/octet-stream' ? dataUrlMime : undefined) ??
			mimeFromFileName(typeof body.fileName === 'string' ? body.fileName : '') ??
			sniffMime(bytes) ??
			'application/octet-stream';
		return this.storeUpload(body.uploadPath, body.fileName, bytes, mimeType);
	}

	private async urlUpload(context: RequestContext): Promise<Answer> {
		const body = (context.json ?? {}) as Record<string, unknown>;
		const refused = this.uploadPreamble(context, body);
		if (refused) return refused;
		if (typeof body.fileUrl !== 'string' || body.fileUrl === '') {
			return this.uploadFailure(400, 'Missing required parameter: fileUrl');
		}
		let url: URL;
		try {
			url = new URL(body.fileUrl);
		} catch {
			return this.uploadFailure(400, 'Invalid parameter: fileUrl must be an http or https URL');
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:') {
			return this.uploadFailure(400, 'Invalid parameter: fileUrl must be an http or https URL');
		}
		if (!isLoopbackHost(url.hostname)) {
			return this.uploadFailure(400, `File download failed: ${url.hostname} is not reachable`);
		}
		let bytes: Buffer;
		let contentType: string | string[] | undefined;
		try {
			const response = await request(url, {
				method: 'GET',
				dispatcher: this.agent,
				headersTimeout: OUTBOUND_TIMEOUT_MS,
				bodyTimeout: OUTBOUND_TIMEOUT_MS,
			});
			bytes = Buffer.from(await response.body.arrayBuffer());
			if (response.statusCode < 200 || response.statusCode >= 300) {
				return this.uploadFailure(400, `File download failed: HTTP ${response.statusCode}`);
			}
			contentType = response.headers['content-type'];
		} catch (error) {
			return this.uploadFailure(400, `File download failed: ${(error as Error).message}`);
		}
		const mimeType =
			mimeWithoutParameters(contentType) ??
			mimeFromFileName(typeof body.fileName === 'string' ? body.fileName : '') ??
			mimeFromFileName(url.pathname) ??
			sniffMime(bytes) ??
			'application/octet-stream';
		return this.storeUpload(body.uploadPath, body.fileName, bytes, mimeType);
	}

	// ---- callbacks --------------------------------------------------------------------------

	private callbackBody(task: SimulatedTask): Record<string, unknown> {
		const recordData = this.taskData(task, task.finishAt);
		const { taskId, ...rest } = recordData;
		const success = task.finalState === 'success';
		const idField = this.options.callbackTaskIdField;
		const data: Record<string, unknown> = {
			...(idField === 'taskId' || idField === 'both' ? { taskId } : {}),
			...(idField === 'task_id' || idField === 'both' ? { task_id: taskId } : {}),
			...rest,
			// Kie's callback reports costTime in seconds while recordInfo reports milliseconds.
			costTime: Math.round((task.finishAt - task.createdAt) / 1000),
			consumeCredits: success ? (this.taskMeta.get(task.taskId)?.cost ?? 0) : 0,
			remainedCredits: this.balance(task.apiKey),
		};
		return success
			? { code: 200, msg: 'Playground task completed successfully.', data }
			: { code: 501, msg: 'Playground task failed.', data };
	}

	/** Kie's documented delivery: an answer within 15 s, else up to 3 retries, then it gives up. */
	private async sendCallback(task: SimulatedTask): Promise<void> {
		const url = task.callBackUrl;
		if (!url) return;
		const epoch = this.epoch;
		const retryDelays = this.options.callbackRetryDelaysMs;
		for (let attempt = 1; attempt <= retryDelays.length + 1; attempt++) {
			if (attempt > 1) {
				await this.sleep(retryDelays[attempt - 2]);
				if (epoch !== this.epoch) return;
			}
			const delivered = await this.deliverCallback(task, url, attempt, epoch);
			if (delivered || epoch !== this.epoch) return;
		}
	}

	/** One POST of the callback, signed afresh; true when the receiver answered 2xx. */
	private async deliverCallback(
		task: SimulatedTask,
		url: string,
		attempt: number,
		epoch: number,
	): Promise<boolean> {
		const body = JSON.stringify(this.callbackBody(task));
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		const hmacKey = this.options.webhookHmacKey;
		if (hmacKey) {
			const timestamp = Math.floor(Date.now() / 1000);
			headers['x-webhook-timestamp'] = String(timestamp);
			headers['x-webhook-signature'] = createHmac('sha256', hmacKey)
				.update(`${task.taskId}.${timestamp}`)
				.digest('base64');
		}
		const controller = new AbortController();
		this.callbackAborts.add(controller);
		const sentAt = Date.now();
		try {
			const response = await request(url, {
				method: 'POST',
				headers,
				body,
				dispatcher: this.agent,
				signal: controller.signal,
				headersTimeout: CALLBACK_TIMEOUT_MS,
				bodyTimeout: CALLBACK_TIMEOUT_MS,
			});
			await response.body.dump();
			if (epoch === this.epoch) {
				this.record.callbacks.push({
					taskId: task.taskId,
					url,
					sentAt,
					attempt,
					status: response.statusCode,
				});
			}
			return response.statusCode >= 200 && response.statusCode < 300;
		} catch (error) {
			if (epoch === this.epoch) {
				this.record.callbacks.push({
					taskId: task.taskId,
					url,
					sentAt,
					attempt,
					status: 0,
					error: (error as Error).message,
				});
			}
			return false;
		} finally {
			this.callbackAborts.delete(controller);
		}
	}
}

export function startSimulator(
	options?: SimulatorOptions,
	listen?: ListenOptions,
): Promise<KieSimulator> {
	return KieSimulator.start(options, listen);
}
