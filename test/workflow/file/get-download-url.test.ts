/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * File → Get Download URL through n8n's engine: Kie's 20-minute direct link for a result file
 * (POST /api/v1/common/download-url), the bytes behind it, bad input refused with no request,
 * and Kie's refusal of a foreign URL with its code and words.
 */
import { request } from 'undici';

import { startSimulator } from '../../simulator';
import type { KieSimulator } from '../../simulator';
import { waitForFinal } from '../../simulator/test-helpers';
import { createTaskDirectly, kieOutput, runKie } from '../helpers';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 50 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const getDownloadUrl = (url: string) => ({ resource: 'file', operation: 'getDownloadUrl', url });

describe('File → Get Download URL', () => {
	it('asks once with the result URL and emits the direct link, which serves the same bytes', async () => {
		const taskId = await createTaskDirectly(sim, {
			model: 'nano-banana-pro',
			input: { prompt: 'A fox' },
		});
		const record = await waitForFinal(sim, taskId);
		const resultUrl = JSON.parse(record.resultJson).resultUrls[0] as string;

		const before = Date.now();
		const [item] = kieOutput(await runKie(sim, getDownloadUrl(resultUrl)));
		expect(item.json).toEqual({
			url: resultUrl,
			downloadUrl: expect.stringMatching(/\/files\/download\/[0-9a-f]+\//),
			expiresAt: expect.any(String),
		});
		const expires = Date.parse(item.json.expiresAt as string);
		expect(expires - before).toBeGreaterThanOrEqual(20 * 60 * 1000 - 1000);
		const requests = sim.record.requests.filter((r) => r.endpoint === 'downloadUrl');
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', '/api/v1/common/download-url', { url: resultUrl }],
		]);
		const [original, direct] = await Promise.all(
			[resultUrl, item.json.downloadUrl as string].map(async (url) =>
				Buffer.from(await (await request(url)).body.arrayBuffer()),
			),
		);
		expect(direct.equals(original)).toBe(true);
	});

	it('refuses a URL that is not http(s) before any request', async () => {
		const result = await runKie(sim, getDownloadUrl('ftp://files.example.com/a.png'));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Result URL/);
		expect(sim.record.requests).toHaveLength(0);
	});

	it('Kie’s refusal of a foreign URL (422) reaches the user with its code and words', async () => {
		const result = await runKie(sim, getDownloadUrl('https://elsewhere.example.com/a.png'));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/422/);
		expect(result.error?.message).toMatch(/External file URLs are not supported/);
	});
});
