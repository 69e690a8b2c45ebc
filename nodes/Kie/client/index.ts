/**
 * The Kie client: the only code that speaks HTTP to Kie, and the only import surface for the
 * node and the trigger.
 */
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
export {
	chatBody,
	readChatAnswer,
	sendChat,
	type ChatAnswer,
	type ChatFamily,
	type ChatMessage,
	type ChatRequest,
} from './chat';
export {
	CancelledError,
	CancelledCreateError,
	AmbiguousCreateError,
	KieRequestError,
	kieWords,
	SsrfRefusedError,
} from './errors';
export {
	CREDENTIAL_TYPE,
	getKieAccount,
	type KieAccount,
	type KieContext,
	type Readable,
	type ResultFileStream,
} from './http';
export { KieClient } from './KieClient';
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
