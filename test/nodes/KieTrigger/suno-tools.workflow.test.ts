/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * The Kie.ai Trigger receiving the callbacks of Suno's tools (WAV, music video, vocal separation
 * in both modes, MIDI, cover images, lyrics): the simulator sends each callback as its page
 * documents, the trigger reads the task from that tool's own status endpoint and emits the files
 * and text; the song-making tools (upload-cover, add vocals/instrumental, mashup, sounds) call
 * back as songs; a callback naming an unfinished or unknown task starts nothing.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { HMAC_KEY, type TriggerEndpoint, useTriggerFixture } from '../../helpers/trigger';

const fixture = useTriggerFixture();
const { configure, postSigned } = fixture;
let endpoint: TriggerEndpoint;
beforeAll(() => {
	({ endpoint } = fixture);
});

const ELSEWHERE = 'https://callback.invalid/x';

async function simulator(method: 'GET' | 'POST', path: string, body?: IDataObject): Promise<any> {
	const response = await fetch(`${fixture.sim.baseUrl}${path}`, {
		method,
		headers: { authorization: 'Bearer sim-key', 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return await response.json();
}

/** Creates a tool task on the simulator with the trigger as its callback URL; its taskId. */
async function createWithCallback(path: string, body: IDataObject): Promise<string> {
	const answer = await simulator('POST', path, { ...body, callBackUrl: endpoint.url });
	if (answer.code !== 200 || !answer.data?.taskId) throw new Error(JSON.stringify(answer));
	return answer.data.taskId as string;
}

/** A finished song (its callback elsewhere): its taskId and first track's audioId. */
async function song(): Promise<{ taskId: string; audioId: string }> {
	const taskId = await fixture.finishedTask('/api/v1/generate', {
		prompt: 'A song about the harbour at night',
		customMode: false,
		instrumental: false,
		model: 'V5',
		callBackUrl: ELSEWHERE,
	});
	const record = await simulator('GET', `/api/v1/generate/record-info?taskId=${taskId}`);
	return { taskId, audioId: record.data.response.sunoData[0].id };
}

/** The one callback of a tool task, which must have started the workflow. */
async function emitted() {
	const [delivery] = await endpoint.waitForDeliveries(1);
	expect(delivery.status).toBe(200);
	expect(delivery.workflowStarted).toBe(true);
	return delivery.items[0];
}

/**
 * Signed, a callback of no particular shape is looked up at every API; unsigned, only at the API
 * its body names: there each body must be read as its own tool's.
 */
describe.each([
	['signed', { webhookHmacKey: HMAC_KEY }],
	['unsigned (no Webhook HMAC Key)', { webhookHmacKey: '' }],
] as const)('Kie.ai Trigger with the callbacks of Suno’s tools, %s', (_how, credential) => {
	const setup = (parameters: INodeParameters = {}) => configure(parameters, { ...credential });

	it('WAV: the page’s callback read at /api/v1/wav/record-info, the WAV as audio/wav', async () => {
		setup({ downloadResults: true });
		const source = await song();
		const taskId = await createWithCallback('/api/v1/wav/generate', source);
		const item = await emitted();
		expect(JSON.parse((await endpoint.waitForDeliveries(1))[0].request.body)).toEqual({
			code: 200,
			msg: 'success',
			data: { audioWavUrl: expect.stringMatching(/\.wav$/), task_id: taskId },
		});
		expect(item.json).toMatchObject({
			taskId,
			api: 'suno-wav',
			state: 'success',
			musicId: source.audioId,
			callbackCode: 200,
			resultUrls: [expect.stringMatching(/audio\.wav$/)],
		});
		expect(item.binary?.data).toMatchObject({ mimeType: 'audio/wav', fileName: `${taskId}_0.wav` });
		expect(fixture.sim.record.count('sunoWavRecordInfo')).toBeGreaterThanOrEqual(1);
	});

	it('music video: read as a Suno music video (not Runway), the MP4 as video/mp4', async () => {
		setup({ downloadResults: true });
		const source = await song();
		const taskId = await createWithCallback('/api/v1/mp4/generate', source);
		const item = await emitted();
		expect(item.json).toMatchObject({ taskId, api: 'suno-music-video', state: 'success' });
		expect((item.json.resultUrls as string[])[0]).toMatch(/\.mp4$/);
		expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: `${taskId}_0.mp4` });
	});

	it('vocal separation (separate_vocal): stems by role, both stem files as audio/mpeg', async () => {
		setup({ downloadResults: true });
		const source = await song();
		const taskId = await createWithCallback('/api/v1/vocal-removal/generate', {
			...source,
			type: 'separate_vocal',
		});
		const item = await emitted();
		expect(item.json).toMatchObject({ taskId, api: 'suno-vocal-separation', state: 'success' });
		const stems = item.json.stems as Record<string, string>;
		expect(Object.keys(stems)).toEqual(['vocals', 'instrumental']);
		expect(stems.vocals).toMatch(/Vocals\.mp3$/);
		expect(stems.instrumental).toMatch(/Instrumental\.mp3$/);
		expect(item.json.resultUrls).toEqual([stems.vocals, stems.instrumental]);
		expect(Object.keys(item.binary ?? {})).toEqual(['data', 'data_1']);
		expect(item.binary?.data).toMatchObject({ mimeType: 'audio/mpeg' });
		expect(item.binary?.data_1).toMatchObject({ mimeType: 'audio/mpeg' });
		expect(fixture.sim.record.count('sunoVocalRemovalRecordInfo')).toBeGreaterThanOrEqual(1);
	});

	it('vocal separation (split_stem): twelve stems by role, each with its stem track', async () => {
		setup();
		const source = await song();
		const taskId = await createWithCallback('/api/v1/vocal-removal/generate', {
			...source,
			type: 'split_stem',
		});
		const item = await emitted();
		expect(item.json).toMatchObject({ taskId, api: 'suno-vocal-separation', state: 'success' });
		const stems = item.json.stems as Record<string, string>;
		expect(Object.keys(stems)).toHaveLength(12);
		expect(stems).toMatchObject({
			vocals: expect.stringMatching(/Vocals\.mp3$/),
			backingVocals: expect.stringMatching(/Backing_Vocals\.mp3$/),
			drums: expect.stringMatching(/\.mp3$/),
		});
		expect(stems.instrumental).toBeUndefined();
		expect((item.json.stemTracks as Array<{ role: string }>).map((t) => t.role)).toEqual(
			Object.keys(stems),
		);
	});

	it('MIDI: the notes from a separation in resultObject, no file to download', async () => {
		const source = await song();
		const separation = await fixture.finishedTask('/api/v1/vocal-removal/generate', {
			...source,
			type: 'separate_vocal',
			callBackUrl: ELSEWHERE,
		});
		setup({ downloadResults: true });
		const taskId = await createWithCallback('/api/v1/midi/generate', { taskId: separation });
		const item = await emitted();
		expect(item.json).toMatchObject({
			taskId,
			api: 'suno-midi',
			state: 'success',
			resultUrls: [],
		});
		const instruments = (item.json.resultObject as IDataObject).instruments as IDataObject[];
		expect(instruments.map((instrument) => instrument.name)).toEqual([
			'Drums',
			'Electric Bass (finger)',
		]);
		expect(instruments[0].notes).toEqual([{ pitch: 36, start: 0, end: 0.25, velocity: 1 }]);
		expect(item.binary).toBeUndefined();
		expect(fixture.sim.record.count('sunoMidiRecordInfo')).toBeGreaterThanOrEqual(1);
	});

	it('cover images: both PNGs as image/png, with the song they are for', async () => {
		setup({ downloadResults: true });
		const source = await song();
		const taskId = await createWithCallback('/api/v1/suno/cover/generate', {
			taskId: source.taskId,
		});
		const item = await emitted();
		expect(item.json).toMatchObject({
			taskId,
			api: 'suno-cover',
			state: 'success',
			parentTaskId: source.taskId,
		});
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/png' });
		expect(item.binary?.data_1).toMatchObject({ mimeType: 'image/png' });
		expect(fixture.sim.record.count('sunoCoverRecordInfo')).toBeGreaterThanOrEqual(1);
	});

	it('lyrics: the text and every variant in the item, from /api/v1/lyrics/record-info', async () => {
		setup();
		const taskId = await createWithCallback('/api/v1/lyrics', { prompt: 'The harbour at night' });
		const item = await emitted();
		expect(item.json).toMatchObject({
			taskId,
			api: 'suno-lyrics',
			state: 'success',
			callbackType: 'complete',
			text: expect.stringContaining('The harbour at night'),
		});
		expect(item.json.lyrics).toHaveLength(2);
		expect(fixture.sim.record.count('sunoLyricsRecordInfo')).toBeGreaterThanOrEqual(1);
	});
});

const UPLOAD = 'https://example.com/mine.mp3';

describe('Suno’s song-making tools call back as songs', () => {
	it.each([
		[
			'/api/v1/generate/upload-cover',
			{ uploadUrl: UPLOAD, prompt: 'A cover', customMode: false, instrumental: false, model: 'V5' },
			'upload_cover',
		],
		[
			'/api/v1/generate/add-vocals',
			{
				uploadUrl: UPLOAD,
				prompt: 'Sing softly',
				title: 'T',
				negativeTags: 'metal',
				style: 'Jazz',
			},
			'add_vocals',
		],
		[
			'/api/v1/generate/add-instrumental',
			{ uploadUrl: UPLOAD, title: 'T', negativeTags: 'metal', tags: 'piano' },
			'add_instrumental',
		],
		[
			'/api/v1/generate/mashup',
			{ uploadUrlList: [UPLOAD, UPLOAD], customMode: false, prompt: 'Blend them', model: 'V5' },
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
	] as const)(
		'%s: one item on complete, with its operationType and both MP3s as audio/mpeg',
		async (path, body, operationType) => {
			configure({ downloadResults: true });
			const taskId = await createWithCallback(path, body);
			const deliveries = await endpoint.waitForDeliveries(3);
			const started = deliveries.filter((delivery) => delivery.workflowStarted);
			expect(started).toHaveLength(1);
			const [item] = started[0].items;
			expect(item.json).toMatchObject({
				taskId,
				api: 'suno',
				state: 'success',
				callbackType: 'complete',
				operationType,
			});
			expect(item.json.tracks).toHaveLength(2);
			expect(item.binary?.data).toMatchObject({
				mimeType: 'audio/mpeg',
				fileName: `${taskId}_0.mp3`,
			});
			expect(item.binary?.data_1).toMatchObject({
				mimeType: 'audio/mpeg',
				fileName: `${taskId}_1.mp3`,
			});
		},
	);
});

describe('Tool callbacks that start nothing', () => {
	it('a documented WAV success callback for a task still converting is acknowledged and ignored', async () => {
		const source = await song();
		fixture.sim.configure({ generationMs: 60_000 });
		const answer = await simulator('POST', '/api/v1/wav/generate', {
			...source,
			callBackUrl: ELSEWHERE,
		});
		const taskId = answer.data.taskId as string;
		const before = fixture.sim.record.count('sunoWavRecordInfo');
		const sent = await postSigned(
			{
				code: 200,
				msg: 'success',
				data: { audioWavUrl: 'https://example.com/s/04e6e727.wav', task_id: taskId },
			},
			taskId,
		);
		expect(sent).toEqual({ status: 200, body: { received: true } });
		const [delivery] = await endpoint.waitForDeliveries(1);
		expect(delivery.workflowStarted).toBe(false);
		// The record said PENDING: the body's WAV URL was not believed.
		expect(fixture.sim.record.count('sunoWavRecordInfo')).toBe(before + 1);
	});

	it.each([
		[
			'WAV',
			'sunoWavRecordInfo',
			(id: string) => ({
				code: 200,
				msg: 'success',
				data: { audioWavUrl: 'https://example.com/s/x.wav', task_id: id },
			}),
		],
		[
			'MIDI',
			'sunoMidiRecordInfo',
			(id: string) => ({
				code: 200,
				msg: 'success',
				data: {
					taskId: id,
					state: 'complete',
					instruments: [
						{ name: 'Drums', notes: [{ pitch: 73, start: '0.03', end: '0.18', velocity: 1 }] },
					],
				},
			}),
		],
		[
			'vocal separation',
			'sunoVocalRemovalRecordInfo',
			(id: string) => ({
				code: 200,
				msg: 'vocal separation generated successfully.',
				data: {
					task_id: id,
					vocal_separation_info: {
						instrumental_url: 'https://example.com/s/i.mp3',
						origin_url: '',
						vocal_url: 'https://example.com/s/v.mp3',
					},
				},
			}),
		],
	] as const)(
		'a documented %s callback naming a task Kie does not know starts nothing',
		async (_name, recordInfo, body) => {
			const taskId = '0123456789abcdef0123456789abcdef';
			const sent = await postSigned(body(taskId) as IDataObject, taskId);
			expect(sent.status).toBe(200);
			const [delivery] = await endpoint.waitForDeliveries(1);
			expect(delivery.workflowStarted).toBe(false);
			expect(fixture.sim.record.count(recordInfo)).toBeGreaterThanOrEqual(1);
		},
	);
});
