/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
import http from 'node:http';

import { KIE_STATUS_LIMIT, startSimulator, type KieSimulator } from './';
import {
	call,
	createdTaskId,
	createTask,
	credits,
	decodeJpegFrame,
	decodePng,
	nanoBananaPro,
	recordInfo,
	sleep,
	until,
	waitForFinal,
} from './test-helpers';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 200 });
});
afterEach(() => sim.reset());
afterAll(() => sim.stop());

describe('task lifecycle', () => {
	/** Creates a task and polls it back-to-back until success; returns every answer. */
	async function observeLifecycle(generationMs: number, payload: Record<string, unknown>) {
		sim.configure({ generationMs });
		await credits(sim); // warm the connection before timing starts
		const taskId = await createdTaskId(sim, payload);
		const answers: Array<Record<string, unknown>> = [];
		do answers.push((await recordInfo(sim, taskId)).json.data);
		while (answers[answers.length - 1].state !== 'success');
		return { task: sim.record.tasks.get(taskId)!, answers };
	}

	it('goes waiting → queuing → generating → success over the configured time', async () => {
		const payload = nanoBananaPro({ aspect_ratio: '16:9', resolution: '2K' });
		// The shortest phases (waiting, queuing) last 10 % each; on a starved machine a poll can
		// miss one, so a longer generation time is tried before giving up.
		let observed: Awaited<ReturnType<typeof observeLifecycle>> | undefined;
		let generationMs = 0;
		for (generationMs of [600, 1_500, 4_000]) {
			observed = await observeLifecycle(generationMs, payload);
			const { task, answers } = observed;
			// Each answer matches the elapsed share of the generation time when it was asked.
			const expected = task.pollTimes.map((time) => {
				const share = (time - task.createdAt) / generationMs;
				return share < 0.1
					? 'waiting'
					: share < 0.2
						? 'queuing'
						: share < 1
							? 'generating'
							: 'success';
			});
			expect(answers.map((answer) => answer.state)).toEqual(expected);
			if (new Set(expected).size === 4) break;
		}
		const { task, answers } = observed!;
		const states = answers.map((answer) => answer.state);
		expect(states.filter((state, index) => state !== states[index - 1])).toEqual([
			'waiting',
			'queuing',
			'generating',
			'success',
		]);
		expect(Date.now() - task.createdAt).toBeGreaterThanOrEqual(generationMs);

		const data = answers[answers.length - 1];
		expect(data.taskId).toBe(task.taskId);
		expect(data.model).toBe('nano-banana-pro');
		expect(typeof data.param).toBe('string');
		expect(JSON.parse(data.param as string)).toEqual(payload);
		expect(typeof data.resultJson).toBe('string');
		const resultUrls = JSON.parse(data.resultJson as string).resultUrls as string[];
		expect(resultUrls).toEqual([`${sim.baseUrl}/files/results/${task.taskId}_0.png`]);
		expect(data.costTime).toBe(generationMs); // milliseconds
		expect(data.createTime).toBe(task.createdAt);
		expect(data.completeTime).toBe(task.createdAt + generationMs);
		expect(data.updateTime).toBe(data.completeTime);
		expect(data.failCode).toBe('');
		expect(data.failMsg).toBe('');
		// The documented fields, in the documented order, and nothing else (no credits field).
		expect(Object.keys(data)).toEqual([
			'taskId',
			'model',
			'state',
			'param',
			'resultJson',
			'failCode',
			'failMsg',
			'costTime',
			'completeTime',
			'createTime',
			'updateTime',
		]);

		expect(task.polls).toBe(answers.length);
		expect(task.pollTimes).toHaveLength(task.polls);
		expect(task.completedAt).toBe(task.finishAt);
	});

	it('answers a fresh task as waiting with empty results and null times', async () => {
		sim.configure({ generationMs: 5_000 });
		const taskId = await createdTaskId(sim, nanoBananaPro());
		const data = (await recordInfo(sim, taskId)).json.data;
		expect(data).toMatchObject({
			state: 'waiting',
			resultJson: '',
			failCode: '',
			failMsg: '',
			costTime: null,
			completeTime: null,
		});
	});

	it('records completedAt when the task finishes even if nobody polls', async () => {
		sim.configure({ generationMs: 50 });
		const taskId = await createdTaskId(sim, nanoBananaPro());
		const task = sim.record.tasks.get(taskId)!;
		await until(() => task.completedAt !== undefined);
		expect(task.completedAt).toBe(task.finishAt);
		expect(task.polls).toBe(0);
	});

	it('lets a generationMs function vary the time per task', async () => {
		sim.configure({ generationMs: ({ input }) => (input.resolution === '4K' ? 300 : 100) });
		const slow = sim.record.tasks.get(
			await createdTaskId(sim, nanoBananaPro({ resolution: '4K' })),
		)!;
		const fast = sim.record.tasks.get(await createdTaskId(sim, nanoBananaPro()))!;
		expect(slow.finishAt - slow.createdAt).toBe(300);
		expect(fast.finishAt - fast.createdAt).toBe(100);
	});

	it('fails a task whose prompt contains [fail], refunding its credits', async () => {
		// Long enough that the credits read below comes before the refund: at 50 ms, a CI run at
		// load 20 read them after the task had failed (100000, not 99976).
		sim.configure({ generationMs: 1_500 });
		const taskId = await createdTaskId(sim, nanoBananaPro({ prompt: 'please [fail] now' }));
		expect((await credits(sim)).json.data).toBe(100_000 - 24);
		const data = await waitForFinal(sim, taskId);
		expect(data).toMatchObject({
			state: 'fail',
			failCode: '500',
			failMsg: 'Internal server error',
		});
		expect(data.resultJson).toBe('');
		expect(data.completeTime).not.toBeNull();
		expect((await credits(sim)).json.data).toBe(100_000);
		expect(sim.record.tasks.get(taskId)!.finalState).toBe('fail');
	});

	it('gives num_images / n results with the output_format extension', async () => {
		sim.configure({ generationMs: 20 });
		const three = await createdTaskId(sim, {
			model: 'google/imagen4-fast',
			input: { prompt: 'x', num_images: '3' },
		});
		const two = await createdTaskId(sim, {
			model: 'flux',
			input: { prompt: 'x', n: 2, output_format: 'jpeg' },
		});
		const tooMany = await createdTaskId(sim, { model: 'flux', input: { prompt: 'x', n: 9 } });
		const urls = async (id: string) =>
			JSON.parse((await waitForFinal(sim, id)).resultJson).resultUrls;
		expect(await urls(three)).toEqual(
			[0, 1, 2].map((n) => `${sim.baseUrl}/files/results/${three}_${n}.png`),
		);
		expect(await urls(two)).toEqual(
			[0, 1].map((n) => `${sim.baseUrl}/files/results/${two}_${n}.jpg`),
		);
		expect(await urls(tooMany)).toHaveLength(1);
	});

	it('answers unknown and missing task ids like Kie', async () => {
		const unknown = await recordInfo(sim, 'ffffffffffffffffffffffffffffffff');
		expect(unknown.status).toBe(200);
		expect(unknown.json).toEqual({ code: 422, msg: 'recordInfo is null', data: null });
		const missing = await call(`${sim.baseUrl}/api/v1/jobs/recordInfo`, 'GET');
		expect(missing.json).toMatchObject({ code: 400, msg: 'taskId parameter is required' });
	});
});

