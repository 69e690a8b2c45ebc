/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * The API key never appears in what a run leaves behind: output items, error messages and
 * descriptions, the whole run data (errors there are the live objects, causes included) and
 * what n8n logs, on every error path. The simulator accepts only a distinctive key, so any
 * leak is found by a plain substring search. The scenarios run a few at a time (each against its
 * own simulator), because many of them wait out the client's retries; each test waits for its
 * own scenario, so no single hook has to hold them all.
 */
import { createServer as createHttpServer, type Server } from 'node:http';

import { Logger } from '@n8n/backend-common';
import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import { LoggerProxy, NodeApiError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeParameters,
	JsonObject,
} from 'n8n-workflow';

import { kieCredentials, runWorkflow } from '../../../harness';
import type { WorkflowRunResult } from '../../../harness';
import { KieClient } from '../../../../nodes/Kie/client';
import type { KieAccount } from '../../../../nodes/Kie/client/http';
import { makePng, startSimulator } from '../../../simulator';
import type {
	FaultSpec,
	KieSimulator,
	RecordedRequest,
	SimulatorOptions,
} from '../../../simulator';
import { kieWorkflow } from '../../../helpers/workflow';
import type { FixtureItemSpec } from '../../../helpers/workflow';
import { reserveRefusingPort } from '../../../helpers/unreachable';
import type { RefusingPort } from '../../../helpers/unreachable';

const KEY = 'sk-kie-DISTINCTIVE-9f8e7d6c';
const WRONG_KEY = 'sk-kie-WRONG-DISTINCTIVE-1a2b3c4d';

/** Where `secret` occurs in `value`, walking every own property (non-enumerable too: causes, stacks). */
function findSecret(
	value: unknown,
	secret: string,
	path = '$',
	seen = new Set<object>(),
): string[] {
	if (typeof value === 'string') return value.includes(secret) ? [path] : [];
	if (typeof value !== 'object' || value === null) return [];
	if (seen.has(value)) return [];
	seen.add(value);
	if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) {
		return Buffer.from(value.buffer, value.byteOffset, value.byteLength).includes(secret)
			? [path]
			: [];
	}
	const found: string[] = [];
	if (value instanceof Map || value instanceof Set) {
		let index = 0;
		for (const entry of value.entries())
			found.push(...findSecret(entry, secret, `${path}<${index++}>`, seen));
		return found;
	}
	for (const key of Object.getOwnPropertyNames(value)) {
		let child: unknown;
		try {
			child = (value as Record<string, unknown>)[key];
		} catch {
			continue;
		}
		found.push(...findSecret(child, secret, `${path}.${key}`, seen));
	}
	return found;
}

/** Everything n8n logs, at any level: the root Logger (behind LoggerProxy and ctx.logger) writes here. */
const logged: unknown[] = [];
function captureLogs(): void {
	const capture = {
		log: (level: string, message: string, meta?: unknown) => logged.push({ level, message, meta }),
		child: () => capture,
	};
	const logger = Container.get(Logger);
	// Private in the type, public in the build; the one seam to see every log line at any level.
	(logger as unknown as { setInternalLogger(internal: unknown): void }).setInternalLogger(capture);
	LoggerProxy.init(logger);
}

/** For the tests after the scenarios (each scenario runs against a simulator of its own). */
let sim: KieSimulator;

/** A port that refuses connections, held for the whole file (no other test can take it). */
let refusing: Promise<RefusingPort> | undefined;
async function closedPort(): Promise<number> {
	refusing ??= reserveRefusingPort();
	return (await refusing).port;
}

const PNG = makePng('secret scan input', 8);
const withImage: FixtureItemSpec = {
	json: {},
	binary: { data: { base64: PNG.toString('base64'), mimeType: 'image/png', fileName: 'in.png' } },
};

const generate = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'image',
	operation: 'generate',
	model: 'nano-banana-pro',
	prompt: 'a lighthouse at dusk',
	options: { pollInterval: 0.2 },
	...extra,
});

