/**
 * The Kie.ai Trigger end to end: the Kie node creates a task with a callback URL, the simulator
 * (playing Kie.ai) POSTs the finished task there, and a small HTTP endpoint hands each request to
 * the trigger's real webhook() inside n8n-core's WebhookContext, the way n8n's webhook server does
 * (packages/cli/src/webhooks/webhook-helpers.ts: the node answers, or n8n answers for it; a
 * workflow runs only when the node returns workflowData). Accepted callbacks then run the
 * workflow "Kie.ai Trigger → Downstream" with n8n-core's WorkflowExecute.
 */
import { kieCredentials, runWorkflow } from '../harness';
import type { WorkflowJson } from '../harness';

import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebhookContext, WorkflowExecute } from 'n8n-core';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWebhookData,
	IWorkflowBase,
} from 'n8n-workflow';

import { HarnessCredentialsHelper } from '../harness/credentials-helper';
import { createAdditionalData, readBinary, useBinaryDataMode } from '../harness/engine';
import { getHarnessTypes, packageRoot } from '../harness/node-types';
import { startSimulator } from '../simulator';
import type { KieSimulator } from '../simulator';

const HMAC_KEY = 'whk_simulated_0b7e41';
const TRIGGER = 'Kie.ai Trigger';
const DOWNSTREAM = 'Downstream';
const kieAccount = { kieApi: { id: 'kie-1', name: 'Kie account' } };

interface Delivery {
	/** The request as it arrived, to replay it. */
	request: { headers: Record<string, string>; body: string };
	status: number;
	response: unknown;
	/** Whether webhook() returned workflowData, i.e. n8n would start an execution. */
	workflowStarted: boolean;
	/** What the node after the trigger received, when the workflow ran. */
	items: INodeExecutionData[];
}

interface EndpointConfig {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** 'webhook' for the production URL, 'manual' for the editor's test URL. */
	mode?: 'webhook' | 'manual';
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify(body));
}

/** n8n's webhook server in miniature, for one workflow: Kie.ai Trigger → Downstream (NoOp). */
class TriggerEndpoint {
	readonly deliveries: Delivery[] = [];
	config: EndpointConfig = { parameters: {}, credentials: {} };
	private waiters: Array<{ count: number; resolve: () => void }> = [];
	private executions = 0;
	private workflows = 0;
	private workflowId = 'trigger-workflow';

	private constructor(
		private readonly server: http.Server,
		readonly url: string,
	) {}

	static async start(): Promise<TriggerEndpoint> {
		const server = http.createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		const endpoint = new TriggerEndpoint(server, `http://127.0.0.1:${port}/webhook/f0b2c4d6/kie`);
		server.on('request', (req: IncomingMessage, res: ServerResponse) => {
			endpoint.handle(req, res).catch((error: Error) => {
				if (!res.headersSent) sendJson(res, 500, { message: error.message });
			});
		});
		return endpoint;
	}

	/** Each test gets a new workflow, so what one trigger remembers does not leak into the next. */
	reset(config: EndpointConfig): void {
		this.deliveries.length = 0;
		this.config = config;
		this.workflowId = `trigger-workflow-${++this.workflows}`;
	}

