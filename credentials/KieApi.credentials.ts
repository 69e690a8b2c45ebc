import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseSuccessBody,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

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
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// Kie answers errors with HTTP 200 and the real code in the body ({"code":401,"msg":…}), so each
	// code that means "this credential cannot be used" gets a rule. 402 (no credits) still passes:
	// the key itself works.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/chat/credit',
			method: 'GET',
		},
		rules: [
			bodyCodeRule(
				401,
				'Kie.ai rejected the API key (code 401: You do not have access permissions). Check the key at https://kie.ai/api-key.',
			),
			bodyCodeRule(
				403,
				'Kie.ai refused access (code 403). Check the key and its IP whitelist at https://kie.ai/api-key.',
			),
			bodyCodeRule(
				404,
				'Kie.ai answered code 404 (not found): check the Base URL (https://api.kie.ai).',
			),
			bodyCodeRule(
				429,
				'Kie.ai answered code 429 (rate limit exceeded): try the test again in a few seconds.',
			),
			bodyCodeRule(
				433,
				"Kie.ai answered code 433: this key's usage cap is reached. Raise it at https://kie.ai/api-key.",
			),
			bodyCodeRule(
				455,
				'Kie.ai answered code 455: the service is under maintenance. Try again later.',
			),
			bodyCodeRule(500, 'Kie.ai answered code 500 (server error). Try again later.'),
			bodyCodeRule(505, 'Kie.ai answered code 505: this feature is currently disabled.'),
		],
	};
}

function bodyCodeRule(code: number, message: string): IAuthenticateRuleResponseSuccessBody {
	return { type: 'responseSuccessBody', properties: { key: 'code', value: code, message } };
}