interface Scenario {
	name: string;
	parameters: INodeParameters;
	faults?: FaultSpec[];
	simulator?: Partial<SimulatorOptions>;
	credential?: () => Promise<ICredentialDataDecryptedObject>;
	items?: FixtureItemSpec[];
	/** The key in use, the one that must not leak (the credential's). */
	secret?: string;
	/** The faults are retried away: nothing goes wrong for the user. */
	recovers?: boolean;
}

const uploadBinary: INodeParameters = { resource: 'file', operation: 'upload', source: 'binary' };
const wrongKey = async () => ({ apiKey: WRONG_KEY });
const closedBaseUrl = async () => ({ baseUrl: `http://127.0.0.1:${await closedPort()}` });
const closedUploadUrl = async () => ({ uploadBaseUrl: `http://127.0.0.1:${await closedPort()}` });
const poll = (kind: FaultSpec['kind']): FaultSpec => ({
	endpoint: 'recordInfo',
	kind,
	probability: 0.15,
});

const scenarios: Scenario[] = [
	{
		name: 'polls failing in every way',
		parameters: generate(),
		faults: (['http500', 'reset', 'malformedJson', 'body455', 'body500'] as const).map(poll),
		recovers: true,
	},
	{
		name: 'create: HTTP 500 after creating',
		parameters: generate(),
		faults: [{ endpoint: 'createTask', kind: 'createdThen500' }],
	},
	{
		name: 'create: reset after creating',
		parameters: generate(),
		faults: [{ endpoint: 'createTask', kind: 'createdThenReset' }],
	},
	{
		name: 'create: socket reset',
		parameters: generate(),
		faults: [{ endpoint: 'createTask', kind: 'reset' }],
	},
	{
		name: 'create: malformed JSON',
		parameters: generate(),
		faults: [{ endpoint: 'createTask', kind: 'malformedJson' }],
	},
	{
		name: 'create: body 500',
		parameters: generate(),
		faults: [{ endpoint: 'createTask', kind: 'body500' }],
	},
	{
		name: 'create: 429 and 455, retried',
		parameters: generate(),
		faults: [
			{ endpoint: 'createTask', kind: 'body429', times: 1 },
			{ endpoint: 'createTask', kind: 'body455', times: 1 },
		],
		recovers: true,
	},
	{
		name: 'wrong key (401) on create',
		parameters: generate(),
		credential: wrongKey,
		secret: WRONG_KEY,
	},
	{
		name: 'wrong key (401) on credits',
		parameters: { resource: 'account', operation: 'getCredits' },
		credential: wrongKey,
		secret: WRONG_KEY,
	},
	{
		name: 'wrong key (401) on upload',
		parameters: uploadBinary,
		items: [withImage],
		credential: wrongKey,
		secret: WRONG_KEY,
	},
	{
		name: 'wrong key (401) on task get',
		parameters: { resource: 'task', operation: 'get', taskId: 'a'.repeat(32) },
		credential: wrongKey,
		secret: WRONG_KEY,
	},
	{ name: 'no credits (402)', parameters: generate(), simulator: { credits: 0 } },
	{
		name: 'rejected parameters (422)',
		parameters: generate({ model: 'custom', customModel: 'some/model', prompt: ' ' }),
	},
	{
		name: 'unknown task (422)',
		parameters: { resource: 'task', operation: 'get', taskId: 'b'.repeat(32) },
	},
	{
		name: 'network: connection refused on create',
		parameters: generate(),
		credential: closedBaseUrl,
	},
	{
		name: 'network: connection refused on credits',
		parameters: { resource: 'account', operation: 'getCredits' },
		credential: closedBaseUrl,
	},
	{
		name: 'network: socket reset on credits',
		parameters: { resource: 'account', operation: 'getCredits' },
		faults: [{ endpoint: 'credit', kind: 'reset' }],
	},
	{
		name: 'download: result never downloadable',
		parameters: generate(),
		faults: [{ endpoint: 'file', kind: 'http500' }],
	},
	{
		name: 'download: socket reset',
		parameters: generate(),
		faults: [{ endpoint: 'file', kind: 'reset' }],
	},
	{
		name: 'upload: HTTP 500',
		parameters: uploadBinary,
		items: [withImage],
		faults: [{ endpoint: 'streamUpload', kind: 'http500' }],
	},
	{
		name: 'upload: socket reset',
		parameters: uploadBinary,
		items: [withImage],
		faults: [{ endpoint: 'streamUpload', kind: 'reset' }],
	},
	{
		name: 'upload: body 500 (success false)',
		parameters: uploadBinary,
		items: [withImage],
		faults: [{ endpoint: 'streamUpload', kind: 'body500' }],
	},
	{
		name: 'upload: connection refused',
		parameters: uploadBinary,
		items: [withImage],
		credential: closedUploadUrl,
	},
	{
		name: 'upload: URL Kie cannot fetch',
		parameters: {
			resource: 'file',
			operation: 'upload',
			source: 'url',
			fileUrl: 'http://127.0.0.1:9/nothing.png',
		},
	},
	{
		name: 'upload: base64 answered with body 500',
		parameters: { resource: 'file', operation: 'upload', source: 'base64', base64Data: 'QUJD' },
		faults: [{ endpoint: 'base64Upload', kind: 'body500' }],
	},
	{
		name: 'edit: upload of the input image fails',
		parameters: {
			resource: 'image',
			operation: 'edit',
			model: 'nano-banana-pro',
			prompt: 'make it blue',
			binaryProperties: 'data',
			options: { pollInterval: 0.2 },
		},
		items: [withImage],
		faults: [{ endpoint: 'streamUpload', kind: 'http503' }],
	},
	{ name: 'task fails on Kie', parameters: generate({ prompt: 'this will [fail]' }) },
	{
		name: 'timeout',
		parameters: generate({ options: { pollInterval: 0.2, timeout: 1 } }),
		simulator: { generationMs: 5000 },
	},
];

