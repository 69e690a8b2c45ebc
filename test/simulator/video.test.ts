/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
import { startSimulator, type KieSimulator } from './';
import { call, createTask, sleep, until } from './test-helpers';
import { makeMp4 } from './video';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 150 });
});
afterEach(() => sim.reset());
afterAll(() => sim.stop());

const post = (path: string, json: unknown) => call(`${sim.baseUrl}${path}`, 'POST', { json });
const get = (path: string) => call(`${sim.baseUrl}${path}`, 'GET');

async function until200(path: string, final: (data: any) => boolean): Promise<any> {
	for (;;) {
		const reply = await get(path);
		if (reply.json?.code === 200 && final(reply.json.data)) return reply.json.data;
		await sleep(20);
	}
}

const veoDone = (taskId: string) =>
	until200(`/api/v1/veo/record-info?taskId=${taskId}`, (data) => data.successFlag !== 0);
const runwayDone = (taskId: string) =>
	until200(`/api/v1/runway/record-detail?taskId=${taskId}`, (data) =>
		['success', 'fail'].includes(data.state),
	);

function isMp4(bytes: Buffer): boolean {
	return (
		bytes.length > 32 &&
		bytes.toString('latin1', 4, 8) === 'ftyp' &&
		bytes.toString('latin1', 8, 12) === 'isom'
	);
}

describe('makeMp4', () => {
	it('is an ISO BMFF file of ftyp, moov, mdat boxes whose sizes add up', () => {
		const bytes = makeMp4('seed');
		const boxes: string[] = [];
		for (let offset = 0; offset < bytes.length; ) {
			const size = bytes.readUInt32BE(offset);
			boxes.push(bytes.toString('latin1', offset + 4, offset + 8));
			expect(size).toBeGreaterThanOrEqual(8);
			offset += size;
			if (offset === bytes.length) break;
			expect(offset).toBeLessThan(bytes.length);
		}
		expect(boxes).toEqual(['ftyp', 'moov', 'mdat']);
		expect(makeMp4('other').equals(bytes)).toBe(false);
	});
});