describe('credits', () => {
	it('answers the balance as a bare integer and bills each create', async () => {
		const before = await credits(sim);
		expect(before.status).toBe(200);
		expect(before.json).toEqual({ code: 200, msg: 'success', data: 100_000 });
		await createdTaskId(sim, nanoBananaPro());
		await createdTaskId(sim, nanoBananaPro({ resolution: '4K' }));
		await createdTaskId(sim, {
			model: 'seedream/4.5-text-to-image',
			input: { prompt: 'x', aspect_ratio: '1:1', quality: 'basic' },
		});
		expect((await credits(sim)).json.data).toBe(100_000 - 24 - 48 - 10);
	});

	it('refuses a create the account cannot pay for with code 402, creating nothing', async () => {
		sim.configure({ credits: 30 });
		expect((await createTask(sim, nanoBananaPro())).json.code).toBe(200);
		const refused = await createTask(sim, nanoBananaPro());
		expect(refused.status).toBe(200);
		expect(refused.json).toMatchObject({ code: 402, msg: 'Credits insufficient' });
		expect(sim.record.createdTaskCount()).toBe(1);
		expect((await credits(sim)).json.data).toBe(6);
	});
});

describe('authentication', () => {
	const unauthorized = { code: 401, msg: 'You do not have access permissions' };

	it.each([
		['a wrong key', 'wrong-key'],
		['no key', null],
	])('answers HTTP 200 + code 401 on every API endpoint for %s', async (_, key) => {
		const replies = await Promise.all([
			createTask(sim, nanoBananaPro(), key),
			recordInfo(sim, 'abc', key),
			credits(sim, key),
			call(`${sim.baseUrl}/api/v1/common/download-url`, 'POST', { key, json: { url: 'x' } }),
		]);
		for (const reply of replies) {
			expect(reply.status).toBe(200);
			expect(reply.json).toEqual(unauthorized);
		}
		expect(sim.record.createdTaskCount()).toBe(0);
	});

	it('accepts every configured key, each with its own balance', async () => {
		sim.configure({ apiKeys: ['key-a', 'key-b'] });
		expect((await credits(sim, 'sim-key')).json.code).toBe(401);
		await createTask(sim, nanoBananaPro(), 'key-a');
		expect((await credits(sim, 'key-a')).json.data).toBe(100_000 - 24);
		expect((await credits(sim, 'key-b')).json.data).toBe(100_000);
	});

	it("does not show one key's task to another key", async () => {
		sim.configure({ apiKeys: ['key-a', 'key-b'] });
		const taskId = (await createTask(sim, nanoBananaPro(), 'key-a')).json.data.taskId;
		expect((await recordInfo(sim, taskId, 'key-b')).json.code).toBe(422);
		expect((await recordInfo(sim, taskId, 'key-a')).json.code).toBe(200);
	});
});

