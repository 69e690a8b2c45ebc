import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** Kie's codes (https://docs.kie.ai/) that fail the credential test, and what the user is told. */
const FAILING_CODES: Record<number, string> = {
	401: 'Kie.ai rejected the API key (code 401: You do not have access permissions). Check the key at https://kie.ai/api-key.',
	403: 'Kie.ai refused access (code 403). Check the key and its IP whitelist at https://kie.ai/api-key.',
	404: 'Kie.ai answered code 404 (not found): check the Base URL (https://api.kie.ai).',
	429: 'Kie.ai answered code 429 (rate limit exceeded): try the test again in a few seconds.',
	433: "Kie.ai answered code 433: this key's usage cap is reached. Raise it at https://kie.ai/api-key.",
	455: 'Kie.ai answered code 455: the service is under maintenance. Try again later.',
	500: 'Kie.ai answered code 500 (server error). Try again later.',
	505: 'Kie.ai answered code 505: this feature is currently disabled.',
};

export class KieApi implements ICredentialType {
	name = 'kieApi';

	displayName = 'Kie.ai API';

	icon: Icon = { light: 'file:kie.svg', dark: 'file:kie.dark.svg' };

	documentationUrl = 'https://docs.kie.ai/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Your Kie.ai API key, from https://kie.ai/api-key',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.kie.ai',
			description: 'Where tasks, credits and download links are requested',
		},
		{
			displayName: 'Upload Base URL',
			name: 'uploadBaseUrl',
			type: 'string',
			default: 'https://kieai.redpandaai.co',
			description: "Kie.ai's file upload host (the upload API lives on a different host)",
		},
		// A shared secret that signs callbacks: it must be masked like the API key.
		{
			displayName: 'Webhook HMAC Key',
			name: 'webhookHmacKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'From https://kie.ai/settings. When set, the Kie.ai Trigger accepts only callbacks signed with it.',
		},
		{
			displayName: 'Max New Tasks per Window',
			name: 'maxNewTasks',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 20,
			description:
				'How many tasks this account may create per window (Kie.ai allows 20 per 10 seconds unless support raised it)',
		},
		{
			displayName: 'Window (Seconds)',
			name: 'maxNewTasksWindow',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10,
			description: 'The window of Max New Tasks per Window, in seconds',
		},
		{
			displayName: 'Max Status Requests per Second',
			name: 'maxStatusRequests',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10,
			description:
				"How many task status requests this account may send per second, shared by all executions on this n8n instance (Kie.ai allows 10 per second per API key). With several queue-mode workers on one key, they slow down on Kie.ai's 429 answers.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// Kie answers errors with HTTP 200 and the real code in the body ({"code":401,"msg":…}), and
	// some (429, 500) with that HTTP status, so each code that means "this credential cannot be
	// used now" gets a rule for both forms. 402 (no credits) still passes: the key itself works.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/chat/credit',
			method: 'GET',
		},
		// n8n's credential tester reads both rule kinds from the one list (its type names one kind).
		rules: Object.entries(FAILING_CODES).flatMap(([code, message]) => [
			bodyCodeRule(Number(code), message),
			statusRule(Number(code), message),
		]) as IAuthenticateRuleResponseSuccessBody[],
	};
}

function bodyCodeRule(code: number, message: string): IAuthenticateRuleResponseSuccessBody {
	return { type: 'responseSuccessBody', properties: { key: 'code', value: code, message } };
}

function statusRule(status: number, message: string): IAuthenticateRuleResponseCode {
	return { type: 'responseCode', properties: { value: status, message } };
}