describe('Veo 3.1 API', () => {
	it('generates: successFlag 0 then 1, results under data.response, an MP4 file', async () => {
		const created = await post('/api/v1/veo/generate', {
			prompt: 'a dog',
			model: 'veo3_fast',
			aspect_ratio: '9:16',
		});
		expect(created.json).toMatchObject({ code: 200, msg: 'success' });
		const taskId = created.json.data.taskId as string;
		const first = (await get(`/api/v1/veo/record-info?taskId=${taskId}`)).json.data;
		expect(first).toMatchObject({ taskId, successFlag: 0, response: null, errorCode: null });
		expect(JSON.parse(first.paramJson)).toMatchObject({ prompt: 'a dog', model: 'veo3_fast' });
		const done = await veoDone(taskId);
		expect(done).toMatchObject({ successFlag: 1, errorCode: null, fallbackFlag: false });
		expect(done.response.resultUrls).toHaveLength(1);
		expect(done.response.originUrls).toHaveLength(1); // not 16:9
		expect(typeof done.createTime).toBe('number');
		// The jobs API does not know a Veo task.
		expect((await get(`/api/v1/jobs/recordInfo?taskId=${taskId}`)).json.code).toBe(422);
		const file = await call(done.response.resultUrls[0], 'GET', { key: null });
		expect(file.status).toBe(200);
		expect(file.headers['content-type']).toBe('video/mp4');
		expect(isMp4(file.bytes)).toBe(true);
	});

	it('fails as successFlag 3 (501) or 2 (400) with errorCode and errorMessage', async () => {
		const failed = await post('/api/v1/veo/generate', { prompt: 'x [fail]' });
		const flagged = await post('/api/v1/veo/generate', { prompt: 'x [flagged]' });
		expect(await veoDone(failed.json.data.taskId)).toMatchObject({
			successFlag: 3,
			errorCode: 501,
			response: null,
		});
		const second = await veoDone(flagged.json.data.taskId);
		expect(second).toMatchObject({ successFlag: 2, errorCode: 400 });
		expect(second.errorMessage).toContain('content policies');
	});

	it('refuses documented impossibilities with code 422 and creates nothing', async () => {
		for (const body of [
			{ prompt: '' },
			{ prompt: 'p', model: 'veo4' },
			{ prompt: 'p', imageUrls: ['https://a/1', 'https://a/2', 'https://a/3'] },
			{
				prompt: 'p',
				model: 'veo3',
				generationType: 'REFERENCE_2_VIDEO',
				imageUrls: ['https://a/1'],
			},
			{ prompt: 'p', seeds: 5 },
		]) {
			expect((await post('/api/v1/veo/generate', body)).json.code).toBe(422);
		}
		expect(sim.record.createdTaskCount()).toBe(0);
	});

	it('extends a finished video into a new task with fullResultUrls', async () => {
		const original = (await post('/api/v1/veo/generate', { prompt: 'a dog' })).json.data.taskId;
		expect((await post('/api/v1/veo/extend', { taskId: original, prompt: 'more' })).json.code).toBe(
			422,
		); // not done yet
		await veoDone(original);
		const extended = await post('/api/v1/veo/extend', {
			taskId: original,
			prompt: 'it runs on',
			model: 'quality',
		});
		expect(extended.json.code).toBe(200);
		expect(extended.json.data.taskId).not.toBe(original);
		const done = await veoDone(extended.json.data.taskId);
		expect(done.successFlag).toBe(1);
		expect(done.response.fullResultUrls).toHaveLength(1);
	});

	it('answers 1080P "processing" until ready, then the URL; 4K is a paid task of its own', async () => {
		const original = (await post('/api/v1/veo/generate', { prompt: 'a dog' })).json.data.taskId;
		await veoDone(original);
		const first = await get(`/api/v1/veo/get-1080p-video?taskId=${original}&index=0`);
		expect(first.json.code).toBe(400);
		expect(first.json.msg).toContain('processing');
		const hd = await until200(`/api/v1/veo/get-1080p-video?taskId=${original}`, () => true);
		expect((await call(hd.resultUrl, 'GET', { key: null })).headers['content-type']).toBe(
			'video/mp4',
		);

		const fourK = await post('/api/v1/veo/get-4k-video', { taskId: original, index: 0 });
		expect(fourK.json).toMatchObject({ code: 200, data: { resultUrls: null } });
		const repeat = await post('/api/v1/veo/get-4k-video', { taskId: original, index: 0 });
		expect(repeat.json.code).toBe(422);
		expect(repeat.json.msg).toContain('processing');
		const done = await veoDone(fourK.json.data.taskId);
		expect(done).toMatchObject({ successFlag: 1, response: { resolution: '4k' } });
		expect(done).not.toHaveProperty('fallbackFlag');
		expect(sim.record.createdTaskCount()).toBe(2);
	});

	it('offers the pages’ other readings as options: JSON-string resultUrls and date-text times', async () => {
		sim.configure({ apiVariants: { veoResultUrls: 'json-string', veoTimes: 'date-text' } });
		const taskId = (await post('/api/v1/veo/generate', { prompt: 'a dog' })).json.data.taskId;
		const done = await veoDone(taskId);
		expect(done.response).toBeNull();
		expect(JSON.parse(done.resultUrls)).toHaveLength(1);
		expect(done.createTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
	});
});

describe('Runway API', () => {
	const body = {
		prompt: 'a cat',
		duration: 5,
		quality: '720p',
		aspectRatio: '16:9',
		callBackUrl: 'https://example.com/cb',
	};

	it('goes wait → … → success with videoInfo; the file is an MP4, the cover a PNG', async () => {
		const created = await post('/api/v1/runway/generate', body);
		expect(created.json.code).toBe(200);
		const taskId = created.json.data.taskId as string;
		const first = (await get(`/api/v1/runway/record-detail?taskId=${taskId}`)).json.data;
		expect(['wait', 'queueing', 'generating']).toContain(first.state);
		const done = await runwayDone(taskId);
		expect(done).toMatchObject({
			state: 'success',
			failCode: null,
			expireFlag: 0,
			parentTaskId: '',
		});
		expect(isMp4((await call(done.videoInfo.videoUrl, 'GET', { key: null })).bytes)).toBe(true);
		expect(
			(await call(done.videoInfo.imageUrl, 'GET', { key: null })).headers['content-type'],
		).toBe('image/png');
		// The callback host is not on this machine: nothing is delivered outside it.
		await sleep(50);
		expect(sim.record.callbacks).toHaveLength(0);
	});

	it('refuses 10 s in 1080p, a missing callBackUrl and a text-only create without aspectRatio', async () => {
		for (const wrong of [
			{ ...body, duration: 10, quality: '1080p' },
			{ ...body, callBackUrl: undefined },
			{ ...body, aspectRatio: undefined },
			{ ...body, duration: 7 },
		]) {
			expect((await post('/api/v1/runway/generate', wrong)).json.code).toBe(422);
		}
		expect(sim.record.createdTaskCount()).toBe(0);
	});

	it('fails with failCode 400 and failMsg; extends a finished task with parentTaskId', async () => {
		const failed = (await post('/api/v1/runway/generate', { ...body, prompt: 'x [fail]' })).json
			.data.taskId;
		expect(await runwayDone(failed)).toMatchObject({ state: 'fail', failCode: 400 });
		const original = (await post('/api/v1/runway/generate', body)).json.data.taskId;
		await runwayDone(original);
		const extended = await post('/api/v1/runway/extend', {
			taskId: original,
			prompt: 'on',
			quality: '720p',
			callBackUrl: body.callBackUrl,
		});
		expect((await runwayDone(extended.json.data.taskId)).parentTaskId).toBe(original);
	});
});

/** The fields kling-2.6/text-to-video's page requires. */
const KLING_26_INPUT = { prompt: 'p', sound: false, aspect_ratio: '1:1', duration: '5' };

describe('one create window for every API', () => {
	it('counts jobs, Veo and Runway creates together and refuses the one over the limit', async () => {
		sim.configure({ createLimit: { max: 3, windowMs: 10_000 } });
		expect(
			(await createTask(sim, { model: 'kling-2.6/text-to-video', input: KLING_26_INPUT })).json
				.code,
		).toBe(200);
		expect((await post('/api/v1/veo/generate', { prompt: 'p' })).json.code).toBe(200);
		expect((await post('/api/v1/runway/generate', body())).json.code).toBe(200);
		const refused = await post('/api/v1/veo/generate', { prompt: 'p' });
		expect(refused.status).toBe(429);
		expect(sim.record.createdTaskCount()).toBe(3);
		expect(sim.record.rateLimitedCount()).toBe(1);

		function body() {
			return {
				prompt: 'p',
				duration: 5,
				quality: '720p',
				aspectRatio: '1:1',
				callBackUrl: 'https://example.com/cb',
			};
		}
	});

	it('serves jobs-API video results as MP4', async () => {
		const created = await createTask(sim, {
			model: 'kling-2.6/text-to-video',
			input: KLING_26_INPUT,
		});
		const taskId = created.json.data.taskId as string;
		let data: any;
		for (;;) {
			data = (await get(`/api/v1/jobs/recordInfo?taskId=${taskId}`)).json.data;
			if (data.state === 'success') break;
			await sleep(20);
		}
		const [url] = JSON.parse(data.resultJson).resultUrls as string[];
		expect(url).toMatch(/\.mp4$/);
		const file = await call(url, 'GET', { key: null });
		expect(file.headers['content-type']).toBe('video/mp4');
		expect(isMp4(file.bytes)).toBe(true);
	});
});

describe('callbacks per API', () => {
	it('sends Veo’s camelCase body and Runway’s snake_case body to a local receiver', async () => {
		const bodies: any[] = [];
		const http = await import('node:http');
		const server = http.createServer((req, res) => {
			let text = '';
			req.on('data', (chunk) => (text += chunk));
			req.on('end', () => {
				bodies.push(JSON.parse(text));
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/cb`;
		try {
			const veo = (await post('/api/v1/veo/generate', { prompt: 'p', callBackUrl: url })).json.data
				.taskId;
			const runway = (
				await post('/api/v1/runway/generate', {
					prompt: 'p',
					duration: 5,
					quality: '720p',
					aspectRatio: '1:1',
					callBackUrl: url,
				})
			).json.data.taskId;
			await until(() => bodies.length === 2, 5_000);
			const veoBody = bodies.find((body) => body.data.taskId === veo);
			expect(veoBody).toMatchObject({
				code: 200,
				data: { info: { resolution: '720p' }, fallbackFlag: false },
			});
			expect(veoBody.data.info.resultUrls).toHaveLength(1);
			const runwayBody = bodies.find((body) => body.data.task_id === runway);
			expect(runwayBody).toMatchObject({ code: 200, msg: 'All generated successfully.' });
			expect(runwayBody.data.video_url).toMatch(/\.mp4$/);
		} finally {
			server.close();
		}
	});
});
