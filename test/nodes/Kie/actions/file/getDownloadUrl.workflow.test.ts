/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * File → Get Download URL through n8n's engine: Kie's 20-minute direct link for a result file
 * (POST /api/v1/common/download-url), the bytes behind it, bad input refused with no request,
 * and Kie's refusal of a foreign URL with its code and words. A 4o Image result through its own
 * endpoint (POST /api/v1/gpt4o-image/download-url, named by taskId and url).
 */
import { request } from 'undici';

import { startSimulator } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import { waitForFinal } from '../../../../simulator/test-helpers';
import { createTaskDirectly, kieOutput, runKie } from '../../../../helpers/workflow';

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

/** A 4o Image task made straight on the simulator; resolves with its id and first image once done. */
async function finishedFourOImage(
	prompt = 'A lighthouse',
): Promise<{ taskId: string; imageUrl: string }> {
	const headers = { authorization: 'Bearer sim-key', 'content-type': 'application/json' };
	const created = await request(`${sim.baseUrl}/api/v1/gpt4o-image/generate`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ prompt, size: '1:1' }),
	});
	const taskId = ((await created.body.json()) as any).data.taskId as string;
	for (;;) {
		const reply = await request(`${sim.baseUrl}/api/v1/gpt4o-image/record-info?taskId=${taskId}`, {
			headers,
		});
		const data = ((await reply.body.json()) as any).data;
		if (data.successFlag === 1) return { taskId, imageUrl: data.response.resultUrls[0] };
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

const fourODownload = (taskId: string, url: string) => ({
	resource: 'file',
	operation: 'getDownloadUrl',
	resultOf: '4o-image',
	taskId,
	url,
});

describe('File → Get Download URL for a 4o Image result', () => {
	it('asks the 4o Image endpoint once with taskId and url; the link serves the same PNG', async () => {
		const { taskId, imageUrl } = await finishedFourOImage();
		sim.record.requests.length = 0;
		const [item] = kieOutput(await runKie(sim, fourODownload(taskId, imageUrl)));
		expect(item.json).toEqual({
			url: imageUrl,
			taskId,
			downloadUrl: expect.stringMatching(/\/files\/download\/[0-9a-f]+\/[0-9a-f]+_0\.png$/),
			expiresAt: expect.any(String),
		});
		expect(sim.record.requests.map((r) => [r.endpoint, r.method, r.path, r.body])).toEqual([
			[
				'fourOImageDownloadUrl',
				'POST',
				'/api/v1/gpt4o-image/download-url',
				{ taskId, url: imageUrl },
			],
		]);
		const direct = await request(item.json.downloadUrl as string);
		expect(direct.headers['content-type']).toBe('image/png');
		const [original, linked] = await Promise.all([
			request(imageUrl).then(async (r) => Buffer.from(await r.body.arrayBuffer())),
			direct.body.arrayBuffer().then((b) => Buffer.from(b)),
		]);
		expect(linked.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect(linked.equals(original)).toBe(true);
	});

	it('refuses a Task ID that maps to nothing before any request', async () => {
		// An expression: a literal empty value is already refused by n8n as a required parameter.
		const result = await runKie(
			sim,
			fourODownload('={{ $json.missing }}', 'https://tempfile.aiquickdraw.com/v/x.png'),
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Task ID is empty/);
		expect(sim.record.requests).toHaveLength(0);
	});

	it('Kie’s 422 for a URL that is not the task’s result reaches the user with its code and words', async () => {
		const { taskId, imageUrl } = await finishedFourOImage();
		const result = await runKie(sim, fourODownload(taskId, imageUrl.replace('_0.png', '_7.png')));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/422/);
		expect(result.error?.message).toMatch(/record result data not exist/);
	});
});