describe('nano-banana-pro validation', () => {
	const eightUrls = Array.from({ length: 8 }, (_, n) => `https://example.com/${n}.png`);

	it.each([
		['lower-case 4k', { resolution: '4k' }, 'resolution'],
		['9 images', { image_input: [...eightUrls, 'https://example.com/8.png'] }, 'image_input'],
		['a non-URL image', { image_input: ['file:///etc/passwd'] }, 'image_input'],
		['image_input not an array', { image_input: 'https://example.com/a.png' }, 'image_input'],
		['a bad aspect ratio', { aspect_ratio: '7:5' }, 'aspect_ratio'],
		['an unknown output format', { output_format: 'webp' }, 'output_format'],
		['an empty prompt', { prompt: '' }, 'prompt'],
		['a missing prompt', { prompt: undefined }, 'prompt'],
		['a prompt over 10000 characters', { prompt: 'x'.repeat(10_001) }, 'prompt'],
	])('refuses %s with code 422 naming the field, creating nothing', async (_, input, field) => {
		const reply = await createTask(sim, nanoBananaPro(input));
		expect(reply.status).toBe(200);
		expect(reply.json.code).toBe(422);
		expect(reply.json.msg).toContain(field);
		expect(reply.json.data).toBeNull();
		expect(sim.record.createdTaskCount()).toBe(0);
		expect((await credits(sim)).json.data).toBe(100_000);
	});

	it.each([
		['no model', { input: { prompt: 'x' } }, 'model'],
		['no input', { model: 'nano-banana-pro' }, 'input'],
		[
			'another model without a prompt',
			{ model: 'z-image', input: { aspect_ratio: '1:1' } },
			'prompt',
		],
	])('refuses %s with code 422', async (_, payload, field) => {
		const reply = await createTask(sim, payload);
		expect(reply.json).toMatchObject({ code: 422, data: null });
		expect(reply.json.msg).toContain(field);
		expect(sim.record.createdTaskCount()).toBe(0);
	});

	it('accepts the documented limits and unknown models', async () => {
		const accepted = [
			nanoBananaPro({
				image_input: eightUrls,
				aspect_ratio: 'auto',
				resolution: '4K',
				output_format: 'jpg',
			}),
			nanoBananaPro({ prompt: 'x'.repeat(10_000), aspect_ratio: '21:9' }),
			{ model: 'some-future/video-model', input: { prompt: 'x', duration: 10 } },
		];
		for (const payload of accepted) expect((await createTask(sim, payload)).json.code).toBe(200);
		expect(sim.record.createdTaskCount()).toBe(3);
	});
});

