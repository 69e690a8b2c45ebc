import type { IDataObject } from 'n8n-workflow';

import { getModel } from './registry';
import type { TaskRequest } from './mapInput';

/** A create as the client sends it (its CreateTaskRequest). */
export interface ImageCreate {
	api: 'market' | '4o-image' | 'flux-kontext';
	endpoint: 'market.create' | '4o-image.generate' | 'flux-kontext.generate';
	model: string;
	body: IDataObject;
	expectedMs?: number;
}

/**
 * The body for a mapped image request: `{model, input, callBackUrl}` on the jobs API; on a
 * dedicated image API (4o Image, Flux Kontext) the fields at the top level, with the API's own
 * `model` value where it has one.
 */
export function imageCreate(request: TaskRequest, callBackUrl?: string): ImageCreate {
	const dedicated = getModel(request.model)?.dedicatedApi;
	if (!dedicated) {
		const body: IDataObject = { model: request.model, input: request.input };
		if (callBackUrl) body.callBackUrl = callBackUrl;
		return { api: 'market', endpoint: 'market.create', model: request.model, body };
	}
	const body: IDataObject = { ...request.input };
	if (dedicated.modelField !== null) body.model = dedicated.modelField;
	if (callBackUrl) body.callBackUrl = callBackUrl;
	return {
		api: dedicated.api,
		endpoint: dedicated.createEndpoint,
		model: request.model,
		body,
		expectedMs: dedicated.expectedMs,
	};
}
