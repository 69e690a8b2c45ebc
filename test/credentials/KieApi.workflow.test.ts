/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { kieCredentials, testCredential } from '../harness';
import { startSimulator } from '../simulator';
import type { KieSimulator } from '../simulator';

const GOOD_KEY = 'sim-key';
const WRONG_KEY = 'wrong-key-7f3a9c';
const KEY_401 =
	'Kie.ai rejected the API key (code 401: You do not have access permissions). Check the key at https://kie.ai/api-key.';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ apiKeys: [GOOD_KEY] });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

function creditRequests() {
	return sim.record.requests.filter((request) => request.endpoint === 'credit');
}

describe('the kieApi credential test (as n8n runs it from the credential dialog)', () => {
	it('passes with a key Kie accepts', async () => {
		const result = await testCredential(kieCredentials(sim, { apiKey: GOOD_KEY }));

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(creditRequests()).toHaveLength(1);
		expect(creditRequests()[0]).toMatchObject({
			method: 'GET',
			path: '/api/v1/chat/credit',
			status: 200,
			bodyCode: 200,
		});
		expect(creditRequests()[0].headers.authorization).toBe(`Bearer ${GOOD_KEY}`);
	});

	it('fails with a message about the key when Kie answers HTTP 200 with code 401', async () => {
		const result = await testCredential(kieCredentials(sim, { apiKey: WRONG_KEY }));

		expect(result).toEqual({ status: 'Error', message: KEY_401 });
		expect(creditRequests()).toHaveLength(1);
		expect(creditRequests()[0]).toMatchObject({ status: 200, bodyCode: 401 });
		expect(creditRequests()[0].headers.authorization).toBe(`Bearer ${WRONG_KEY}`);
	});

	it('fails when the key is missing', async () => {
		const credentials = kieCredentials(sim);
		delete credentials.apiKey;

		const result = await testCredential(credentials);

		expect(result).toEqual({ status: 'Error', message: KEY_401 });
		expect(creditRequests()).toHaveLength(1);
		expect(creditRequests()[0].bodyCode).toBe(401);
	});

	it('uses the base URL without its trailing slashes', async () => {
		const result = await testCredential(kieCredentials(sim, { baseUrl: `${sim.baseUrl}//` }));

		expect(result.status).toBe('OK');
		expect(creditRequests()[0].path).toBe('/api/v1/chat/credit');
	});

	it('fails with the HTTP status when Kie answers an HTTP error', async () => {
		sim.injectFault({ endpoint: 'credit', kind: 'http503', times: 1 });

		const result = await testCredential(kieCredentials(sim));

		// Not a Kie code: n8n's tester shows the HTTP status text.
		expect(result).toEqual({ status: 'Error', message: 'Service Unavailable' });
		expect(creditRequests()[0].status).toBe(503);
	});
});

describe("the credential test for each of Kie's answers (a stand-in Kie answering the code)", () => {
	const KEY = 'sk-kie-CREDENTIAL-TEST-8d7c6b5a';
	let server: Server;
	let baseUrl: string;
	let answer: { status: number; body: Record<string, unknown> };
	const seen: Array<{ method?: string; url?: string; authorization?: string }> = [];

	beforeAll(async () => {
		server = createServer((req, res) => {
			seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
			req.resume();
			req.on('end', () => {
				res.writeHead(answer.status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(answer.body));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	beforeEach(() => (seen.length = 0));
	afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));

	// Kie's code table (https://docs.kie.ai/: Get Remaining Credits, Getting Started).
	const failing: Array<[number, string, string]> = [
		[
			403,
			'Forbidden',
			'Kie.ai refused access (code 403). Check the key and its IP whitelist at https://kie.ai/api-key.',
		],
		[
			404,
			'Not Found - The requested resource or endpoint does not exist',
			'Kie.ai answered code 404 (not found): check the Base URL (https://api.kie.ai).',
		],
		[
			429,
			'Rate Limited - Request limit has been exceeded for this resource',
			'Kie.ai answered code 429 (rate limit exceeded): try the test again in a few seconds.',
		],
		[
			433,
			'Usage limit reached',
			"Kie.ai answered code 433: this key's usage cap is reached. Raise it at https://kie.ai/api-key.",
		],
		[
			455,
			'Service Unavailable - System is currently undergoing maintenance',
			'Kie.ai answered code 455: the service is under maintenance. Try again later.',
		],
		[
			500,
			'Server Error - An unexpected error occurred while processing the request',
			'Kie.ai answered code 500 (server error). Try again later.',
		],
		[
			505,
			'Feature Disabled - The requested feature is currently disabled',
			'Kie.ai answered code 505: this feature is currently disabled.',
		],
	];
	const forms = [
		{ form: 'HTTP 200 with the code in the body', status: () => 200 },
		{ form: 'the code as the HTTP status', status: (code: number) => code },
	];

	describe.each(forms)('$form', ({ status }) => {
		it.each(failing)('%i fails the test with a clear message', async (code, msg, message) => {
			answer = { status: status(code), body: { code, msg, data: null } };

			const result = await testCredential(
				kieCredentials({ baseUrl, uploadBaseUrl: baseUrl }, { apiKey: KEY }),
			);

			expect(result).toEqual({ status: 'Error', message });
			expect(result.message).not.toContain(KEY);
			expect(seen).toEqual([
				{ method: 'GET', url: '/api/v1/chat/credit', authorization: `Bearer ${KEY}` },
			]);
		});
	});

	it('402 (no credits left) passes: the key itself works', async () => {
		answer = {
			status: 200,
			body: {
				code: 402,
				msg: 'Insufficient Credits - Account does not have enough credits to perform the operation',
				data: null,
			},
		};

		const result = await testCredential(
			kieCredentials({ baseUrl, uploadBaseUrl: baseUrl }, { apiKey: KEY }),
		);

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(seen).toHaveLength(1);
	});
});
