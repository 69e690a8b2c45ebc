/**
 * Errors as users see them: every failure becomes a NodeOperationError or NodeApiError built from
 * our own fields only (never from n8n's HTTP errors, which carry request headers), and a task that
 * exists always has its taskId in the message and in the Continue-On-Fail item.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

import { KieInputError } from '../../catalogue/errors';
import {
	AmbiguousCreateError,
	CancelledCreateError,
	CancelledError,
	KieRequestError,
	kieWords,
} from '../../client/errors';
import type { KieTask } from '../../client/types';

export class TaskFailedError extends Error {
	constructor(readonly task: KieTask) {
		super(
			`Kie.ai task ${task.taskId} failed` +
				(task.failCode ? ` (failCode ${task.failCode})` : '') +
				(task.failMsg ? `: ${kieWords(task.failMsg)}` : ''),
		);
		this.name = 'TaskFailedError';
	}
}

export class TaskTimeoutError extends Error {
	constructor(
		readonly task: KieTask,
		readonly timeoutSeconds: number,
	) {
		super(
			`Kie.ai task ${task.taskId} did not finish within ${timeoutSeconds} s (last state: ${task.state})`,
		);
		this.name = 'TaskTimeoutError';
	}
}

/** What an item knows about its task so far, so no failure path loses the taskId. */
export interface ItemProgress {
	taskId?: string;
	/** Which Kie API made the task (Get Task needs it to find the task again). */
	api?: string;
	state?: string;
	failCode?: string | null;
	failMsg?: string | null;
	/** A create cut short on its way (another item failed the node): model and when it was sent. */
	createCutShort?: string;
}

function taskDescription(progress: ItemProgress): string | undefined {
	// Without a state the task was never seen (e.g. Get Task with an unknown id): claim nothing.
	if (!progress.taskId || !progress.state) return undefined;
	const api = progress.api && progress.api !== 'market' ? ` (API: ${progress.api})` : '';
	return `Task ${progress.taskId}${api} exists on Kie.ai (last state: ${progress.state ?? 'unknown'}). Fetch it later with the Get Task operation, or see https://kie.ai/logs.`;
}

export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
	progress: ItemProgress,
): NodeOperationError | NodeApiError {
	if (error instanceof TaskFailedError) {
		Object.assign(progress, {
			taskId: error.task.taskId,
			api: error.task.api,
			state: error.task.state,
			failCode: error.task.failCode,
			failMsg: error.task.failMsg,
		});
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description:
				'The task ended in state "fail" on Kie.ai. Kie.ai does not charge failed generations; change the input or try again.',
		});
	}
	if (error instanceof TaskTimeoutError) {
		Object.assign(progress, {
			taskId: error.task.taskId,
			api: error.task.api,
			state: error.task.state,
		});
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: `${taskDescription(progress)} Raise Options → Timeout to wait longer.`,
		});
	}
	if (error instanceof KieInputError) {
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: `Check the "${error.label ?? error.field}" parameter. Nothing was sent to Kie.ai, so no credits were used.`,
		});
	}
	if (error instanceof CancelledCreateError) {
		return new NodeOperationError(node, error.message, { itemIndex });
	}
	if (error instanceof CancelledError) {
		return new NodeOperationError(
			node,
			progress.taskId
				? `Stopped waiting for Kie.ai task ${progress.taskId}: the execution was canceled`
				: 'The execution was canceled',
			{ itemIndex, description: taskDescription(progress) },
		);
	}
	if (error instanceof AmbiguousCreateError) {
		return new NodeOperationError(node, error.message, { itemIndex });
	}
	if (error instanceof KieRequestError) {
		const { code, httpStatus, endpoint, kieMessage, networkCode } = error.info;
		const response: JsonObject = { message: error.message, endpoint };
		if (code !== undefined) response.code = code;
		if (httpStatus !== undefined) response.httpStatus = httpStatus;
		if (kieMessage) response.kieMessage = kieMessage;
		if (networkCode) response.networkCode = networkCode;
		return new NodeApiError(node, response, {
			message: progress.taskId
				? `${error.message} (task ${progress.taskId}${progress.api && progress.api !== 'market' ? `, API ${progress.api}` : ''})`
				: error.message,
			description: taskDescription(progress),
			httpCode: code !== undefined ? String(code) : undefined,
			itemIndex,
		});
	}
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, {
		itemIndex,
		description: taskDescription(progress),
	});
}

/** The Continue-On-Fail item: the error, and everything known about the task. */
export function errorItemJson(
	error: NodeOperationError | NodeApiError,
	progress: ItemProgress,
): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (progress.taskId) json.taskId = progress.taskId;
	if (progress.api) json.api = progress.api;
	if (progress.state) json.state = progress.state;
	if (progress.failCode !== undefined) json.failCode = progress.failCode;
	if (progress.failMsg !== undefined) json.failMsg = progress.failMsg;
	return json;
}

type Scrubber = (text: string) => string;

/** `value` with every string passed through `withoutKey`, objects and lists copied. */
function scrub(value: unknown, withoutKey: Scrubber, seen = new WeakSet<object>()): unknown {
	if (typeof value === 'string') return withoutKey(value);
	if (typeof value !== 'object' || value === null || seen.has(value)) return value;
	seen.add(value);
	if (Array.isArray(value)) return value.map((entry) => scrub(entry, withoutKey, seen));
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [key, scrub(entry, withoutKey, seen)]),
	);
}

/**
 * Removes the API key from everything the error carries into the execution data and the error
 * panel: message, description, stack, n8n's `messages`, and the response under "Error details"
 * (`errorResponse`, `cause`, `context`), in case Kie's own text quoted the key back.
 */
export function redactSecret(error: NodeOperationError | NodeApiError, withoutKey: Scrubber): void {
	const text = withoutKey;
	error.message = text(error.message);
	if (error.description) error.description = text(error.description);
	if (error.stack) error.stack = text(error.stack);
	error.messages = error.messages.map(text);
	if (error.errorResponse)
		error.errorResponse = scrub(error.errorResponse, withoutKey) as JsonObject;
	error.context = scrub(error.context, withoutKey) as IDataObject;
	if (error.cause !== undefined) {
		Object.defineProperty(error, 'cause', {
			value: error.cause instanceof Error ? error.cause : scrub(error.cause, withoutKey),
			enumerable: false,
			writable: true,
			configurable: true,
		});
		if (error.cause instanceof Error) {
			error.cause.message = text(error.cause.message);
			if (error.cause.stack) error.cause.stack = text(error.cause.stack);
		}
	}
}
