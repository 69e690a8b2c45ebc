/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * What a user sees when things go wrong, through n8n's engine against the Kie simulator:
 * tasks ending in `fail`, timeouts, Kie's body codes, with and without Continue On Fail.
 * The simulator only accepts a distinctive key, and no run may show it anywhere.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import type { WorkflowRunResult } from '../../harness';
import { makePng, startSimulator } from '../../simulator';
import type { KieSimulator } from '../../simulator';
import {
	binaryOf,
	FAST_POLL,
	kieOutput,
	runKie,
	SECRET_KEY,
	visibleText,
} from '../../helpers/workflow';
import { reserveRefusingPort } from '../../helpers/unreachable';
import type { KieRunOptions } from '../../helpers/workflow';

const WRONG_KEY = 'sk-wrong-distinctive-KEY-456';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ apiKeys: [SECRET_KEY], generationMs: 300 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

/** Runs the Kie node with the secret key and checks the key shows nowhere in what the user sees. */
async function run(
	parameters: INodeParameters,
	options: KieRunOptions = {},
): Promise<WorkflowRunResult> {
	const result = await runKie(sim, parameters, {
		...options,
		credential: { apiKey: SECRET_KEY, ...options.credential },
	});
	const text = visibleText(result);
	expect(text).not.toContain(SECRET_KEY);
	expect(text).not.toContain(WRONG_KEY);
	return result;
}

const generate = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'image',
	operation: 'generate',
	model: 'nano-banana-pro',
	prompt: 'A quiet harbour',
	options: { ...FAST_POLL },
	...extra,
});

const onlyTaskId = () => {
	expect(sim.record.createdTaskCount()).toBe(1);
	return [...sim.record.tasks.keys()][0];
};

describe('a task that ends in fail', () => {
	it('fails the node with the taskId, failCode and failMsg', async () => {
		const result = await run(generate({ prompt: 'A storm [fail]' }));

		expect(result.status).toBe('error');
		expect(result.error?.nodeName).toBe('Kie');
		const taskId = onlyTaskId();
		expect(result.error?.message).toBe(
			`Kie.ai task ${taskId} failed (failCode 500): Internal server error`,
		);
		expect(result.error?.description).toMatch(/state "fail"/);
		// The key was in use: the scan above is not vacuous.
		expect(sim.record.requests[0].headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
	});

	it('with Continue On Fail, emits the failed item and the other items still succeed', async () => {
		const prompts = ['A calm sea', 'A storm [fail]', 'A harbour at night'];
		const result = await run(generate({ prompt: '={{ $json.prompt }}' }), {
			items: prompts.map((prompt) => ({ json: { prompt } })),
			continueOnFail: true,
		});

		const items = kieOutput(result);
		expect(items).toHaveLength(3);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sim.record.createdTaskCount()).toBe(3);

		const failed = items[1].json;
		const failedTask = [...sim.record.tasks.values()].find((task) => task.finalState === 'fail')!;
		expect(failed).toMatchObject({
			taskId: failedTask.taskId,
			state: 'fail',
			failCode: '500',
			failMsg: 'Internal server error',
		});
		expect(failed.error).toBe(
			`Kie.ai task ${failedTask.taskId} failed (failCode 500): Internal server error`,
		);
		expect(Object.keys(failed).sort()).toEqual(
			['api', 'description', 'error', 'failCode', 'failMsg', 'state', 'taskId'].sort(),
		);
		expect(failed.api).toBe('market');
		expect(items[1].binary).toBeUndefined();

		for (const index of [0, 2]) {
			const { json, binary } = items[index];
			expect(json.state).toBe('success');
			expect(sim.record.tasks.get(json.taskId as string)?.input.prompt).toBe(prompts[index]);
			expect(binary?.data.fileName).toBe(`${json.taskId as string}_0.png`);
		}
	});

	it('without Continue On Fail, names the other items’ tasks so none is lost', async () => {
		const prompts = ['A calm sea', 'A storm [fail]', 'A harbour at night'];
		const result = await run(generate({ prompt: '={{ $json.prompt }}' }), {
			items: prompts.map((prompt) => ({ json: { prompt } })),
		});

		expect(result.status).toBe('error');
		expect(sim.record.createdTaskCount()).toBe(3);
		const tasks = [...sim.record.tasks.values()];
		const failed = tasks.find((task) => task.finalState === 'fail')!;
		expect(result.error?.message).toContain(failed.taskId);
		for (const other of tasks.filter((task) => task !== failed)) {
			expect(result.error?.description).toContain(other.taskId);
		}
	});
});

