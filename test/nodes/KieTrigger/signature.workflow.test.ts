/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/** The Kie.ai Trigger's signature checks and what it does with repeated callbacks. */
import type { KieSimulator } from '../../simulator';
import { type Delivery, type TriggerEndpoint, useTriggerFixture } from '../../helpers/trigger';

const fixture = useTriggerFixture();
const { configure, generateWithCallback, callbacksRecorded, post, postSigned } = fixture;
let sim: KieSimulator;
let endpoint: TriggerEndpoint;
beforeAll(() => {
	({ sim, endpoint } = fixture);
});

describe('Kie.ai Trigger receiving callbacks from Kie.ai', () => {
	it('answers 401 to a callback signed with another key, and runs nothing', async () => {
		sim.configure({ webhookHmacKey: 'not-the-key-in-n8n' });
		const taskId = await generateWithCallback();
		const [delivery] = await endpoint.waitForDeliveries(1);

		expect(delivery.status).toBe(401);
		expect(delivery.response).toEqual({ error: 'Invalid signature', reason: 'invalid-signature' });
		expect(delivery.workflowStarted).toBe(false);
		expect(delivery.items).toEqual([]);
		expect(await callbacksRecorded(1)).toEqual([expect.objectContaining({ taskId, status: 401 })]);
	});

	it('answers 401 to unsigned callbacks when the credential has a key', async () => {
		sim.configure({ webhookHmacKey: '' });
		await generateWithCallback();
		const [delivery] = await endpoint.waitForDeliveries(1);

		expect(delivery.request.headers['x-webhook-signature']).toBeUndefined();
		expect(delivery.status).toBe(401);
		expect(delivery.response).toMatchObject({ reason: 'missing-headers' });
		expect(delivery.workflowStarted).toBe(false);
	});

	describe('replaying a genuine signed callback', () => {
		let genuine: Delivery['request'];
		let taskId: string;

		beforeEach(async () => {
			taskId = await generateWithCallback();
			[{ request: genuine }] = await endpoint.waitForDeliveries(1);
		});

		it('runs the workflow once: repeats are acknowledged without starting it', async () => {
			const first = await post(genuine.headers, genuine.body);
			const second = await post(genuine.headers, genuine.body);
			expect([first, second]).toEqual([
				{ status: 200, body: { received: true, ignored: 'repeated callback' } },
				{ status: 200, body: { received: true, ignored: 'repeated callback' } },
			]);
			const deliveries = await endpoint.waitForDeliveries(3);
			expect(deliveries.map((delivery) => delivery.workflowStarted)).toEqual([true, false, false]);
			expect(deliveries[0].items.map((item) => item.json.taskId)).toEqual([taskId]);
		});

		it('starts one workflow when the same callback arrives several times at once', async () => {
			configure(); // a new workflow: this trigger has not seen the task yet
			const answers = await Promise.all(
				Array.from({ length: 5 }, async () => await post(genuine.headers, genuine.body)),
			);
			expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
			const deliveries = await endpoint.waitForDeliveries(5);
			expect(deliveries.filter((delivery) => delivery.workflowStarted)).toHaveLength(1);
			expect(
				deliveries.flatMap((delivery) => delivery.items).map((item) => item.json.taskId),
			).toEqual([taskId]);
		});

		it('remembers tasks apart for the editor’s test URL and the production URL', async () => {
			const repeat = await post(genuine.headers, genuine.body); // already run in production
			endpoint.config = { ...endpoint.config, mode: 'manual' };
			const first = await post(genuine.headers, genuine.body);
			const again = await post(genuine.headers, genuine.body);
			expect([repeat.body, first.body, again.body]).toEqual([
				{ received: true, ignored: 'repeated callback' },
				{ received: true },
				{ received: true, ignored: 'repeated callback' },
			]);
		});

		it('with Skip Repeated Callbacks off, yields one item per delivery, all with the same taskId, for downstream to dedupe', async () => {
			configure({ skipRepeatedCallbacks: false });
			const first = await post(genuine.headers, genuine.body);
			const second = await post(genuine.headers, genuine.body);
			expect([first.status, second.status]).toEqual([200, 200]);

			const deliveries = await endpoint.waitForDeliveries(2);
			expect(deliveries.map((delivery) => delivery.items.length)).toEqual([1, 1]);
			expect(new Set(deliveries.map((delivery) => delivery.items[0].json.taskId))).toEqual(
				new Set([taskId]),
			);
		});

		it('answers 401 when the task id in the body was altered', async () => {
			const body = JSON.parse(genuine.body);
			body.data.taskId = `${taskId.slice(0, -4)}beef`;
			const answer = await post(genuine.headers, JSON.stringify(body));

			expect(answer).toEqual({
				status: 401,
				body: { error: 'Invalid signature', reason: 'invalid-signature' },
			});
			const [, replay] = await endpoint.waitForDeliveries(2);
			expect(replay.workflowStarted).toBe(false);
		});

		it.each([
			['both signature headers are', ['x-webhook-timestamp', 'x-webhook-signature']],
			['the timestamp header is', ['x-webhook-timestamp']],
			['the signature header is', ['x-webhook-signature']],
		])('answers 401 when %s missing', async (_name, missing) => {
			const headers = { ...genuine.headers };
			for (const name of missing) delete headers[name];
			const answer = await post(headers, genuine.body);

			expect(answer).toEqual({
				status: 401,
				body: {
					error: 'Missing X-Webhook-Timestamp or X-Webhook-Signature header',
					reason: 'missing-headers',
				},
			});
			const [, replay] = await endpoint.waitForDeliveries(2);
			expect(replay.workflowStarted).toBe(false);
		});

		it('answers 401 to a correctly signed callback with a stale timestamp', async () => {
			const stale = String(Math.floor(Date.now() / 1000) - 6 * 60);
			const answer = await postSigned(JSON.parse(genuine.body), taskId, stale);

			expect(answer).toEqual({
				status: 401,
				body: { error: 'X-Webhook-Timestamp is too old', reason: 'stale-timestamp' },
			});
			const [, replay] = await endpoint.waitForDeliveries(2);
			expect(replay.workflowStarted).toBe(false);
		});

		it('answers 401 to a timestamp from the future', async () => {
			const future = String(Math.floor(Date.now() / 1000) + 6 * 60);
			const answer = await postSigned(JSON.parse(genuine.body), taskId, future);
			expect(answer.status).toBe(401);
			expect(answer.body.reason).toBe('future-timestamp');
		});

		it('honours a narrower signature age set in the options', async () => {
			configure({ options: { timestampTolerance: 30 } });
			const minuteAgo = String(Math.floor(Date.now() / 1000) - 60);
			const answer = await postSigned(JSON.parse(genuine.body), taskId, minuteAgo);
			expect(answer.status).toBe(401);
			expect(answer.body.reason).toBe('stale-timestamp');
		});
	});
});
