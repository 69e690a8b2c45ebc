/**
 * The simulator's answers where Kie's pages allow more than one: unknown tasks, tasks not yet
 * visible after their create, upload refusals as HTTP statuses, file Content-Types, code 408.
 */
import { startSimulator, type KieSimulator } from './';
import {
	call,
	createdTaskId,
	createTask,
	nanoBananaPro,
	recordInfo,
	waitForFinal,
} from './test-helpers';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 50 });
});
afterEach(() => sim.reset());
afterAll(() => sim.stop());

const UNKNOWN = 'ffffffffffffffffffffffffffffffff';

describe('recordInfo of a task it does not know', () => {
	it.each([
		['recordInfo-null', 200, { code: 422, msg: 'recordInfo is null', data: null }],
		['task-not-found', 200, { code: 404, msg: 'Task not found' }],
		['task-not-found-http', 404, { code: 404, msg: 'Task not found' }],
	] as const)('%s', async (form, status, body) => {
		sim.configure({ unknownTaskAnswer: form });

		const reply = await recordInfo(sim, UNKNOWN);

		expect([reply.status, reply.json]).toEqual([status, body]);
		expect(sim.record.requests[0]).toMatchObject({ taskId: UNKNOWN, status, bodyCode: body.code });
		expect(sim.record.requests[0].taskState).toBeUndefined();
	});

	it('hides a new task for its first queries, then for a time, then shows it', async () => {
		sim.configure({ notVisibleAfterCreate: { queries: 2 } });
		const taskId = await createdTaskId(sim, nanoBananaPro());
		const codes: number[] = [];
		for (let n = 0; n < 3; n++) codes.push((await recordInfo(sim, taskId)).json.code);
		expect(codes).toEqual([422, 422, 200]);

		sim.configure({ notVisibleAfterCreate: { ms: 600_000 } });
		const later = await createdTaskId(sim, nanoBananaPro());
		expect((await recordInfo(sim, later)).json.code).toBe(422);
		sim.configure({ notVisibleAfterCreate: {} });
		expect((await recordInfo(sim, later)).json.code).toBe(200);
		// Hidden answers are not polls of the task.
		expect(sim.record.tasks.get(taskId)!.polls).toBe(1);
	});
});

describe('served result files', () => {
	it.each(['none', 'application/octet-stream', 'binary/octet-stream'] as const)(
		'Content-Type %s, and a URL without extension',
		async (contentType) => {
			sim.configure({ fileContentType: contentType, resultUrlExtensions: false });
			const taskId = await createdTaskId(sim, nanoBananaPro());
			const data = await waitForFinal(sim, taskId);
			const [url] = JSON.parse(data.resultJson as string).resultUrls as string[];
			expect(url).toBe(`${sim.baseUrl}/files/results/${taskId}_0`);

			const file = await call(url, 'GET', { key: null });

			expect(file.status).toBe(200);
			expect(file.headers['content-type']).toBe(contentType === 'none' ? undefined : contentType);
			expect(file.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
		},
	);
});

describe('upload refusals', () => {
	it('answer HTTP 200 by default and their code as HTTP status when asked', async () => {
		const upload = () =>
			call(`${sim.uploadBaseUrl}/api/file-url-upload`, 'POST', {
				json: { fileUrl: 'ftp://example.com/a.png', uploadPath: 'x' },
			});
		const refusal = {
			success: false,
			code: 400,
			msg: 'Invalid parameter: fileUrl must be an http or https URL',
		};
		const before = await upload();
		sim.configure({ uploadErrorStatus: 'http' });
		const after = await upload();
		const unauthorized = await call(`${sim.uploadBaseUrl}/api/file-url-upload`, 'POST', {
			json: { fileUrl: 'http://127.0.0.1:9/a.png', uploadPath: 'x' },
			key: 'wrong',
		});

		expect([before.status, before.json]).toEqual([200, refusal]);
		expect([after.status, after.json]).toEqual([400, refusal]);
		expect([unauthorized.status, unauthorized.json.code]).toEqual([401, 401]);
	});

	it('HTTP faults on the upload host carry its {success:false} body', async () => {
		sim.injectFault({ endpoint: 'base64Upload', kind: 'http405', times: 1 });

		const reply = await call(`${sim.uploadBaseUrl}/api/file-base64-upload`, 'POST', {
			json: { base64Data: 'aGk=', uploadPath: 'x' },
		});

		expect([reply.status, reply.json]).toEqual([
			405,
			{ success: false, code: 405, msg: 'Method Not Allowed' },
		]);
	});
});

describe('code 408', () => {
	it('on a create: the task is made, the answer is 408', async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'body408', times: 1 });

		const reply = await createTask(sim, nanoBananaPro());

		expect(reply.json.code).toBe(408);
		expect(reply.json.data).toBeNull();
		expect(sim.record.createdTaskCount()).toBe(1);
	});

	it('on a status request: nothing is looked up', async () => {
		sim.injectFault({ endpoint: 'recordInfo', kind: 'body408', times: 1 });
		const taskId = await createdTaskId(sim, nanoBananaPro());

		expect((await recordInfo(sim, taskId)).json.code).toBe(408);
		expect(sim.record.tasks.get(taskId)!.polls).toBe(0);
		expect((await recordInfo(sim, taskId)).json.code).toBe(200);
	});
});
