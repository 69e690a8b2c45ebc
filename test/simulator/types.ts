/**
 * The Kie simulator's public surface: what tests, the demo and the benchmarks use.
 * The simulator is a real HTTP server on 127.0.0.1 that behaves like Kie.ai as documented in
 * ../shared/kie-docs/, quirks included (HTTP 200 with an error `code` in the body, JSON strings
 * inside JSON, `data` as a bare number or string, a separate upload host).
 */

export type TaskState = 'waiting' | 'queuing' | 'generating' | 'success' | 'fail';

export type Endpoint =
	| 'createTask' // POST /api/v1/jobs/createTask
	| 'recordInfo' // GET  /api/v1/jobs/recordInfo?taskId=
	| 'credit' // GET  /api/v1/chat/credit
	| 'downloadUrl' // POST /api/v1/common/download-url
	| 'streamUpload' // POST {upload}/api/file-stream-upload (multipart)
	| 'base64Upload' // POST {upload}/api/file-base64-upload
	| 'urlUpload' // POST {upload}/api/file-url-upload
	| 'file' // GET  result files and uploaded files
	| 'sunoGenerate' // POST /api/v1/generate
	| 'sunoExtend' // POST /api/v1/generate/extend
	| 'sunoRecordInfo' // GET  /api/v1/generate/record-info?taskId=
	| 'fourOImageGenerate' // POST /api/v1/gpt4o-image/generate
	| 'fourOImageRecordInfo' // GET  /api/v1/gpt4o-image/record-info?taskId=
	| 'fourOImageDownloadUrl' // POST /api/v1/gpt4o-image/download-url
	| 'fluxKontextGenerate' // POST /api/v1/flux/kontext/generate
	| 'fluxKontextRecordInfo' // GET  /api/v1/flux/kontext/record-info?taskId=
	| 'veoGenerate' // POST /api/v1/veo/generate
	| 'veoRecordInfo' // GET  /api/v1/veo/record-info?taskId=
	| 'veoExtend' // POST /api/v1/veo/extend
	| 'veo1080p' // GET  /api/v1/veo/get-1080p-video?taskId=&index=
	| 'veo4k' // POST /api/v1/veo/get-4k-video
	| 'runwayGenerate' // POST /api/v1/runway/generate
	| 'runwayRecordDetail' // GET  /api/v1/runway/record-detail?taskId=
	| 'runwayExtend' // POST /api/v1/runway/extend
	| 'chatCompletions' // POST /<model>/v1/chat/completions (GPT-5.2, Gemini)
	| 'claudeMessages' // POST /claude/v1/messages
	| 'responses' // POST /codex/v1/responses, /api/v1/responses
	// Suno's tools (sunoSongs.ts, sunoFiles.ts) and Runway Aleph (aleph.ts)
	| 'sunoLyrics' // POST /api/v1/lyrics
	| 'sunoLyricsRecordInfo' // GET  /api/v1/lyrics/record-info?taskId=
	| 'sunoTimestampedLyrics' // POST /api/v1/generate/get-timestamped-lyrics
	| 'sunoUploadCover' // POST /api/v1/generate/upload-cover
	| 'sunoUploadExtend' // POST /api/v1/generate/upload-extend
	| 'sunoAddVocals' // POST /api/v1/generate/add-vocals
	| 'sunoAddInstrumental' // POST /api/v1/generate/add-instrumental
	| 'sunoReplaceSection' // POST /api/v1/generate/replace-section
	| 'sunoMashup' // POST /api/v1/generate/mashup
	| 'sunoSounds' // POST /api/v1/generate/sounds
	| 'sunoPersona' // POST /api/v1/generate/generate-persona
	| 'sunoBoostStyle' // POST /api/v1/style/generate
	| 'sunoWav' // POST /api/v1/wav/generate
	| 'sunoWavRecordInfo' // GET  /api/v1/wav/record-info?taskId=
	| 'sunoMp4' // POST /api/v1/mp4/generate
	| 'sunoMp4RecordInfo' // GET  /api/v1/mp4/record-info?taskId=
	| 'sunoVocalRemoval' // POST /api/v1/vocal-removal/generate
	| 'sunoVocalRemovalRecordInfo' // GET  /api/v1/vocal-removal/record-info?taskId=
	| 'sunoMidi' // POST /api/v1/midi/generate
	| 'sunoMidiRecordInfo' // GET  /api/v1/midi/record-info?taskId=
	| 'sunoCover' // POST /api/v1/suno/cover/generate
	| 'sunoCoverRecordInfo' // GET  /api/v1/suno/cover/record-info?taskId=
	| 'alephGenerate' // POST /api/v1/aleph/generate
	| 'alephRecordInfo'; // GET  /api/v1/aleph/record-info?taskId=

