/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Version 1's Audio → Generate on the catalogue pipeline: the bodies it sends for Suno, ElevenLabs
 * and Custom Model, and its refusals naming v1's parameters. Before the legacy audio catalogue was
 * deleted, 479,685 v1 inputs gave the same body (or a refusal naming the same parameter) on the
 * old and the new code; these are the representative cases.
 */
import { KieInputError } from '../../../../../nodes/Kie/catalogue';
import { PLACEHOLDER_CALLBACK } from '../../../../../nodes/Kie/catalogue/modelCatalogue';
import { CUSTOM_MODEL_ID as CUSTOM_MODEL } from '../../../../../nodes/Kie/catalogue/panel';
import { v1AudioRequest as buildAudioRequest } from '../../../../helpers/v1Audio';

const SUNO_PLACEHOLDER_CALLBACK = PLACEHOLDER_CALLBACK;

function refusal(run: () => unknown): KieInputError {
	try {
		run();
	} catch (error) {
		if (error instanceof KieInputError) return error;
		throw error;
	}
	throw new Error('expected a KieInputError');
}

describe('Suno generate', () => {
	it('sends the documented top-level body with the placeholder callback when none is given', () => {
		const request = buildAudioRequest('V5', { prompt: '  A short relaxing piano tune ' });
		expect(request).toEqual({
			api: 'suno',
			endpoint: 'suno.generate',
			model: 'V5',
			expectedMs: expect.any(Number),
			body: {
				prompt: 'A short relaxing piano tune',
				customMode: false,
				instrumental: false,
				model: 'V5',
				callBackUrl: SUNO_PLACEHOLDER_CALLBACK,
			},
		});
		expect(SUNO_PLACEHOLDER_CALLBACK).toMatch(/^https:\/\/[^/]+\.invalid\//);
		const own = buildAudioRequest('V4', { prompt: 'x', callbackUrl: 'https://n8n.example/hook' });
		expect(own.body.callBackUrl).toBe('https://n8n.example/hook');
	});

	it('limits the non-custom prompt to 500 characters and refuses an empty one', () => {
		expect(buildAudioRequest('V5', { prompt: 'x'.repeat(500) }).body.prompt).toHaveLength(500);
		const long = refusal(() => buildAudioRequest('V5', { prompt: 'x'.repeat(501) }));
		expect(long.field).toBe('prompt');
		expect(long.message).toMatch(/501 characters.*at most 500/);
		expect(refusal(() => buildAudioRequest('V5', { prompt: ' ' })).field).toBe('prompt');
	});

	it('applies each version’s custom-mode limits and requires style and title', () => {
		const custom = { customMode: true, prompt: 'la la', title: 'Song' };
		expect(buildAudioRequest('V5', { ...custom, style: 's'.repeat(1000) }).body.style).toHaveLength(
			1000,
		);
		const v4 = refusal(() => buildAudioRequest('V4', { ...custom, style: 's'.repeat(201) }));
		expect(v4).toMatchObject({ field: 'style', allowed: 'at most 200 characters' });
		expect(
			refusal(() => buildAudioRequest('V4', { ...custom, prompt: 'p'.repeat(3001), style: 'pop' }))
				.allowed,
		).toBe('at most 3000 characters');
		expect(
			refusal(() => buildAudioRequest('V5', { customMode: true, prompt: 'x', style: 'pop' })).field,
		).toBe('title');
		expect(
			refusal(() => buildAudioRequest('V5', { ...custom, style: 'pop', title: 't'.repeat(81) }))
				.field,
		).toBe('title');
		expect(
			refusal(() => buildAudioRequest('V5', { customMode: true, style: 'pop', title: 'T' })).field,
		).toBe('prompt');
		const instrumental = buildAudioRequest('V5', {
			customMode: true,
			instrumental: true,
			style: 'pop',
			title: 'T',
		});
		expect(instrumental.body).toMatchObject({
			customMode: true,
			instrumental: true,
			style: 'pop',
			title: 'T',
		});
		expect(instrumental.body.prompt).toBeUndefined();
	});

	it('checks Additional Input: ranges, the vocal gender enum, persona only in custom mode, no model override', () => {
		const ok = buildAudioRequest('V5', {
			prompt: 'p',
			additionalInput: '{"styleWeight": 0.65, "vocalGender": "F", "negativeTags": "metal"}',
		});
		expect(ok.body).toMatchObject({ styleWeight: 0.65, vocalGender: 'f', negativeTags: 'metal' });
		const range = refusal(() =>
			buildAudioRequest('V5', { prompt: 'p', additionalInput: { audioWeight: 2 } }),
		);
		expect(range).toMatchObject({ field: 'additionalInput', allowed: 'a number from 0 to 1' });
		expect(
			refusal(() => buildAudioRequest('V5', { prompt: 'p', additionalInput: { personaId: 'x' } }))
				.message,
		).toMatch(/Custom Mode/);
		expect(
			refusal(() => buildAudioRequest('V5', { prompt: 'p', additionalInput: { model: 'V4' } }))
				.message,
		).toMatch(/model/);
		expect(refusal(() => buildAudioRequest('V9', { prompt: 'p' })).field).toBe('model');
	});
});

describe('ElevenLabs on the jobs API', () => {
	it('sends the prompt as input.text with the chosen voice (Rachel by default, any case)', () => {
		const request = buildAudioRequest('elevenlabs/text-to-speech-multilingual-v2', {
			prompt: 'Good morning',
			voice: 'rachel',
		});
		expect(request).toMatchObject({
			api: 'market',
			endpoint: 'market.create',
			body: {
				model: 'elevenlabs/text-to-speech-multilingual-v2',
				input: { text: 'Good morning', voice: 'Rachel' },
			},
		});
		expect(request.body.callBackUrl).toBeUndefined();
		const byDefault = buildAudioRequest('elevenlabs/text-to-speech-turbo-2-5', { prompt: 'Hi' });
		expect(byDefault.body.input).toEqual({ text: 'Hi', voice: 'Rachel' });
	});

	it('refuses an unknown voice, a voice only the other model has, text over 5000 and a speed out of range', () => {
		const model = 'elevenlabs/text-to-speech-multilingual-v2';
		expect(refusal(() => buildAudioRequest(model, { prompt: 'x', voice: 'Nobody' })).field).toBe(
			'voice',
		);
		// Adam (pNInz6obpgDQGcFmaJgB) is listed for Turbo 2.5 only.
		expect(
			refusal(() => buildAudioRequest(model, { prompt: 'x', voice: 'pNInz6obpgDQGcFmaJgB' })).field,
		).toBe('voice');
		expect(
			buildAudioRequest('elevenlabs/text-to-speech-turbo-2-5', {
				prompt: 'x',
				voice: 'pNInz6obpgDQGcFmaJgB',
			}).body.input,
		).toMatchObject({ voice: 'pNInz6obpgDQGcFmaJgB' });
		expect(refusal(() => buildAudioRequest(model, { prompt: 'x'.repeat(5001) })).allowed).toBe(
			'at most 5000 characters',
		);
		expect(
			refusal(() => buildAudioRequest(model, { prompt: 'x', additionalInput: { speed: 1.5 } }))
				.allowed,
		).toBe('a number from 0.7 to 1.2');
	});

	it('makes sound effects with output_format and duration checked', () => {
		const model = 'elevenlabs/sound-effect-v2';
		const request = buildAudioRequest(model, {
			prompt: 'Door creak',
			additionalInput: { output_format: 'MP3_44100_192', duration_seconds: 3 },
		});
		expect(request.body.input).toEqual({
			text: 'Door creak',
			output_format: 'mp3_44100_192',
			duration_seconds: 3,
		});
		expect(
			refusal(() =>
				buildAudioRequest(model, { prompt: 'x', additionalInput: { duration_seconds: 30 } }),
			).allowed,
		).toBe('a number from 0.5 to 22');
		expect(
			refusal(() =>
				buildAudioRequest(model, { prompt: 'x', additionalInput: { output_format: 'flac' } }),
			).field,
		).toBe('additionalInput');
	});
});

describe('Custom Model (any jobs-API id)', () => {
	it('sends model inside Additional Input as the input’s own field (Suno on the jobs API), never as the node’s model', () => {
		const request = buildAudioRequest(CUSTOM_MODEL, {
			customModel: 'ai-music-api/generate',
			prompt: 'A harbour song',
			additionalInput: { model: 'V5_5', customMode: false, instrumental: false },
		});
		expect(request.body).toEqual({
			model: 'ai-music-api/generate',
			input: { prompt: 'A harbour song', model: 'V5_5', customMode: false, instrumental: false },
		});
		expect(
			refusal(() =>
				buildAudioRequest(CUSTOM_MODEL, {
					customModel: 'ai-music-api/generate',
					additionalInput: { callBackUrl: 'https://x.example' },
				}),
			).message,
		).toMatch(/callBackUrl/);
	});
});

describe('what version 1 decided beyond the pages', () => {
	it('sends negativeTags and personaId from Additional Input as written, and style and title only in custom mode', () => {
		const request = buildAudioRequest('V5', {
			prompt: 'p',
			style: 'ignored outside custom mode',
			title: 'ignored too',
			additionalInput: { negativeTags: ' metal ' },
		});
		expect(request.body).toEqual({
			prompt: 'p',
			negativeTags: ' metal ',
			customMode: false,
			instrumental: false,
			model: 'V5',
			callBackUrl: SUNO_PLACEHOLDER_CALLBACK,
		});
		const custom = buildAudioRequest('V4', {
			customMode: 'true',
			instrumental: true,
			style: 'pop',
			title: 'T',
			additionalInput: { personaId: 'persona_1', customMode: true },
		});
		expect(custom.body).toEqual({
			style: 'pop',
			title: 'T',
			personaId: 'persona_1',
			customMode: true,
			instrumental: true,
			model: 'V4',
			callBackUrl: SUNO_PLACEHOLDER_CALLBACK,
		});
	});

	it('reads empty Additional Input values as v1 did: a number refused, true/false false, a text left out, a voice Rachel', () => {
		expect(
			refusal(() => buildAudioRequest('V5', { prompt: 'p', additionalInput: { styleWeight: '' } })),
		).toMatchObject({ field: 'additionalInput', allowed: '0 to 1' });
		const speech = buildAudioRequest('elevenlabs/text-to-speech-turbo-2-5', {
			prompt: 'Hi',
			voice: 'Aria',
			additionalInput: { timestamps: '', previous_text: '', voice: '' },
		});
		expect(speech.body.input).toEqual({ text: 'Hi', voice: 'Rachel', timestamps: false });
		expect(
			refusal(() =>
				buildAudioRequest('elevenlabs/sound-effect-v2', {
					prompt: 'Door creak',
					additionalInput: { text: ' ' },
				}),
			).field,
		).toBe('prompt');
	});

	it("names version 1's parameters in the pipeline's refusals", () => {
		// The catalogue's field is `text`; version 1 shows it as Prompt.
		expect(
			refusal(() => buildAudioRequest('elevenlabs/text-to-speech-multilingual-v2', { prompt: '' }))
				.field,
		).toBe('prompt');
		expect(
			refusal(() => buildAudioRequest('V5', { prompt: 'p', additionalInput: { vocalGender: 'x' } }))
				.field,
		).toBe('additionalInput');
	});
});
