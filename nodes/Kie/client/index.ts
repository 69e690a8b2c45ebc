/**
 * The Kie client: the only code that speaks HTTP to Kie. What the operations and the trigger use
 * of it, in one list; the router, actions/common and shared/ import the module that defines each
 * name, so a reader following one generation lands on the code itself.
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
