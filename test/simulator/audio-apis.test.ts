/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/** Contract tests: the Suno, 4o Image, Flux Kontext and ElevenLabs endpoints as Kie documents them. */
import { startSimulator, type KieSimulator } from './';
import {
	call,
	createTask,
	recordInfo,
	sleep,
	startCallbackReceiver,
	until,
	type CallbackReceiver,
} from './test-helpers';

/** Repeats an asynchronous check (a status request) until it holds. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 3_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await sleep(10);
	}
}

let sim: KieSimulator;
let receiver: CallbackReceiver;
let receiverUrl: string;
let received: any[];

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 300 });
	receiver = await startCallbackReceiver();
	receiverUrl = receiver.url;
	received = receiver.bodies;
});
afterEach(() => {
	sim.reset();
	received.length = 0;
});
afterAll(async () => {
	await sim.stop();
	await receiver.close();
});

const post = (path: string, json: unknown) => call(`${sim.baseUrl}${path}`, 'POST', { json });
const get = (path: string) => call(`${sim.baseUrl}${path}`, 'GET');

const song = (extra: Record<string, unknown> = {}) => ({
	prompt: 'A short relaxing piano tune',
	customMode: false,
	instrumental: false,
	model: 'V5',
	callBackUrl: 'https://callback.invalid/x',
	...extra,
});

async function sunoStatus(taskId: string) {
	return (await get(`/api/v1/generate/record-info?taskId=${taskId}`)).json;
}

async function finalSuno(taskId: string) {
	let data: any;
	await eventually(async () => {
		data = (await sunoStatus(taskId)).data;
		return !['PENDING', 'TEXT_SUCCESS', 'FIRST_SUCCESS'].includes(data.status);
	});
	return data;
}

describe('Suno API', () => {
	it('creates a song and walks PENDING → TEXT_SUCCESS → FIRST_SUCCESS → SUCCESS with two MP3 tracks', async () => {
		// PENDING and TEXT_SUCCESS last 30 % of generationMs each: at 600 ms a status request slowed past 180 ms
		// (CI with load 30 on 2 cores) saw only SUCCESS. 3 s gives every stage close to a second.
		sim.configure({ generationMs: 3_000 });
		const created = await post('/api/v1/generate', song());
		expect(created.json).toMatchObject({ code: 200, msg: 'success' });
		const taskId = created.json.data.taskId as string;
		const seen: string[] = [];
		let data: any;
		await eventually(async () => {
			data = (await sunoStatus(taskId)).data;
			if (seen[seen.length - 1] !== data.status) seen.push(data.status);
			return data.status === 'SUCCESS';
		}, 10_000);
		expect(seen).toEqual(['PENDING', 'TEXT_SUCCESS', 'FIRST_SUCCESS', 'SUCCESS']);
		expect(data).toMatchObject({
			taskId,
			status: 'SUCCESS',
			operationType: 'generate',
			errorCode: null,
		});
		expect(JSON.parse(data.param)).toMatchObject({
			prompt: 'A short relaxing piano tune',
			model: 'V5',
		});
		const tracks = data.response.sunoData;
		expect(tracks).toHaveLength(2);
		expect(tracks[0].id).not.toBe(tracks[1].id);
		for (const track of tracks) {
			expect(Object.keys(track)).toEqual(
				expect.arrayContaining([
					'id',
					'audioUrl',
					'streamAudioUrl',
					'imageUrl',
					'title',
					'tags',
					'duration',
				]),
			);
			const file = await call(track.audioUrl, 'GET', { key: null });
			expect(file.status).toBe(200);
			expect(file.headers['content-type']).toBe('audio/mpeg');
			expect(file.bytes.subarray(0, 3).toString('latin1')).toBe('ID3');
		}
		expect(sim.record.count('sunoGenerate')).toBe(1);
		expect(sim.record.tasks.get(taskId)?.polls).toBeGreaterThan(3);
	});

	it('answers 422 naming the rule for missing callBackUrl, long prompts and custom mode without style', async () => {
		const noCallback = await post('/api/v1/generate', song({ callBackUrl: undefined }));
		expect(noCallback.json.code).toBe(422);
		expect(noCallback.json.msg).toMatch(/callBackUrl/);
		const long = await post('/api/v1/generate', song({ prompt: 'x'.repeat(501) }));
		expect(long.json).toMatchObject({ code: 422, msg: expect.stringMatching(/500/) });
		const v4 = await post(
			'/api/v1/generate',
			song({ customMode: true, model: 'V4', style: 's'.repeat(201), title: 't' }),
		);
		expect(v4.json).toMatchObject({ code: 422, msg: expect.stringMatching(/style.*200/) });
		const noStyle = await post('/api/v1/generate', song({ customMode: true, title: 'T' }));
		expect(noStyle.json).toMatchObject({ code: 422, msg: expect.stringMatching(/style/) });
		expect(sim.record.createdTaskCount()).toBe(0);
	});

	it('ends a "[fail]" prompt in GENERATE_AUDIO_FAILED with errorCode and errorMessage', async () => {
		const taskId = (await post('/api/v1/generate', song({ prompt: 'a [fail] song' }))).json.data
			.taskId;
		const data = await finalSuno(taskId);
		expect(data).toMatchObject({ status: 'GENERATE_AUDIO_FAILED', errorCode: 400, response: null });
		expect(data.errorMessage).toMatch(/copyrighted/);
	});

	it('sends the text, first and complete callbacks in snake_case, then an error callback for a failed task', async () => {
		sim.configure({ generationMs: 600 });
		const taskId = (await post('/api/v1/generate', song({ callBackUrl: receiverUrl }))).json.data
			.taskId;
		await until(() => received.length === 3, 5_000);
		const byStage = Object.fromEntries(received.map((body) => [body.data.callbackType, body]));
		expect(Object.keys(byStage).sort()).toEqual(['complete', 'first', 'text']);
		expect(byStage.text).toMatchObject({ code: 200, data: { task_id: taskId, data: [] } });
		expect(byStage.first.data.data).toHaveLength(1);
		expect(byStage.complete.data.data).toHaveLength(2);
		expect(byStage.complete.data.data[0]).toMatchObject({
			audio_url: expect.stringMatching(/\.mp3$/),
			stream_audio_url: expect.any(String),
			image_url: expect.any(String),
		});
		expect(byStage.complete.data.data[0].audioUrl).toBeUndefined();

		received.length = 0;
		const failed = (
			await post('/api/v1/generate', song({ prompt: '[fail]', callBackUrl: receiverUrl }))
		).json.data.taskId;
		await until(() => received.length === 1, 5_000);
		expect(received[0]).toMatchObject({
			code: 400,
			data: { callbackType: 'error', task_id: failed, data: null },
		});
	});

	it('extends a finished track with its model and refuses an unknown audioId or a continueAt past the end', async () => {
		sim.configure({ generationMs: 50 });
		const taskId = (await post('/api/v1/generate', song())).json.data.taskId;
		const track = (await finalSuno(taskId)).response.sunoData[0];
		const extend = (extra: Record<string, unknown>) =>
			post('/api/v1/generate/extend', {
				defaultParamFlag: true,
				audioId: track.id,
				prompt: 'Go on with a bridge',
				style: 'Classical',
				title: 'Longer',
				continueAt: 60,
				model: 'V5',
				callBackUrl: 'https://callback.invalid/x',
				...extra,
			});
		expect((await extend({ audioId: 'nope' })).json).toMatchObject({
			code: 422,
			msg: expect.stringMatching(/audioId/),
		});
		expect((await extend({ continueAt: track.duration })).json).toMatchObject({
			code: 422,
			msg: expect.stringMatching(/continueAt/),
		});
		expect((await extend({ model: 'V4' })).json).toMatchObject({
			code: 422,
			msg: expect.stringMatching(/model/),
		});
		const created = await extend({});
		expect(created.json.code).toBe(200);
		const data = await finalSuno(created.json.data.taskId);
		expect(data).toMatchObject({
			status: 'SUCCESS',
			operationType: 'extend',
			parentMusicId: track.id,
		});
		expect(sim.record.count('sunoExtend')).toBe(4);
	});

	it('keeps Suno tasks out of the jobs API and jobs tasks out of Suno', async () => {
		const taskId = (await post('/api/v1/generate', song())).json.data.taskId;
		expect((await recordInfo(sim, taskId)).json.code).toBe(422);
		const jobId = (
			await createTask(sim, { model: 'z-image', input: { prompt: 'p', aspect_ratio: '1:1' } })
		).json.data.taskId;
		expect((await sunoStatus(jobId)).code).toBe(422);
	});

	it('counts Suno creates in the one account-wide create limit', async () => {
		sim.configure({ createLimit: { max: 2, windowMs: 10_000 } });
		expect((await post('/api/v1/generate', song())).status).toBe(200);
		expect(
			(await createTask(sim, { model: 'z-image', input: { prompt: 'p', aspect_ratio: '1:1' } }))
				.json.code,
		).toBe(200);
		const third = await post('/api/v1/generate', song());
		expect(third.status).toBe(429);
		expect(sim.record.createdTaskCount()).toBe(2);
	});
});

describe('4o Image API', () => {
	it('reports successFlag 0 with a progress string, then 1 with response.resultUrls of real PNGs', async () => {
		const created = await post('/api/v1/gpt4o-image/generate', {
			prompt: 'a cat',
			size: '1:1',
			nVariants: 2,
		});
		const taskId = created.json.data.taskId;
		const first = (await get(`/api/v1/gpt4o-image/record-info?taskId=${taskId}`)).json.data;
		expect(first).toMatchObject({ successFlag: 0, status: 'GENERATING', response: null });
		expect(first.progress).toMatch(/^[01]\.\d\d$/);
		let data: any;
		await eventually(async () => {
			data = (await get(`/api/v1/gpt4o-image/record-info?taskId=${taskId}`)).json.data;
			return data.successFlag !== 0;
		});
		expect(data).toMatchObject({ successFlag: 1, status: 'SUCCESS', progress: '1.00' });
		expect(data.response.resultUrls).toHaveLength(2);
		const file = await call(data.response.resultUrls[0], 'GET', { key: null });
		expect(file.headers['content-type']).toBe('image/png');
		expect(file.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	});

	it('refuses a bad size, fails "[fail]" with successFlag 2, and calls back with data.info.result_urls', async () => {
		expect(
			(await post('/api/v1/gpt4o-image/generate', { prompt: 'a', size: '16:9' })).json.code,
		).toBe(422);
		const failed = (await post('/api/v1/gpt4o-image/generate', { prompt: '[fail]', size: '1:1' }))
			.json.data.taskId;
		await eventually(
			async () =>
				(await get(`/api/v1/gpt4o-image/record-info?taskId=${failed}`)).json.data.successFlag === 2,
		);
		const ok = (
			await post('/api/v1/gpt4o-image/generate', {
				prompt: 'a',
				size: '1:1',
				callBackUrl: receiverUrl,
			})
		).json.data.taskId;
		await until(() => received.length === 1);
		expect(received[0]).toMatchObject({
			code: 200,
			data: { taskId: ok, info: { result_urls: [expect.stringMatching(/\.png$/)] } },
		});
	});
	it('download-url: 422 with the page’s reasons until the task and URL match, then a link to the same PNG', async () => {
		const taskId = (await post('/api/v1/gpt4o-image/generate', { prompt: 'a', size: '1:1' })).json
			.data.taskId;
		const early = await post('/api/v1/gpt4o-image/download-url', {
			taskId,
			url: `${sim.baseUrl}/files/4o/${taskId}_0.png`,
		});
		expect(early.json).toMatchObject({ code: 422, msg: 'record status is not success' });
		let data: any;
		await eventually(async () => {
			data = (await get(`/api/v1/gpt4o-image/record-info?taskId=${taskId}`)).json.data;
			return data.successFlag === 1;
		});
		const url = data.response.resultUrls[0];
		expect((await post('/api/v1/gpt4o-image/download-url', { url })).json.code).toBe(422);
		expect(
			(await post('/api/v1/gpt4o-image/download-url', { taskId: 'f'.repeat(32), url })).json.msg,
		).toBe('record is null');
		const answer = await post('/api/v1/gpt4o-image/download-url', { taskId, url });
		expect(answer.json.code).toBe(200);
		const [original, linked] = await Promise.all([
			call(url, 'GET', { key: null }),
			call(answer.json.data, 'GET', { key: null }),
		]);
		expect(linked.headers['content-type']).toBe('image/png');
		expect(linked.bytes.equals(original.bytes)).toBe(true);
	});
});

describe('Flux Kontext API', () => {
	it('reports successFlag 0 then 1 with response.resultImageUrl, ISO times, and calls back with data.info', async () => {
		const created = await post('/api/v1/flux/kontext/generate', {
			prompt: 'a lighthouse',
			model: 'flux-kontext-max',
			outputFormat: 'png',
			callBackUrl: receiverUrl,
		});
		const taskId = created.json.data.taskId;
		let data: any;
		await eventually(async () => {
			data = (await get(`/api/v1/flux/kontext/record-info?taskId=${taskId}`)).json.data;
			return data.successFlag !== 0;
		});
		expect(data).toMatchObject({ successFlag: 1, createTime: expect.stringMatching(/Z$/) });
		const file = await call(data.response.resultImageUrl, 'GET', { key: null });
		expect(file.headers['content-type']).toBe('image/png');
		await until(() => received.length === 1);
		expect(received[0]).toMatchObject({
			code: 200,
			data: { taskId, info: { resultImageUrl: data.response.resultImageUrl } },
		});
	});

	it('ends "[fail]" with successFlag 3 and errorCode 501; refuses an unknown aspect ratio', async () => {
		expect(
			(await post('/api/v1/flux/kontext/generate', { prompt: 'a', aspectRatio: '2:1' })).json.code,
		).toBe(422);
		const taskId = (await post('/api/v1/flux/kontext/generate', { prompt: '[fail]' })).json.data
			.taskId;
		let data: any;
		await eventually(async () => {
			data = (await get(`/api/v1/flux/kontext/record-info?taskId=${taskId}`)).json.data;
			return data.successFlag !== 0;
		});
		expect(data).toMatchObject({ successFlag: 3, errorCode: 501, response: null });
	});
});

describe('ElevenLabs on the jobs API', () => {
	it('makes speech from input.text as an MP3 result and refuses an unknown voice', async () => {
		const bad = await createTask(sim, {
			model: 'elevenlabs/text-to-speech-multilingual-v2',
			input: { text: 'Hello', voice: 'Nobody' },
		});
		expect(bad.json).toMatchObject({ code: 422, msg: expect.stringMatching(/voice/) });
		const created = await createTask(sim, {
			model: 'elevenlabs/text-to-speech-multilingual-v2',
			input: { text: 'Hello there', voice: 'Rachel' },
		});
		const taskId = created.json.data.taskId;
		let data: any;
		await eventually(async () => {
			data = (await recordInfo(sim, taskId)).json.data;
			return data.state === 'success';
		});
		const [url] = JSON.parse(data.resultJson).resultUrls;
		expect(url).toMatch(/\.mp3$/);
		const file = await call(url, 'GET', { key: null });
		expect(file.headers['content-type']).toBe('audio/mpeg');
		expect(file.bytes.subarray(0, 3).toString('latin1')).toBe('ID3');
	});
});
