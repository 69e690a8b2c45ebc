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

import { CHAT_ENDPOINTS } from './chatEndpoints';
import { CREATE_TIMEOUT_MS, STATUS_TIMEOUT_MS } from './endpointRows';
import { TOOL_ENDPOINTS } from './toolEndpoints';

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
	// Suno (https://docs.kie.ai/suno-api/), 4o Image and Flux Kontext: fields at the top level.
	'suno.generate': {
		host: 'api',
		method: 'POST',
		path: '/api/v1/generate',
		timeoutMs: CREATE_TIMEOUT_MS,
		retry: 'create',
	},
	'suno.extend': {
		host: 'api',
		method: 'POST',
		path: '/api/v1/generate/extend',
		timeoutMs: CREATE_TIMEOUT_MS,
		retry: 'create',
	},
	'suno.status': {
		host: 'api',
		method: 'GET',
		path: '/api/v1/generate/record-info',
		timeoutMs: STATUS_TIMEOUT_MS,
		retry: 'read',
	},
	'4o-image.generate': {
		host: 'api',
		method: 'POST',
		path: '/api/v1/gpt4o-image/generate',
		timeoutMs: CREATE_TIMEOUT_MS,
		retry: 'create',
	},
	'4o-image.status': {
		host: 'api',
		method: 'GET',
		path: '/api/v1/gpt4o-image/record-info',
		timeoutMs: STATUS_TIMEOUT_MS,
		retry: 'read',
	},
	'flux-kontext.generate': {
		host: 'api',
		method: 'POST',
		path: '/api/v1/flux/kontext/generate',
		timeoutMs: CREATE_TIMEOUT_MS,
		retry: 'create',
	},
	'flux-kontext.status': {
		host: 'api',
		method: 'GET',
		path: '/api/v1/flux/kontext/record-info',
		timeoutMs: STATUS_TIMEOUT_MS,
		retry: 'read',
	},
	'veo.generate': {
		host: 'api',
		method: 'POST',
		path: '/api/v1/veo/generate',
		timeoutMs: CREATE_TIMEOUT_MS,
		retry: 'create',
	},
	'veo.extend': {
		host: 'api',
		method: 'POST',
		path: '/api/v1/veo/extend',
		timeoutMs: CREATE_TIMEOUT_MS,
		retry: 'create',
	},
	/** The 4K version is a paid task of its own. */
	'veo.4k': {
		host: 'api',
		method: 'POST',
		path: '/api/v1/veo/get-4k-video',
		timeoutMs: CREATE_TIMEOUT_MS,
		retry: 'create',
	},
	/** The 1080P version: asked again until ready ("processing" until then), nothing new is paid. */
	'veo.1080p': {
		host: 'api',
		method: 'GET',
		path: '/api/v1/veo/get-1080p-video',
		timeoutMs: STATUS_TIMEOUT_MS,
		retry: 'read',
	},
	'veo.status': {
		host: 'api',
		method: 'GET',
		path: '/api/v1/veo/record-info',
		timeoutMs: STATUS_TIMEOUT_MS,
		retry: 'read',
	},
	'runway.generate': {
		host: 'api',
		method: 'POST',
		path: '/api/v1/runway/generate',
		timeoutMs: CREATE_TIMEOUT_MS,
		retry: 'create',
	},
	'runway.extend': {
		host: 'api',
		method: 'POST',
		path: '/api/v1/runway/extend',
		timeoutMs: CREATE_TIMEOUT_MS,
		retry: 'create',
	},
	'runway.status': {
		host: 'api',
		method: 'GET',
		path: '/api/v1/runway/record-detail',
		timeoutMs: STATUS_TIMEOUT_MS,
		retry: 'read',
	},
	...TOOL_ENDPOINTS,
	...CHAT_ENDPOINTS,
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;
