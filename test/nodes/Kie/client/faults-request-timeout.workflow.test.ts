/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * The request-timeout path. Production timeouts are 30 s (polls) and 60 s (creates, downloads),
 * too long for a test, so here the Kie client runs outside the engine with n8n's real HTTP stack
 * (OutboundHttp, the one httpRequestWithAuthentication uses, and NodeApiError wrapping as n8n
 * does) whose timeout is capped at 250 ms for the one endpoint a test is about, against the
 * simulator's `slow` fault (1 s). Every other request keeps its production timeout, so a loaded
 * machine cannot turn a setup request into a timeout; what was retried is read from the record.
 */
import '../../../harness';

import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import { NodeApiError } from 'n8n-workflow';
import type { IExecuteFunctions, IHttpRequestOptions, INode, JsonObject } from 'n8n-workflow';

import {
	AmbiguousCreateError,
	KieClient,
	type CreateTaskRequest,
} from '../../../../nodes/Kie/client';
import { KieRequestError } from '../../../../nodes/Kie/client/errors';
import type { KieAccount } from '../../../../nodes/Kie/client/http';
import { startSimulator } from '../../../simulator';
import type { KieSimulator } from '../../../simulator';
import { recordMatrixRow } from '../../../helpers/workflow';

const API_KEY = 'sk-kie-TIMEOUT-5a4b3c2d';
const CAPPED_TIMEOUT_MS = 250;
const SLOW_MS = 1000;

const node: INode = {
	id: 'kie',
	name: 'Kie',
	type: 'n8n-nodes-kie.kie',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Requests to URLs with this path prefix get the capped timeout (set by each test). */
let cappedPath = '';

/** The two helpers the transport uses, as n8n provides them, with the request timeout capped. */
function contextWithCappedTimeout(): IExecuteFunctions {
	const http = Container.get(OutboundHttp).requests();
	const send = async (options: IHttpRequestOptions, apiKey?: string) => {
		const capped = cappedPath !== '' && new URL(options.url).pathname.startsWith(cappedPath);
		try {
			return await http.request({
				...options,
				headers: { ...options.headers, ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}) },
				...(capped ? { timeout: CAPPED_TIMEOUT_MS } : {}),
			});
		} catch (error) {
			throw new NodeApiError(node, error as JsonObject);
		}
	};
	return {
		getNode: () => node,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) =>
				await send(options, API_KEY),
			httpRequest: async (options: IHttpRequestOptions) => await send(options),
		},
	} as unknown as IExecuteFunctions;
}

let sim: KieSimulator;
let client: KieClient;

beforeAll(async () => {
	sim = await startSimulator({
		apiKeys: [API_KEY],
		generationMs: 300,
		createLimit: { max: 1000, windowMs: 1000 },
	});
	const account: KieAccount = {
		baseUrl: sim.baseUrl,
		uploadBaseUrl: sim.uploadBaseUrl,
		maxNewTasks: 1000,
		maxNewTasksWindowMs: 1000,
		maxStatusRequestsPerSecond: 1000,
		webhookHmacKey: '',
		accountId: 'request-timeout-test',
		withoutKey: (text: string) => text,
	};
	client = new KieClient(contextWithCappedTimeout(), account);
});
afterEach(() => {
	cappedPath = '';
	sim.reset();
});
afterAll(async () => await sim.stop());

const prompt = (text: string): CreateTaskRequest => ({
	api: 'market',
	endpoint: 'market.create',
	model: 'nano-banana-pro',
	body: { model: 'nano-banana-pro', input: { prompt: text } },
});

