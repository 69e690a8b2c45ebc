import { kieCredentials, testCredential } from '../harness';
import { startSimulator } from '../simulator';
import type { KieSimulator } from '../simulator';

const GOOD_KEY = 'sim-key';
const WRONG_KEY = 'wrong-key-7f3a9c';

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

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/API key/);
		expect(result.message).not.toContain(WRONG_KEY);
		expect(creditRequests()).toHaveLength(1);
		expect(creditRequests()[0]).toMatchObject({ status: 200, bodyCode: 401 });
		expect(creditRequests()[0].headers.authorization).toBe(`Bearer ${WRONG_KEY}`);
	});

	it('fails when the key is missing', async () => {
		const credentials = kieCredentials(sim);
		delete credentials.apiKey;

		const result = await testCredential(credentials);

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/API key/);
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

		expect(result.status).toBe('Error');
		expect(result.message).not.toContain(GOOD_KEY);
		expect(creditRequests()[0].status).toBe(503);
	});
});
