/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
import type { IncomingMessage } from 'node:http';

import type { MultipartPart } from './multipart';
import type { Endpoint, FaultSpec, RecordedRequest } from './types';

export type Host = 'api' | 'upload';

export interface Answer {
	status: number;
	contentType: string;
	body: Buffer;
	/** Zero bytes sent after the body (result files padded to options.resultFileBytes). */
	padding?: number;
	/** `code` of a JSON body, recorded as bodyCode. */
	code?: number;
}

export interface RequestContext {
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

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export function jsonAnswer(status: number, payload: Record<string, unknown>): Answer {
	return {
		status,
		contentType: 'application/json',
		body: Buffer.from(JSON.stringify(payload)),
		code: typeof payload.code === 'number' ? payload.code : undefined,
	};
}

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage): Promise<Buffer> {
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

export function bearerKey(req: IncomingMessage): string | undefined {
	const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
	return match ? match[1].trim() : undefined;
}

export function isLoopbackHost(hostname: string): boolean {
	return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

export function mimeWithoutParameters(value: string | string[] | undefined): string | undefined {
	const first = Array.isArray(value) ? value[0] : value;
	const mime = first?.split(';')[0].trim().toLowerCase();
	return mime && mime !== 'application/octet-stream' ? mime : undefined;
}

export function encodePath(path: string): string {
	return path.split('/').map(encodeURIComponent).join('/');
}

/** The jobs and common APIs' answer to a missing or unknown key (HTTP 200, code in the body). */
export const API_UNAUTHORIZED = { code: 401, msg: 'You do not have access permissions' };
