/**
 * Tasks Kie does not know, through n8n's engine: an unknown taskId in both of the forms Kie's
 * get-task-detail page documents (HTTP 200 + code 422 "recordInfo is null", code 404 "Task not
 * found", also as HTTP 404), and a new task that recordInfo does not show for its first queries.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSimulator } from '../../../../simulator';
import type { KieSimulator, RecordedRequest, SimulatorOptions } from '../../../../simulator';
import { createTaskDirectly, FAST_POLL, kieOutput, runKie } from '../../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 300 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const UNKNOWN = '0123456789abcdef0123456789abcdef';

type Form = NonNullable<SimulatorOptions['unknownTaskAnswer']>;
const FORMS: Array<[Form, { status: number; code: number; msg: string }]> = [
	['recordInfo-null', { status: 200, code: 422, msg: 'recordInfo is null' }],
	['task-not-found', { status: 200, code: 404, msg: 'Task not found' }],
	['task-not-found-http', { status: 404, code: 404, msg: 'Task not found' }],
];

const getTask = (taskId: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'task',
	operation: 'get',
	taskId,
	...extra,
});

const generate = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'image',
	operation: 'generate',
	model: 'nano-banana-pro',
	prompt: '={{ $json.prompt }}',
	downloadResults: false,
	options: { ...FAST_POLL },
	...extra,
});

const statusRequests = (taskId: string): RecordedRequest[] =>
	sim.record.requests.filter(
		(request) => request.endpoint === 'recordInfo' && request.query.taskId === taskId,
	);

/** recordInfo answers that did not know the task (the form's status and code). */
const notFoundAnswers = (taskId: string, form: { status: number; code: number }) =>
	statusRequests(taskId).filter(
		(request) => request.status === form.status && request.bodyCode === form.code,
	);

describe.each(FORMS)('an unknown taskId answered as %s', (form, answer) => {
	beforeEach(() => sim.configure({ unknownTaskAnswer: form }));

	it.each([false, true])(
		'Get Task (waiting: %s) fails once with Kie’s words and the taskId, without asking again',
		async (waitForCompletion) => {
			const result = await runKie(sim, getTask(UNKNOWN, { waitForCompletion }));

			expect(result.status).toBe('error');
			expect(result.error?.message).toBe(
				`Kie.ai has no task with this taskId for this API key (code ${answer.code}): ${answer.msg} (task ${UNKNOWN})`,
			);
			// Never seen: the error claims no state for it.
			expect(result.error?.description ?? '').not.toMatch(/last state/);
			expect(statusRequests(UNKNOWN)).toHaveLength(1);
			expect(notFoundAnswers(UNKNOWN, answer)).toHaveLength(1);
		},
	);

	it('Get Task with Continue On Fail: an item with the taskId and the API asked', async () => {
		const result = await runKie(sim, getTask(UNKNOWN, { waitForCompletion: true }), {
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }],
		});

		const items = kieOutput(result);
		expect(items).toHaveLength(2);
		for (const [index, item] of items.entries()) {
			expect(item.json).toMatchObject({ taskId: UNKNOWN, api: 'market' });
			expect(item.json.state).toBeUndefined();
			expect(item.json.error).toContain(answer.msg);
			expect(item.pairedItem).toEqual({ item: index });
		}
		expect(notFoundAnswers(UNKNOWN, answer)).toHaveLength(2);
	});

	it('a new task not shown by its first two status requests is waited for and succeeds', async () => {
		sim.configure({ notVisibleAfterCreate: { queries: 2 } });

		const result = await runKie(sim, generate(), {
			items: [{ json: { prompt: 'A lighthouse' } }, { json: { prompt: 'A harbour' } }],
		});

		const items = kieOutput(result);
		expect(items.map((item) => item.json.state)).toEqual(['success', 'success']);
		for (const item of items) {
			const taskId = item.json.taskId as string;
			const answers = statusRequests(taskId);
			// The first two said "not found", every later one knew the task.
			expect(answers.slice(0, 2).map((request) => [request.status, request.bodyCode])).toEqual([
				[answer.status, answer.code],
				[answer.status, answer.code],
			]);
			expect(notFoundAnswers(taskId, answer)).toHaveLength(2);
			expect(answers.slice(2).every((request) => request.bodyCode === 200)).toBe(true);
			expect(answers.at(-1)?.taskState).toBe('success');
			expect(item.json.resultUrls).toEqual(sim.record.tasks.get(taskId)!.resultUrls);
		}
	});
});

describe('a new task Kie never shows', () => {
	it('ends at the timeout with its taskId and API kept, after only not-found answers', async () => {
		sim.configure({
			unknownTaskAnswer: 'task-not-found',
			notVisibleAfterCreate: { queries: 1000 },
		});

		const result = await runKie(sim, generate({ options: { ...FAST_POLL, timeout: 2 } }), {
			continueOnFail: true,
			items: [{ json: { prompt: 'A ghost ship' } }],
		});

		const [item] = kieOutput(result);
		expect(sim.record.createdTaskCount()).toBe(1);
		const taskId = [...sim.record.tasks.keys()][0];
		expect(item.json).toMatchObject({ taskId, api: 'market', state: 'waiting' });
		expect(item.json.error).toBe(
			`Kie.ai task ${taskId} did not finish within 2 s (last state: waiting)`,
		);
		expect(item.json.description).toContain('Get Task');
		const answers = statusRequests(taskId);
		expect(answers.length).toBeGreaterThanOrEqual(1);
		expect(notFoundAnswers(taskId, { status: 200, code: 404 })).toHaveLength(answers.length);
	});
});

describe('a task Kie knows', () => {
	it('is found in every form (the forms only change how Kie says "unknown")', async () => {
		sim.configure({ generationMs: 50 });
		const taskId = await createTaskDirectly(sim, {
			model: 'nano-banana-pro',
			input: { prompt: 'A red bicycle' },
		});
		for (const [form] of FORMS) {
			sim.configure({ unknownTaskAnswer: form });
			const [item] = kieOutput(await runKie(sim, getTask(taskId)));
			expect(item.json.taskId).toBe(taskId);
		}
		expect(statusRequests(taskId).map((request) => request.bodyCode)).toEqual([200, 200, 200]);
	});
});
