/**
 * The Kie client: the only code that speaks HTTP to Kie, and the only import surface for the
 * node and the trigger.
 */
export { getKieAccount, CREDENTIAL_TYPE, type KieAccount, type KieContext } from './account';
export {
	API_FAMILIES,
	apiFamily,
	callbackTaskId,
	isKieApi,
	parseBoostStyle,
	parseCallbackBody,
	parseDownloadUrl,
	parsePersona,
	parseTimestampedLyrics,
	type CallbackTask,
} from './apis';
export { CancelledError, AmbiguousCreateError, KieRequestError, kieWords } from './errors';
export type { DownloadedFile, DownloadStream } from './http';
export { KieClient } from './KieClient';
export { waitForVeoHdVideo, type HdWaitResult } from './veoHd';
export type {
	CreatedTask,
	CreateTaskRequest,
	KieApi,
	KieTask,
	TaskState,
	UploadedFile,
	WaitOptions,
	WaitResult,
} from './types';
