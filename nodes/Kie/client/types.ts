/** What the client hands its callers: tasks, uploads, and the requests that create tasks. */
import type { IDataObject } from 'n8n-workflow';

import type { EndpointName } from './endpoints';

/** Which Kie API made a task: each has its own create, status and callback shapes. */
export type KieApi =
	| 'market'
	| 'veo'
	| 'runway'
	| 'suno'
	| '4o-image'
	| 'flux-kontext'
	// Suno's tools with a status endpoint of their own, and Runway Aleph (client/apis/sunoTools.ts, aleph.ts).
	| 'suno-lyrics'
	| 'suno-wav'
	| 'suno-music-video'
	| 'suno-vocal-separation'
	| 'suno-midi'
	| 'suno-cover'
	| 'aleph';

export type TaskState = 'waiting' | 'queuing' | 'generating' | 'success' | 'fail';

export const FINAL_STATES: readonly TaskState[] = ['success', 'fail'];

/** A task as users see it in the node's output, whichever API made it. */
export interface KieTask {
	taskId: string;
	api: KieApi;
	model: string | null;
	state: TaskState;
	resultUrls: string[];
	/** Text models answer `{resultObject: {...}}` instead of URLs. */
	resultObject?: IDataObject;
	/**
	 * Fields only this API (or this model) has, emitted under their documented names: the jobs
	 * API's extra result keys (firstFrameUrl …), Veo's resolution and originUrls, Suno's tracks.
	 */
	extra?: IDataObject;
	failCode: string | null;
	failMsg: string | null;
	/** Milliseconds. */
	costTime: number | null;
	createTime: number | null;
	completeTime: number | null;
	creditsConsumed: number | null;
	param: IDataObject | null;
	progress?: number;
}

/** A create, as the catalogue built it: the client only sends it. */
export interface CreateTaskRequest {
	api: KieApi;
	/** The endpoint table's row that creates this kind of task. */
	endpoint: EndpointName;
	/** The model as the user named it, for messages and poll learning. */
	model: string;
	/** The request body exactly as the API takes it, callBackUrl included. */
	body: IDataObject;
	/**
	 * Poll-learning key, only for tasks whose parameters do not say what they make (an extend, an
	 * upscale); otherwise taskKind (waitForTask.ts) computes it from `model` and `body`.
	 */
	kind?: string;
	/** How long such a task usually takes, before anything was learned (ms). */
	expectedMs?: number;
}

/** A task the client created: what it needs to wait for it, and what users see meanwhile. */
export interface CreatedTask {
	taskId: string;
	api: KieApi;
	model: string;
	/** The task item before the first poll (`state: "waiting"`). */
	task: KieTask;
}

export interface UploadedFile extends IDataObject {
	downloadUrl: string;
	fileName: string;
	filePath: string;
	fileSize: number;
	mimeType: string;
	uploadedAt: string;
}

export interface WaitOptions {
	timeoutMs: number;
	/** The user's fixed poll interval; 0 or undefined = adaptive. */
	pollIntervalMs?: number;
	/** The task's offset among its kind's polls while nothing is known (0–1; default: spread evenly). */
	pollPhase?: number;
	/**
	 * A prior for how long the task takes (e.g. the catalogue's for a video model: minutes), used
	 * until a task of its kind has been seen finishing in this process.
	 */
	expectedMs?: number;
}

export interface WaitResult {
	task: KieTask;
	timedOut: boolean;
	polls: number;
}
