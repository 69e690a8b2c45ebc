import { randomBytes } from 'node:crypto';

import { ownFile } from './files';
import { API_UNAUTHORIZED, type Answer, jsonAnswer, type RequestContext } from './http';
import type { Route } from './routes';
import type { SimulatorState } from './state';

/** Kie's common API: account credits and temporary download URLs. */
export const COMMON_ROUTES: readonly Route[] = [
	{
		endpoint: 'credit',
		host: 'api',
		methods: ['GET'],
		path: '/api/v1/chat/credit',
		handle: credit,
	},
	{
		endpoint: 'downloadUrl',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/common/download-url',
		handle: downloadUrl,
	},
];

function credit(state: SimulatorState, context: RequestContext): Answer {
	const apiKey = state.authorizedKey(context);
	if (!apiKey) return jsonAnswer(200, API_UNAUTHORIZED);
	return jsonAnswer(200, { code: 200, msg: 'success', data: state.balance(apiKey) });
}

function downloadUrl(state: SimulatorState, context: RequestContext): Answer {
	const apiKey = state.authorizedKey(context);
	if (!apiKey) return jsonAnswer(200, API_UNAUTHORIZED);
	const fileUrl = (context.json as { url?: unknown } | undefined)?.url;
	if (typeof fileUrl !== 'string' || fileUrl === '') {
		return jsonAnswer(200, { code: 422, msg: 'url is required', data: null });
	}
	const own = ownFile(state, fileUrl);
	if (!own) {
		return jsonAnswer(200, {
			code: 422,
			msg: 'Invalid URL (External file URLs are not supported)',
			data: null,
		});
	}
	const token = randomBytes(12).toString('hex');
	state.downloadTokens.set(token, { host: own.host, pathname: own.pathname });
	const name = own.pathname.slice(own.pathname.lastIndexOf('/') + 1);
	return jsonAnswer(200, {
		code: 200,
		msg: 'success',
		data: `${state.baseUrl}/files/download/${token}/${name}`,
	});
}
