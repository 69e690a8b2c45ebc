/**
 * The Kie.ai Trigger end to end: the Kie node creates a task with a callback URL, the simulator
 * (playing Kie.ai) POSTs the finished task there, and the trigger's real webhook() answers it and
 * starts the workflow (see trigger-fixture.ts). Signatures and repeats: trigger-signature.test.ts;
 * Kie's documented bodies: trigger-bodies.test.ts; the callback examples: trigger-examples.test.ts.
 */
import { readBinary } from '../../harness/engine';
import { makePng } from '../../simulator';
import type { KieSimulator } from '../../simulator';
import { createTaskDirectly } from '../../helpers/workflow';
import { HMAC_KEY, type TriggerEndpoint, useTriggerFixture } from '../../helpers/trigger';

const fixture = useTriggerFixture();
const { configure, generateWithCallback, callbacksRecorded, post, postSigned } = fixture;
let sim: KieSimulator;
let endpoint: TriggerEndpoint;
beforeAll(() => {
	({ sim, endpoint } = fixture);
});

describe('Kie.ai Trigger receiving callbacks from Kie.ai', () => {
	it('emits the finished task of a Generate that set the callback URL', async () => {
		// Long enough that the callback's whole seconds are not 0: 1.6 s is reported as 2.
		sim.configure({ generationMs: 1_600 });
		const taskId = await generateWithCallback();
		const [delivery] = await endpoint.waitForDeliveries(1);

		expect(delivery.status).toBe(200);
		expect(delivery.request.headers['x-webhook-signature']).toBeDefined();
		expect(delivery.workflowStarted).toBe(true);
		expect(delivery.items).toHaveLength(1);
		const task = sim.record.tasks.get(taskId)!;
		const json = delivery.items[0].json;
		expect(json).toMatchObject({
			taskId,
			model: 'nano-banana-pro',
			state: 'success',
			resultUrls: task.resultUrls,
			failCode: null,
			failMsg: null,
			callbackCode: 200,
			callbackMsg: 'Playground task completed successfully.',
		});
		expect(json.param).toMatchObject({ model: 'nano-banana-pro', callBackUrl: endpoint.url });
		// Kie's record, in milliseconds (the callback's own costTime, in whole seconds, is not used).
		expect(json.costTime).toBe(task.finishAt - task.createdAt);
		expect(delivery.items[0].binary).toBeUndefined();
		expect(await callbacksRecorded(1)).toEqual([expect.objectContaining({ taskId, status: 200 })]);
	});

	it('downloads the results as binary data when asked, after answering Kie.ai', async () => {
		configure({ downloadResults: true });
		const taskId = await generateWithCallback();
		const [delivery] = await endpoint.waitForDeliveries(1);

		expect(delivery.status).toBe(200);
		expect(delivery.response).toEqual({ received: true });
		const [item] = delivery.items;
		expect(item.json.downloadErrors).toBeUndefined();
		const binary = item.binary!.data;
		expect(binary).toMatchObject({ mimeType: 'image/png', fileName: `${taskId}_0.png` });
		const bytes = await readBinary(binary);
		expect(bytes.subarray(0, 8)).toEqual(
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		);
		expect(sim.record.count('file')).toBe(1);
	});

	it('still emits the task when a download fails, saying which file and why', async () => {
		configure({ downloadResults: true, binaryPropertyName: 'image' });
		sim.injectFault({ endpoint: 'file', kind: 'http500' });
		const taskId = await generateWithCallback();
		const [delivery] = await endpoint.waitForDeliveries(1);

		const [item] = delivery.items;
		expect(item.json).toMatchObject({ taskId, state: 'success' });
		expect(item.binary).toBeUndefined();
		const url = sim.record.tasks.get(taskId)!.resultUrls[0];
		expect(item.json.downloadErrors).toEqual([expect.stringContaining(url)]);
		expect(String(item.json.downloadErrors)).toContain('HTTP 500');
	});

	it('emits a failed task as an item with state "fail", not as an error', async () => {
		const taskId = await generateWithCallback('[fail] a lighthouse');
		const [delivery] = await endpoint.waitForDeliveries(1);

		expect(delivery.status).toBe(200);
		expect(delivery.items).toHaveLength(1);
		expect(delivery.items[0].json).toMatchObject({
			taskId,
			state: 'fail',
			failCode: '500',
			resultUrls: [],
			callbackCode: 501,
			callbackMsg: 'Playground task failed.',
		});
		expect(delivery.items[0].json.failMsg).toEqual(expect.any(String));
	});

	it.each([
		['data.task_id', 'task_id'],
		['data.task_id and data.taskId', 'both'],
	] as const)('reads the task id from %s', async (_name, callbackTaskIdField) => {
		sim.configure({ callbackTaskIdField });
		const taskId = await generateWithCallback();
		const [delivery] = await endpoint.waitForDeliveries(1);

		expect(JSON.parse(delivery.request.body).data.taskId).toBe(
			callbackTaskIdField === 'both' ? taskId : undefined,
		);
		expect(delivery.status).toBe(200);
		expect(delivery.items.map((item) => item.json.taskId)).toEqual([taskId]);
	});

	describe('without a webhook key in the credential', () => {
		beforeEach(() => configure({}, { webhookHmacKey: '' }));

		it('accepts unsigned callbacks', async () => {
			sim.configure({ webhookHmacKey: '' });
			const taskId = await generateWithCallback();
			const [delivery] = await endpoint.waitForDeliveries(1);
			expect(delivery.status).toBe(200);
			expect(delivery.items.map((item) => item.json.taskId)).toEqual([taskId]);
		});

		it('answers 400 to a body that is not a task callback', async () => {
			const answer = await post({ 'content-type': 'application/json' }, '{"hello":"world"}');
			expect(answer).toEqual({
				status: 400,
				body: { error: 'No task id in the callback body', reason: 'missing-task-id' },
			});
			const [delivery] = await endpoint.waitForDeliveries(1);
			expect(delivery.workflowStarted).toBe(false);
		});
	});

	it('acknowledges callbacks of unselected states without running the workflow', async () => {
		configure({ options: { states: ['success'] } });
		await generateWithCallback('[fail] filtered out');
		const [delivery] = await endpoint.waitForDeliveries(1);
		expect(delivery.status).toBe(200);
		expect(delivery.response).toEqual({ received: true });
		expect(delivery.workflowStarted).toBe(false);
		expect((await callbacksRecorded(1))[0].status).toBe(200);
	});

	it('with only Fail selected, runs the workflow for a failed task and acknowledges a success', async () => {
		configure({ options: { states: ['fail'] } });
		const failed = await generateWithCallback('[fail] a lighthouse');
		const succeeded = await generateWithCallback('a lighthouse');
		const deliveries = await endpoint.waitForDeliveries(2);

		const started = deliveries.filter((delivery) => delivery.workflowStarted);
		expect(
			started
				.flatMap((delivery) => delivery.items)
				.map((item) => [item.json.taskId, item.json.state]),
		).toEqual([[failed, 'fail']]);
		const ignored = deliveries.find((delivery) => !delivery.workflowStarted);
		expect(ignored?.response).toEqual({ received: true });
		expect(JSON.parse(ignored!.request.body).data.taskId).toBe(succeeded);
	});

	it('downloads every result of a multi-result task under the custom binary prefix', async () => {
		configure({ downloadResults: true, binaryPropertyName: 'image' });
		const taskId = await createTaskDirectly(sim, {
			model: 'google/imagen4-fast',
			input: { prompt: 'three kites', num_images: '3' },
			callBackUrl: endpoint.url,
		});
		const [delivery] = await endpoint.waitForDeliveries(1);

		const [item] = delivery.items;
		expect(item.json.resultUrls).toEqual(sim.record.tasks.get(taskId)!.resultUrls);
		expect(Object.keys(item.binary ?? {}).sort()).toEqual(['image', 'image_1', 'image_2']);
		for (const [n, property] of ['image', 'image_1', 'image_2'].entries()) {
			expect(item.binary![property]).toMatchObject({
				mimeType: 'image/png',
				fileName: `${taskId}_${n}.png`,
			});
			expect((await readBinary(item.binary![property])).equals(makePng(`${taskId}_${n}`))).toBe(
				true,
			);
		}
		expect(sim.record.count('file')).toBe(3);
	});

	it('never shows the API key or the webhook key to the caller or in the item', async () => {
		configure({ downloadResults: true });
		const taskId = await generateWithCallback();
		await postSigned(
			{ code: 200, data: { taskId: 'x'.repeat(32), state: 'success' } },
			'y'.repeat(32),
		);
		const deliveries = await endpoint.waitForDeliveries(2);
		// Both paths were taken: the genuine callback emitted its task, the forged one was refused.
		const emitted = deliveries.find((delivery) => delivery.workflowStarted);
		expect(emitted?.items.map((item) => item.json.taskId)).toEqual([taskId]);
		expect(emitted?.items[0].binary?.data).toBeDefined();
		const refused = deliveries.find((delivery) => !delivery.workflowStarted);
		expect(refused).toMatchObject({ status: 401, response: { reason: 'invalid-signature' } });
		const seen = JSON.stringify(deliveries.map(({ response, items }) => ({ response, items })));
		expect(seen).not.toContain(HMAC_KEY);
		expect(seen).not.toContain('sim-key');
	});
});