/** Endpoints that create a (paid) task: they share the one create window per key. */
export const CREATE_ENDPOINTS: readonly Endpoint[] = [
	'createTask',
	'veoGenerate',
	'veoExtend',
	'veo4k',
	'runwayGenerate',
	'runwayExtend',
	'sunoGenerate',
	'sunoExtend',
	'fourOImageGenerate',
	'fluxKontextGenerate',
	'sunoLyrics',
	'sunoUploadCover',
	'sunoUploadExtend',
	'sunoAddVocals',
	'sunoAddInstrumental',
	'sunoReplaceSection',
	'sunoMashup',
	'sunoSounds',
	'sunoWav',
	'sunoMp4',
	'sunoVocalRemoval',
	'sunoMidi',
	'sunoCover',
	'alephGenerate',
];

/**
 * Status requests: Kie's get-task-detail page caps them at 10 per second per API key (see
 * SimulatorOptions.statusLimit). The 1080P Veo video is asked for the same way.
 */
export const STATUS_ENDPOINTS: readonly Endpoint[] = [
	'recordInfo',
	'sunoRecordInfo',
	'fourOImageRecordInfo',
	'fluxKontextRecordInfo',
	'veoRecordInfo',
	'runwayRecordDetail',
	'veo1080p',
];

/** Kie's documented cap on status requests ("10 requests per second per API key"). */
export const KIE_STATUS_LIMIT = { max: 10, windowMs: 1000 };

/**
 * Where Kie's pages disagree, the reading the simulator answers with (default: the reference
 * pages' schema). Veo: `resultUrls` under `data.response` as a list, or (the quickstart) as a
 * JSON string in `data.resultUrls`, also in callbacks; times as epoch ms or "2025-06-06 10:30:00";
 * the 4K callback as `data.taskId` + `data.info` or (the 4K page's schema) snake_case fields.
 */
export interface ApiVariants {
	veoResultUrls?: 'array' | 'json-string';
	veoTimes?: 'epoch-ms' | 'date-text';
	veo4kCallback?: 'camel' | 'snake';
	/** The 1080P GET while the file is not ready: code 400 (the page) or 500 (the live API). */
	veoHdProcessing?: 'code400' | 'code500';
}

export type FaultKind =
	| 'http500'
	| 'http502'
	| 'http503'
	| 'http504'
	| 'http400' // the upload host's answers carry {success:false}; see the upload pages
	| 'http401'
	| 'http405'
	| 'malformedJson' // HTTP 200, body is truncated JSON
	| 'slow' // answers normally after `delayMs`
	| 'reset' // destroys the socket without answering (nothing happens server-side)
	| 'body455' // HTTP 200, {"code":455,"msg":"Service Unavailable - System is currently undergoing maintenance"}
	| 'body500' // HTTP 200, {"code":500,"msg":"Server Error ..."}
	| 'body429' // HTTP 200, {"code":429,...} (a create is NOT made)
	| 'body408' // HTTP 200, {"code":408,...}: upstream gave no result for 10 minutes (a create IS made)
	| 'createdThen500' // createTask only: the task IS created, then HTTP 500 is answered
	| 'createdThenReset' // createTask only: the task IS created, then the socket is destroyed
	| 'taskFail' // createTask only: the created task ends in state `fail` (failCode "500")
	| 'drip' // file only: headers at once, then the body one byte per `delayMs` (default 500)
	| 'chunked'; // file only: the body without Content-Length (chunked transfer encoding)

export interface FaultSpec {
	endpoint: Endpoint;
	kind: FaultKind;
	/** Apply to the next `times` matching requests (default: every matching request until cleared). */
	times?: number;
	/** Apply to each matching request with this probability (seeded RNG, see `seed`). */
	probability?: number;
	/** For `slow`: how long to wait before answering; for `drip`: between two bytes. */
	delayMs?: number;
}

export interface SimulatorOptions {
	/** Keys accepted as `Authorization: Bearer <key>`. Default ['sim-key']. Any other → HTTP 200 + {"code":401}. */
	apiKeys?: string[];
	/** Total time from create to a final state, in ms; a function may vary it per task. Default 300. */
	generationMs?: number | ((task: { model: string; input: Record<string, unknown> }) => number);
	/** Creates allowed per window per key, counted on arrival. Default { max: 20, windowMs: 10_000 }. */
	createLimit?: { max: number; windowMs: number };
	/**
	 * When set, status requests (STATUS_ENDPOINTS) allowed per window per key, counted on arrival
	 * like creates; one more is answered HTTP 429 + {"code":429}. Default: no cap (the switch:
	 * KIE_STATUS_LIMIT is Kie's documented 10 per second).
	 */
	statusLimit?: { max: number; windowMs: number };
	/** When set, callbacks carry X-Webhook-Timestamp and X-Webhook-Signature. */
	webhookHmacKey?: string;
	/** Field naming the task in callback bodies: data.taskId (default), data.task_id, or both. */
	callbackTaskIdField?: 'taskId' | 'task_id' | 'both';
	/**
	 * Waits before each retry of a callback the receiver did not answer with 2xx within 15 s.
	 * Kie documents 3 retries but not their spacing. Default [1000, 2000, 4000]; [] sends once.
	 */
	callbackRetryDelaysMs?: number[];
	/** Starting credits per key. Default 100000. A create the account cannot pay for → {"code":402}. */
	credits?: number;
	/** Seed for `probability` faults. Default 1. */
	seed?: number;
	/** See ApiVariants. Default {}. */
	apiVariants?: ApiVariants;
	/**
	 * How the jobs API's recordInfo answers a taskId it does not know (get-task-detail lists both):
	 * HTTP 200 + {"code":422,"msg":"recordInfo is null"} (default), HTTP 200 + {"code":404,
	 * "msg":"Task not found"}, or that body with HTTP status 404.
	 */
	unknownTaskAnswer?: 'recordInfo-null' | 'task-not-found' | 'task-not-found-http';
	/**
	 * A new jobs-API task is not yet known to recordInfo (answered as unknownTaskAnswer) for its
	 * first `queries` status requests and while less than `ms` has passed since its create.
	 * Default {}: visible at once.
	 */
	notVisibleAfterCreate?: { queries?: number; ms?: number };
	/** Content-Type of served files: 'exact' (default), 'none' (no header) or a generic type. */
	fileContentType?: 'exact' | 'none' | 'application/octet-stream' | 'binary/octet-stream';
	/** Result files (jobs results, videos) are padded with zero bytes to this size (0: as made). */
	resultFileBytes?: number;
	/** Jobs-API result URLs end in the file's extension (default true); false: `…/<taskId>_<n>`. */
	resultUrlExtensions?: boolean;
	/**
	 * The upload host's refusals: HTTP 200 with {success:false, code} (default), or with the
	 * HTTP status equal to the code, as the upload pages list them (400, 401, 405, 500).
	 */
	uploadErrorStatus?: 'body' | 'http';
}

