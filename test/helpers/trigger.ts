/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Shared by the Kie.ai Trigger tests: the simulator playing Kie.ai and a small HTTP endpoint that
 * hands each request to the trigger's real webhook() inside n8n-core's WebhookContext, the way
 * n8n's webhook server does (packages/cli/src/webhooks/webhook-helpers.ts: the node answers, or n8n
 * answers for it; a workflow runs only when the node returns workflowData). Accepted callbacks then
 * run the workflow "Kie.ai Trigger → Downstream" with n8n-core's WorkflowExecute.
 */
import { createHmac } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookContext, WorkflowExecute } from 'n8n-core';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWebhookData,
	IWorkflowBase,
} from 'n8n-workflow';

import { kieCredentials, runWorkflow } from '../harness';
import type { WorkflowJson } from '../harness';
import { HarnessCredentialsHelper } from '../harness/credentials-helper';
import { createAdditionalData, useBinaryDataMode } from '../harness/engine';
import { getHarnessTypes } from '../harness/node-types';
import { startSimulator } from '../simulator';
import type { KieSimulator } from '../simulator';

export const HMAC_KEY = 'whk_simulated_0b7e41';
const TRIGGER = 'Kie.ai Trigger';
const DOWNSTREAM = 'Downstream';
export const kieAccount = { kieApi: { id: 'kie-1', name: 'Kie account' } };

export interface Delivery {
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
export class TriggerEndpoint {
	readonly deliveries: Delivery[] = [];
	config: EndpointConfig = { parameters: {}, credentials: {} };
	private waiters: Array<{ count: number; resolve: () => void }> = [];
	/** Callbacks still being handled: the trigger answers before it reads and runs the workflow. */
	readonly inFlight = new Set<Promise<void>>();
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
			const handled = endpoint.handle(req, res).catch((error: Error) => {
				if (!res.headersSent) sendJson(res, 500, { message: error.message });
			});
			endpoint.inFlight.add(handled);
			void handled.finally(() => endpoint.inFlight.delete(handled));
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

/**
 * Starts a simulator and a trigger endpoint for one test file (a new trigger workflow per test)
 * and returns them with the helpers that use them. Call once, at the top level of a test file.
 */
export function useTriggerFixture() {
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

	/**
	 * Creates a task straight on the simulator (no callback) with the API's create path, and
	 * resolves once the task is final: a task Kie knows, for posting bodies that name it.
	 */
	async function finishedTask(path: string, body: IDataObject): Promise<string> {
		const response = await fetch(`${sim.baseUrl}${path}`, {
			method: 'POST',
			headers: { authorization: 'Bearer sim-key', 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		const answer = (await response.json()) as { code: number; data?: { taskId?: string } };
		const taskId = answer.data?.taskId;
		if (answer.code !== 200 || !taskId) throw new Error(`The simulator refused: ${answer.code}`);
		const task = sim.record.tasks.get(taskId);
		if (!task) throw new Error(`The simulator does not list task ${taskId}`);
		while (Date.now() <= task.finishAt + 20) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		return taskId;
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
	afterEach(async () => {
		// A callback answered at the end of a test is still being read: let it finish before the
		// simulator forgets its tasks and the next test's workflow starts.
		while (endpoint.inFlight.size > 0) await Promise.all(endpoint.inFlight);
		sim.reset();
	});
	afterAll(async () => {
		await endpoint.stop();
		await sim.stop();
	});

	return {
		get sim() {
			return sim;
		},
		get endpoint() {
			return endpoint;
		},
		configure,
		submitCredentials,
		generateWithCallback,
		finishedTask,
		callbacksRecorded,
		sign,
		nowSeconds,
		post,
		postSigned,
	};
}
