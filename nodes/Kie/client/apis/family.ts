/** What each Kie API contributes to the client: where its status lives and how to read it. */
import type { IDataObject } from 'n8n-workflow';

import type { EndpointName } from '../endpoints';
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
