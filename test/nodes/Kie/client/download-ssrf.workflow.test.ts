/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * n8n 2.x's SSRF protection (N8N_SSRF_PROTECTION_ENABLED) refusing a result file, through n8n's
 * engine: the API is reached by an allowed host name (localhost), the result URL is on a loopback
 * IP, which n8n's default block list refuses. The refusal is said as such and not retried.
 * A file of its own: the protection is configured before n8n creates its SSRF service.
 */
import { SsrfProtectionConfig } from '@n8n/config';
import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { kieCredentials, runWorkflow } from '../../../harness';
import { startSimulator, type KieSimulator } from '../../../simulator';
import { kieWorkflow } from '../../../helpers/workflow';

const ssrf = Container.get(SsrfProtectionConfig);
ssrf.enabled = true;
ssrf.allowedHostnames = ['localhost'];

/** Every request n8n's HTTP client was asked to send (whether or not it left the machine). */
const attempted: string[] = [];
const outbound = Container.get(OutboundHttp);
const requests = outbound.requests.bind(outbound);
jest.spyOn(outbound, 'requests').mockImplementation((...args) => {
	const client = requests(...args);
	return {
		...client,
		request: async (options: IHttpRequestOptions) => {
			attempted.push(options.url);
			return await client.request(options);
		},
	} as typeof client;
});

let sim: KieSimulator;
beforeAll(async () => {
	sim = await startSimulator({ generationMs: 200, createLimit: { max: 1000, windowMs: 1000 } });
});
afterAll(async () => await sim.stop());

it('a result URL refused by n8n is named as such, tried once, and the item keeps taskId and URL', async () => {
	const api = { baseUrl: sim.baseUrl.replace('127.0.0.1', 'localhost'), uploadBaseUrl: '' };
	const result = await runWorkflow(
		kieWorkflow(
			{
				resource: 'image',
				operation: 'generate',
				model: 'nano-banana-pro',
				prompt: 'behind the SSRF wall',
				options: { pollInterval: 0.2 },
			},
			{ continueOnFail: true },
		),
		{ credentials: { kieApi: kieCredentials({ ...sim, ...api }) } },
	);

	expect(result.status).toBe('success');
	const [item] = result.outputOf('Kie');
	const url = (item.json.resultUrls as string[])[0];
	expect(url.startsWith(sim.baseUrl)).toBe(true);
	expect(item.json.taskId).toEqual(expect.any(String));
	expect(item.binary).toBeUndefined();
	expect(item.json.downloadErrors).toEqual([
		`${url}: n8n's SSRF protection refused the request to ${new URL(url).host} (127.0.0.1): ` +
			'ask your n8n administrator to allow it (N8N_SSRF_ALLOWED_HOSTNAMES or N8N_SSRF_ALLOWED_IP_RANGES)',
	]);
	expect(attempted.filter((sent) => sent === url)).toHaveLength(1);
	expect(sim.record.requests.filter((request) => request.endpoint === 'file')).toHaveLength(0);
});
