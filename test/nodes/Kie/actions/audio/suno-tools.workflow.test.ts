/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Audio → Suno's tools (node version 2) through n8n's engine: each operation's request as its
 * page has it (what the simulator received), results as files with their MIME types, stems by
 * role, lyrics and timestamps in the item, failures with taskId, api, code and message, and bad
 * input (the live API's conditions too) refused before any request.
 */
import type { INodeParameters } from 'n8n-workflow';

import { readBinary } from '../../../../harness/engine';
import { makeMp3 } from '../../../../simulator/audio';
import { startSimulator } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import {
	binaryOf,
	FAST_POLL,
	kieOutput,
	runKie,
	type KieRunOptions,
} from '../../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 200 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const PLACEHOLDER = 'https://callback.invalid/n8n-nodes-kie';
const mine = makeMp3('my-own-song');
const withMine = (extra: KieRunOptions = {}): KieRunOptions => ({
	typeVersion: 2,
	items: [{ json: {}, binary: { song: binaryOf(mine, 'audio/mpeg', 'mine.mp3') } }],
	...extra,
});

/** Runs one Audio operation of version 2. */
async function audio(
	operation: string,
	audioModel: string,
	parameters: INodeParameters,
	options: KieRunOptions = {},
) {
	return await runKie(
		sim,
		{ resource: 'audio', operation, audioModel, options: FAST_POLL, ...parameters },
		{ typeVersion: 2, ...options },
	);
}

const bodies = (endpoint: Parameters<KieSimulator['record']['count']>[0]) =>
	sim.record.requests
		.filter((entry) => entry.endpoint === endpoint)
		.map((entry) => entry.body as any);

/** A finished V5 song made by the node: its taskId and first track's id. */
async function song(): Promise<{ taskId: string; audioId: string }> {
	const [item] = kieOutput(
		await audio('generate', 'V5', {
			prompt: 'A song about the harbour at night',
			customMode: false,
			instrumental: false,
			downloadResults: false,
		}),
	);
	return { taskId: item.json.taskId as string, audioId: (item.json.tracks as any[])[0].id };
}

describe('Suno tools that read a finished song', () => {
	it('Convert to WAV: the body as the page, the WAV as audio/wav', async () => {
		const source = await song();
		const [item] = kieOutput(await audio('convertToWav', 'suno/convert-to-wav', source));
		expect(bodies('sunoWav')).toEqual([{ ...source, callBackUrl: PLACEHOLDER }]);
		expect(item.json).toMatchObject({ api: 'suno-wav', state: 'success', musicId: source.audioId });
		expect(item.binary?.data).toMatchObject({
			mimeType: 'audio/wav',
			fileName: `${item.json.taskId}_0.wav`,
		});
		expect((await readBinary(item.binary!.data)).subarray(0, 4).toString()).toBe('RIFF');
	});

	it('Music Video: author and domain name sent, the MP4 as video/mp4', async () => {
		const source = await song();
		const [item] = kieOutput(
			await audio('musicVideo', 'suno/create-music-video', {
				...source,
				author: 'Harbour Band',
				domainName: 'harbour.example',
			}),
		);
		expect(bodies('sunoMp4')).toEqual([
			{
				...source,
				author: 'Harbour Band',
				domainName: 'harbour.example',
				callBackUrl: PLACEHOLDER,
			},
		]);
		expect(item.json).toMatchObject({ api: 'suno-music-video', state: 'success' });
		expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4' });
	});

	it('Separate Vocals: stems by role, each stem a file; MIDI of the separation as notes', async () => {
		const source = await song();
		const [item] = kieOutput(
			await audio('separateVocals', 'suno/separate-vocals', { ...source, type: 'separate_vocal' }),
		);
		expect(bodies('sunoVocalRemoval')).toEqual([
			{ ...source, type: 'separate_vocal', callBackUrl: PLACEHOLDER },
		]);
		const stems = item.json.stems as Record<string, string>;
		expect(Object.keys(stems)).toEqual(['vocals', 'instrumental']);
		expect(item.binary?.data).toMatchObject({ mimeType: 'audio/mpeg' });
		expect(item.binary?.data_1).toMatchObject({ mimeType: 'audio/mpeg' });

		const [midi] = kieOutput(
			await audio('midi', 'suno/generate-midi', { taskId: item.json.taskId as string }),
		);
		expect(bodies('sunoMidi')).toEqual([{ taskId: item.json.taskId, callBackUrl: PLACEHOLDER }]);
		expect(midi.json).toMatchObject({ api: 'suno-midi', state: 'success' });
		expect((midi.json.resultObject as any).instruments[0].notes.length).toBeGreaterThan(0);
	});

	it('Separate Vocals, split_stem: twelve stems by role', async () => {
		const source = await song();
		const [item] = kieOutput(
			await audio('separateVocals', 'suno/separate-vocals', {
				...source,
				type: 'split_stem',
				downloadResults: false,
			}),
		);
		const roles = Object.keys(item.json.stems as object);
		expect(roles).toEqual(expect.arrayContaining(['vocals', 'backingVocals', 'drums', 'bass']));
		expect(roles.length).toBeGreaterThanOrEqual(12);
	});

	it('Timestamped Lyrics: answered at once, the words as text and alignedWords', async () => {
		const source = await song();
		const [item] = kieOutput(
			await audio('timestampedLyrics', 'suno/get-timestamped-lyrics', source),
		);
		expect(bodies('sunoTimestampedLyrics')).toEqual([source]);
		expect(item.json.api).toBe('suno');
		expect(typeof item.json.text).toBe('string');
		expect((item.json.text as string).length).toBeGreaterThan(0);
		expect((item.json.alignedWords as any[])[0]).toEqual({
			word: expect.any(String),
			success: true,
			startS: expect.any(Number),
			endS: expect.any(Number),
			palign: expect.any(Number),
		});
	});

	it('Cover Image: the images as image/png', async () => {
		const source = await song();
		const [item] = kieOutput(await audio('cover', 'suno/cover-suno', { taskId: source.taskId }));
		expect(bodies('sunoCover')).toEqual([{ taskId: source.taskId, callBackUrl: PLACEHOLDER }]);
		expect(item.json).toMatchObject({ api: 'suno-cover', state: 'success' });
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/png' });
	});

	it('Persona: the personaId in the item; a second persona of the same track fails with Kie’s 409', async () => {
		const source = await song();
		const persona = {
			...source,
			name: 'Harbour Voice',
			description: 'Warm, low and late at night',
			vocalStart: 5,
			vocalEnd: 25,
		};
		const [item] = kieOutput(await audio('persona', 'suno/generate-persona', persona));
		expect(bodies('sunoPersona')).toEqual([{ ...persona }]);
		expect(item.json).toMatchObject({ personaId: expect.any(String), name: 'Harbour Voice' });
		const again = await audio('persona', 'suno/generate-persona', persona, {
			continueOnFail: true,
		});
		const [refused] = kieOutput(again);
		expect(String(refused.json.error)).toMatch(/409|already/i);
		expect(bodies('sunoPersona')).toHaveLength(2);
	});

	it('Replace Section: fullLyrics and the section sent; refused before any request without them', async () => {
		const source = await song();
		const section = {
			...source,
			prompt: 'A brighter bridge',
			tags: 'pop, bright',
			title: 'Harbour Lights',
			infillStartS: 10,
			infillEndS: 30,
		};
		const before = sim.record.requests.length;
		const missing = await audio('replaceSection', 'suno/replace-section', section, {
			continueOnFail: true,
		});
		expect(String(kieOutput(missing)[0].json.error)).toMatch(/Full Lyrics/);
		const short = await audio(
			'replaceSection',
			'suno/replace-section',
			{ ...section, fullLyrics: '[Verse]\nold\n[Bridge]\nnew', infillEndS: 15 },
			{ continueOnFail: true },
		);
		expect(String(kieOutput(short)[0].json.error)).toMatch(
			/^Infill End S 15 makes a span of 5 s: .*Allowed: 6 to 480 seconds after infillStartS/,
		);
		expect(sim.record.requests.length).toBe(before);

		const fullLyrics = '[Verse]\nold words\n[Bridge]\nnew words';
		const [item] = kieOutput(
			await audio('replaceSection', 'suno/replace-section', { ...section, fullLyrics }),
		);
		expect(bodies('sunoReplaceSection')).toEqual([
			{ ...section, fullLyrics, callBackUrl: PLACEHOLDER },
		]);
		expect(item.json).toMatchObject({ api: 'suno', state: 'success' });
		expect(item.binary?.data).toMatchObject({ mimeType: 'audio/mpeg' });
	});

	it('Replace Section: a section the page allows and the live API refused (8 s) is sent, and Kie’s answer shown', async () => {
		const source = await song();
		const section = {
			...source,
			prompt: 'A brighter bridge',
			tags: 'pop, bright',
			title: 'Harbour Lights',
			fullLyrics: '[Verse]\nold words\n[Bridge]\nnew words',
			infillStartS: 10,
			infillEndS: 18,
		};
		const [item] = kieOutput(
			await audio('replaceSection', 'suno/replace-section', section, { continueOnFail: true }),
		);
		expect(bodies('sunoReplaceSection')).toEqual([{ ...section, callBackUrl: PLACEHOLDER }]);
		expect(String(item.json.error)).toMatch(/the section must be 10 to 480 seconds long/);
		expect(sim.record.createdTaskCount()).toBe(1);
	});
});

describe('Suno tools that take the user’s audio (URL or binary)', () => {
	it('Upload and Cover: the binary uploaded first and sent as uploadUrl', async () => {
		const [item] = kieOutput(
			await audio(
				'uploadAndCover',
				'suno/upload-and-cover-audio',
				{
					uploadUrlBinary: 'song',
					customMode: false,
					instrumental: false,
					prompt: 'As a jazz ballad',
				},
				withMine(),
			),
		);
		const [body] = bodies('sunoUploadCover');
		expect(body).toEqual({
			uploadUrl: expect.stringMatching(/^http/),
			prompt: 'As a jazz ballad',
			customMode: false,
			instrumental: false,
			model: 'V5',
			callBackUrl: PLACEHOLDER,
		});
		expect(sim.record.count('streamUpload')).toBe(1);
		expect(item.json).toMatchObject({
			api: 'suno',
			state: 'success',
			operationType: 'upload_cover',
		});
		expect(item.binary?.data).toMatchObject({ mimeType: 'audio/mpeg' });
	});

	it('Upload and Extend: continueAt, instrumental and the lyrics sent; an instruction as prompt refused with no request', async () => {
		const base = {
			uploadUrl: 'https://example.com/mine.mp3',
			defaultParamFlag: true,
			instrumental: false,
			continueAt: 42,
			style: 'Indie',
			title: 'Mine, Longer',
			model: 'V5_5',
		};
		const refused = await audio(
			'uploadAndExtend',
			'suno/upload-and-extend-audio',
			{ ...base, prompt: 'make it longer' },
			{ continueOnFail: true },
		);
		expect(String(kieOutput(refused)[0].json.error)).toMatch(/sings this prompt as lyrics/);
		expect(sim.record.requests).toHaveLength(0);

		const prompt = '[Verse]\nThe tide comes in\n[Chorus]\nAnd we sing';
		const [item] = kieOutput(
			await audio('uploadAndExtend', 'suno/upload-and-extend-audio', { ...base, prompt }),
		);
		expect(bodies('sunoUploadExtend')).toEqual([{ ...base, prompt, callBackUrl: PLACEHOLDER }]);
		expect(item.json).toMatchObject({ api: 'suno', state: 'success' });
	});

	it('Upload and Extend: Continue At needed with Default Param Flag on only (the page’s prose), refused before any request', async () => {
		const upload = {
			uploadUrl: 'https://example.com/mine.mp3',
			instrumental: true,
			prompt: 'Longer',
			model: 'V5',
			continueAt: '',
		};
		const refused = await audio(
			'uploadAndExtend',
			'suno/upload-and-extend-audio',
			{ ...upload, defaultParamFlag: true, style: 'Indie', title: 'Mine, Longer' },
			{ continueOnFail: true },
		);
		expect(String(kieOutput(refused)[0].json.error)).toMatch(
			/^Continue At is empty: with Default Param Flag on, Suno extends the upload from this second/,
		);
		expect(sim.record.requests).toHaveLength(0);

		// Without the flag the schema still lists continueAt, its description does not: not refused.
		const [item] = kieOutput(
			await audio('uploadAndExtend', 'suno/upload-and-extend-audio', {
				...upload,
				defaultParamFlag: false,
			}),
		);
		const sent: Record<string, unknown> = { ...upload };
		delete sent.continueAt;
		expect(bodies('sunoUploadExtend')).toEqual([
			{ ...sent, defaultParamFlag: false, callBackUrl: PLACEHOLDER },
		]);
		expect(item.json).toMatchObject({ api: 'suno', state: 'success' });
	});

	it('Add Vocals and Add Instrumental: the page’s fields, from a URL and from a binary', async () => {
		const vocals = {
			uploadUrl: 'https://example.com/instrumental.mp3',
			prompt: '[Verse]\nLights on the water',
			title: 'Sung',
			style: 'Soul',
			negativeTags: 'metal',
		};
		const [sung] = kieOutput(await audio('addVocals', 'suno/add-vocals', vocals));
		// The page's default version goes too.
		expect(bodies('sunoAddVocals')).toEqual([
			{ ...vocals, model: 'V4_5PLUS', callBackUrl: PLACEHOLDER },
		]);
		expect(sung.json.state).toBe('success');

		const [backed] = kieOutput(
			await audio(
				'addInstrumental',
				'suno/add-instrumental',
				{
					uploadUrlBinary: 'song',
					title: 'Backed',
					tags: 'folk, guitar',
					negativeTags: 'drums',
					model: 'V5_5',
				},
				withMine(),
			),
		);
		const [body] = bodies('sunoAddInstrumental');
		expect(body).toMatchObject({ title: 'Backed', tags: 'folk, guitar', model: 'V5_5' });
		expect(body.uploadUrl).toMatch(/^http/);
		expect(backed.binary?.data).toMatchObject({ mimeType: 'audio/mpeg' });
	});

	it('Mashup: the binary first, then the URL; one URL alone refused before any request', async () => {
		const one = await audio(
			'mashup',
			'suno/generate-mashup',
			{ uploadUrlList: ['https://example.com/a.mp3'], customMode: false, prompt: 'Blend' },
			{ continueOnFail: true },
		);
		expect(String(kieOutput(one)[0].json.error)).toMatch(/Upload URL List.*exactly 2/);
		expect(sim.record.requests).toHaveLength(0);

		const [item] = kieOutput(
			await audio(
				'mashup',
				'suno/generate-mashup',
				{
					uploadUrlList: ['https://example.com/b.mp3'],
					uploadUrlListBinary: 'song',
					customMode: false,
					prompt: 'Blend them into one dance track',
				},
				withMine(),
			),
		);
		const [body] = bodies('sunoMashup');
		expect(body.uploadUrlList).toHaveLength(2);
		expect(body.uploadUrlList[1]).toBe('https://example.com/b.mp3');
		expect(body).toMatchObject({ customMode: false, model: 'V5' });
		expect(item.json.state).toBe('success');
	});
});

describe('Suno tools from text', () => {
	it('Lyrics: the prompt sent, the lyrics as text in the item', async () => {
		const [item] = kieOutput(
			await audio('lyrics', 'suno/generate-lyrics', { prompt: 'The harbour at night' }),
		);
		expect(bodies('sunoLyrics')).toEqual([
			{ prompt: 'The harbour at night', callBackUrl: PLACEHOLDER },
		]);
		expect(item.json).toMatchObject({
			api: 'suno-lyrics',
			state: 'success',
			text: expect.stringContaining('The harbour at night'),
		});
	});

	it('Sounds: a loop at a tempo and key, as audio/mpeg', async () => {
		const sound = {
			prompt: 'Rain on a tin roof',
			soundLoop: true,
			soundTempo: 90,
			soundKey: 'Am',
			model: 'V5_5',
		};
		const [item] = kieOutput(await audio('sounds', 'suno/generate-sounds', sound));
		expect(bodies('sunoSounds')).toEqual([
			{ ...sound, grabLyrics: false, callBackUrl: PLACEHOLDER },
		]);
		expect(item.binary?.data).toMatchObject({ mimeType: 'audio/mpeg' });
	});

	it('Boost Style: the richer style as text', async () => {
		const [item] = kieOutput(
			await audio('boostStyle', 'suno/boost-music-style', { content: 'lofi' }),
		);
		expect(bodies('sunoBoostStyle')).toEqual([{ content: 'lofi' }]);
		expect(item.json).toMatchObject({ state: 'success', text: expect.stringContaining('lofi,') });
	});

	it('a failed tool task is an item with taskId, api, code and message (Continue On Fail)', async () => {
		const result = await audio(
			'lyrics',
			'suno/generate-lyrics',
			{ prompt: 'a [fail] song' },
			{ continueOnFail: true },
		);
		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({
			taskId: expect.any(String),
			api: 'suno-lyrics',
			state: 'fail',
			failCode: '400',
		});
		expect(String(item.json.error)).toContain(item.json.taskId as string);
		expect(String(item.json.failMsg)).toMatch(/moderation/);
	});

	it('bad input is refused before any request, naming the field and what is allowed', async () => {
		const cases: Array<[string, string, INodeParameters, RegExp]> = [
			['lyrics', 'suno/generate-lyrics', {}, /Prompt is empty/],
			['convertToWav', 'suno/convert-to-wav', { taskId: 'abc' }, /Audio ID is empty/],
			['sounds', 'suno/generate-sounds', { prompt: 'x', soundKey: 'H' }, /Sound Key/],
			[
				'addVocals',
				'suno/add-vocals',
				{ uploadUrl: 'ftp://x/y.mp3', prompt: 'p', title: 't', style: 's', negativeTags: 'n' },
				/Upload URL/,
			],
			[
				'uploadAndCover',
				'suno/upload-and-cover-audio',
				{ uploadUrl: 'https://x.example/a.mp3', customMode: true, instrumental: true },
				/Style is empty/,
			],
		];
		for (const [operation, model, parameters, message] of cases) {
			const result = await audio(operation, model, parameters, { continueOnFail: true });
			expect(String(kieOutput(result)[0].json.error)).toMatch(message);
		}
		expect(sim.record.requests).toHaveLength(0);
	});
});
