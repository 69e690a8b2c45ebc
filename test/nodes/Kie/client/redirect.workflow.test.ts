/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/** The API key never follows a redirect to another host. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { kieCredentials, runWorkflow } from '../../../harness';
import { kieWorkflow, SECRET_KEY, visibleText } from '../../../helpers/workflow';

async function listen(
	handler: http.RequestListener,
): Promise<{ server: http.Server; url: string }> {
	const server = http.createServer(handler);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('a redirect from the Base URL', () => {
	const received: Array<{ url?: string; authorization?: string }> = [];
	let elsewhere: { server: http.Server; url: string };
	let redirector: { server: http.Server; url: string };

	beforeAll(async () => {
		elsewhere = await listen((req, res) => {
			received.push({ url: req.url, authorization: req.headers.authorization });
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ code: 200, msg: 'success', data: 100 }));
		});
		redirector = await listen((req, res) => {
			res.writeHead(302, { Location: `${elsewhere.url}${req.url ?? '/'}` });
			res.end();
		});
	});
	afterAll(async () => {
		for (const { server } of [elsewhere, redirector]) {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	});

	it('does not carry the key to the other host, and says the Base URL redirected', async () => {
		const hosts = { baseUrl: redirector.url, uploadBaseUrl: redirector.url };
		const result = await runWorkflow(
			kieWorkflow({ resource: 'account', operation: 'getCredits' }),
			{ credentials: { kieApi: kieCredentials(hosts, { apiKey: SECRET_KEY }) } },
		);
		expect(received.filter((request) => request.authorization?.includes(SECRET_KEY))).toEqual([]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(`redirect (HTTP 302) to ${elsewhere.url}`);
		expect(visibleText(result)).not.toContain(SECRET_KEY);
	});
});
