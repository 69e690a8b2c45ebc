/**
 * Every Kie endpoint the node calls, as data: which host, method, path, how long to wait for an
 * answer, and which retry policy fits what the request does:
 * - `create`: starts a paid task. Repeated only where Kie cannot have started it (a 429 or 455
 *   answer, a request that never left); any ambiguous failure ends it (see KieClient.createTask).
 * - `read`: changes nothing (status, credits). Repeated on transient failures.
 * - `upload`: free, and idempotent by file name. Repeated like a read.
 */
export interface Endpoint {
	/** `api`: the credential's Base URL; `upload`: its Upload Base URL. */
	host: 'api' | 'upload';
	method: 'GET' | 'POST';
	path: string;
	timeoutMs: number;
	retry: 'create' | 'read' | 'upload';
}

const CREATE_TIMEOUT_MS = 60_000;
const STATUS_TIMEOUT_MS = 30_000;
const UPLOAD_TIMEOUT_MS = 120_000;

export const ENDPOINTS = {
	'market.create': {
		host: 'api',
		method: 'POST',
		path: '/api/v1/jobs/createTask',
		timeoutMs: CREATE_TIMEOUT_MS,
		retry: 'create',
	},
	'market.status': {
		host: 'api',
		method: 'GET',
		path: '/api/v1/jobs/recordInfo',
		timeoutMs: STATUS_TIMEOUT_MS,
		retry: 'read',
	},
	'account.credits': {
		host: 'api',
		method: 'GET',
		path: '/api/v1/chat/credit',
		timeoutMs: CREATE_TIMEOUT_MS,
		retry: 'read',
	},
	'upload.stream': {
		host: 'upload',
		method: 'POST',
		path: '/api/file-stream-upload',
		timeoutMs: UPLOAD_TIMEOUT_MS,
		retry: 'upload',
	},
	'upload.base64': {
		host: 'upload',
		method: 'POST',
		path: '/api/file-base64-upload',
		timeoutMs: UPLOAD_TIMEOUT_MS,
		retry: 'upload',
	},
	'upload.url': {
		host: 'upload',
		method: 'POST',
		path: '/api/file-url-upload',
		timeoutMs: UPLOAD_TIMEOUT_MS,
		retry: 'upload',
	},
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;

/** A result file on Kie's CDN: fetched without the credential. */
export const DOWNLOAD_TIMEOUT_MS = CREATE_TIMEOUT_MS;
