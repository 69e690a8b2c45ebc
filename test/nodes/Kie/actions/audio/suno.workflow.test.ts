/**
 * Audio → Generate and Extend through n8n's engine against the Kie simulator: Suno songs (two
 * tracks, MP3 files), ElevenLabs speech and sound effects on the jobs API, failures and bad input.
 */
import { startSimulator } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import { SUNO_PLACEHOLDER_CALLBACK } from '../../../../../nodes/Kie/catalogue';
import {
	createBodies,
	FAST_POLL,
	fetchBytes,
	kieOutput,
	runKie,
} from '../../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 300 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const generate = (extra: Record<string, unknown> = {}) => ({
	resource: 'audio',
	operation: 'generate',
	model: 'V5',
	prompt: 'A calm piano tune for a rainy morning',
	options: { ...FAST_POLL },
	...extra,
});

/** The bodies of one endpoint the simulator received, in arrival order. */
const bodiesOf = (endpoint: 'sunoGenerate' | 'sunoExtend') =>
	sim.record.requests.filter((entry) => entry.endpoint === endpoint).map((entry) => entry.body);

describe('Suno: Generate, waiting and downloading (the defaults)', () => {
	it('emits both tracks, every track’s audio in resultUrls, and the MP3s as binaries', async () => {
		const result = await runKie(sim, generate());

		const [item] = kieOutput(result);
		const taskId = item.json.taskId as string;
		expect(sim.record.createdTaskCount()).toBe(1);
		expect(bodiesOf('sunoGenerate')).toEqual([
			{
				prompt: 'A calm piano tune for a rainy morning',
				customMode: false,
				instrumental: false,
				model: 'V5',
				callBackUrl: SUNO_PLACEHOLDER_CALLBACK,
			},
		]);
		expect(item.json).toMatchObject({
			taskId,
			api: 'suno',
			model: 'V5',
			state: 'success',
			failCode: null,
		});
		const audioUrls = [0, 1].map((n) => `${sim.baseUrl}/files/suno/${taskId}_${n}.mp3`);
		expect(item.json.resultUrls).toEqual(audioUrls);
		const tracks = item.json.tracks as Array<Record<string, unknown>>;
		expect(tracks).toHaveLength(2);
		for (const [n, track] of tracks.entries()) {
			expect(Object.keys(track).sort()).toEqual(
				['audioUrl', 'duration', 'id', 'imageUrl', 'streamAudioUrl', 'tags', 'title'].sort(),
			);
			expect(track.audioUrl).toBe(audioUrls[n]);
			expect(typeof track.id).toBe('string');
			expect(typeof track.duration).toBe('number');
		}
		expect(tracks[0].id).not.toBe(tracks[1].id);

		expect(Object.keys(item.binary ?? {})).toEqual(['data', 'data_1']);
		for (const [n, key] of ['data', 'data_1'].entries()) {
			const binary = item.binary![key];
			expect(binary).toMatchObject({ mimeType: 'audio/mpeg', fileName: `${taskId}_${n}.mp3` });
			const bytes = await result.binaryBuffer(item, key);
			expect(bytes.subarray(0, 3).toString('latin1')).toBe('ID3');
			expect(bytes.equals((await fetchBytes(audioUrls[n])).bytes)).toBe(true);
		}
	});

	it('sends custom mode with style and title, and the user’s callback URL instead of the placeholder', async () => {
		const result = await runKie(
			sim,
			generate({
				customMode: true,
				instrumental: true,
				prompt: '',
				style: 'Lo-fi hip hop',
				title: 'Rainy Window',
				waitForCompletion: false,
				options: { callbackUrl: 'https://n8n.example.com/webhook/kie' },
			}),
		);
		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({ state: 'waiting', model: 'V5' });
		expect(bodiesOf('sunoGenerate')).toEqual([
			{
				style: 'Lo-fi hip hop',
				title: 'Rainy Window',
				customMode: true,
				instrumental: true,
				model: 'V5',
				callBackUrl: 'https://n8n.example.com/webhook/kie',
			},
		]);
		expect(sim.record.count('sunoRecordInfo')).toBe(0);
	});
});

describe('Suno: failures and bad input', () => {
	it('a failed song is an error naming the taskId, failCode and failMsg; with Continue On Fail an item', async () => {
		const failing = generate({ prompt: 'A [fail] song' });
		const stopped = await runKie(sim, failing);
		expect(stopped.status).toBe('error');
		const taskId = [...sim.record.tasks.keys()][0];
		expect(stopped.error?.message).toContain(taskId);
		expect(stopped.error?.message).toContain('400');
		expect(stopped.error?.message).toContain('Lyrics contained copyrighted material.');

		sim.reset();
		const result = await runKie(sim, failing, { continueOnFail: true });
		const [item] = kieOutput(result);
		const failedId = [...sim.record.tasks.keys()][0];
		expect(item.json).toMatchObject({
			taskId: failedId,
			api: 'suno',
			state: 'fail',
			failCode: '400',
			failMsg: 'Lyrics contained copyrighted material.',
		});
		expect(item.binary).toBeUndefined();
	});

	it.each([
		['a non-custom prompt over 500 characters', { prompt: 'x'.repeat(501) }, /at most 500/],
		['custom mode without a style', { customMode: true, title: 'T' }, /style/i],
		[
			'V4 custom style over 200 characters',
			{ model: 'V4', customMode: true, title: 'T', style: 's'.repeat(201) },
			/200/,
		],
		['an out-of-range styleWeight', { additionalInput: '{"styleWeight": 3}' }, /styleWeight/],
	])('refuses %s before any request', async (_name, extra, message) => {
		const result = await runKie(sim, generate(extra));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(sim.record.requests).toHaveLength(0);
	});
});

