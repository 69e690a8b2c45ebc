import { randomBytes } from 'node:crypto';

import { request } from 'undici';

import {
	type Answer,
	encodePath,
	isLoopbackHost,
	jsonAnswer,
	mimeWithoutParameters,
	type RequestContext,
} from './http';
import { extensionFromMime, mimeFromFileName, sniffMime } from './images';
import type { Route } from './routes';
import type { SimulatorState } from './state';

const OUTBOUND_TIMEOUT_MS = 10_000;

const UPLOAD_UNAUTHORIZED = {
	success: false,
	code: 401,
	msg: 'Authentication failed: Invalid API Key',
};

/** The file upload API, on its own host: stream (multipart), base64 and from a URL. */
export const UPLOAD_ROUTES: readonly Route[] = [
	{
		endpoint: 'streamUpload',
		host: 'upload',
		methods: ['POST'],
		path: '/api/file-stream-upload',
		handle: streamUpload,
	},
	{
		endpoint: 'base64Upload',
		host: 'upload',
		methods: ['POST'],
		path: '/api/file-base64-upload',
		handle: base64Upload,
	},
	{
		endpoint: 'urlUpload',
		host: 'upload',
		methods: ['POST'],
		path: '/api/file-url-upload',
		handle: urlUpload,
	},
];

/** A refusal of the upload host, as HTTP 200 or with the code as HTTP status (uploadErrorStatus). */
function uploadFailure(state: SimulatorState, code: number, msg: string): Answer {
	return jsonAnswer(state.options.uploadErrorStatus === 'http' ? code : 200, {
		success: false,
		code,
		msg,
	});
}

function storeUpload(
	state: SimulatorState,
	uploadPathValue: unknown,
	fileNameValue: unknown,
	bytes: Buffer,
	mimeType: string,
): Answer {
	const uploadPath = String(uploadPathValue).replace(/^\/+|\/+$/g, '');
	if (uploadPath.split('/').some((segment) => segment === '..' || segment === '.')) {
		return uploadFailure(state, 400, 'Invalid parameter: uploadPath');
	}
	const givenName =
		typeof fileNameValue === 'string'
			? fileNameValue.slice(fileNameValue.lastIndexOf('/') + 1).trim()
			: '';
	const fileName = givenName || `${randomBytes(8).toString('hex')}.${extensionFromMime(mimeType)}`;
	const filePath = uploadPath ? `${uploadPath}/${fileName}` : fileName;
	state.uploads.set(filePath, { bytes, mimeType });
	return jsonAnswer(200, {
		success: true,
		code: 200,
		msg: 'File uploaded successfully',
		data: {
			fileName,
			filePath,
			downloadUrl: `${state.uploadBaseUrl}/files/${encodePath(filePath)}`,
			fileSize: bytes.length,
			mimeType,
			uploadedAt: new Date().toISOString(),
		},
	});
}