interface Outcome {
	result: WorkflowRunResult;
	requests: RecordedRequest[];
}

/** Runs a scenario against a simulator of its own (so all of them can run at once). */
async function runScenario(scenario: Scenario, continueOnFail: boolean): Promise<Outcome> {
	const target = await startSimulator({
		apiKeys: [KEY],
		generationMs: 300,
		createLimit: { max: 1000, windowMs: 1000 },
		...scenario.simulator,
	});
	try {
		for (const fault of scenario.faults ?? []) target.injectFault(fault);
		const overrides = scenario.credential ? await scenario.credential() : {};
		const result = await runWorkflow(
			kieWorkflow(scenario.parameters, { items: scenario.items ?? [{ json: {} }], continueOnFail }),
			{
				credentials: {
					kieApi: kieCredentials(target, {
						apiKey: KEY,
						maxNewTasks: 1000,
						maxNewTasksWindow: 1,
						...overrides,
					}),
				},
			},
		);
		return { result, requests: target.record.requests };
	} finally {
		await target.stop();
	}
}

/** What went wrong, as the user sees it: the node's error, an error item, or failed downloads. */
function userVisibleProblem(result: WorkflowRunResult): string | undefined {
	if (result.status === 'error') return result.error?.message;
	const json = result.outputOf('Kie')[0]?.json ?? {};
	if (json.error) return String(json.error);
	if (json.downloadErrors) return JSON.stringify(json.downloadErrors);
	return undefined;
}

const modes = [
	{ label: 'with Continue On Fail', continueOnFail: true },
	{ label: 'failing the node', continueOnFail: false },
];
const outcomes = new Map<string, Promise<Outcome>>();
const outcomeKey = (scenario: Scenario, continueOnFail: boolean) =>
	`${scenario.name}|${continueOnFail}`;

