import type {
	IAuthenticateGeneric,
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
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
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

	// Kie answers a wrong key with HTTP 200 and {"code":401,...} in the body, so the body code is checked too.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/chat/credit',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 401,
					message: 'Kie.ai rejected the API key (code 401). Check the key at https://kie.ai/api-key.',
				},
			},
		],
	};
}