function uploadPreamble(
	state: SimulatorState,
	context: RequestContext,
	fields: Record<string, unknown>,
): Answer | undefined {
	if (!state.authorizedKey(context)) {
		return uploadFailure(state, UPLOAD_UNAUTHORIZED.code, UPLOAD_UNAUTHORIZED.msg);
	}
	const uploadPath = fields.uploadPath;
	if (typeof uploadPath !== 'string' || uploadPath.replace(/\//g, '').trim() === '') {
		return uploadFailure(state, 400, 'Missing required parameter: uploadPath');
	}
	return undefined;
}

function streamUpload(state: SimulatorState, context: RequestContext): Answer {
	const parts = context.parts ?? [];
	const fields: Record<string, string> = {};
	for (const part of parts)
		if (part.fileName === undefined) fields[part.name] = part.data.toString('utf8');
	const refused = uploadPreamble(state, context, fields);
	if (refused) return refused;
	const file =
		parts.find((part) => part.name === 'file' && part.fileName !== undefined) ??
		parts.find((part) => part.name === 'file');
	if (!file) return uploadFailure(state, 400, 'Missing required parameter: file');
	const mimeType =
		mimeWithoutParameters(file.contentType) ??
		mimeFromFileName(fields.fileName ?? '') ??
		mimeFromFileName(file.fileName ?? '') ??
		sniffMime(file.data) ??
		'application/octet-stream';
	return storeUpload(state, fields.uploadPath, fields.fileName, Buffer.from(file.data), mimeType);
}

/**
 * Payload characters, then at most two '='. Checked without a quantifier over the whole string:
 * a backtracking pattern over a 7 MB upload is a suspect for the 500 seen under load.
 */
function isBase64Payload(encoded: string): boolean {
	if (/[^A-Za-z0-9+/=]/.test(encoded)) return false;
	const padding = encoded.indexOf('=');
	if (padding === -1) return true;
	return padding > 0 && padding >= encoded.length - 2 && /^=+$/.test(encoded.slice(padding));
}

function base64Upload(state: SimulatorState, context: RequestContext): Answer {
	const body = (context.json ?? {}) as Record<string, unknown>;
	const refused = uploadPreamble(state, context, body);
	if (refused) return refused;
	if (typeof body.base64Data !== 'string' || body.base64Data === '') {
		return uploadFailure(state, 400, 'Missing required parameter: base64Data');
	}
	// The live API takes only the payload: a data: prefix or whitespace fails to decode (peers'
	// reports against Kie; the page's example is a data URL, which Kie refuses).
	const encoded = body.base64Data;
	if (!isBase64Payload(encoded) || encoded.length % 4 === 1) {
		return uploadFailure(state, 400, 'Base64 decoding failed: Invalid Base64 format');
	}
	const bytes = Buffer.from(encoded, 'base64');
	const mimeType =
		mimeFromFileName(typeof body.fileName === 'string' ? body.fileName : '') ??
		sniffMime(bytes) ??
		'application/octet-stream';
	return storeUpload(state, body.uploadPath, body.fileName, bytes, mimeType);
}

async function urlUpload(state: SimulatorState, context: RequestContext): Promise<Answer> {
	const body = (context.json ?? {}) as Record<string, unknown>;
	const refused = uploadPreamble(state, context, body);
	if (refused) return refused;
	if (typeof body.fileUrl !== 'string' || body.fileUrl === '') {
		return uploadFailure(state, 400, 'Missing required parameter: fileUrl');
	}
	let url: URL;
	try {
		url = new URL(body.fileUrl);
	} catch {
		return uploadFailure(state, 400, 'Invalid parameter: fileUrl must be an http or https URL');
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return uploadFailure(state, 400, 'Invalid parameter: fileUrl must be an http or https URL');
	}
	if (!isLoopbackHost(url.hostname)) {
		return uploadFailure(state, 400, `File download failed: ${url.hostname} is not reachable`);
	}
	let bytes: Buffer;
	let contentType: string | string[] | undefined;
	try {
		const response = await request(url, {
			method: 'GET',
			dispatcher: state.agent,
			headersTimeout: OUTBOUND_TIMEOUT_MS,
			bodyTimeout: OUTBOUND_TIMEOUT_MS,
		});
		bytes = Buffer.from(await response.body.arrayBuffer());
		if (response.statusCode < 200 || response.statusCode >= 300) {
			return uploadFailure(state, 400, `File download failed: HTTP ${response.statusCode}`);
		}
		contentType = response.headers['content-type'];
	} catch (error) {
		return uploadFailure(state, 400, `File download failed: ${(error as Error).message}`);
	}
	const mimeType =
		mimeWithoutParameters(contentType) ??
		mimeFromFileName(typeof body.fileName === 'string' ? body.fileName : '') ??
		mimeFromFileName(url.pathname) ??
		sniffMime(bytes) ??
		'application/octet-stream';
	return storeUpload(state, body.uploadPath, body.fileName, bytes, mimeType);
}
