/**
 * The trigger's rules, as two pure functions: what the request alone decides (refuse it, ignore
 * it, or read the task it names), and what Kie's record of that task decides (emit it, or ignore
 * it, and why). The webhook in KieTrigger.node.ts only carries out what these return.
 *
 * A callback body is a notice, not evidence: the URL it comes to is not secret, and Kie's
 * signature covers only `taskId.timestamp`, not the body. So the body only names a task (and
 * hints at which API made it); everything emitted comes from the task's record, read from Kie
 * with the credential.
 */
import type { IDataObject } from 'n8n-workflow';

import { callbackTaskId, parseCallbackBody, type KieApi, type KieTask } from '../Kie/client';
import { taskItemJson } from '../Kie/shared/results';
import {
	DEFAULT_TOLERANCE_SECONDS,
	SIGNATURE_HEADER,
	TIMESTAMP_HEADER,
	verifyCallbackSignature,
} from './signature';

/**
 * Kie's task ids are 32 hex digits, or a prefix and a UUID; nothing near this long. A longer id,
 * or one with other characters, names no task of Kie's and is not worth remembering.
 */
export const MAX_TASK_ID_LENGTH = 128;
const TASK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

export interface TriggerRules {
	/** The credential's Webhook HMAC Key; empty: callbacks are unsigned. */
	hmacKey: string;
	nowMs: number;
	toleranceSeconds?: number;
	/** Emit Suno's `text` and `first` stages too. */
	sunoStages: boolean;
	/** Final states that start the workflow; empty: both. */
	states: string[];
}

export interface IncomingCallback {
	body: IDataObject;
	headers: Record<string, unknown>;
}

/** What the callback itself said, kept beside the record in the item. */
interface CallbackNotice {
	callbackCode: number | null;
	callbackMsg: string | null;
	callbackType: string | null;
}

export type Screening =
	| { verdict: 'refuse'; status: 400 | 401; reason: string; message: string }
	| { verdict: 'ignore'; reason: string }
	| {
			verdict: 'read';
			taskId: string;
			/** The API the body's shape suggests (the jobs API when it suggests none). */
			api: KieApi;
			/** Whether Kie signed the callback: only then are the other APIs asked as well. */
			signed: boolean;
			/** Suno's early stage, when this callback is one and the user asked for it. */
			sunoStage?: 'text' | 'first';
			/** What a repeat of this callback is recognised by. */
			deliveryKey: string;
			notice: CallbackNotice;
	  };

function refuse(status: 400 | 401, reason: string, message: string): Screening {
	return { verdict: 'refuse', status, reason, message };
}

/** Step 1: what the request alone decides, before anything is read from Kie. */
export function screenCallback(callback: IncomingCallback, rules: TriggerRules): Screening {
	const taskId = callbackTaskId(callback.body);
	if (rules.hmacKey) {
		const check = verifyCallbackSignature(
			{
				taskId,
				timestamp: callback.headers[TIMESTAMP_HEADER],
				signature: callback.headers[SIGNATURE_HEADER],
			},
			{
				key: rules.hmacKey,
				nowMs: rules.nowMs,
				toleranceSeconds: rules.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
			},
		);
		if (!check.valid) return refuse(401, check.reason, check.message);
	}
	if (!taskId) return refuse(400, 'missing-task-id', 'No task id in the callback body');
	if (taskId.length > MAX_TASK_ID_LENGTH || !TASK_ID_PATTERN.test(taskId)) {
		return refuse(
			400,
			'invalid-task-id',
			`The task id is not one of Kie.ai's (at most ${MAX_TASK_ID_LENGTH} letters, digits, "-", "_", ".", ":")`,
		);
	}

	const parsed = parseCallbackBody(callback.body, taskId);
	const notice: CallbackNotice = {
		callbackCode: parsed.code,
		callbackMsg: parsed.msg,
		callbackType: parsed.callbackType,
	};
	// Suno calls back at three stages; only "complete" (or "error") finishes the task.
	const stage = parsed.task.api === 'suno' ? parsed.callbackType : null;
	const sunoStage = stage === 'text' || stage === 'first' ? stage : undefined;
	if (sunoStage && !rules.sunoStages)
		return { verdict: 'ignore', reason: `Suno stage ${sunoStage}` };
	return {
		verdict: 'read',
		taskId,
		api: parsed.task.api,
		signed: rules.hmacKey !== '',
		sunoStage,
		deliveryKey: sunoStage ? `${taskId}:${sunoStage}` : taskId,
		notice,
	};
}

/** What reading the task from Kie gave. */
export type RecordRead =
	| { found: true; task: KieTask }
	/** Kie answered that it has no such task (for any API asked). */
	| { found: false }
	/** Kie could not be asked, or did not answer usefully. */
	| { found: undefined; error: string };

export type Judgement =
	/** `task`: Kie's record, when it could be read (its result files are the ones to fetch). */
	{ verdict: 'emit'; json: IDataObject; task?: KieTask } | { verdict: 'ignore'; reason: string };

const FINAL = new Set(['success', 'fail']);

function itemJson(json: IDataObject, notice: CallbackNotice): IDataObject {
	const item: IDataObject = {
		...json,
		callbackCode: notice.callbackCode,
		callbackMsg: notice.callbackMsg,
	};
	if (notice.callbackType !== null) item.callbackType = notice.callbackType;
	return item;
}

/** Step 2: what Kie's record of the task decides. */
export function judgeRecord(
	screened: Extract<Screening, { verdict: 'read' }>,
	read: RecordRead,
	rules: Pick<TriggerRules, 'states'>,
): Judgement {
	if (read.found === false) {
		return { verdict: 'ignore', reason: `Kie.ai has no task ${screened.taskId}` };
	}
	if (read.found === undefined) {
		// A real task may have finished: say so, with what is known, rather than lose it. Nothing
		// from the body is trusted, so the item has no results to fetch.
		return {
			verdict: 'emit',
			json: itemJson(
				{
					taskId: screened.taskId,
					api: screened.api,
					recordError: `The task's record could not be read: ${read.error}`,
				},
				screened.notice,
			),
		};
	}
	const { task } = read;
	if (screened.sunoStage) {
		// An early stage is real once Kie's record has moved past "waiting".
		if (task.state === 'waiting' || task.state === 'queuing') {
			return { verdict: 'ignore', reason: `Suno stage ${screened.sunoStage} not reached yet` };
		}
		return { verdict: 'emit', json: itemJson(taskItemJson(task), screened.notice), task };
	}
	if (!FINAL.has(task.state)) {
		return { verdict: 'ignore', reason: `task not finished (state ${task.state})` };
	}
	if (rules.states.length > 0 && !rules.states.includes(task.state)) {
		return { verdict: 'ignore', reason: `state ${task.state}` };
	}
	return { verdict: 'emit', json: itemJson(taskItemJson(task), screened.notice), task };
}