	/** Resolves once `count` requests have been handled (and their workflows have run). */
	async waitForDeliveries(count: number, timeoutMs = 10_000): Promise<Delivery[]> {
		if (this.deliveries.length < count) {
			await new Promise<void>((resolve, reject) => {
				const timer = setTimeout(
					() => reject(new Error(`Only ${this.deliveries.length} of ${count} callbacks arrived`)),
					timeoutMs,
				);
				this.waiters.push({
					count,
					resolve: () => {
						clearTimeout(timer);
						resolve();
					},
				});
			});
		}
		return this.deliveries.slice(0, count);
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const raw = await readBody(req);
		const text = raw.toString('utf8');
		const isJson = /json/i.test(String(req.headers['content-type'] ?? ''));
		let body: IDataObject = {};
		if (isJson && text !== '') body = JSON.parse(text) as IDataObject;
		// What n8n's body parser leaves on the express request.
		Object.assign(req, { body, rawBody: raw, params: {}, query: {} });

		// Capture what the client receives, whoever writes it.
		let response = '';
		const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
		res.end = ((chunk?: unknown) => {
			if (chunk !== undefined && typeof chunk !== 'function') response += String(chunk);
			return end(chunk);
		}) as ServerResponse['end'];

		const { workflow, triggerNode, additionalData, nodeType } = await this.prepare();
		additionalData.httpRequest = req as never;
		additionalData.httpResponse = res as never;
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: TRIGGER,
			path: 'kie',
			webhookDescription: nodeType.description.webhooks![0],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new WebhookContext(
			workflow,
			triggerNode,
			additionalData,
			this.config.mode ?? 'webhook',
			webhookData,
			[],
			null,
		);
		const result = await nodeType.webhook!.call(context);

		// As n8n's handleImmediateWebhookResponse: the node answered, or n8n answers for it.
		if (result.noWebhookResponse === true) {
			if (!res.writableEnded) throw new Error('The node claimed to have answered but did not');
		} else if (result.workflowData === undefined) {
			sendJson(res, 200, result.webhookResponse ?? { message: 'Webhook call received' });
		} else {
			sendJson(res, 200, { message: 'Workflow was started' }); // responseMode onReceived
		}

		let items: INodeExecutionData[] = [];
		if (result.workflowData !== undefined) {
			const runExecutionData = createRunExecutionData({
				executionData: {
					nodeExecutionStack: [
						{ node: triggerNode, data: { main: result.workflowData }, source: null },
					],
				},
			});
			const run = await new WorkflowExecute(
				additionalData,
				'webhook',
				runExecutionData,
			).processRunExecutionData(workflow);
			items = run.data.resultData.runData[DOWNSTREAM]?.[0]?.data?.main[0] ?? [];
		}

		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(req.headers)) {
			if (typeof value === 'string') headers[name] = value;
		}
		this.deliveries.push({
			request: { headers, body: text },
			status: res.statusCode,
			response: response === '' ? undefined : JSON.parse(response),
			workflowStarted: result.workflowData !== undefined,
			items,
		});
		for (const waiter of this.waiters.filter((w) => this.deliveries.length >= w.count)) {
			this.waiters.splice(this.waiters.indexOf(waiter), 1);
			waiter.resolve();
		}
	}

	private async prepare() {
		const types = await getHarnessTypes();
		const triggerNode: INode = {
			id: 'kie-trigger',
			name: TRIGGER,
			type: 'n8n-nodes-kie.kieTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: this.config.parameters,
			credentials: kieAccount,
			webhookId: 'f0b2c4d6',
		};
		const downstream: INode = {
			id: 'downstream',
			name: DOWNSTREAM,
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [200, 0],
			parameters: {},
		};
		const connections = {
			[TRIGGER]: { main: [[{ node: DOWNSTREAM, type: 'main' as const, index: 0 }]] },
		};
		const workflow = new Workflow({
			id: this.workflowId,
			name: 'Kie callbacks',
			nodes: [triggerNode, downstream],
			connections,
			active: true,
			nodeTypes: types,
			settings: { executionOrder: 'v1' },
		});
		const workflowData: IWorkflowBase = {
			id: workflow.id,
			name: workflow.name ?? '',
			active: true,
			isArchived: false,
			activeVersionId: null,
			createdAt: new Date(),
			updatedAt: new Date(),
			nodes: [triggerNode, downstream],
			connections,
			settings: { executionOrder: 'v1' },
		};
		const credentialsHelper = new HarnessCredentialsHelper(types, {
			kieApi: this.config.credentials,
		});
		const additionalData = createAdditionalData({
			credentialsHelper,
			executionId: `trigger-${++this.executions}`,
			workflowData,
			mode: 'internal',
		});
		const nodeType = types.getByNameAndVersion(triggerNode.type, 1);
		return { workflow, triggerNode, additionalData, nodeType };
	}
}

let sim: KieSimulator;
let endpoint: TriggerEndpoint;

function configure(
	parameters: INodeParameters = {},
	credentialOverrides: ICredentialDataDecryptedObject = { webhookHmacKey: HMAC_KEY },
): void {
	endpoint.reset({ parameters, credentials: kieCredentials(sim, credentialOverrides) });
}

/**
 * The account that submits tasks. This file creates more than Kie's default 20 tasks per 10 s;
 * the simulator is told to allow them, and so is the node's create limiter.
 */