/** At most this many engine runs at once, started in the order the tests read them. */
const CONCURRENT_RUNS = 6;
let running = 0;
const queued: Array<() => void> = [];
async function inTurn<T>(job: () => Promise<T>): Promise<T> {
	if (running >= CONCURRENT_RUNS) await new Promise<void>((resolve) => queued.push(resolve));
	running++;
	try {
		return await job();
	} finally {
		running--;
		queued.shift()?.();
	}
}

beforeAll(async () => {
	captureLogs();
	sim = await startSimulator({ apiKeys: [KEY], createLimit: { max: 1000, windowMs: 1000 } });
	// One run first, so the engine and binary storage are set up before the concurrent ones.
	await runScenario(
		{ name: 'warm-up', parameters: { resource: 'account', operation: 'getCredits' } },
		true,
	);
	for (const { continueOnFail } of modes) {
		for (const scenario of scenarios) {
			const outcome = inTurn(async () => await runScenario(scenario, continueOnFail));
			outcome.catch(() => undefined);
			outcomes.set(outcomeKey(scenario, continueOnFail), outcome);
		}
	}
});
afterEach(() => sim.reset());
afterAll(async () => {
	await Promise.allSettled(outcomes.values());
	await sim.stop();
	await (await refusing)?.release();
});

describe.each(modes)('no key anywhere after an error path, $label', ({ continueOnFail }) => {
	it.each(scenarios)('$name', async (scenario) => {
		const secret = scenario.secret ?? KEY;
		const { result, requests } = await outcomes.get(outcomeKey(scenario, continueOnFail))!;

		// The path was really taken …
		if (scenario.recovers) {
			expect(userVisibleProblem(result)).toBeUndefined();
			expect(requests.some((request) => request.fault !== undefined)).toBe(true);
		} else {
			expect(userVisibleProblem(result)).toEqual(expect.any(String));
		}
		// … with the key in play wherever a request got through.
		for (const request of requests.filter((entry) => entry.endpoint !== 'file')) {
			expect(request.headers.authorization).toBe(`Bearer ${secret}`);
		}

		expect(findSecret(result.run, secret)).toEqual([]);
		expect(findSecret(result.error ?? null, secret)).toEqual([]);
		expect(JSON.stringify(result.run)).not.toContain(secret);
	});
});

describe('a Kie (or a proxy) that quotes the request headers back', () => {
	let echo: Server;
	let echoUrl: string;
	beforeAll(async () => {
		echo = createHttpServer((request, response) => {
			const quoted = `headers were ${JSON.stringify(request.headers)}`;
			const path = (request.url ?? '').split('?')[0];
			const body =
				path === '/api/v1/jobs/createTask'
					? { code: 200, msg: 'success', data: { taskId: 'echo-task' } }
					: path === '/api/v1/jobs/recordInfo'
						? {
								code: 200,
								msg: 'success',
								data: {
									taskId: 'echo-task',
									model: 'nano-banana-pro',
									state: 'fail',
									failCode: '400',
									failMsg: `Bad upstream request, ${quoted}`,
									param: JSON.stringify({ model: 'nano-banana-pro', input: { prompt: quoted } }),
									resultJson: '',
								},
							}
						: { code: 400, msg: `Bad request, ${quoted}` };
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(JSON.stringify(body));
		});
		await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
		echoUrl = `http://127.0.0.1:${(echo.address() as { port: number }).port}`;
	});
	afterAll(async () => await new Promise<void>((resolve) => echo.close(() => resolve())));

	it.each([
		['in an error answer (credits)', { resource: 'account', operation: 'getCredits' }],
		['in a failed task’s failMsg (generate)', generate()],
		[
			'in a task record’s failMsg and param (task get)',
			{ resource: 'task', operation: 'get', taskId: 'echo-task' },
		],
	] as Array<[string, INodeParameters]>)('%s: the key is cut out', async (_label, parameters) => {
		for (const continueOnFail of [true, false]) {
			const result = await runWorkflow(kieWorkflow(parameters, { continueOnFail }), {
				credentials: {
					kieApi: kieCredentials(sim, {
						apiKey: KEY,
						baseUrl: echoUrl,
						maxNewTasks: 1000,
						maxNewTasksWindow: 1,
					}),
				},
			});

			const visible =
				result.status === 'error'
					? `${result.error?.message ?? ''}`
					: JSON.stringify(result.outputOf('Kie')[0].json);
			// Kie's text reaches the user, with the key cut out where it was quoted.
			expect(visible).toContain('Bearer ***');
			expect(findSecret(result.run, KEY)).toEqual([]);
			expect(findSecret(result.error ?? null, KEY)).toEqual([]);
		}
		expect(findSecret(logged, KEY)).toEqual([]);
	});
});

