/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Contract tests: Suno's tools and Runway Aleph as ../shared/kie-docs/ documents them (paths,
 * required fields, lifecycles, result files with their bytes and types, callbacks), and what peers
 * found the live API does beyond the pages (upload-extend and replace-section checks).
 */
import { startSimulator, type KieSimulator } from './';
import { call, sleep, startCallbackReceiver, type CallbackReceiver } from './test-helpers';

let sim: KieSimulator;
let receiver: CallbackReceiver;
let hook: string;
let received: any[];

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 150 });
	receiver = await startCallbackReceiver();
	hook = receiver.url;
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

/** Polls a status path until `done(data)` holds; returns the last data. */
async function until(path: string, done: (data: any) => boolean, timeoutMs = 10_000): Promise<any> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const data = (await get(path)).json.data;
		if (done(data)) return data;
		if (Date.now() > deadline) throw new Error(`not done: ${JSON.stringify(data)}`);
		await sleep(20);
	}
}

/** A finished song: its taskId and first track's audioId. */
async function song(): Promise<{ taskId: string; audioId: string; duration: number }> {
	const created = await post('/api/v1/generate', {
		prompt: 'A calm piano tune about the sea',
		customMode: false,
		instrumental: false,
		model: 'V5',
		callBackUrl: 'https://callback.invalid/x',
	});
	const taskId = created.json.data.taskId as string;
	const data = await until(
		`/api/v1/generate/record-info?taskId=${taskId}`,
		(d) => d.status === 'SUCCESS',
	);
	const track = data.response.sunoData[0];
	return { taskId, audioId: track.id, duration: track.duration };
}