describe('ElevenLabs on the jobs API', () => {
	it('speech: the prompt as input.text with the voice, the MP3 as audio/mpeg <taskId>_0.mp3', async () => {
		const result = await runKie(
			sim,
			generate({
				model: 'elevenlabs/text-to-speech-turbo-2-5',
				prompt: 'Good morning!',
				voice: 'Adam',
			}),
		);
		// "Adam" is not a voice of Turbo 2.5 by that name: refused before any request.
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Voice "Adam"/);
		expect(sim.record.requests).toHaveLength(0);

		const ok = await runKie(
			sim,
			generate({
				model: 'elevenlabs/text-to-speech-turbo-2-5',
				prompt: 'Good morning!',
				voice: 'pNInz6obpgDQGcFmaJgB',
			}),
		);
		const [item] = kieOutput(ok);
		const taskId = item.json.taskId as string;
		expect(createBodies(sim)).toEqual([
			{
				model: 'elevenlabs/text-to-speech-turbo-2-5',
				input: { text: 'Good morning!', voice: 'pNInz6obpgDQGcFmaJgB' },
			},
		]);
		expect(item.json).toMatchObject({
			state: 'success',
			model: 'elevenlabs/text-to-speech-turbo-2-5',
		});
		expect(item.binary?.data).toMatchObject({
			mimeType: 'audio/mpeg',
			fileName: `${taskId}_0.mp3`,
		});
		const bytes = await ok.binaryBuffer(item);
		expect(bytes.subarray(0, 3).toString('latin1')).toBe('ID3');
	});

	it('sound effect: Additional Input fields checked and sent under input', async () => {
		const result = await runKie(
			sim,
			generate({
				model: 'elevenlabs/sound-effect-v2',
				prompt: 'A door creaks open',
				additionalInput: '{"duration_seconds": 4, "loop": true}',
			}),
		);
		const [item] = kieOutput(result);
		expect(item.json.state).toBe('success');
		expect(createBodies(sim)[0]).toEqual({
			model: 'elevenlabs/sound-effect-v2',
			input: { text: 'A door creaks open', duration_seconds: 4, loop: true },
		});
		expect(item.binary?.data?.mimeType).toBe('audio/mpeg');
	});
});

describe('Suno: Extend', () => {
	it('continues a finished track from continueAt with its style and title, and emits the new task', async () => {
		const first = kieOutput(await runKie(sim, generate({ downloadResults: false })))[0];
		const source = (first.json.tracks as Array<Record<string, unknown>>)[1];

		const result = await runKie(sim, {
			resource: 'audio',
			operation: 'extend',
			taskId: first.json.taskId as string,
			audioId: source.id as string,
			prompt: 'A gentle bridge, then a quiet ending',
			continueAt: 30,
			options: { ...FAST_POLL },
		});

		const [item] = kieOutput(result);
		expect(bodiesOf('sunoExtend')).toEqual([
			{
				defaultParamFlag: true,
				audioId: source.id as string,
				prompt: 'A gentle bridge, then a quiet ending',
				style: source.tags,
				title: source.title,
				continueAt: 30,
				model: 'V5',
				callBackUrl: SUNO_PLACEHOLDER_CALLBACK,
			},
		]);
		expect(item.json.taskId).not.toBe(first.json.taskId);
		expect(item.json).toMatchObject({
			state: 'success',
			operationType: 'extend',
			parentMusicId: source.id,
		});
		expect(item.json.resultUrls).toHaveLength(2);
		expect(item.binary?.data_1?.mimeType).toBe('audio/mpeg');
	});

	it('refuses a continueAt past the track’s end after reading the source, without creating', async () => {
		const first = kieOutput(await runKie(sim, generate({ downloadResults: false })))[0];
		const track = (first.json.tracks as Array<Record<string, unknown>>)[0];
		const result = await runKie(sim, {
			resource: 'audio',
			operation: 'extend',
			taskId: first.json.taskId as string,
			prompt: 'More',
			continueAt: (track.duration as number) + 1,
			options: { ...FAST_POLL },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Continue At/);
		expect(sim.record.count('sunoExtend')).toBe(0);
	});

	it('refuses a negative continueAt and an empty task id with no request at all', async () => {
		for (const parameters of [
			{ taskId: 'abc', continueAt: -5 },
			{ taskId: ' ', continueAt: 10 },
		]) {
			const result = await runKie(sim, { resource: 'audio', operation: 'extend', ...parameters });
			expect(result.status).toBe('error');
		}
		expect(sim.record.requests).toHaveLength(0);
	});
});
