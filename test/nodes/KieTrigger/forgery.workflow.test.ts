/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * The Kie.ai Trigger trusts no callback body: the URL it listens on is not secret, and Kie's
 * signature covers only `taskId.timestamp`. Whatever a body says, the workflow gets Kie's own
 * record of the task, read with the credential, and nothing else is fetched.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { readBinary } from '../../harness/engine';
import { makePng } from '../../simulator';
import type { KieSimulator } from '../../simulator';
import { createTaskDirectly } from '../../helpers/workflow';
import { type TriggerEndpoint, useTriggerFixture } from '../../helpers/trigger';

const fixture = useTriggerFixture();
const { configure, finishedTask, post, postSigned } = fixture;
let sim: KieSimulator;
let endpoint: TriggerEndpoint;

/** A service on this machine that a forged body points at: it must receive nothing. */
let victim: http.Server;
let victimUrl: string;
const victimHits: string[] = [];

beforeAll(async () => {
	({ sim, endpoint } = fixture);
	victim = http.createServer((req, res) => {
		victimHits.push(req.url ?? '');
		res.writeHead(200, { 'Content-Type': 'image/png' });
		res.end(makePng('internal secret'));
	});
	await new Promise<void>((resolve) => victim.listen(0, '127.0.0.1', resolve));
	victimUrl = `http://127.0.0.1:${(victim.address() as AddressInfo).port}/internal/secret.png`;
});
beforeEach(() => {
	victimHits.length = 0;
});
afterAll(async () => {
	await new Promise<void>((resolve) => victim.close(() => resolve()));
});

const finishedJob = (prompt = 'a lighthouse') =>
	finishedTask('/api/v1/jobs/createTask', { model: 'nano-banana-pro', input: { prompt } });

/** A success callback as an attacker writes it, with their own result URL. */
function forgedSuccess(taskId: string) {
	return {
		code: 200,
		msg: 'Playground task completed successfully.',
		data: {
			taskId,
			model: 'nano-banana-pro',
			state: 'success',
			resultJson: JSON.stringify({ resultUrls: [victimUrl] }),
		},
	};
}

const unsignedJson = { 'content-type': 'application/json' };

describe('Kie.ai Trigger without a webhook key: forged callbacks', () => {
	beforeEach(() => configure({ downloadResults: true }, { webhookHmacKey: '' }));

	it('a forged success with attacker URLs emits Kie.ai’s record and fetches nothing else', async () => {
		const taskId = await finishedJob();
		const answer = await post(unsignedJson, JSON.stringify(forgedSuccess(taskId)));
		expect(answer.status).toBe(200);

		const [delivery] = await endpoint.waitForDeliveries(1);
		const [item] = delivery.items;
		const kieUrls = sim.record.tasks.get(taskId)!.resultUrls;
		expect(item.json).toMatchObject({ taskId, state: 'success', resultUrls: kieUrls });
		expect(JSON.stringify(delivery.items)).not.toContain(victimUrl);
		expect(victimHits).toEqual([]);
		expect((await readBinary(item.binary!.data)).equals(makePng(`${taskId}_0`))).toBe(true);
	});

	it('a task id Kie.ai does not know starts no execution, for one status request', async () => {
		const answer = await post(
			unsignedJson,
			JSON.stringify(forgedSuccess('f00dbabef00dbabef00dbabef00dbabe')),
		);
		expect(answer.status).toBe(200);
		const [delivery] = await endpoint.waitForDeliveries(1);
		expect(delivery.workflowStarted).toBe(false);
		expect(victimHits).toEqual([]);
		expect(sim.record.count('recordInfo')).toBe(1);
	});

	it('a 1 MB task id is refused with HTTP 400, and nothing is read or remembered', async () => {
		const taskId = 'a'.repeat(1024 * 1024);
		const answer = await post(unsignedJson, JSON.stringify(forgedSuccess(taskId)));
		expect(answer).toMatchObject({ status: 400, body: { reason: 'invalid-task-id' } });
		const [delivery] = await endpoint.waitForDeliveries(1);
		expect(delivery.workflowStarted).toBe(false);
		expect(sim.record.requests).toEqual([]);
	});

	it('a forged success for a task still running is ignored, and the genuine callback still runs the workflow', async () => {
		sim.configure({ webhookHmacKey: '', generationMs: 1_500 });
		const taskId = await createTaskDirectly(sim, {
			model: 'nano-banana-pro',
			input: { prompt: 'a slow lighthouse' },
			callBackUrl: endpoint.url,
		});
		await post(unsignedJson, JSON.stringify(forgedSuccess(taskId)));
		const [forged, genuine] = await endpoint.waitForDeliveries(2);

		expect(forged.workflowStarted).toBe(false);
		expect(genuine.workflowStarted).toBe(true);
		expect(genuine.items[0].json).toMatchObject({
			taskId,
			state: 'success',
			resultUrls: sim.record.tasks.get(taskId)!.resultUrls,
		});
		expect(victimHits).toEqual([]);
	});

	it('answers a body without results before it reads the record', async () => {
		configure({}, { webhookHmacKey: '' });
		const taskId = await finishedJob();
		sim.injectFault({ endpoint: 'recordInfo', kind: 'slow', delayMs: 2_000 });
		const body = { taskId, code: 200, msg: 'Success', data: { task_id: taskId } };
		const answer = await post(unsignedJson, JSON.stringify(body));
		const answeredAt = Date.now();

		expect(answer).toEqual({ status: 200, body: { received: true } });
		const [delivery] = await endpoint.waitForDeliveries(1);
		expect(delivery.items[0].json).toMatchObject({ taskId, state: 'success' });
		// Kie.ai had its answer before the record it was read from came back.
		const [read] = sim.record.requests.filter((entry) => entry.endpoint === 'recordInfo');
		expect(answeredAt).toBeLessThan(read.arrivedAt + 2_000);
	});
});

describe('Kie.ai Trigger with a webhook key: a genuine signature on a rewritten body', () => {
	it('emits Kie.ai’s record, not the rewritten body, and fetches nothing else', async () => {
		configure({ downloadResults: true });
		const taskId = await finishedJob();
		// The signature covers taskId.timestamp only: a captured header pair fits any body.
		const answer = await postSigned(forgedSuccess(taskId), taskId);
		expect(answer.status).toBe(200);

		const [delivery] = await endpoint.waitForDeliveries(1);
		expect(delivery.items[0].json).toMatchObject({
			taskId,
			state: 'success',
			resultUrls: sim.record.tasks.get(taskId)!.resultUrls,
		});
		expect(JSON.stringify(delivery.items)).not.toContain(victimUrl);
		expect(victimHits).toEqual([]);
	});
});