describe('Suno tools that make files', () => {
	it('WAV: PENDING → SUCCESS with a RIFF/WAVE file, and the page’s callback', async () => {
		// Long enough that the first read sees the task unfinished, even on a busy machine.
		sim.configure({ generationMs: 1_500 });
		const source = await song();
		const created = await post('/api/v1/wav/generate', {
			...source,
			duration: undefined,
			callBackUrl: hook,
		});
		expect(created.json).toMatchObject({ code: 200, data: { taskId: expect.any(String) } });
		const taskId = created.json.data.taskId;
		const first = (await get(`/api/v1/wav/record-info?taskId=${taskId}`)).json.data;
		expect(first).toMatchObject({
			taskId,
			successFlag: 'PENDING',
			response: null,
			musicId: source.audioId,
		});
		const done = await until(
			`/api/v1/wav/record-info?taskId=${taskId}`,
			(d) => d.successFlag === 'SUCCESS',
		);
		const file = await call(done.response.audioWavUrl, 'GET', { key: null });
		expect(file.headers['content-type']).toBe('audio/wav');
		expect(file.bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
		expect(file.bytes.subarray(8, 12).toString('latin1')).toBe('WAVE');
		await until(`/api/v1/wav/record-info?taskId=${taskId}`, () => received.length > 0);
		expect(received).toEqual([
			{
				code: 200,
				msg: 'success',
				data: { audioWavUrl: done.response.audioWavUrl, task_id: taskId },
			},
		]);
	});

	it('refuses a tool without its source track or callBackUrl (422), creating nothing', async () => {
		const source = await song();
		const before = sim.record.createdTaskCount();
		for (const path of [
			'/api/v1/wav/generate',
			'/api/v1/mp4/generate',
			'/api/v1/vocal-removal/generate',
		]) {
			expect((await post(path, { taskId: source.taskId, callBackUrl: hook })).json).toMatchObject({
				code: 422,
				msg: 'audioId is required',
			});
			expect((await post(path, { ...source, audioId: 'nope', callBackUrl: hook })).json.code).toBe(
				422,
			);
			expect((await post(path, { ...source })).json.msg).toMatch(/callBackUrl/);
		}
		expect(
			(await post('/api/v1/mp4/generate', { ...source, callBackUrl: hook, author: 'a'.repeat(51) }))
				.json.msg,
		).toMatch(/author/);
		expect(sim.record.createdTaskCount()).toBe(before);
	});

	it('music video: an MP4 file', async () => {
		const source = await song();
		const taskId = (
			await post('/api/v1/mp4/generate', { ...source, callBackUrl: hook, author: 'DJ' })
		).json.data.taskId;
		const done = await until(
			`/api/v1/mp4/record-info?taskId=${taskId}`,
			(d) => d.successFlag === 'SUCCESS',
		);
		const file = await call(done.response.videoUrl, 'GET', { key: null });
		expect(file.headers['content-type']).toBe('video/mp4');
		expect(file.bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
	});

	it('separate vocals: two stems (separate_vocal) or twelve (split_stem), MP3 each, then MIDI from it', async () => {
		// Long enough that the first read sees the task unfinished, even on a busy machine.
		sim.configure({ generationMs: 1_500 });
		const source = await song();
		const two = (await post('/api/v1/vocal-removal/generate', { ...source, callBackUrl: hook }))
			.json.data.taskId;
		const twelve = (
			await post('/api/v1/vocal-removal/generate', {
				...source,
				callBackUrl: hook,
				type: 'split_stem',
			})
		).json.data.taskId;
		const a = await until(
			`/api/v1/vocal-removal/record-info?taskId=${two}`,
			(d) => d.successFlag === 'SUCCESS',
		);
		expect(a.response.originData.map((stem: any) => stem.stem_type_group_name)).toEqual([
			'Vocals',
			'Instrumental',
		]);
		expect(a.response.vocalUrl).toMatch(/Vocals\.mp3$/);
		expect(a.response.instrumentalUrl).toMatch(/Instrumental\.mp3$/);
		expect(a.response.drumsUrl).toBeNull();
		const vocals = await call(a.response.vocalUrl, 'GET', { key: null });
		expect(vocals.headers['content-type']).toBe('audio/mpeg');
		expect(vocals.bytes.subarray(0, 3).toString('latin1')).toBe('ID3');
		const b = await until(
			`/api/v1/vocal-removal/record-info?taskId=${twelve}`,
			(d) => d.successFlag === 'SUCCESS',
		);
		expect(b.response.originData).toHaveLength(12);
		expect(b.response.instrumentalUrl).toBeNull();
		expect(b.response.backingVocalsUrl).toMatch(/Backing_Vocals\.mp3$/);
		expect(
			(
				await post('/api/v1/vocal-removal/generate', {
					...source,
					callBackUrl: hook,
					type: 'karaoke',
				})
			).json.code,
		).toBe(422);

		// MIDI takes a finished separation's taskId, and optionally one of its stems' ids.
		expect(
			(await post('/api/v1/midi/generate', { taskId: source.taskId, callBackUrl: hook })).json.code,
		).toBe(422);
		const midi = (
			await post('/api/v1/midi/generate', {
				taskId: twelve,
				audioId: b.response.originData[2].id,
				callBackUrl: hook,
			})
		).json.data.taskId;
		expect((await get(`/api/v1/midi/record-info?taskId=${midi}`)).json.data).toMatchObject({
			successFlag: 0,
			midiData: null,
		});
		const notes = await until(
			`/api/v1/midi/record-info?taskId=${midi}`,
			(d) => d.successFlag === 1,
		);
		expect(notes).toMatchObject({
			audioId: b.response.originData[2].id,
			midiData: { state: 'complete' },
		});
		expect(notes.midiData.instruments[0].notes[0]).toEqual({
			pitch: 36,
			start: 0,
			end: 0.25,
			velocity: 1,
		});
	});

	it('cover images: two PNGs, successFlag 0 → 1; the taskFail fault ends it in 3 with the callback’s 501', async () => {
		const source = await song();
		const taskId = (
			await post('/api/v1/suno/cover/generate', { taskId: source.taskId, callBackUrl: hook })
		).json.data.taskId;
		const done = await until(
			`/api/v1/suno/cover/record-info?taskId=${taskId}`,
			(d) => d.successFlag === 1,
		);
		expect(done.parentTaskId).toBe(source.taskId);
		expect(done.response.images).toHaveLength(2);
		const png = await call(done.response.images[0], 'GET', { key: null });
		expect(png.headers['content-type']).toBe('image/png');
		received.length = 0;
		sim.injectFault({ endpoint: 'sunoCover', kind: 'taskFail', times: 1 });
		const failing = (
			await post('/api/v1/suno/cover/generate', { taskId: source.taskId, callBackUrl: hook })
		).json.data.taskId;
		const failed = await until(
			`/api/v1/suno/cover/record-info?taskId=${failing}`,
			(d) => d.successFlag === 3,
		);
		expect(failed).toMatchObject({ response: null, errorCode: 501 });
		await until(`/api/v1/suno/cover/record-info?taskId=${failing}`, () => received.length > 0);
		expect(received[0]).toMatchObject({ code: 501, data: { taskId: failing, images: null } });
	});
});

describe('Suno tools that make music, lyrics and immediate answers', () => {
	const upload = 'https://example.com/mine.mp3';

	it('upload-cover, add vocals, add instrumental, mashup and sounds are songs read at record-info', async () => {
		const bodies: Array<[string, Record<string, unknown>, string]> = [
			[
				'/api/v1/generate/upload-cover',
				{
					uploadUrl: upload,
					prompt: 'A cover',
					customMode: false,
					instrumental: false,
					model: 'V5',
					callBackUrl: hook,
				},
				'upload_cover',
			],
			[
				'/api/v1/generate/add-vocals',
				{
					uploadUrl: upload,
					prompt: 'Sing softly',
					title: 'T',
					negativeTags: 'metal',
					style: 'Jazz',
					callBackUrl: hook,
				},
				'add_vocals',
			],
			[
				'/api/v1/generate/add-instrumental',
				{ uploadUrl: upload, title: 'T', negativeTags: 'metal', tags: 'piano', callBackUrl: hook },
				'add_instrumental',
			],
			[
				'/api/v1/generate/mashup',
				{
					uploadUrlList: [upload, upload],
					customMode: false,
					prompt: 'Blend them',
					model: 'V5',
					callBackUrl: hook,
				},
				'mashup',
			],
			[
				'/api/v1/generate/sounds',
				{
					prompt: 'Rain on a tin roof',
					model: 'V5',
					soundLoop: true,
					soundTempo: 90,
					soundKey: 'Am',
				},
				'sounds',
			],
		];
		for (const [path, body, operationType] of bodies) {
			const created = await post(path, body);
			expect({ path, answer: created.json }).toMatchObject({ path, answer: { code: 200 } });
			const data = await until(
				`/api/v1/generate/record-info?taskId=${created.json.data.taskId}`,
				(d) => d.status === 'SUCCESS',
			);
			expect({
				path,
				operationType: data.operationType,
				tracks: data.response.sunoData.length,
			}).toEqual({ path, operationType, tracks: 2 });
		}
	});

	it('refuses what the pages require: uploadUrl, exactly 2 mashup URLs, the tool models, sound keys', async () => {
		const refusals: Array<[string, Record<string, unknown>, RegExp]> = [
			[
				'/api/v1/generate/upload-cover',
				{ prompt: 'x', customMode: false, instrumental: false, model: 'V5', callBackUrl: hook },
				/uploadUrl/,
			],
			[
				'/api/v1/generate/add-vocals',
				{
					uploadUrl: upload,
					prompt: 'p',
					title: 'T',
					negativeTags: 'n',
					style: 's',
					callBackUrl: hook,
					model: 'V4',
				},
				/model/,
			],
			[
				'/api/v1/generate/add-instrumental',
				{ uploadUrl: upload, title: 'T', tags: 'piano', callBackUrl: hook },
				/negativeTags/,
			],
			[
				'/api/v1/generate/mashup',
				{ uploadUrlList: [upload], customMode: false, prompt: 'p', model: 'V5', callBackUrl: hook },
				/exactly 2/,
			],
			['/api/v1/generate/sounds', { prompt: 'rain', soundKey: 'H' }, /soundKey/],
			['/api/v1/generate/sounds', { prompt: 'rain', soundTempo: 301 }, /soundTempo/],
		];
		for (const [path, body, msg] of refusals) {
			expect({ path, answer: (await post(path, body)).json }).toMatchObject({
				path,
				answer: { code: 422, msg: expect.stringMatching(msg) },
			});
		}
		expect(sim.record.createdTaskCount()).toBe(0);
	});

	it('upload-extend: instrumental required, continueAt with defaultParamFlag (live API; without it, the page’s prose), a one-line instruction refused with 531', async () => {
		const base = {
			uploadUrl: upload,
			defaultParamFlag: true,
			model: 'V5',
			callBackUrl: hook,
			style: 'Jazz',
			title: 'More',
		};
		expect(
			(await post('/api/v1/generate/upload-extend', { ...base, instrumental: true })).json.msg,
		).toMatch(/continueAt/);
		expect(
			(await post('/api/v1/generate/upload-extend', { ...base, continueAt: 30 })).json.msg,
		).toMatch(/instrumental/);
		const instruction = await post('/api/v1/generate/upload-extend', {
			...base,
			continueAt: 30,
			instrumental: false,
			prompt: 'Make it longer',
		});
		expect(instruction.json).toMatchObject({ code: 531 });
		const lyrics = await post('/api/v1/generate/upload-extend', {
			...base,
			continueAt: 30,
			instrumental: false,
			prompt: '[Verse]\nThe tide comes in\nthe tide goes out',
		});
		expect(lyrics.json.code).toBe(200);
		const inherited = {
			uploadUrl: upload,
			defaultParamFlag: false,
			instrumental: true,
			model: 'V5',
			callBackUrl: hook,
			prompt: 'Longer',
		};
		expect(
			(await post('/api/v1/generate/upload-extend', { ...inherited, continueAt: 0 })).json.msg,
		).toMatch(/continueAt/);
		expect((await post('/api/v1/generate/upload-extend', inherited)).json.code).toBe(200);
		expect(sim.record.createdTaskCount()).toBe(2);
	});

	it('replace-section: fullLyrics and a 10–480 s section (live API) of at most half a finished track (the page)', async () => {
		const source = await song();
		const base = {
			taskId: source.taskId,
			audioId: source.audioId,
			prompt: 'new words',
			tags: 'Jazz',
			title: 'T',
			callBackUrl: hook,
		};
		expect(
			(
				await post('/api/v1/generate/replace-section', {
					...base,
					infillStartS: 10,
					infillEndS: 30,
				})
			).json.msg,
		).toMatch(/fullLyrics/);
		const withLyrics = { ...base, fullLyrics: '[Verse]\nold\n[Chorus]\nnew words' };
		expect(
			(
				await post('/api/v1/generate/replace-section', {
					...withLyrics,
					infillStartS: 10,
					infillEndS: 15,
				})
			).json.msg,
		).toMatch(/10 to 480/);
		expect(
			(
				await post('/api/v1/generate/replace-section', {
					...withLyrics,
					infillStartS: 10,
					infillEndS: 10 + source.duration / 2 + 1,
				})
			).json.msg,
		).toBe(`the section must be at most 50% of the track (${source.duration} s)`);
		const created = await post('/api/v1/generate/replace-section', {
			...withLyrics,
			infillStartS: 10,
			infillEndS: 30,
		});
		expect(created.json.code).toBe(200);
		const data = await until(
			`/api/v1/generate/record-info?taskId=${created.json.data.taskId}`,
			(d) => d.status === 'SUCCESS',
		);
		expect(data.operationType).toBe('replace_section');
		expect(JSON.parse(data.param).model).toBe('V5');
	});

	it('lyrics: PENDING → SUCCESS with two variants, and the complete callback', async () => {
		// Long enough that the first read sees the task unfinished, even on a busy machine.
		sim.configure({ generationMs: 1_500 });
		const taskId = (
			await post('/api/v1/lyrics', { prompt: 'A song about the sea', callBackUrl: hook })
		).json.data.taskId;
		expect((await get(`/api/v1/lyrics/record-info?taskId=${taskId}`)).json.data).toMatchObject({
			status: 'PENDING',
			type: 'LYRICS',
		});
		const done = await until(
			`/api/v1/lyrics/record-info?taskId=${taskId}`,
			(d) => d.status === 'SUCCESS',
		);
		expect(done.response.data).toHaveLength(2);
		expect(done.response.data[0]).toMatchObject({
			status: 'complete',
			text: expect.stringContaining('A song about the sea'),
		});
		await until(`/api/v1/lyrics/record-info?taskId=${taskId}`, () => received.length > 0);
		expect(received[0]).toMatchObject({
			code: 200,
			data: { callbackType: 'complete', task_id: taskId },
		});
		expect((await post('/api/v1/lyrics', { prompt: 'x' })).json.code).toBe(422);
	});

	it('timestamped lyrics, persona (once per track, then 409) and boost style answer at once', async () => {
		const source = await song();
		const words = await post('/api/v1/generate/get-timestamped-lyrics', {
			taskId: source.taskId,
			audioId: source.audioId,
		});
		expect(words.json.data.alignedWords[0]).toMatchObject({
			word: 'A',
			success: true,
			startS: 1,
			endS: 1.4,
		});
		const persona = {
			taskId: source.taskId,
			audioId: source.audioId,
			name: 'Sea Singer',
			description: 'Calm',
		};
		expect((await post('/api/v1/generate/generate-persona', persona)).json).toMatchObject({
			code: 200,
			data: { personaId: expect.any(String), name: 'Sea Singer', description: 'Calm' },
		});
		expect((await post('/api/v1/generate/generate-persona', persona)).json.code).toBe(409);
		const boost = await post('/api/v1/style/generate', { content: 'Pop, Mysterious' });
		expect(boost.json.data).toMatchObject({
			successFlag: '1',
			result: expect.stringContaining('Pop, Mysterious'),
		});
	});
});

describe('Runway Aleph', () => {
	it('restyles a video: successFlag 0 → 1 with an MP4 and its still; moderation ends it failed', async () => {
		// Long enough that the first read sees the task unfinished, even on a busy machine.
		sim.configure({ generationMs: 1_500 });
		const created = await post('/api/v1/aleph/generate', {
			prompt: 'Watercolour style',
			videoUrl: 'https://example.com/in.mp4',
			callBackUrl: hook,
			aspectRatio: '16:9',
		});
		const taskId = created.json.data.taskId;
		expect((await get(`/api/v1/aleph/record-info?taskId=${taskId}`)).json.data).toMatchObject({
			successFlag: 0,
			response: null,
		});
		const done = await until(
			`/api/v1/aleph/record-info?taskId=${taskId}`,
			(d) => d.successFlag === 1,
		);
		expect(JSON.parse(done.paramJson)).toMatchObject({
			prompt: 'Watercolour style',
			videoUrl: 'https://example.com/in.mp4',
		});
		const video = await call(done.response.resultVideoUrl, 'GET', { key: null });
		expect(video.headers['content-type']).toBe('video/mp4');
		await until(`/api/v1/aleph/record-info?taskId=${taskId}`, () => received.length > 0);
		expect(received[0]).toMatchObject({
			code: 200,
			taskId,
			data: { result_video_url: done.response.resultVideoUrl },
		});

		const moderated = (
			await post('/api/v1/aleph/generate', {
				prompt: '[fail]',
				videoUrl: 'https://example.com/in.mp4',
			})
		).json.data.taskId;
		const failed = await until(
			`/api/v1/aleph/record-info?taskId=${moderated}`,
			(d) => d.errorCode !== 0,
		);
		expect(failed).toMatchObject({
			successFlag: 0,
			errorCode: 400,
			errorMessage: expect.stringMatching(/moderator/),
		});
		expect((await post('/api/v1/aleph/generate', { prompt: 'x' })).json.msg).toMatch(/videoUrl/);
		expect(
			(
				await post('/api/v1/aleph/generate', {
					prompt: 'x',
					videoUrl: 'https://e.com/a.mp4',
					aspectRatio: '2:1',
				})
			).json.code,
		).toBe(422);
	});
});
