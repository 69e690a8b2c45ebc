/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSimulator, type KieSimulator } from './';
import { createdTaskId, credits, nanoBananaPro, recordInfo, sleep, until } from './test-helpers';

interface ReceivedCallback {
	headers: http.IncomingHttpHeaders;
	body: any;
}

let sim: KieSimulator;
let receiver: http.Server;
let receiverUrl: string;
let received: ReceivedCallback[] = [];
let receiverStatus = 200;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 100 });
	receiver = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({
				headers: req.headers,
				body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
			});
			res.writeHead(receiverStatus, { 'content-type': 'application/json' });
			res.end('{"status":"received"}');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
});
afterEach(() => {
	sim.reset();
	received = [];
	receiverStatus = 200;
});
afterAll(async () => {
	await sim.stop();
	await new Promise((resolve) => receiver.close(resolve));
});

/** The doc's algorithm: base64(HMAC-SHA256(taskId + "." + timestamp, key)), compared in constant time. */
function verifySignature(
	taskId: string,
	timestamp: string,
	signature: string,
	key: string,
): boolean {
	const expected = createHmac('sha256', key).update(`${taskId}.${timestamp}`).digest('base64');
	return (
		expected.length === signature.length &&
		timingSafeEqual(Buffer.from(expected), Buffer.from(signature))
	);
}