describe('status request cap (statusLimit, off by default)', () => {
	it('answers the 11th status request of a key inside a second with HTTP 429; credits and other keys are not counted', async () => {
		sim.configure({ apiKeys: ['sim-key', 'key-b'] });
		const taskId = await createdTaskId(sim, nanoBananaPro());
		const uncapped = await Promise.all(Array.from({ length: 12 }, () => recordInfo(sim, taskId)));
		expect(uncapped.every((reply) => reply.status === 200)).toBe(true);

		sim.reset();
		sim.configure({ apiKeys: ['sim-key', 'key-b'], statusLimit: KIE_STATUS_LIMIT });
		const id = await createdTaskId(sim, nanoBananaPro());
		const replies = await Promise.all(Array.from({ length: 11 }, () => recordInfo(sim, id)));
		const limited = replies.filter((reply) => reply.status === 429);
		expect(limited).toHaveLength(1);
		expect(limited[0].json).toEqual({
			code: 429,
			msg: 'Rate limit exceeded: 10 requests per 1 seconds',
		});
		expect((await credits(sim)).status).toBe(200);
		expect((await recordInfo(sim, id, 'key-b')).json.code).not.toBe(429);
		expect(sim.record.statusRateLimitedCount()).toBe(1);
		expect(sim.record.rateLimitedCount()).toBe(0);
		expect(sim.record.maxStatusRequestsInAnyWindow(1000)).toBe(10);

		// A refused request does not count: the window frees a second after the first accepted one.
		const firstAccepted = Math.min(
			...sim.record.requests
				.filter((request) => request.endpoint === 'recordInfo' && request.status === 200)
				.map((request) => request.arrivedAt),
		);
		await sleep(firstAccepted + 1000 - Date.now() + 5);
		expect((await recordInfo(sim, id)).status).toBe(200);
		expect(sim.record.maxStatusRequestsInAnyWindow(1000)).toBe(10);
	});
});

describe('create rate limit', () => {
	it('answers the 21st create inside the window with HTTP 429 and creates nothing', async () => {
		sim.configure({ createLimit: { max: 20, windowMs: 600 } });
		const replies = await Promise.all(
			Array.from({ length: 21 }, () => createTask(sim, nanoBananaPro())),
		);
		const limited = replies.filter((reply) => reply.status === 429);
		expect(limited).toHaveLength(1);
		expect(limited[0].json).toEqual({
			code: 429,
			msg: 'Rate limit exceeded: 20 requests per 0.6 seconds',
		});
		expect(replies.filter((reply) => reply.json.code === 200)).toHaveLength(20);
		expect(sim.record.createdTaskCount()).toBe(20);
		expect(sim.record.rateLimitedCount()).toBe(1);
		expect(sim.record.maxCreatesInAnyWindow()).toBe(20);
		expect((await credits(sim)).json.data).toBe(100_000 - 20 * 24);

		const firstArrival = Math.min(...sim.record.requests.map((request) => request.arrivedAt));
		await sleep(firstArrival + 600 - Date.now() + 5);
		expect((await createTask(sim, nanoBananaPro())).status).toBe(200);
		expect(sim.record.maxCreatesInAnyWindow()).toBe(20);
		expect(sim.record.maxCreatesInAnyWindow(10_000)).toBe(21);
	});

	it('counts limits per key', async () => {
		sim.configure({ apiKeys: ['key-a', 'key-b'], createLimit: { max: 2, windowMs: 5_000 } });
		const codes = [];
		for (const key of ['key-a', 'key-a', 'key-b', 'key-a', 'key-b']) {
			codes.push((await createTask(sim, nanoBananaPro(), key)).status);
		}
		expect(codes).toEqual([200, 200, 200, 429, 200]);
		expect(sim.record.maxCreatesInAnyWindow()).toBe(2);
	});

	it('counts a create when its headers arrive, not when its body completes', async () => {
		sim.configure({ createLimit: { max: 1, windowMs: 300 } });
		const early = new Promise<number>((resolve, reject) => {
			const req = http.request(`${sim.baseUrl}/api/v1/jobs/createTask`, {
				method: 'POST',
				headers: { authorization: 'Bearer sim-key', 'content-type': 'application/json' },
			});
			req.on('response', (res) => {
				res.resume();
				resolve(res.statusCode ?? 0);
			});
			req.on('error', reject);
			req.flushHeaders();
			// The body only completes after the later create has been accepted.
			setTimeout(() => req.end(JSON.stringify(nanoBananaPro())), 350);
		});
		await until(() => sim.record.requests.length === 1);
		await sleep(30);
		expect((await createTask(sim, nanoBananaPro())).status).toBe(200);
		expect(await early).toBe(429);
		expect(sim.record.createdTaskCount()).toBe(1);
	});
});

