/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
import { createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Faults } from './faults';
import {
	type Answer,
	BodyTooLargeError,
	type Host,
	jsonAnswer,
	readBody,
	type RequestContext,
} from './http';
import { boundaryOf, MultipartError, parseMultipart } from './multipart';
import type { SimulatorRecordImpl } from './record';
import { findRoute } from './routes';
import { DEFAULT_OPTIONS, type ResolvedOptions, seededRandom, SimulatorState } from './state';
import {
	CREATE_ENDPOINTS,
	STATUS_ENDPOINTS,
	type Endpoint,
	type FaultSpec,
	type KieSimulatorApi,
	type RecordedRequest,
	type SimulatorOptions,
} from './types';

export interface ListenOptions {
	/** Port of baseUrl (API + result files). Default 0: an ephemeral port. */
	port?: number;
	/** Port of uploadBaseUrl (uploads + uploaded files). Default 0: an ephemeral port. */
	uploadPort?: number;
}

const DEFAULT_SLOW_MS = 1_000;
const DEFAULT_DRIP_MS = 500;

let zeroBytes = Buffer.alloc(0);
/** `length` zero bytes, from one shared buffer (large result files cost the simulator nothing). */
function zeros(length: number): Buffer {
	if (zeroBytes.length < length) zeroBytes = Buffer.alloc(length);
	return zeroBytes.subarray(0, length);
}

/**
 * The two HTTP servers (API host, upload host), the request pipeline (record, faults, routing)
 * and the lifecycle. What each endpoint answers lives in the modules listed in routes.ts.
 */
export class KieSimulator implements KieSimulatorApi {
	readonly record: SimulatorRecordImpl;
	private readonly state: SimulatorState;
	private readonly faults: Faults;
	private stopped = false;

	private constructor(
		startOptions: ResolvedOptions,
		private readonly apiServer: http.Server,
		private readonly uploadServer: http.Server,
		readonly baseUrl: string,
		readonly uploadBaseUrl: string,
	) {
		this.state = new SimulatorState(startOptions, baseUrl, uploadBaseUrl);
		this.record = this.state.record;
		this.faults = new Faults(this.state);
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
		const state = this.state;
		for (const [key, value] of Object.entries(options)) {
			if (value !== undefined) (state.options as unknown as Record<string, unknown>)[key] = value;
		}
		if (options.seed !== undefined) state.random = seededRandom(options.seed);
		if (options.credits !== undefined) {
			for (const key of state.balances.keys()) state.balances.set(key, options.credits);
		}
	}

	injectFault(fault: FaultSpec): void {
		this.faults.inject(fault);
	}

	clearFaults(): void {
		this.faults.clear();
	}

	reset(): void {
		this.state.epoch++;
		this.state.cancelBackgroundWork(true);
		this.faults.clear();
		this.state.clear();
	}

	async stop(): Promise<void> {
		if (this.stopped) return;
		this.stopped = true;
		this.state.epoch++;
		this.state.cancelBackgroundWork(false);
		const close = (server: http.Server) =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		await Promise.all([close(this.apiServer), close(this.uploadServer)]);
		await this.state.agent.destroy();
	}

