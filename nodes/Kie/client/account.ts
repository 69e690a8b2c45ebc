/** The credential as the client uses it: hosts, the create and status limits, and a key scrubber. */
import { createHash } from 'crypto';
import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

export type KieContext = IExecuteFunctions | IWebhookFunctions;

export const CREDENTIAL_TYPE = 'kieApi';

export interface KieAccount {
	baseUrl: string;
	uploadBaseUrl: string;
	maxNewTasks: number;
	maxNewTasksWindowMs: number;
	/** Status requests per second this process allows itself (Kie: 10 per key). */
	maxStatusRequestsPerSecond: number;
	webhookHmacKey: string;
	/** Identifies the account for the shared create limiter without keeping the key itself. */
	accountId: string;
	/**
	 * Cuts the API key out of a text. Kie, or a proxy in front of it, could quote the request's
	 * Authorization header back in an answer; every answer passes through this before anything
	 * reads it, and so does every error the node emits. A closure, so the key is in no field.
	 */
	withoutKey: (text: string) => string;
}

function trimSlashes(url: unknown, fallback: string): string {
	const text = typeof url === 'string' && url.trim() !== '' ? url.trim() : fallback;
	return text.replace(/\/+$/, '');
}

export async function getKieAccount(ctx: KieContext): Promise<KieAccount> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const apiKey = String(credentials.apiKey ?? '');
	const baseUrl = trimSlashes(credentials.baseUrl, 'https://api.kie.ai');
	const maxNewTasks = Number(credentials.maxNewTasks);
	const windowSeconds = Number(credentials.maxNewTasksWindow);
	const maxStatusRequests = Number(credentials.maxStatusRequests);
	return {
		baseUrl,
		uploadBaseUrl: trimSlashes(credentials.uploadBaseUrl, 'https://kieai.redpandaai.co'),
		maxNewTasks: Number.isFinite(maxNewTasks) && maxNewTasks >= 1 ? Math.floor(maxNewTasks) : 20,
		maxNewTasksWindowMs:
			(Number.isFinite(windowSeconds) && windowSeconds > 0 ? windowSeconds : 10) * 1000,
		// Credentials saved before this field existed have none: Kie's documented 10.
		maxStatusRequestsPerSecond:
			Number.isFinite(maxStatusRequests) && maxStatusRequests >= 1
				? Math.floor(maxStatusRequests)
				: 10,
		webhookHmacKey:
			typeof credentials.webhookHmacKey === 'string' ? credentials.webhookHmacKey : '',
		accountId: createHash('sha256').update(`${baseUrl}\n${apiKey}`).digest('hex').slice(0, 32),
		withoutKey: (text) => (apiKey.length >= 4 ? text.split(apiKey).join('***') : text),
	};
}