describe('callbacks', () => {
	it('POSTs the success payload to callBackUrl when the task finishes', async () => {
		sim.configure({ generationMs: 600 });
		const payload = { ...nanoBananaPro({ resolution: '4K' }), callBackUrl: receiverUrl };
		const taskId = await createdTaskId(sim, payload);
		await until(() => received.length === 1);
		const { headers, body } = received[0];
		expect(headers['content-type']).toBe('application/json');
		expect(headers['x-webhook-signature']).toBeUndefined();
		expect(body.code).toBe(200);
		expect(body.msg).toBe('Playground task completed successfully.');
		const recordData = (await recordInfo(sim, taskId)).json.data;
		expect(body.data).toMatchObject({
			taskId,
			model: 'nano-banana-pro',
			state: 'success',
			param: recordData.param,
			resultJson: recordData.resultJson,
			createTime: recordData.createTime,
			completeTime: recordData.completeTime,
			consumeCredits: 48,
			remainedCredits: 100_000 - 48,
		});
		expect(JSON.parse(body.data.param)).toEqual(payload);
		expect(JSON.parse(body.data.resultJson).resultUrls).toHaveLength(1);
		// The documented disagreement: seconds in the callback, milliseconds in recordInfo.
		expect(body.data.costTime).toBe(1);
		expect(recordData.costTime).toBe(600);

		await until(() => sim.record.callbacks.length === 1);
		expect(sim.record.callbacks[0]).toMatchObject({ taskId, url: receiverUrl, status: 200 });
		expect(sim.record.callbacks[0].error).toBeUndefined();
	});

	it('POSTs the failure payload with code 501 and failCode/failMsg', async () => {
		const taskId = await createdTaskId(sim, {
			...nanoBananaPro({ prompt: 'a [fail] banana' }),
			callBackUrl: receiverUrl,
		});
		await until(() => received.length === 1);
		const { body } = received[0];
		expect(body.code).toBe(501);
		expect(body.msg).toBe('Playground task failed.');
		expect(body.data).toMatchObject({
			taskId,
			state: 'fail',
			failCode: '500',
			failMsg: 'Internal server error',
			consumeCredits: 0,
			remainedCredits: 100_000,
		});
	});

	it('signs callbacks with the webhook HMAC key the way the docs verify them', async () => {
		sim.configure({ webhookHmacKey: 'hmac-secret', callbackTaskIdField: 'both' });
		const taskId = await createdTaskId(sim, { ...nanoBananaPro(), callBackUrl: receiverUrl });
		await until(() => received.length === 1);
		const { headers, body } = received[0];
		const timestamp = headers['x-webhook-timestamp'] as string;
		const signature = headers['x-webhook-signature'] as string;
		expect(timestamp).toMatch(/^\d{10}$/);
		expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
		expect(body.data.task_id).toBe(taskId);
		expect(body.data.taskId).toBe(taskId);
		expect(verifySignature(body.data.task_id, timestamp, signature, 'hmac-secret')).toBe(true);
		expect(verifySignature(body.data.task_id, timestamp, signature, 'other-key')).toBe(false);
	});

	it('names the task only data.task_id when configured so', async () => {
		sim.configure({ callbackTaskIdField: 'task_id' });
		const taskId = await createdTaskId(sim, { ...nanoBananaPro(), callBackUrl: receiverUrl });
		await until(() => received.length === 1);
		expect(received[0].body.data.task_id).toBe(taskId);
		expect('taskId' in received[0].body.data).toBe(false);
	});

	it('records the receiver status and delivery errors', async () => {
		sim.configure({ callbackRetryDelaysMs: [] });
		receiverStatus = 500;
		await createdTaskId(sim, { ...nanoBananaPro(), callBackUrl: receiverUrl });
		await createdTaskId(sim, { ...nanoBananaPro(), callBackUrl: 'http://127.0.0.1:1/nobody' });
		await until(() => sim.record.callbacks.length === 2);
		const byUrl = new Map(sim.record.callbacks.map((callback) => [callback.url, callback]));
		expect(byUrl.get(receiverUrl)).toMatchObject({ status: 500 });
		expect(byUrl.get('http://127.0.0.1:1/nobody')).toMatchObject({
			status: 0,
			error: expect.any(String),
		});
	});

	it('retries a callback the receiver did not take, up to 3 times, then gives up', async () => {
		sim.configure({ callbackRetryDelaysMs: [20, 20, 20] });
		receiverStatus = 409;
		const taskId = await createdTaskId(sim, { ...nanoBananaPro(), callBackUrl: receiverUrl });
		await until(() => sim.record.callbacks.length === 4);
		await sleep(100);
		expect(sim.record.callbacks.map(({ attempt, status }) => [attempt, status])).toEqual([
			[1, 409],
			[2, 409],
			[3, 409],
			[4, 409],
		]);
		expect(received.map(({ body }) => body.data.taskId)).toEqual([taskId, taskId, taskId, taskId]);
	});

	it('stops retrying once the receiver answers 2xx', async () => {
		sim.configure({ callbackRetryDelaysMs: [300, 300, 300] });
		receiverStatus = 404;
		await createdTaskId(sim, { ...nanoBananaPro(), callBackUrl: receiverUrl });
		await until(() => sim.record.callbacks.length === 1);
		receiverStatus = 200;
		await until(() => sim.record.callbacks.length === 2);
		await sleep(100);
		expect(sim.record.callbacks.map(({ attempt, status }) => [attempt, status])).toEqual([
			[1, 404],
			[2, 200],
		]);
	});

	it('sends nothing for a task still running at reset()', async () => {
		sim.configure({ generationMs: 100 });
		await createdTaskId(sim, { ...nanoBananaPro(), callBackUrl: receiverUrl });
		sim.reset();
		await sleep(200);
		expect(received).toHaveLength(0);
		expect(sim.record.callbacks).toHaveLength(0);
	});
});

describe('stop()', () => {
	it('clears pending work so nothing keeps the process alive', async () => {
		const other = await startSimulator({ generationMs: 60_000 });
		await createdTaskId(other, { ...nanoBananaPro(), callBackUrl: receiverUrl });
		other.injectFault({ endpoint: 'credit', kind: 'slow', delayMs: 60_000 });
		const slowCall = credits(other);
		slowCall.catch(() => undefined);
		await until(() => other.record.requests.length === 2);
		const started = Date.now();
		await other.stop();
		expect(Date.now() - started).toBeLessThan(1_000);
		await expect(slowCall).rejects.toThrow();
		await expect(credits(other)).rejects.toThrow();
	});
});
