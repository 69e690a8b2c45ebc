/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/** Helpers for the simulator's own tests: HTTP calls over undici, a callback receiver, image decoders. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateSync } from 'node:zlib';
import { type Dispatcher, request } from 'undici';

import { crc32 } from './images';
import type { KieSimulator } from './simulator';

export const KEY = 'sim-key';

/** A server on 127.0.0.1 that keeps every JSON body POSTed to it (Kie's callbacks) and answers 200. */
export interface CallbackReceiver {
	/** Where to send callbacks (path `/hook`). */
	url: string;
	/** The bodies received, in order; empty it with `bodies.length = 0`. */
	bodies: any[];
	close(): Promise<void>;
}

export async function startCallbackReceiver(): Promise<CallbackReceiver> {
	const bodies: any[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
		bodies,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export interface Reply {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	bytes: Buffer;
	text: string;
	/** Parsed JSON body; undefined when the body is not JSON. */
	json: any;
}

export interface CallOptions {
	key?: string | null;
	json?: unknown;
	body?: Dispatcher.RequestOptions['body'];
	headers?: Record<string, string>;
}

export async function call(url: string, method: string, options: CallOptions = {}): Promise<Reply> {
	const headers: Record<string, string> = { ...options.headers };
	const key = options.key === undefined ? KEY : options.key;
	if (key !== null) headers.authorization = `Bearer ${key}`;
	let body = options.body;
	if (options.json !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(options.json);
	}
	const response = await request(url, { method: method as 'GET', headers, body });
	const bytes = Buffer.from(await response.body.arrayBuffer());
	const text = bytes.toString('utf8');
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.statusCode, headers: response.headers, bytes, text, json };
}

export function createTask(
	sim: KieSimulator,
	payload: Record<string, unknown>,
	key?: string | null,
): Promise<Reply> {
	return call(`${sim.baseUrl}/api/v1/jobs/createTask`, 'POST', { json: payload, key });
}

export function recordInfo(sim: KieSimulator, taskId: string, key?: string | null): Promise<Reply> {
	return call(`${sim.baseUrl}/api/v1/jobs/recordInfo?taskId=${taskId}`, 'GET', { key });
}

export function credits(sim: KieSimulator, key?: string | null): Promise<Reply> {
	return call(`${sim.baseUrl}/api/v1/chat/credit`, 'GET', { key });
}

export function nanoBananaPro(input: Record<string, unknown> = {}): Record<string, unknown> {
	return { model: 'nano-banana-pro', input: { prompt: 'a banana in space', ...input } };
}

export async function createdTaskId(
	sim: KieSimulator,
	payload: Record<string, unknown>,
): Promise<string> {
	const reply = await createTask(sim, payload);
	if (reply.json?.code !== 200) throw new Error(`create failed: ${reply.text}`);
	return reply.json.data.taskId as string;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls recordInfo until the task is final; returns the last data. */
export async function waitForFinal(sim: KieSimulator, taskId: string, everyMs = 20) {
	for (;;) {
		const reply = await recordInfo(sim, taskId);
		const state = reply.json?.data?.state;
		if (state === 'success' || state === 'fail') return reply.json.data;
		await sleep(everyMs);
	}
}

export async function until(check: () => boolean, timeoutMs = 3_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await sleep(10);
	}
}

export interface DecodedPng {
	width: number;
	height: number;
	bitDepth: number;
	colourType: number;
	/** Raw scanlines (filter byte + pixels per row). */
	pixels: Buffer;
}

/** A strict PNG reader: signature, chunk CRCs, IHDR first, IDAT inflating to the right size, IEND last. */
export function decodePng(bytes: Buffer): DecodedPng {
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	if (!bytes.subarray(0, 8).equals(signature)) throw new Error('bad PNG signature');
	let offset = 8;
	const chunks: Array<{ type: string; data: Buffer }> = [];
	while (offset < bytes.length) {
		const length = bytes.readUInt32BE(offset);
		const typeAndData = bytes.subarray(offset + 4, offset + 8 + length);
		const crc = bytes.readUInt32BE(offset + 8 + length);
		if (crc32(typeAndData) !== crc) throw new Error('bad chunk CRC');
		chunks.push({
			type: typeAndData.subarray(0, 4).toString('ascii'),
			data: typeAndData.subarray(4),
		});
		offset += 12 + length;
	}
	if (offset !== bytes.length) throw new Error('trailing bytes');
	if (chunks[0]?.type !== 'IHDR' || chunks[chunks.length - 1]?.type !== 'IEND') {
		throw new Error('IHDR/IEND misplaced');
	}
	const header = chunks[0].data;
	const width = header.readUInt32BE(0);
	const height = header.readUInt32BE(4);
	const pixels = inflateSync(
		Buffer.concat(chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data)),
	);
	const decoded = { width, height, bitDepth: header[8], colourType: header[9], pixels };
	if (decoded.bitDepth !== 8 || (decoded.colourType !== 2 && decoded.colourType !== 6))
		throw new Error('unexpected pixel format');
	const channels = decoded.colourType === 6 ? 4 : 3;
	if (pixels.length !== height * (1 + width * channels)) throw new Error('IDAT size mismatch');
	return decoded;
}

/** Walks a baseline JPEG's markers from SOI to EOI; returns the frame size from SOF0. */
export function decodeJpegFrame(bytes: Buffer): {
	width: number;
	height: number;
	components: number;
} {
	if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('no SOI');
	let offset = 2;
	let frame: { width: number; height: number; components: number } | undefined;
	for (;;) {
		if (bytes[offset] !== 0xff) throw new Error(`no marker at ${offset}`);
		const marker = bytes[offset + 1];
		const length = bytes.readUInt16BE(offset + 2);
		if (marker === 0xc0) {
			frame = {
				height: bytes.readUInt16BE(offset + 5),
				width: bytes.readUInt16BE(offset + 7),
				components: bytes[offset + 9],
			};
		}
		offset += 2 + length;
		if (marker === 0xda) break; // SOS: entropy-coded data follows
	}
	if (!frame) throw new Error('no SOF0 (baseline) frame');
	// Entropy-coded data ends at EOI; 0xFF bytes inside it are stuffed (FF 00) or restart markers.
	for (; offset < bytes.length - 1; offset++) {
		if (bytes[offset] !== 0xff) continue;
		const next = bytes[offset + 1];
		if (next === 0xd9) {
			if (offset + 2 !== bytes.length) throw new Error('bytes after EOI');
			return frame;
		}
		if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7))
			throw new Error('unexpected marker in scan');
	}
	throw new Error('no EOI');
}
