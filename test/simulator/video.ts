import { createHash } from 'node:crypto';

import { type Answer, jsonAnswer, type RequestContext } from './http';
import { markApi } from './dedicated';
import { makePng } from './images';
import type { Route } from './routes';
import type { SimulatorState } from './state';
import { stateOf } from './tasks';
import type { SimulatedTask } from './types';

/**
 * What Veo 3.1, Runway and the jobs API's video models share in the simulator: MP4 result
 * bytes, the files behind their URLs, and the per-task facts their status endpoints report.
 */

function box(type: string, ...payload: Buffer[]): Buffer {
	const body = Buffer.concat(payload);
	const size = Buffer.alloc(4);
	size.writeUInt32BE(8 + body.length);
	return Buffer.concat([size, Buffer.from(type, 'latin1'), body]);
}

function uint32(...values: number[]): Buffer {
	const bytes = Buffer.alloc(values.length * 4);
	values.forEach((value, index) => bytes.writeUInt32BE(value >>> 0, index * 4));
	return bytes;
}

/**
 * A small well-formed ISO BMFF (MP4) file: `ftyp` (isom), `moov` with a movie header, and an
 * `mdat` whose bytes come from `seed`, so different results have different bytes.
 */
export function makeMp4(seed: string): Buffer {
	const ftyp = box(
		'ftyp',
		Buffer.from('isom', 'latin1'),
		uint32(0x200),
		Buffer.from('isomiso2avc1mp41', 'latin1'),
	);
	const matrix = uint32(0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000);
	const mvhd = box(
		'mvhd',
		uint32(0, 0, 0, 1000, 8000), // version+flags, creation, modification, timescale, duration (8 s)
		uint32(0x00010000), // rate 1.0
		Buffer.from([0x01, 0x00]), // volume 1.0
		Buffer.alloc(10), // reserved
		matrix,
		Buffer.alloc(24), // pre-defined
		uint32(2), // next track id
	);
	const digest = createHash('sha256').update(seed).digest();
	const mdat = box('mdat', Buffer.concat([digest, digest]));
	return Buffer.concat([ftyp, box('moov', mvhd), mdat]);
}

export type VideoApiName = 'veo' | 'runway';

/** What only the dedicated video APIs know about a task. */
export interface VideoTaskFacts {
	api: VideoApiName;
	/** generate, extend, or Veo's 4K version. */
	kind: 'generate' | 'extend' | '4k';
	parentTaskId?: string;
	resolution: string;
	aspectRatio: string;
	/** Veo: 2 (failed) or 3 (generation failed) for a failing task. */
	failFlag?: 2 | 3;
	failCode?: number;
	failMsg?: string;
	/** Thumbnail / preview image and (Veo, not 16:9) the original video. */
	imageUrls: string[];
	originUrls: string[];
	fullResultUrls: string[];
}

const facts = new WeakMap<SimulatedTask, VideoTaskFacts>();

export function setVideoFacts(task: SimulatedTask, value: VideoTaskFacts): void {
	facts.set(task, value);
	// Not a jobs-API record: recordInfo does not know it.
	markApi(task, value.api);
}

export function videoFacts(task: SimulatedTask): VideoTaskFacts | undefined {
	return facts.get(task);
}

/** `/files/video/<taskId>/<name>.(mp4|jpg|png)` for Veo and Runway tasks. */
export function videoFileUrl(state: SimulatorState, taskId: string, name: string): string {
	return `${state.baseUrl}/files/video/${taskId}/${name}`;
}

/** A time as Kie's dedicated APIs print it: "2025-06-06 10:30:00" (UTC). */
export function dateText(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Jobs-API models whose results are videos (the simulator answers them with MP4 files). */
export function isVideoModel(model: string): boolean {
	return /video|^kling|^sora|^hailuo|^wan\/|seedance|^veo|^runway/i.test(model);
}

function serveVideoFile(state: SimulatorState, context: RequestContext): Answer {
	const match = /^\/files\/video\/([0-9a-f]{32})\/([\w.-]+)\.(mp4|jpg|png)$/.exec(
		context.url.pathname,
	);
	const task = match ? state.record.tasks.get(match[1]) : undefined;
	const info = task ? videoFacts(task) : undefined;
	const url = `${state.baseUrl}${context.url.pathname}`;
	const known =
		task !== undefined &&
		info !== undefined &&
		[...task.resultUrls, ...info.imageUrls, ...info.originUrls, ...info.fullResultUrls].includes(
			url,
		);
	if (!match || !task || !known || stateOf(task, Date.now()) !== 'success') {
		return jsonAnswer(404, { code: 404, msg: 'File not found' });
	}
	const [, taskId, name, extension] = match;
	if (extension === 'mp4') {
		const body = makeMp4(`${taskId}/${name}`);
		const padding = Math.max(0, state.options.resultFileBytes - body.length);
		return { status: 200, contentType: 'video/mp4', body, padding };
	}
	return { status: 200, contentType: 'image/png', body: makePng(`${taskId}/${name}`) };
}

export const VIDEO_FILE_ROUTES: readonly Route[] = [
	{
		endpoint: 'file',
		host: 'api',
		methods: ['GET', 'HEAD'],
		path: '/files/video/',
		prefix: true,
		handle: serveVideoFile,
	},
];

/**
 * The shared front of every create: the key, then the one create window per key (counted on
 * arrival, whichever API), then a readable JSON body. Undefined when the create may go on.
 */
export function createPreamble(
	state: SimulatorState,
	context: RequestContext,
	unauthorized: Record<string, unknown>,
): { apiKey: string; body: Record<string, unknown> } | Answer {
	const apiKey = state.authorizedKey(context);
	if (!apiKey) return jsonAnswer(200, unauthorized);
	const { max, windowMs } = state.options.createLimit;
	if (!state.record.createFits(apiKey, context.record.arrivedAt, max, windowMs)) {
		return jsonAnswer(429, {
			code: 429,
			msg: `Rate limit exceeded: ${max} requests per ${windowMs / 1000} seconds`,
		});
	}
	const json = context.json;
	if (context.jsonInvalid || typeof json !== 'object' || json === null || Array.isArray(json)) {
		return jsonAnswer(200, {
			code: 422,
			msg: 'Request body must be a valid JSON object',
			data: null,
		});
	}
	return { apiKey, body: json as Record<string, unknown> };
}

export function isAnswer(value: unknown): value is Answer {
	return typeof value === 'object' && value !== null && 'contentType' in value && 'status' in value;
}

/** Kie does not reach hosts outside this machine in tests: only loopback callbacks are delivered. */
export function deliverableCallback(value: unknown): string | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	try {
		const url = new URL(value);
		return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) ? value : undefined;
	} catch {
		return undefined;
	}
}
