/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Faults on createTask through n8n's engine: a create is repeated only where Kie cannot have
 * created the task; after an ambiguous failure the item says a task may exist and nothing is
 * sent again, so the simulator never holds more tasks than the user was told about.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { kieCredentials, runWorkflow } from '../../../harness';
import type { WorkflowRunResult } from '../../../harness';
import { startSimulator } from '../../../simulator';
import type { FaultKind, KieSimulator, RecordedRequest } from '../../../simulator';
import { kieWorkflow, recordMatrixRow } from '../../../helpers/workflow';
import { countRequestsTo, reserveRefusingPort } from '../../../helpers/unreachable';
import type { RefusingPort, RequestCounter } from '../../../helpers/unreachable';

const BATCH = 10;
const FAULTY_CREATES = 3;

let sim: KieSimulator;
beforeAll(async () => {
	sim = await startSimulator({ generationMs: 300, createLimit: { max: 1000, windowMs: 1000 } });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

/** A batch of items with unique prompts, so every create request can be traced to its item. */
async function runBatch(
	target: Pick<KieSimulator, 'baseUrl' | 'uploadBaseUrl'>,
	tag: string,
	options: { baseUrl?: string } = {},
): Promise<{ result: WorkflowRunResult; output: INodeExecutionData[]; prompts: string[] }> {
	const prompts = Array.from({ length: BATCH }, (_, index) => `create fault ${tag} item ${index}`);
	const result = await runWorkflow(
		kieWorkflow(
			{
				resource: 'image',
				operation: 'generate',
				model: 'nano-banana-pro',
				prompt: '={{ $json.prompt }}',
				options: { pollInterval: 0.2 },
			},
			{ items: prompts.map((prompt) => ({ json: { prompt } })), continueOnFail: true },
		),
		{
			credentials: {
				kieApi: kieCredentials(target, {
					maxNewTasks: 1000,
					maxNewTasksWindow: 1,
					...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
				}),
			},
		},
	);
	expect(result.status).toBe('success');
	const output = result.outputOf('Kie');
	expect(output.map((item) => item.pairedItem)).toEqual(prompts.map((_, item) => ({ item })));
	return { result, output, prompts };
}

const createRequests = (target: KieSimulator): RecordedRequest[] =>
	target.record.requests.filter((request) => request.endpoint === 'createTask');

const promptOf = (request: RecordedRequest) =>
	(request.body as { input: { prompt: string } }).input.prompt;

/** createTask requests per prompt, and tasks the simulator created per prompt. */
function perPrompt(target: KieSimulator, prompts: string[]) {
	const requests = createRequests(target);
	const tasks = [...target.record.tasks.values()];
	return prompts.map((prompt) => ({
		prompt,
		requests: requests.filter((request) => promptOf(request) === prompt).length,
		faulted: requests.some(
			(request) => promptOf(request) === prompt && request.fault !== undefined,
		),
		tasks: tasks.filter((task) => task.input.prompt === prompt).length,
	}));
}

const AMBIGUOUS_TAIL =
	/, so Kie\.ai may have created this nano-banana-pro task without returning its taskId\. It was not sent again, so you are not charged twice: look for it at https:\/\/kie\.ai\/logs \(model nano-banana-pro, sent around \d{4}-\d\d-\d\dT[\d:.]+Z\) and fetch it with the Get Task operation\.$/;

describe('an ambiguous create failure is not repeated and says a task may exist', () => {
	const cases: Array<{ kind: FaultKind; createsTask: boolean; says: string }> = [
		{
			kind: 'createdThen500',
			createsTask: true,
			says: 'Kie.ai answered the create request with HTTP 500 (Internal Server Error)',
		},
		{
			kind: 'createdThenReset',
			createsTask: true,
			says: 'The connection to Kie.ai was closed before an answer arrived',
		},
		{
			kind: 'http500',
			createsTask: false,
			says: 'Kie.ai answered the create request with HTTP 500 (Internal Server Error)',
		},
		{
			kind: 'http503',
			createsTask: false,
			says: 'Kie.ai answered the create request with HTTP 503 (Service Unavailable)',
		},
		{
			kind: 'reset',
			createsTask: false,
			says: 'The connection to Kie.ai was closed before an answer arrived',
		},
		{
			kind: 'malformedJson',
			createsTask: false,
			says: "Kie.ai's answer to the create request was unreadable",
		},
		{
			kind: 'body500',
			createsTask: false,
			says: 'Kie.ai answered the create request with code 500 (Server Error - An unexpected error occurred while processing the request)',
		},
	];

	it.each(cases)('$kind', async ({ kind, createsTask, says }) => {
		sim.injectFault({ endpoint: 'createTask', kind, times: FAULTY_CREATES });

		const { output, prompts } = await runBatch(sim, kind);

		const succeeded = output.filter((item) => item.json.state === 'success');
		const failed = output.filter((item) => item.json.error !== undefined);
		expect(succeeded).toHaveLength(BATCH - FAULTY_CREATES);
		expect(failed).toHaveLength(FAULTY_CREATES);
		for (const item of succeeded)
			expect(sim.record.tasks.has(item.json.taskId as string)).toBe(true);
		for (const item of failed) {
			expect(item.json.error).toEqual(expect.stringMatching(AMBIGUOUS_TAIL));
			expect((item.json.error as string).startsWith(`${says}, so Kie.ai may have created`)).toBe(
				true,
			);
			expect(item.json.taskId).toBeUndefined();
		}

		// No create was sent twice: one request per item, and the faulted ones are the failed items.
		const counts = perPrompt(sim, prompts);
		recordMatrixRow({
			path: 'create',
			fault: kind,
			items: BATCH,
			faultedCreates: counts.filter((count) => count.faulted).length,
			createRequests: createRequests(sim).length,
			maxRequestsForOneItem: Math.max(...counts.map((count) => count.requests)),
			tasksCreated: sim.record.createdTaskCount(),
			succeeded: succeeded.length,
			ambiguousErrors: failed.length,
		});
		expect(counts.map((count) => count.requests)).toEqual(prompts.map(() => 1));
		const failedPrompts = failed.map((item) => prompts[(item.pairedItem as { item: number }).item]);
		expect(counts.filter((count) => count.faulted).map((count) => count.prompt)).toEqual(
			failedPrompts,
		);

		// What Kie holds (and bills) is what the user sees, plus the ambiguous ones that really exist.
		const reallyCreatedAmbiguous = createsTask ? FAULTY_CREATES : 0;
		expect(sim.record.createdTaskCount()).toBe(succeeded.length + reallyCreatedAmbiguous);
		expect(counts.map((count) => count.tasks)).toEqual(
			counts.map((count) => (count.faulted && !createsTask ? 0 : 1)),
		);
	});
});

describe('a create Kie refused without creating is retried', () => {
	it.each<FaultKind>(['body429', 'body455'])('%s', async (kind) => {
		sim.injectFault({ endpoint: 'createTask', kind, times: FAULTY_CREATES });

		const { output, prompts } = await runBatch(sim, kind);

		expect(output.map((item) => item.json.state)).toEqual(prompts.map(() => 'success'));
		const counts = perPrompt(sim, prompts);
		recordMatrixRow({
			path: 'create',
			fault: kind,
			items: BATCH,
			faultedCreates: counts.filter((count) => count.faulted).length,
			createRequests: createRequests(sim).length,
			tasksCreated: sim.record.createdTaskCount(),
			succeeded: output.filter((item) => item.json.state === 'success').length,
		});
		expect(counts.filter((count) => count.faulted)).toHaveLength(FAULTY_CREATES);
		// A refused create was sent once more; every item has exactly one task.
		expect(counts.map((count) => count.requests)).toEqual(
			counts.map((count) => (count.faulted ? 2 : 1)),
		);
		expect(counts.map((count) => count.tasks)).toEqual(prompts.map(() => 1));
		expect(sim.record.createdTaskCount()).toBe(BATCH);
	});

	it('HTTP 429 from a limit stricter than the credential says', async () => {
		sim.configure({ createLimit: { max: 4, windowMs: 1000 } });

		const { output, prompts } = await runBatch(sim, 'http429');

		expect(output.map((item) => item.json.state)).toEqual(prompts.map(() => 'success'));
		const rejected = createRequests(sim).filter((request) => request.status === 429);
		recordMatrixRow({
			path: 'create',
			fault: 'HTTP 429 (limit 4/s)',
			items: BATCH,
			faultedCreates: rejected.length,
			createRequests: createRequests(sim).length,
			tasksCreated: sim.record.createdTaskCount(),
			succeeded: output.filter((item) => item.json.state === 'success').length,
		});
		expect(rejected.length).toBeGreaterThan(0);
		const counts = perPrompt(sim, prompts);
		expect(counts.map((count) => count.tasks)).toEqual(prompts.map(() => 1));
		expect(sim.record.createdTaskCount()).toBe(BATCH);
		expect(createRequests(sim)).toHaveLength(BATCH + rejected.length);
	});
});

describe('a create that cannot reach Kie at all', () => {
	let refusing: RefusingPort;
	let counter: RequestCounter;
	beforeEach(async () => {
		refusing = await reserveRefusingPort();
		counter = countRequestsTo(refusing.port);
	});
	afterEach(async () => {
		counter.stop();
		await refusing.release();
	});

	it('is retried, then fails with a clear message and no task', async () => {
		const { output } = await runBatch(sim, 'refused', { baseUrl: refusing.url });

		for (const item of output) {
			expect(item.json).toEqual({ error: 'Could not reach Kie.ai: the connection was refused' });
		}
		// Each item's create was tried UNREACHABLE_ATTEMPTS (4) times, then given up.
		expect(counter.started).toEqual(
			Array.from({ length: BATCH * 4 }, () => 'POST /api/v1/jobs/createTask'),
		);
		recordMatrixRow({
			path: 'create',
			fault: 'connection refused (closed port)',
			items: BATCH,
			createAttempts: counter.started.length,
			succeeded: 0,
			errors: output.length,
			tasksCreated: 0,
		});
		expect(sim.record.requests).toHaveLength(0);
	});

	it('succeeds once Kie is back, with one task per item', async () => {
		let late: Promise<KieSimulator> | undefined;
		// Kie comes back once every item's create has been refused at least once.
		const watch = setInterval(() => {
			if (late || counter.started.length < BATCH) return;
			late = startSimulator({ generationMs: 300 }, { port: refusing.port });
		}, 5);
		try {
			const { output, prompts } = await runBatch(sim, 'back', { baseUrl: refusing.url });

			expect(late).toBeDefined();
			const back = await late!;
			expect(output.map((item) => item.json.state)).toEqual(prompts.map(() => 'success'));
			const attempts = counter.started.filter((request) => request.includes('createTask'));
			const creates = createRequests(back);
			recordMatrixRow({
				path: 'create',
				fault: 'connection refused until every item was refused once, then reachable',
				items: BATCH,
				createAttempts: attempts.length,
				createRequests: creates.length,
				tasksCreated: back.record.createdTaskCount(),
				succeeded: output.length,
			});
			// Every item was refused at least once; the attempt that reached Kie made its only task.
			expect(attempts.length - creates.length).toBeGreaterThanOrEqual(BATCH);
			expect(perPrompt(back, prompts).map((count) => [count.requests, count.tasks])).toEqual(
				prompts.map(() => [1, 1]),
			);
		} finally {
			clearInterval(watch);
			await (await late?.catch(() => undefined))?.stop();
		}
	});
});