it('nothing n8n logged during those runs holds a key', () => {
	// The log holds the errors themselves, so the scan below looks at them.
	expect(JSON.stringify(logged)).toContain('Could not reach Kie.ai: the connection was refused');
	expect(findSecret(logged, KEY)).toEqual([]);
	expect(findSecret(logged, WRONG_KEY)).toEqual([]);
});

it('the scan finds a key that is there', async () => {
	const { result } = await runScenario(
		{ name: 'planted', parameters: generate(), items: [{ json: { note: `remember ${KEY}` } }] },
		true,
	);

	expect(findSecret(result.run, KEY)).toContain(
		'$.data.resultData.runData.Items.0.data.main.0.0.json.note',
	);
	expect(
		findSecret(new Error('x', { cause: { headers: { Authorization: `Bearer ${KEY}` } } }), KEY),
	).toEqual(['$.cause.headers.Authorization']);
});

describe("n8n's HTTP helper errors carry the key; the Kie client's errors do not", () => {
	const node: INode = {
		id: 'kie',
		name: 'Kie',
		type: 'n8n-nodes-kie.kie',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const helperErrors: unknown[] = [];

	/** The helper as n8n builds it: the credential applied, failures wrapped in NodeApiError. */
	const context = {
		getNode: () => node,
		helpers: {
			async httpRequestWithAuthentication(_type: string, options: IHttpRequestOptions) {
				try {
					return await Container.get(OutboundHttp)
						.requests()
						.request({
							...options,
							headers: { ...options.headers, Authorization: `Bearer ${KEY}` },
						});
				} catch (error) {
					const wrapped = new NodeApiError(node, error as JsonObject);
					helperErrors.push(wrapped);
					throw wrapped;
				}
			},
		},
	} as unknown as IExecuteFunctions;

	const clientFor = (baseUrl: string) =>
		new KieClient(context, {
			baseUrl,
			uploadBaseUrl: baseUrl,
			maxNewTasks: 1000,
			maxNewTasksWindowMs: 1000,
			maxStatusRequestsPerSecond: 1000,
			webhookHmacKey: '',
			accountId: 'secret-scan',
			withoutKey: (text: string) => text,
		} satisfies KieAccount);

	beforeEach(() => {
		helperErrors.length = 0;
	});

	it.each([
		['connection refused', async () => `http://127.0.0.1:${await closedPort()}`, undefined],
		['socket reset', async () => sim.baseUrl, { endpoint: 'credit', kind: 'reset' } as FaultSpec],
	])('%s', async (_label, baseUrl, fault) => {
		if (fault) sim.injectFault(fault);
		const error = await clientFor(await baseUrl())
			.getCredits()
			.then(
				() => undefined,
				(caught: unknown) => caught,
			);

		expect(helperErrors.length).toBeGreaterThan(0);
		for (const helperError of helperErrors)
			expect(findSecret(helperError, KEY).length).toBeGreaterThan(0);
		expect(error).toBeInstanceOf(Error);
		expect(findSecret(error, KEY)).toEqual([]);
	});
});