describe('a wait that times out', () => {
	it('fails the node with the taskId and the last state, and Get Task finds it later', async () => {
		sim.configure({ generationMs: 5000 });

		const result = await run(generate({ options: { ...FAST_POLL, timeout: 1 } }));

		expect(result.status).toBe('error');
		const taskId = onlyTaskId();
		const message = result.error?.message ?? '';
		expect(message).toMatch(
			new RegExp(
				`^Kie\\.ai task ${taskId} did not finish within 1 s \\(last state: (waiting|queuing|generating)\\)$`,
			),
		);
		expect(result.error?.description).toContain(taskId);
		expect(result.error?.description).toMatch(/Get Task/);
		expect(sim.record.tasks.get(taskId)!.polls).toBeGreaterThanOrEqual(1);

		const later = await run({ resource: 'task', operation: 'get', taskId });
		const [item] = kieOutput(later);
		expect(item.json.taskId).toBe(taskId);
		expect(['waiting', 'queuing', 'generating']).toContain(item.json.state);
	});

	it('with Continue On Fail, emits an item carrying the taskId and last state', async () => {
		sim.configure({ generationMs: 5000 });

		const result = await run(generate({ options: { ...FAST_POLL, timeout: 1 } }), {
			continueOnFail: true,
		});

		const [item] = kieOutput(result);
		const taskId = onlyTaskId();
		expect(item.json.taskId).toBe(taskId);
		expect(['waiting', 'queuing', 'generating']).toContain(item.json.state);
		expect(item.json.error).toContain(taskId);
		expect(item.json.error).toContain(`last state: ${item.json.state as string}`);
		expect(item.pairedItem).toEqual({ item: 0 });
	});
});

describe('Kie body codes', () => {
	it('401: a key Kie refuses', async () => {
		const result = await run(generate(), { credential: { apiKey: WRONG_KEY } });

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/rejected the API key/);
		expect(result.error?.message).toMatch(/code 401/);
		expect(sim.record.requests[0]).toMatchObject({ endpoint: 'createTask', bodyCode: 401 });
		expect(sim.record.requests[0].headers.authorization).toBe(`Bearer ${WRONG_KEY}`);
		expect(sim.record.createdTaskCount()).toBe(0);
	});

	it('401 with Continue On Fail: an error item, the key nowhere', async () => {
		const result = await run(
			{ resource: 'account', operation: 'getCredits' },
			{
				credential: { apiKey: WRONG_KEY },
				continueOnFail: true,
			},
		);

		const [item] = kieOutput(result);
		expect(item.json.error).toMatch(/rejected the API key/);
	});

	it('402: not enough credits', async () => {
		sim.configure({ credits: 10 });

		const result = await run(generate());

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/does not have enough credits/);
		expect(result.error?.message).toMatch(/code 402/);
		expect(sim.record.count('createTask')).toBe(1);
		expect(sim.record.createdTaskCount()).toBe(0);
	});

	it('422: Kie’s own text for parameters it rejects', async () => {
		// The catalogue cannot check a custom model's input; the simulator validates nano-banana-pro.
		const result = await run(
			generate({
				model: 'custom',
				customModel: 'nano-banana-pro',
				additionalInput: '{"resolution": "8K"}',
			}),
		);

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Kie.ai rejected the parameters (code 422): resolution is not within the range of allowed options: 1K, 2K, 4K',
		);
		expect(sim.record.requests[0].body).toEqual({
			model: 'nano-banana-pro',
			input: { prompt: 'A quiet harbour', resolution: '8K' },
		});
		expect(sim.record.createdTaskCount()).toBe(0);
	});

	it('455 once: the create is sent again and one task is made', async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'body455', times: 1 });

		const result = await run(generate());

		const [item] = kieOutput(result);
		expect(item.json.state).toBe('success');
		expect(sim.record.count('createTask')).toBe(2);
		expect(
			sim.record.requests.filter((r) => r.endpoint === 'createTask').map((r) => r.bodyCode),
		).toEqual([455, 200]);
		expect(sim.record.createdTaskCount()).toBe(1);
	});

	it('455 that lasts: Get Task says Kie is under maintenance', async () => {
		sim.injectFault({ endpoint: 'recordInfo', kind: 'body455' });

		const result = await run({ resource: 'task', operation: 'get', taskId: 'abc123' });

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/under maintenance/);
		expect(result.error?.message).toMatch(/code 455/);
	});

	it('455 that lasts: the create is given up with the maintenance message', async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'body455' });

		const result = await run(generate());

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/under maintenance/);
		expect(sim.record.count('createTask')).toBeGreaterThan(1);
		expect(sim.record.createdTaskCount()).toBe(0);
	}, 120_000);

	it('501 from the simulator: a generation that fails is reported with its task', async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'taskFail', times: 1 });

		const result = await run(generate());

		const taskId = onlyTaskId();
		expect(result.error?.message).toBe(
			`Kie.ai task ${taskId} failed (failCode 500): Internal server error`,
		);
	});
});

