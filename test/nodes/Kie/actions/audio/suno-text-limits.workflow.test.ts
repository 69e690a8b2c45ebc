/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Suno's text limits per version and mode (the pages' "Character limits by model") on the paths
 * that do not go through version 1's mapping: Suno's tools and version 2's Generate. Too long a
 * text is refused before any request, naming the field, its length and the limit; the same text
 * within the version's limit is sent.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSimulator } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import { FAST_POLL, kieOutput, runKie } from '../../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 200 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

async function audio(operation: string, audioModel: string, parameters: INodeParameters) {
	const result = await runKie(
		sim,
		{
			resource: 'audio',
			operation,
			audioModel,
			options: FAST_POLL,
			downloadResults: false,
			...parameters,
		},
		{ typeVersion: 2, continueOnFail: true },
	);
	return kieOutput(result)[0].json;
}

/** Lyrics of exactly `length` characters (lines, so no lyrics rule refuses them). */
const lyrics = (length: number) => `[Verse]\n${'la '.repeat(length)}`.slice(0, length);
const text = (length: number) => 'x'.repeat(length);
const URL = 'https://example.com/mine.mp3';

const cover = { uploadUrl: URL, customMode: true, instrumental: false, style: 'Jazz', title: 'T' };
const extend = { uploadUrl: URL, defaultParamFlag: true, instrumental: false, continueAt: 10 };
const mashup = { uploadUrlList: [URL, 'https://example.com/b.mp3'] };

describe('Suno text limits per version, before any request', () => {
	it.each<[string, string, string, INodeParameters, RegExp]>([
		[
			'Upload and Cover V4: lyrics of 3001',
			'uploadAndCover',
			'suno/upload-and-cover-audio',
			{ ...cover, model: 'V4', prompt: lyrics(3001) },
			/Lyrics .* is 3001 characters long.*at most 3000/,
		],
		[
			'Upload and Cover V4: a style of 201',
			'uploadAndCover',
			'suno/upload-and-cover-audio',
			{ ...cover, model: 'V4', prompt: lyrics(50), style: text(201) },
			/Style .* is 201 characters long.*at most 200/,
		],
		[
			'Upload and Cover V4_5ALL: a title of 81',
			'uploadAndCover',
			'suno/upload-and-cover-audio',
			{ ...cover, model: 'V4_5ALL', prompt: lyrics(50), title: text(81) },
			/Title .* is 81 characters long.*at most 80/,
		],
		[
			'Upload and Cover V5, non-custom: a prompt of 501',
			'uploadAndCover',
			'suno/upload-and-cover-audio',
			{ uploadUrl: URL, customMode: false, model: 'V5', prompt: text(501) },
			/Prompt .* is 501 characters long.*at most 500/,
		],
		[
			'Upload and Extend V4: lyrics of 3001',
			'uploadAndExtend',
			'suno/upload-and-extend-audio',
			{ ...extend, model: 'V4', style: 'Jazz', title: 'T', prompt: lyrics(3001) },
			/Prompt .* is 3001 characters long.*at most 3000/,
		],
		[
			'Upload and Extend V5: a title of 101',
			'uploadAndExtend',
			'suno/upload-and-extend-audio',
			{ ...extend, model: 'V5', style: 'Jazz', title: text(101), prompt: lyrics(50) },
			/Title .* is 101 characters long.*at most 100/,
		],
		[
			'Mashup V4, custom: a style of 201',
			'mashup',
			'suno/generate-mashup',
			{
				...mashup,
				customMode: true,
				instrumental: true,
				model: 'V4',
				style: text(201),
				title: 'T',
			},
			/Style .* is 201 characters long.*at most 200/,
		],
		[
			'Sounds: a prompt of 501 ("Sound task type limit: 500 characters")',
			'sounds',
			'suno/generate-sounds',
			{ prompt: text(501) },
			/Prompt .* is 501 characters long.*at most 500/,
		],
		[
			'Generate (version 2) V4, custom: lyrics of 3001',
			'generate',
			'V4',
			{ customMode: true, instrumental: false, style: 'Jazz', title: 'T', prompt: lyrics(3001) },
			/is 3001 characters long.*at most 3000/,
		],
	])('%s is refused', async (_name, operation, model, parameters, message) => {
		const json = await audio(operation, model, parameters);
		expect(String(json.error)).toMatch(message);
		expect(sim.record.requests).toHaveLength(0);
	});

	it('the same texts within the version’s limit are sent', async () => {
		const sent = [
			await audio('uploadAndCover', 'suno/upload-and-cover-audio', {
				...cover,
				model: 'V5',
				prompt: lyrics(3001),
				style: text(201),
				title: text(100),
			}),
			await audio('uploadAndExtend', 'suno/upload-and-extend-audio', {
				...extend,
				model: 'V4',
				style: text(200),
				title: text(80),
				prompt: lyrics(3000),
			}),
		];
		for (const json of sent) expect(json).toMatchObject({ state: 'success' });
		const bodies = sim.record.requests
			.map((entry) => entry.body as any)
			.filter((b) => b?.uploadUrl);
		expect(
			bodies.map((body) => [body.prompt.length, body.style.length, body.title.length]),
		).toEqual([
			[3001, 201, 100],
			[3000, 200, 80],
		]);
	});
});