const submitCredentials = () => kieCredentials(sim, { maxNewTasks: 1000 });

/** Runs "Manual trigger → Kie.ai Generate (no wait, callbackUrl)" and returns the created taskId. */
async function generateWithCallback(prompt = 'a lighthouse at dusk'): Promise<string> {
	const workflow: WorkflowJson = {
		nodes: [
			{
				id: 'manual',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'generate',
				name: 'Generate',
				type: 'n8n-nodes-kie.kie',
				typeVersion: 1,
				position: [200, 0],
				parameters: {
					resource: 'image',
					operation: 'generate',
					model: 'nano-banana-pro',
					prompt,
					waitForCompletion: false,
					options: { callbackUrl: endpoint.url },
				},
				credentials: kieAccount,
			},
		],
		connections: { Start: { main: [[{ node: 'Generate', type: 'main', index: 0 }]] } },
	};
	const result = await runWorkflow(workflow, { credentials: { kieApi: submitCredentials() } });
	expect(result.error).toBeUndefined();
	const [item] = result.outputOf('Generate');
	expect(item.json.state).toBe('waiting');
	return item.json.taskId as string;
}

/** The simulator records a callback once it has read our answer, a moment after we sent it. */
async function callbacksRecorded(count: number): Promise<KieSimulator['record']['callbacks']> {
	const deadline = Date.now() + 5_000;
	while (sim.record.callbacks.length < count && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	return sim.record.callbacks;
}

function sign(taskId: string, timestamp: string, key = HMAC_KEY): string {
	return createHmac('sha256', key).update(`${taskId}.${timestamp}`).digest('base64');
}

const nowSeconds = () => String(Math.floor(Date.now() / 1000));

async function post(headers: Record<string, string>, body: string) {
	const response = await fetch(endpoint.url, { method: 'POST', headers, body });
	return { status: response.status, body: (await response.json()) as IDataObject };
}

/** Sends a body the way Kie.ai would, signed with `key` at `timestamp`. */
async function postSigned(
	body: IDataObject,
	taskId: string,
	timestamp = nowSeconds(),
	key = HMAC_KEY,
) {
	return await post(
		{
			'content-type': 'application/json',
			'x-webhook-timestamp': timestamp,
			'x-webhook-signature': sign(taskId, timestamp, key),
		},
		JSON.stringify(body),
	);
}

beforeAll(async () => {
	await useBinaryDataMode('filesystem');
	sim = await startSimulator({
		webhookHmacKey: HMAC_KEY,
		generationMs: 40,
		createLimit: { max: 1000, windowMs: 10_000 },
	});
	endpoint = await TriggerEndpoint.start();
});
beforeEach(() => configure());
afterEach(() => sim.reset());
afterAll(async () => {
	await endpoint.stop();
	await sim.stop();
});

describe('Kie.ai Trigger receiving callbacks from Kie.ai', () => {
	it('emits the finished task of a Generate that set the callback URL', async () => {
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
		// Callbacks report seconds; the item carries milliseconds like every other task item.
		expect(json.costTime).toBe(Math.round((task.finishAt - task.createdAt) / 1000) * 1000);
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
				{ message: 'Workflow was started' },
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

	describe("Kie.ai's documented callback bodies", () => {
		// ../shared/seeds (Nano Banana Pro page), verbatim apart from formatting.
		const successExample = {
			code: 200,
			data: {
				completeTime: 1755599644000,
				consumeCredits: 100,
				costTime: 8,
				createTime: 1755599634000,
				model: 'nano-banana-pro',
				param:
					'{"callBackUrl":"https://your-domain.com/api/callback","model":"nano-banana-pro","input":{"prompt":"Comic poster","image_input":[],"aspect_ratio":"1:1","resolution":"1K","output_format":"png"}}',
				remainedCredits: 2510330,
				resultJson: '{"resultUrls":["https://example.com/generated-image.jpg"]}',
				state: 'success',
				taskId: 'e989621f54392584b05867f87b160672',
				updateTime: 1755599644000,
			},
			msg: 'Playground task completed successfully.',
		};
		const failureExample = {
			code: 501,
			data: {
				completeTime: 1755597081000,
				consumeCredits: 0,
				costTime: 0,
				createTime: 1755596341000,
				failCode: '500',
				failMsg: 'Internal server error',
				model: 'nano-banana-pro',
				param:
					'{"callBackUrl":"https://your-domain.com/api/callback","model":"nano-banana-pro","input":{"prompt":"Comic poster"}}',
				remainedCredits: 2510430,
				state: 'fail',
				taskId: 'bd3a37c523149e4adf45a3ddb5faf1a8',
				updateTime: 1755597097000,
			},
			msg: 'Playground task failed.',
		};

		it('turns the success example into the task item', async () => {
			const answer = await postSigned(successExample, successExample.data.taskId);
			expect(answer.status).toBe(200);
			const [delivery] = await endpoint.waitForDeliveries(1);
			expect(delivery.items[0].json).toEqual({
				taskId: 'e989621f54392584b05867f87b160672',
				api: 'market',
				model: 'nano-banana-pro',
				state: 'success',
				resultUrls: ['https://example.com/generated-image.jpg'],
				failCode: null,
				failMsg: null,
				costTime: 8000,
				createTime: 1755599634000,
				completeTime: 1755599644000,
				creditsConsumed: 100,
				param: {
					callBackUrl: 'https://your-domain.com/api/callback',
					model: 'nano-banana-pro',
					input: {
						prompt: 'Comic poster',
						image_input: [],
						aspect_ratio: '1:1',
						resolution: '1K',
						output_format: 'png',
					},
				},
				callbackCode: 200,
				callbackMsg: 'Playground task completed successfully.',
			});
		});

		it('turns the failure example (code 501) into an item with state "fail"', async () => {
			await postSigned(failureExample, failureExample.data.taskId);
			const [delivery] = await endpoint.waitForDeliveries(1);
			expect(delivery.items[0].json).toMatchObject({
				taskId: 'bd3a37c523149e4adf45a3ddb5faf1a8',
				state: 'fail',
				failCode: '500',
				failMsg: 'Internal server error',
				resultUrls: [],
				callbackCode: 501,
				callbackMsg: 'Playground task failed.',
			});
		});

		it('reads the verification page example: task id at the top and in data.task_id, no state', async () => {
			const body = {
				taskId: 'ee9c2715375b7837f8bb51d641ff5863',
				code: 200,
				msg: 'Success',
				data: { task_id: 'ee9c2715375b7837f8bb51d641ff5863', callbackType: 'task_completed' },
			};
			await postSigned(body, body.taskId);
			const [delivery] = await endpoint.waitForDeliveries(1);
			expect(delivery.items[0].json).toMatchObject({
				taskId: 'ee9c2715375b7837f8bb51d641ff5863',
				state: 'success',
				callbackType: 'task_completed',
				callbackCode: 200,
			});
		});

		it('answers 401 to a signed body that names no task', async () => {
			const answer = await postSigned({ code: 200, msg: 'ok', data: {} }, '');
			expect(answer).toEqual({
				status: 401,
				body: { error: 'No task id in the callback body', reason: 'missing-task-id' },
			});
		});
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
		expect(delivery.response).toEqual({ received: true, ignored: 'state fail' });
		expect(delivery.workflowStarted).toBe(false);
		expect((await callbacksRecorded(1))[0].status).toBe(200);
	});

	it('never shows the API key or the webhook key to the caller or in the item', async () => {
		configure({ downloadResults: true });
		await generateWithCallback();
		await postSigned(
			{ code: 200, data: { taskId: 'x'.repeat(32), state: 'success' } },
			'y'.repeat(32),
		);
		const deliveries = await endpoint.waitForDeliveries(2);
		const seen = JSON.stringify(deliveries.map(({ response, items }) => ({ response, items })));
		expect(seen).not.toContain(HMAC_KEY);
		expect(seen).not.toContain('sim-key');
	});
});

describe('the callback examples', () => {
	const examples = {
		fireAndForget: 'examples/callback-fire-and-forget.json',
		waitNode: 'examples/callback-wait-node.json',
	};
	const load = (file: string) =>
		JSON.parse(readFileSync(path.resolve(packageRoot, file), 'utf8')) as WorkflowJson;
	const nodeNamed = (workflow: WorkflowJson, name: string) => {
		const node = workflow.nodes.find((candidate) => candidate.name === name);
		if (!node) throw new Error(`The example has no node "${name}"`);
		return node;
	};

	it.each(Object.values(examples))('%s is a well-formed workflow', (file) => {
		const workflow = load(file);
		const names = workflow.nodes.map((node) => node.name);
		expect(new Set(names).size).toBe(names.length);
		expect(new Set(workflow.nodes.map((node) => node.id)).size).toBe(names.length);
		for (const [source, outputs] of Object.entries(workflow.connections)) {
			expect(names).toContain(source);
			for (const connection of outputs.main.flat()) expect(names).toContain(connection!.node);
		}
	});

	it.each(Object.values(examples))(
		'%s gives this package’s nodes only parameters they have, without issues',
		async (file) => {
			const types = await getHarnessTypes();
			const ours = load(file).nodes.filter((node) => node.type.startsWith('n8n-nodes-kie.'));
			expect(ours.length).toBeGreaterThan(0);
			for (const node of ours) {
				const { description } = types.getByNameAndVersion(node.type, node.typeVersion);
				const shown = NodeHelpers.getNodeParameters(
					description.properties,
					node.parameters,
					true,
					false,
					node,
					description,
				)!;
				expect({
					node: node.name,
					unknown: Object.keys(node.parameters).filter((key) => !(key in shown)),
				}).toEqual({
					node: node.name,
					unknown: [],
				});
				const optionNames = (
					description.properties.find((property) => property.name === 'options')?.options ?? []
				).map((option) => (option as { name: string }).name);
				const options = (node.parameters.options ?? {}) as IDataObject;
				expect(Object.keys(options).filter((key) => !optionNames.includes(key))).toEqual([]);
				expect(
					NodeHelpers.getNodeParametersIssues(description.properties, node, description),
				).toBeNull();
			}
		},
	);

	it('the Wait example submits with the resume URL and resumes on a POST', () => {
		const workflow = load(examples.waitNode);
		const submit = nodeNamed(workflow, 'Submit with resume URL');
		expect(submit.parameters).toMatchObject({
			waitForCompletion: false,
			options: { callbackUrl: '={{ $execution.resumeUrl }}' },
		});
		expect(nodeNamed(workflow, 'Wait for Kie.ai callback').parameters).toMatchObject({
			resume: 'webhook',
			httpMethod: 'POST',
		});
	});

	it('the fire-and-forget example runs: its Submit node’s tasks come back through its Kie.ai Trigger', async () => {
		const example = load(examples.fireAndForget);
		const submit = structuredClone(nodeNamed(example, 'Submit (no wait)'));
		// What the user does after activating: paste the trigger's production URL.
		(submit.parameters.options as IDataObject).callbackUrl = endpoint.url;
		submit.credentials = kieAccount;
		const trigger = nodeNamed(example, 'Kie.ai Trigger');
		configure(trigger.parameters);

		const prompts = ['a lighthouse', 'a red fox', 'a city of books'];
		const result = await runWorkflow(
			{
				nodes: [
					{
						id: 'manual',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: 'prompts',
						name: 'Prompts',
						type: 'test.fixtureItems',
						typeVersion: 1,
						position: [200, 0],
						parameters: { items: JSON.stringify(prompts.map((prompt) => ({ json: { prompt } }))) },
					},
					submit,
				],
				connections: {
					Start: { main: [[{ node: 'Prompts', type: 'main', index: 0 }]] },
					Prompts: { main: [[{ node: submit.name, type: 'main', index: 0 }]] },
				},
			},
			{ credentials: { kieApi: submitCredentials() } },
		);
		expect(result.error).toBeUndefined();
		const submitted = result.outputOf(submit.name).map((item) => item.json.taskId as string);
		expect(submitted).toHaveLength(3);

		const deliveries = await endpoint.waitForDeliveries(3);
		const items = deliveries.flatMap((delivery) => delivery.items);
		expect(new Set(items.map((item) => item.json.taskId))).toEqual(new Set(submitted));
		for (const item of items) {
			expect(item.json.state).toBe('success');
			expect((item.json.param as IDataObject).input).toMatchObject({
				prompt: expect.stringMatching(/lighthouse|fox|books/),
			});
			expect(item.binary?.data).toMatchObject({
				mimeType: 'image/png',
				fileName: `${String(item.json.taskId)}_0.png`,
			});
		}
	});
});
