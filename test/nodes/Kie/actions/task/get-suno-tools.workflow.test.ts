/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Task → Get for the APIs of Suno's tools and Runway Aleph, on tasks made straight on the
 * simulator (as another workflow, or a callback URL elsewhere, would): each API's own status
 * endpoint read into the one task item, files downloaded with their bytes' MIME types, stems by
 * role, lyrics as text and arrays, MIDI notes, and failures with taskId, api, code and message.
 */
import { request } from 'undici';

import { startSimulator } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import { FAST_POLL, kieOutput, runKie } from '../../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 200 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const HOOK = 'https://callback.invalid/x';

async function post(path: string, body: Record<string, unknown>): Promise<any> {
	const response = await request(`${sim.baseUrl}${path}`, {
		method: 'POST',
		headers: { authorization: 'Bearer sim-key', 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return await response.body.json();
}

async function createOn(path: string, body: Record<string, unknown>): Promise<string> {
	const answer = await post(path, body);
	if (answer.code !== 200 || !answer.data?.taskId) throw new Error(JSON.stringify(answer));
	return answer.data.taskId;
}

const getTask = (taskId: string, api: string) => ({
	resource: 'task',
	operation: 'get',
	taskId,
	api,
	waitForCompletion: true,
	downloadResults: true,
	options: { ...FAST_POLL },
});

/** A finished song through Get Task: its taskId and first track's id. */
async function song(): Promise<{ taskId: string; audioId: string }> {
	const taskId = await createOn('/api/v1/generate', {
		prompt: 'A song about the harbour at night',
		customMode: false,
		instrumental: false,
		model: 'V5',
		callBackUrl: HOOK,
	});
	const [item] = kieOutput(await runKie(sim, getTask(taskId, 'suno')));
	return { taskId, audioId: (item.json.tracks as any[])[0].id };
}

describe('Get Task for the new APIs', () => {
	it('suno-wav: the WAV as audio/wav', async () => {
		const source = await song();
		const taskId = await createOn('/api/v1/wav/generate', { ...source, callBackUrl: HOOK });
		const [item] = kieOutput(await runKie(sim, getTask(taskId, 'suno-wav')));
		expect(item.json).toMatchObject({
			taskId,
			api: 'suno-wav',
			state: 'success',
			musicId: source.audioId,
			resultUrls: [expect.stringMatching(/audio\.wav$/)],
		});
		expect(item.binary?.data).toMatchObject({ mimeType: 'audio/wav', fileName: `${taskId}_0.wav` });
		expect(sim.record.count('sunoWavRecordInfo')).toBeGreaterThan(0);
	});

	it('suno-music-video: the MP4 as video/mp4', async () => {
		const source = await song();
		const taskId = await createOn('/api/v1/mp4/generate', { ...source, callBackUrl: HOOK });
		const [item] = kieOutput(await runKie(sim, getTask(taskId, 'suno-music-video')));
		expect(item.json).toMatchObject({ api: 'suno-music-video', state: 'success' });
		expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: `${taskId}_0.mp4` });
	});

	it('suno-vocal-separation: stems by role in the item, each stem file as audio/mpeg', async () => {
		const source = await song();
		const taskId = await createOn('/api/v1/vocal-removal/generate', {
			...source,
			type: 'separate_vocal',
			callBackUrl: HOOK,
		});
		const [item] = kieOutput(await runKie(sim, getTask(taskId, 'suno-vocal-separation')));
		const stems = item.json.stems as Record<string, string>;
		expect(Object.keys(stems)).toEqual(['vocals', 'instrumental']);
		expect(stems.vocals).toMatch(/Vocals\.mp3$/);
		expect(item.json.resultUrls).toEqual([stems.vocals, stems.instrumental]);
		expect((item.json.stemTracks as any[]).map((track) => track.role)).toEqual([
			'vocals',
			'instrumental',
		]);
		expect(item.binary?.data).toMatchObject({ mimeType: 'audio/mpeg' });
		expect(item.binary?.data_1).toMatchObject({ mimeType: 'audio/mpeg' });

		// MIDI from that separation: notes in resultObject, no file.
		const midi = await createOn('/api/v1/midi/generate', { taskId, callBackUrl: HOOK });
		const [notes] = kieOutput(await runKie(sim, getTask(midi, 'suno-midi')));
		expect(notes.json).toMatchObject({ api: 'suno-midi', state: 'success', resultUrls: [] });
		expect((notes.json.resultObject as any).instruments[0]).toEqual({
			name: 'Drums',
			notes: [{ pitch: 36, start: 0, end: 0.25, velocity: 1 }],
		});
	});

	it('suno-lyrics: the lyrics as text, and every variant', async () => {
		const taskId = await createOn('/api/v1/lyrics', {
			prompt: 'The harbour at night',
			callBackUrl: HOOK,
		});
		const [item] = kieOutput(await runKie(sim, getTask(taskId, 'suno-lyrics')));
		expect(item.json).toMatchObject({
			api: 'suno-lyrics',
			state: 'success',
			text: expect.stringContaining('The harbour at night'),
			param: { prompt: 'The harbour at night' },
		});
		expect(item.json.lyrics).toHaveLength(2);
		expect(item.binary).toBeUndefined();
	});

	it('suno-cover: the cover images as image/png', async () => {
		const source = await song();
		const taskId = await createOn('/api/v1/suno/cover/generate', {
			taskId: source.taskId,
			callBackUrl: HOOK,
		});
		const [item] = kieOutput(await runKie(sim, getTask(taskId, 'suno-cover')));
		expect(item.json).toMatchObject({
			api: 'suno-cover',
			state: 'success',
			parentTaskId: source.taskId,
		});
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/png' });
		expect(item.binary?.data_1).toMatchObject({ mimeType: 'image/png' });
	});

	it('aleph: the restyled video as video/mp4, its still in imageUrl', async () => {
		const taskId = await createOn('/api/v1/aleph/generate', {
			prompt: 'Watercolour',
			videoUrl: 'https://example.com/in.mp4',
		});
		const [item] = kieOutput(await runKie(sim, getTask(taskId, 'aleph')));
		expect(item.json).toMatchObject({
			api: 'aleph',
			state: 'success',
			imageUrl: expect.stringMatching(/aleph\.png$/),
			param: { prompt: 'Watercolour', videoUrl: 'https://example.com/in.mp4' },
		});
		expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: `${taskId}_0.mp4` });
	});

	it('a failed Aleph task fails the item with taskId, api, code and message (Continue On Fail)', async () => {
		const taskId = await createOn('/api/v1/aleph/generate', {
			prompt: 'a [fail] clip',
			videoUrl: 'https://example.com/in.mp4',
		});
		const result = await runKie(sim, getTask(taskId, 'aleph'), { continueOnFail: true });
		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({ taskId, api: 'aleph', state: 'fail', failCode: '400' });
		expect(String(item.json.error)).toContain(taskId);
		expect(String(item.json.failMsg)).toMatch(/moderator/);
	});

	it('a songs tool (upload-cover) reads as a Suno song with its operationType', async () => {
		const taskId = await createOn('/api/v1/generate/upload-cover', {
			uploadUrl: 'https://example.com/mine.mp3',
			prompt: 'A cover',
			customMode: false,
			instrumental: false,
			model: 'V5',
			callBackUrl: HOOK,
		});
		const [item] = kieOutput(await runKie(sim, getTask(taskId, 'suno')));
		expect(item.json).toMatchObject({
			api: 'suno',
			state: 'success',
			operationType: 'upload_cover',
		});
		expect(item.binary?.data).toMatchObject({ mimeType: 'audio/mpeg' });
	});
});