export interface RecordedRequest {
	endpoint: Endpoint | 'unknown';
	method: string;
	path: string;
	query: Record<string, string>;
	/** Lower-cased header names. */
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON body; for multipart: { fields: {...}, files: [{ field, fileName, mimeType, size, sha256 }] }. */
	body: unknown;
	/** ms since epoch when the request arrived (headers received). */
	arrivedAt: number;
	/** HTTP status answered (0 when the socket was reset). */
	status: number;
	/** `code` in the answered JSON body, when there was one. */
	bodyCode?: number;
	/** Fault applied to this request, if any. */
	fault?: FaultKind;
	/** Jobs API: the task a create made or a recordInfo asked about. */
	taskId?: string;
	/** Jobs API: the state a recordInfo answered (absent when the task was not found). */
	taskState?: TaskState;
}

export interface SimulatedTask {
	taskId: string;
	apiKey: string;
	model: string;
	input: Record<string, unknown>;
	callBackUrl?: string;
	createdAt: number;
	/** When the task reaches its final state (planned at create). */
	finishAt: number;
	/** Set once a poll or the clock has observed the final state. */
	completedAt?: number;
	finalState: 'success' | 'fail';
	resultUrls: string[];
	/** What the result holds beside `resultUrls` (resultObject, frame URLs, object keys). */
	resultExtras?: Record<string, unknown>;
	/** Width, height and alpha of its PNG results when its input decides them (cut-out, upscale). */
	resultImage?: { width: number; height: number; alpha?: boolean };
	/** How many recordInfo requests asked for this task. */
	polls: number;
	/** ms since epoch of each recordInfo for this task. */
	pollTimes: number[];
}

export interface RecordedCallback {
	taskId: string;
	url: string;
	sentAt: number;
	/** 1 for the first delivery, 2… for Kie's retries. */
	attempt: number;
	status: number; // 0 when the request failed
	error?: string;
}

export interface SimulatorRecord {
	requests: RecordedRequest[];
	tasks: Map<string, SimulatedTask>;
	callbacks: RecordedCallback[];
	/** Requests per endpoint. */
	count(endpoint: Endpoint): number;
	/** Tasks actually created (what Kie would bill). */
	createdTaskCount(): number;
	/** createTask requests answered with a 429 (HTTP or body code). */
	rateLimitedCount(): number;
	/** Status requests (STATUS_ENDPOINTS) answered with a 429. */
	statusRateLimitedCount(): number;
	/** The most status requests accepted (not 429) arriving in any window of `windowMs`, per key. */
	maxStatusRequestsInAnyWindow(windowMs: number): number;
	/** The largest number of accepted creates whose arrival times fall in any window of `windowMs` (default: the configured window), per key. */
	maxCreatesInAnyWindow(windowMs?: number): number;
	/**
	 * The most jobs-API tasks in flight at once, in request order: from their create's arrival to
	 * the first recordInfo answer that showed them final.
	 */
	maxTasksInFlight(): number;
}

export interface KieSimulatorApi {
	/** e.g. http://127.0.0.1:40123 — jobs, credits, download-url, result files. */
	readonly baseUrl: string;
	/** e.g. http://127.0.0.1:40124 — a different port, like Kie's separate upload host. */
	readonly uploadBaseUrl: string;
	readonly record: SimulatorRecord;
	configure(options: Partial<SimulatorOptions>): void;
	injectFault(fault: FaultSpec): void;
	clearFaults(): void;
	/** Forget tasks, records, faults, limiter state and credits; options go back to those given at start. */
	reset(): void;
	stop(): Promise<void>;
}