describe('result files and download-url', () => {
	it('serves each result as a valid PNG, different per task', async () => {
		sim.configure({ generationMs: 20 });
		const ids = [
			await createdTaskId(sim, nanoBananaPro()),
			await createdTaskId(sim, nanoBananaPro()),
		];
		const files = [];
		for (const id of ids) {
			const url = JSON.parse((await waitForFinal(sim, id)).resultJson).resultUrls[0];
			const file = await call(url, 'GET', { key: null });
			expect(file.status).toBe(200);
			expect(file.headers['content-type']).toBe('image/png');
			const png = decodePng(file.bytes);
			expect([png.width, png.height]).toEqual([32, 32]);
			files.push(file.bytes);
		}
		expect(files[0].equals(files[1])).toBe(false);
	});

	it('serves a jpg result as a valid baseline JPEG', async () => {
		sim.configure({ generationMs: 20 });
		const id = await createdTaskId(sim, nanoBananaPro({ output_format: 'jpg' }));
		const url = JSON.parse((await waitForFinal(sim, id)).resultJson).resultUrls[0];
		expect(url).toMatch(/\.jpg$/);
		const file = await call(url, 'GET', { key: null });
		expect(file.headers['content-type']).toBe('image/jpeg');
		expect([...file.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
		expect([...file.bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
		expect(decodeJpegFrame(file.bytes)).toEqual({ width: 16, height: 16, components: 3 });
	});

	it('answers 404 for unknown files and for results of unfinished tasks', async () => {
		sim.configure({ generationMs: 5_000 });
		const id = await createdTaskId(sim, nanoBananaPro());
		expect((await call(`${sim.baseUrl}/files/results/${id}_0.png`, 'GET')).status).toBe(404);
		expect((await call(`${sim.baseUrl}/files/results/nope_0.png`, 'GET')).status).toBe(404);
	});

	it('turns its own file URL into a bare-string temporary URL serving the same bytes', async () => {
		sim.configure({ generationMs: 20 });
		const id = await createdTaskId(sim, nanoBananaPro());
		const resultUrl = JSON.parse((await waitForFinal(sim, id)).resultJson).resultUrls[0];
		const reply = await call(`${sim.baseUrl}/api/v1/common/download-url`, 'POST', {
			json: { url: resultUrl },
		});
		expect(reply.json.code).toBe(200);
		expect(typeof reply.json.data).toBe('string');
		expect(reply.json.data.startsWith(sim.baseUrl)).toBe(true);
		expect(reply.json.data).not.toBe(resultUrl);
		const original = await call(resultUrl, 'GET');
		const temporary = await call(reply.json.data, 'GET', { key: null });
		expect(temporary.headers['content-type']).toBe('image/png');
		expect(temporary.bytes.equals(original.bytes)).toBe(true);
	});

	it('refuses external URLs with code 422', async () => {
		const reply = await call(`${sim.baseUrl}/api/v1/common/download-url`, 'POST', {
			json: { url: 'https://example.com/a.png' },
		});
		expect(reply.status).toBe(200);
		expect(reply.json).toMatchObject({
			code: 422,
			msg: 'Invalid URL (External file URLs are not supported)',
		});
	});
});

describe('configure, reset and the record', () => {
	it('records every request with lower-cased headers, parsed bodies and statuses', async () => {
		await createTask(sim, nanoBananaPro({ aspect_ratio: '1:1' }));
		await credits(sim, 'bad');
		const [create, credit] = sim.record.requests;
		expect(create).toMatchObject({
			endpoint: 'createTask',
			method: 'POST',
			path: '/api/v1/jobs/createTask',
			status: 200,
			bodyCode: 200,
			body: nanoBananaPro({ aspect_ratio: '1:1' }),
		});
		expect(create.headers.authorization).toBe('Bearer sim-key');
		expect(create.headers['content-type']).toBe('application/json');
		expect(credit).toMatchObject({ endpoint: 'credit', status: 200, bodyCode: 401 });
		expect(sim.record.count('createTask')).toBe(1);
		expect(sim.record.count('credit')).toBe(1);
		const unknown = await call(`${sim.baseUrl}/api/v2/nothing?x=1`, 'GET');
		expect(unknown.status).toBe(404);
		expect(sim.record.requests[2]).toMatchObject({ endpoint: 'unknown', query: { x: '1' } });
	});

	it('reset() forgets tasks, records, credits and options', async () => {
		sim.configure({ generationMs: 5_000, createLimit: { max: 1, windowMs: 10_000 }, credits: 50 });
		await createdTaskId(sim, nanoBananaPro());
		expect((await createTask(sim, nanoBananaPro())).status).toBe(429);
		sim.reset();
		expect(sim.record.requests).toHaveLength(0);
		expect(sim.record.createdTaskCount()).toBe(0);
		expect(sim.record.maxCreatesInAnyWindow()).toBe(0);
		expect((await credits(sim)).json.data).toBe(100_000);
		const taskId = await createdTaskId(sim, nanoBananaPro());
		const task = sim.record.tasks.get(taskId)!;
		expect(task.finishAt - task.createdAt).toBe(200);
		expect((await createTask(sim, nanoBananaPro())).status).toBe(200);
	});
});
