import { startSimulator, type FaultKind, type KieSimulator } from './';
import { call, createTask, credits, nanoBananaPro, recordInfo, waitForFinal } from './test-helpers';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 50 });
});
afterEach(() => sim.reset());
afterAll(() => sim.stop());

describe('faults that replace the answer', () => {
	it.each([
		['http500', 500],
		['http502', 502],
		['http503', 503],
		['http504', 504],
	] as Array<[FaultKind, number]>)(
		'%s answers that HTTP status with a JSON {code, msg}',
		async (kind, status) => {
			sim.injectFault({ endpoint: 'credit', kind, times: 1 });
			const reply = await credits(sim);
			expect(reply.status).toBe(status);
			expect(reply.json).toMatchObject({ code: status, msg: expect.any(String) });
			expect(sim.record.requests[0]).toMatchObject({ fault: kind, status, bodyCode: status });
			expect((await credits(sim)).status).toBe(200); // times: 1
		},
	);

	it.each([
		['body455', 455],
		['body500', 500],
		['body429', 429],
	] as Array<[FaultKind, number]>)(
		'%s answers HTTP 200 with that body code and creates nothing',
		async (kind, code) => {
			sim.injectFault({ endpoint: 'createTask', kind, times: 1 });
			const reply = await createTask(sim, nanoBananaPro());
			expect(reply.status).toBe(200);
			expect(reply.json).toMatchObject({ code, msg: expect.any(String) });
			expect(sim.record.createdTaskCount()).toBe(0);
			expect(sim.record.rateLimitedCount()).toBe(kind === 'body429' ? 1 : 0);
			expect((await credits(sim)).json.data).toBe(100_000);
		},
	);

	it('body faults on the upload host keep its {success:false} shape', async () => {
		sim.injectFault({ endpoint: 'base64Upload', kind: 'body455', times: 1 });
		const reply = await call(`${sim.uploadBaseUrl}/api/file-base64-upload`, 'POST', {
			json: { base64Data: 'AAAA', uploadPath: 'x' },
		});
		expect(reply.json).toMatchObject({ success: false, code: 455 });
	});

	it('malformedJson answers HTTP 200 with truncated JSON and creates nothing', async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'malformedJson', times: 1 });
		const reply = await createTask(sim, nanoBananaPro());
		expect(reply.status).toBe(200);
		expect(reply.headers['content-type']).toBe('application/json');
		expect(reply.json).toBeUndefined();
		expect(() => JSON.parse(reply.text)).toThrow();
		expect(sim.record.createdTaskCount()).toBe(0);
	});

	it('reset destroys the socket without answering and does nothing server-side', async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'reset', times: 1 });
		await expect(createTask(sim, nanoBananaPro())).rejects.toThrow();
		expect(sim.record.createdTaskCount()).toBe(0);
		expect(sim.record.requests[0]).toMatchObject({
			endpoint: 'createTask',
			fault: 'reset',
			status: 0,
		});
		expect((await createTask(sim, nanoBananaPro())).json.code).toBe(200);
	});
});

describe('faults after the work is done', () => {
	it('createdThen500 creates and bills the task, then answers HTTP 500', async () => {
		sim.configure({ createLimit: { max: 1, windowMs: 10_000 } });
		sim.injectFault({ endpoint: 'createTask', kind: 'createdThen500', times: 1 });
		const reply = await createTask(sim, nanoBananaPro());
		expect(reply.status).toBe(500);
		expect(sim.record.createdTaskCount()).toBe(1);
		expect((await credits(sim)).json.data).toBe(100_000 - 24);
		expect(sim.record.maxCreatesInAnyWindow()).toBe(1);
		// It counts toward the limit: the next create inside the window is refused.
		expect((await createTask(sim, nanoBananaPro())).status).toBe(429);
	});

	it('createdThenReset creates the task, then destroys the socket', async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'createdThenReset', times: 1 });
		await expect(createTask(sim, nanoBananaPro())).rejects.toThrow();
		expect(sim.record.createdTaskCount()).toBe(1);
		const [task] = sim.record.tasks.values();
		expect((await waitForFinal(sim, task.taskId)).state).toBe('success');
		expect(sim.record.requests[0]).toMatchObject({ fault: 'createdThenReset', status: 0 });
	});

	it('taskFail creates a task that ends in state fail', async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'taskFail', times: 1 });
		const reply = await createTask(sim, nanoBananaPro());
		expect(reply.json.code).toBe(200);
		const data = await waitForFinal(sim, reply.json.data.taskId);
		expect(data).toMatchObject({
			state: 'fail',
			failCode: '500',
			failMsg: 'Internal server error',
		});
	});

	it('slow answers normally after delayMs', async () => {
		sim.injectFault({ endpoint: 'recordInfo', kind: 'slow', delayMs: 150, times: 1 });
		const started = Date.now();
		const reply = await recordInfo(sim, 'unknown');
		expect(Date.now() - started).toBeGreaterThanOrEqual(145);
		expect(reply.json).toMatchObject({ code: 422, msg: 'recordInfo is null' });
		expect(sim.record.requests[0].fault).toBe('slow');
	});
});

describe('fault selection', () => {
	it('a fault on createTask other than created*/taskFail creates nothing', async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'http503' });
		for (let n = 0; n < 3; n++) expect((await createTask(sim, nanoBananaPro())).status).toBe(503);
		expect(sim.record.createdTaskCount()).toBe(0);
		sim.clearFaults();
		expect((await createTask(sim, nanoBananaPro())).status).toBe(200);
	});

	it('applies only to its endpoint and only for the next `times` requests', async () => {
		sim.injectFault({ endpoint: 'recordInfo', kind: 'http502', times: 2 });
		expect((await credits(sim)).status).toBe(200);
		const statuses = [];
		for (let n = 0; n < 4; n++) statuses.push((await recordInfo(sim, 'x')).status);
		expect(statuses).toEqual([502, 502, 200, 200]);
	});

	it('applies `probability` faults from a seeded, repeatable RNG', async () => {
		const pattern = async () => {
			sim.reset();
			sim.injectFault({ endpoint: 'credit', kind: 'http500', probability: 0.5 });
			const statuses = [];
			for (let n = 0; n < 30; n++) statuses.push((await credits(sim)).status);
			return statuses;
		};
		const first = await pattern();
		expect(await pattern()).toEqual(first);
		const faulted = first.filter((status) => status === 500).length;
		expect(faulted).toBeGreaterThan(5);
		expect(faulted).toBeLessThan(25);
		sim.configure({ seed: 12345 });
		sim.injectFault({ endpoint: 'credit', kind: 'http500', probability: 0.5 });
		const other = [];
		for (let n = 0; n < 30; n++) other.push((await credits(sim)).status);
		expect(other).not.toEqual(first);
	});
});