	private async handle(host: Host, req: IncomingMessage, res: ServerResponse): Promise<void> {
		const arrivedAt = Date.now();
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const method = req.method ?? 'GET';
		const route = findRoute(host, method, url.pathname);
		const endpoint: Endpoint | 'unknown' = route?.endpoint ?? 'unknown';
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
		const fault = route ? this.faults.take(route.endpoint) : undefined;
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

		const context = parseBody({ host, endpoint, req, url, raw, record, fault });

		if (fault?.kind === 'reset') {
			req.socket.destroy();
			return;
		}
		const faultAnswer = fault ? this.faults.answer(fault.kind, host) : undefined;
		// A create answered 408 was made upstream all the same (the worst case for the caller).
		const createdThenFault =
			fault?.kind === 'body408' && (CREATE_ENDPOINTS as readonly string[]).includes(endpoint);
		if (faultAnswer && !createdThenFault) {
			this.send(res, record, faultAnswer);
			return;
		}

		const refused = this.overStatusLimit(endpoint, context);
		if (refused) {
			this.send(res, record, refused);
			return;
		}

		let answer: Answer;
		try {
			answer = route
				? await route.handle(this.state, context)
				: jsonAnswer(404, { code: 404, msg: 'Not Found' });
		} catch (error) {
			answer = jsonAnswer(500, { code: 500, msg: `Simulator error: ${(error as Error).message}` });
		}

		if (fault?.kind === 'createdThenReset') {
			req.socket.destroy();
			return;
		}
		if (fault?.kind === 'createdThen500')
			answer = jsonAnswer(500, { code: 500, msg: 'Internal Server Error' });
		if (createdThenFault && faultAnswer) answer = faultAnswer;
		if (fault?.kind === 'slow') await this.state.sleep(fault.delayMs ?? DEFAULT_SLOW_MS);
		if (fault?.kind === 'drip' && answer.status === 200) {
			await this.drip(res, record, answer, fault.delayMs ?? DEFAULT_DRIP_MS);
			return;
		}
		this.send(res, record, answer, fault?.kind === 'chunked');
	}

	/** A file sent one byte at a time (a host that never stalls long enough for a socket timeout). */
	private async drip(
		res: ServerResponse,
		record: RecordedRequest,
		answer: Answer,
		delayMs: number,
	): Promise<void> {
		record.status = answer.status;
		res.writeHead(answer.status, {
			'content-type': answer.contentType,
			'content-length': answer.body.length + (answer.padding ?? 0),
		});
		for (const byte of answer.body) {
			if (res.destroyed) return;
			res.write(Buffer.of(byte));
			await this.state.sleep(delayMs);
		}
		res.end(zeros(answer.padding ?? 0));
	}

	/** A status request over options.statusLimit for its key: Kie's 429, counted nowhere. */
	private overStatusLimit(
		endpoint: Endpoint | 'unknown',
		context: RequestContext,
	): Answer | undefined {
		const limit = this.state.options.statusLimit;
		if (!limit || !(STATUS_ENDPOINTS as readonly string[]).includes(endpoint)) return undefined;
		const apiKey = this.state.authorizedKey(context);
		if (!apiKey) return undefined;
		if (this.record.takeStatusRequest(apiKey, context.record.arrivedAt, limit.max, limit.windowMs))
			return undefined;
		return jsonAnswer(429, {
			code: 429,
			msg: `Rate limit exceeded: ${limit.max} requests per ${limit.windowMs / 1000} seconds`,
		});
	}

	private send(
		res: ServerResponse,
		record: RecordedRequest,
		answer: Answer,
		chunked = false,
	): void {
		record.status = answer.status;
		if (answer.code !== undefined) record.bodyCode = answer.code;
		if (res.destroyed || res.writableEnded) return;
		const contentType = this.state.options.fileContentType;
		const servedFile =
			record.endpoint === 'file' && answer.status === 200 && contentType !== 'exact';
		res.writeHead(answer.status, {
			...(servedFile
				? contentType === 'none'
					? {}
					: { 'content-type': contentType }
				: { 'content-type': answer.contentType }),
			...(chunked ? {} : { 'content-length': answer.body.length + (answer.padding ?? 0) }),
		});
		if (record.method === 'HEAD') {
			res.end();
			return;
		}
		if (answer.padding) {
			res.write(answer.body);
			res.end(zeros(answer.padding));
		} else res.end(answer.body);
	}
}

function parseBody(context: Omit<RequestContext, 'json' | 'jsonInvalid'>): RequestContext {
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

export function startSimulator(
	options?: SimulatorOptions,
	listen?: ListenOptions,
): Promise<KieSimulator> {
	return KieSimulator.start(options, listen);
}
