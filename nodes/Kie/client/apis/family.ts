/**
 * What each Kie API contributes to the client: where its status lives and how to read it, and the
 * readers every API's status and callback share.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { optionalNumber, optionalText } from '../answers';
import type { EndpointName } from '../endpoints';
import { KieRequestError } from '../errors';
import type { KieApi, KieTask } from '../types';

export interface CallbackTask {
	task: KieTask;
	/** The callback's own `code` and `msg`, when it has them. */
	code: number | null;
	msg: string | null;
	callbackType: string | null;
	/** False when the body carries no results: the task's record is the authority then. */
	complete: boolean;
}

export interface ApiFamily {
	api: KieApi;
	/** Shown in Get Task's API choice. */
	label: string;
	/** GET …?taskId=<id> */
	statusEndpoint: EndpointName;
	/** The status endpoint's `data`, already unwrapped from the envelope → the task item. */
	parseStatus(data: unknown, taskId: string): KieTask;
	/** A callback body of this API → the task; undefined when the body is not of this API. */
	parseCallback(body: IDataObject, taskId: string): CallbackTask | undefined;
}

export const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A status answer without a record in `data` means Kie knows no such task: a 404 naming it. */
export function requireRecord(
	data: unknown,
	taskId: string,
	endpoint: EndpointName,
	what: string,
): asserts data is IDataObject {
	if (!isRecord(data)) {
		throw new KieRequestError(
			{ endpoint, delivery: 'answered', code: 404 },
			`Kie.ai returned no ${what} record for task ${taskId}`,
		);
	}
}

/** `{code, msg, data}`: the callbacks of every API but the jobs API. */
export const callbackEnvelope = z
	.object({ code: optionalNumber, msg: optionalText, data: z.unknown() })
	.passthrough();

/** The model a task's request parameters name. */
export function modelOf(param: IDataObject | null): string | null {
	return param && typeof param.model === 'string' ? param.model : null;
}