describe('a request that gets no answer within its timeout', () => {
	it('is a KieRequestError saying so, with no key in it (Get Task asks 5 times first)', async () => {
		const { taskId } = await client.createTask(prompt('timeout probe'));
		cappedPath = '/api/v1/jobs/recordInfo';
		sim.injectFault({ endpoint: 'recordInfo', kind: 'slow', delayMs: SLOW_MS });

		const error = await client.getTask(taskId, 'market').then(
			() => undefined,
			(caught: unknown) => caught,
		);

		expect(error).toBeInstanceOf(KieRequestError);
		const { info, message } = error as KieRequestError;
		expect(info).toMatchObject({
			endpoint: 'market.status',
			delivery: 'maybe-sent',
			networkCode: 'ETIMEDOUT',
		});
		expect(message).toBe('Kie.ai did not answer within the request timeout');
		expect(JSON.stringify({ ...(error as object), message })).not.toContain(API_KEY);
		// A read, asked again like every read (requestPolicy.ts).
		expect(sim.record.count('recordInfo')).toBe(5);
	});

	it('is retried while polling: every task of a batch succeeds with 30 % of the polls timing out', async () => {
		const taskIds = await Promise.all(
			Array.from(
				{ length: 10 },
				async (_, index) => await client.createTask(prompt(`poll ${index}`)),
			),
		);
		cappedPath = '/api/v1/jobs/recordInfo';
		sim.injectFault({ endpoint: 'recordInfo', kind: 'slow', delayMs: SLOW_MS, probability: 0.3 });

		const results = await Promise.all(
			taskIds.map(
				async (taskId) =>
					await client.waitForTask(taskId, { timeoutMs: 60_000, pollIntervalMs: 200 }),
			),
		);

		expect(results.map((result) => result.task.state)).toEqual(taskIds.map(() => 'success'));
		expect(results.every((result) => !result.timedOut)).toBe(true);
		const timedOutPolls = sim.record.requests.filter(
			(request) => request.endpoint === 'recordInfo' && request.fault === 'slow',
		);
		recordMatrixRow({
			path: 'poll',
			fault: `no answer within the request timeout (capped at ${CAPPED_TIMEOUT_MS} ms)`,
			probability: 0.3,
			items: taskIds.length,
			polls: sim.record.count('recordInfo'),
			faultedPolls: timedOutPolls.length,
			succeeded: results.filter((result) => result.task.state === 'success').length,
		});
		expect(timedOutPolls.length).toBeGreaterThan(0);
		// Each task's last poll was answered in time with its final state.
		for (const { taskId } of taskIds) {
			const polls = sim.record.requests.filter(
				(request) => request.endpoint === 'recordInfo' && request.query.taskId === taskId,
			);
			expect(polls.at(-1)).toMatchObject({ status: 200, bodyCode: 200 });
			expect(polls.at(-1)?.fault).toBeUndefined();
		}
	});

	it('is not repeated for a create: one request, the task Kie made anyway, and an AmbiguousCreateError', async () => {
		cappedPath = '/api/v1/jobs/createTask';
		sim.injectFault({ endpoint: 'createTask', kind: 'slow', delayMs: SLOW_MS, times: 1 });

		const error = await client.createTask(prompt('slow create')).then(
			() => undefined,
			(caught: unknown) => caught,
		);
		// The simulator made the task before holding its answer back, as Kie would; it answers
		// after its delay (to a client that stopped listening).
		const create = sim.record.requests.find((request) => request.endpoint === 'createTask');
		for (let waited = 0; create?.status === 0 && waited < 10_000; waited += 50)
			await new Promise((resolve) => setTimeout(resolve, 50));

		recordMatrixRow({
			path: 'create',
			fault: 'no answer within the request timeout',
			items: 1,
			createRequests: sim.record.count('createTask'),
			tasksCreated: sim.record.createdTaskCount(),
			ambiguousErrors: error instanceof AmbiguousCreateError ? 1 : 0,
		});
		expect(error).toBeInstanceOf(AmbiguousCreateError);
		expect((error as Error).message).toMatch(
			/^Kie\.ai did not answer within the request timeout, so Kie\.ai may have created this nano-banana-pro task without returning its taskId\. It was not sent again/,
		);
		expect(sim.record.count('createTask')).toBe(1);
		expect(create).toMatchObject({ fault: 'slow', status: 200, bodyCode: 200 });
		expect(sim.record.createdTaskCount()).toBe(1);
	});

	it('is retried for a result download', async () => {
		const created = await client.createTask(prompt('slow download'));
		const { task } = await client.waitForTask(created, { timeoutMs: 10_000, pollIntervalMs: 200 });
		cappedPath = '/files/';
		sim.injectFault({ endpoint: 'file', kind: 'slow', delayMs: SLOW_MS, times: 2 });

		const file = await client.openResultFile(task.resultUrls[0]);
		const chunks: Buffer[] = [];
		for await (const chunk of file.stream) chunks.push(chunk as Buffer);

		recordMatrixRow({
			path: 'download',
			fault: 'no answer within the request timeout ×2',
			items: 1,
			fileRequests: sim.record.count('file'),
			succeeded: 1,
		});
		expect(Buffer.concat(chunks).subarray(1, 4).toString('latin1')).toBe('PNG');
		// The two held-back answers were given up on and asked again; the answer that came in time
		// was the last request (on a loaded machine another may time out first, and is retried too).
		const downloads = sim.record.requests.filter((request) => request.endpoint === 'file');
		expect(downloads.slice(0, 2).map((request) => request.fault)).toEqual(['slow', 'slow']);
		expect(downloads.length).toBeGreaterThanOrEqual(3);
		expect(downloads.at(-1)).toMatchObject({ status: 200 });
		expect(downloads.at(-1)?.fault).toBeUndefined();
	});
});