describe('Kie body codes the simulator cannot inject (a stand-in Kie answering the code)', () => {
	let server: http.Server;
	let baseUrl: string;
	let answer: { code: number; msg: string };
	let creates = 0;

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			if (req.url?.startsWith('/api/v1/jobs/createTask')) creates++;
			req.resume();
			req.on('end', () => {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ ...answer, data: null }));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));
	beforeEach(() => (creates = 0));

	it.each([
		[433, 'Usage limit reached', /usage cap .* is reached/],
		[501, 'Generation failed', /could not generate the content/],
		[505, 'Feature disabled', /feature is currently disabled/],
	])('%i: %s', async (code, msg, expected) => {
		answer = { code, msg };

		const result = await run(generate(), { credential: { baseUrl } });

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(expected);
		expect(result.error?.message).toContain(`(code ${code}): ${msg}`);
		expect(creates).toBe(1);
	});
});

describe('a Kie answer that quotes the key back', () => {
	let server: http.Server;
	let baseUrl: string;

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			const key = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
			req.resume();
			req.on('end', () => {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ code: 401, msg: `Invalid API key ${key}`, data: null }));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));

	it('is redacted from the error the execution stores', async () => {
		const result = await run(generate(), { credential: { baseUrl } });

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/rejected the API key/);
	});

	it('is redacted from the Continue-On-Fail item', async () => {
		const result = await run(generate(), { credential: { baseUrl }, continueOnFail: true });

		expect(kieOutput(result)[0].json.error).toMatch(/rejected the API key/);
	});
});

describe('successful runs', () => {
	it('show the key nowhere either: edit with an uploaded binary, upload, credits', async () => {
		const photo = makePng('secret-scan', 8);
		const items = [{ json: {}, binary: { data: binaryOf(photo, 'image/png', 'p.png') } }];

		const edited = await run(
			{
				resource: 'image',
				operation: 'edit',
				model: 'nano-banana-pro',
				prompt: 'Make it night',
				binaryProperties: 'data',
				options: { ...FAST_POLL },
			},
			{ items },
		);
		expect(kieOutput(edited)[0].json.state).toBe('success');
		const uploaded = await run(
			{ resource: 'file', operation: 'upload', source: 'binary' },
			{ items },
		);
		expect(kieOutput(uploaded)[0].json.fileSize).toBe(photo.length);
		const credits = await run({ resource: 'account', operation: 'getCredits' });
		expect(typeof kieOutput(credits)[0].json.credits).toBe('number');

		const keys = sim.record.requests
			.filter((request) => request.endpoint !== 'file')
			.map((request) => request.headers.authorization);
		expect(new Set(keys)).toEqual(new Set([`Bearer ${SECRET_KEY}`]));
		// Result files live on Kie's CDN: they never receive the key.
		const fileRequests = sim.record.requests.filter((request) => request.endpoint === 'file');
		expect(fileRequests.length).toBeGreaterThan(0);
		for (const request of fileRequests) expect(request.headers.authorization).toBeUndefined();
	});
});

describe('network failures', () => {
	it('a Kie that cannot be reached: a clear message and no key', async () => {
		const refusing = await reserveRefusingPort();
		let result;
		try {
			result = await run(
				{ resource: 'task', operation: 'get', taskId: 'abc123' },
				{ credential: { baseUrl: refusing.url } },
			);
		} finally {
			await refusing.release();
		}

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Could not reach Kie\.ai/);
		expect(result.error?.message).toMatch(/refused|ECONNREFUSED/);
	});
});
