/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/** Audio → Extend (both versions): Suno's Extend Music body, its limits per version, checked before any request. */
import { KieInputError, SUNO_PLACEHOLDER_CALLBACK } from '../../../../../nodes/Kie/catalogue';
import {
	v1AudioRequest as buildAudioRequest,
	v1SunoExtendRequest as buildSunoExtendRequest,
} from '../../../../helpers/v1Audio';

function refusal(run: () => unknown): KieInputError {
	try {
		run();
	} catch (error) {
		if (error instanceof KieInputError) return error;
		throw error;
	}
	throw new Error('expected a KieInputError');
}

describe('Suno extend', () => {
	const source = { id: 'track-1', title: 'Night City', tags: 'synthwave', duration: 180 };

	it('extends with new parameters, taking style and title from the source track', () => {
		const request = buildSunoExtendRequest('V5', source, { prompt: 'A bridge', continueAt: 60 });
		expect(request).toMatchObject({
			api: 'suno',
			endpoint: 'suno.extend',
			body: {
				defaultParamFlag: true,
				audioId: 'track-1',
				prompt: 'A bridge',
				style: 'synthwave',
				title: 'Night City',
				continueAt: 60,
				model: 'V5',
				callBackUrl: SUNO_PLACEHOLDER_CALLBACK,
			},
		});
	});

	it('inherits the source parameters without a prompt; checks continueAt and the extend title limit', () => {
		expect(buildSunoExtendRequest('V4', source, {}).body).toEqual({
			defaultParamFlag: false,
			audioId: 'track-1',
			model: 'V4',
			callBackUrl: SUNO_PLACEHOLDER_CALLBACK,
		});
		expect(
			refusal(() => buildSunoExtendRequest('V5', source, { prompt: 'p', continueAt: 180 })).field,
		).toBe('continueAt');
		expect(refusal(() => buildSunoExtendRequest('V5', source, { prompt: 'p' })).field).toBe(
			'continueAt',
		);
		// Extend Music allows V5 titles of 100 characters, V4 titles of 80.
		const title = 't'.repeat(100);
		expect(
			buildSunoExtendRequest('V5', source, { prompt: 'p', continueAt: 1, title }).body.title,
		).toBe(title);
		expect(
			refusal(() => buildSunoExtendRequest('V4', source, { prompt: 'p', continueAt: 1, title }))
				.field,
		).toBe('title');
		expect(
			refusal(() => buildSunoExtendRequest('elevenlabs/sound-effect-v2', source, {})).field,
		).toBe('taskId');
	});
});

describe('Suno extend on the catalogue (suno/extend-music)', () => {
	it('refuses a source track without an id before creating: Extend Music needs an audioId', () => {
		const error = refusal(() => buildSunoExtendRequest('V5', { id: '', duration: 60 }, {}));
		expect(error.field).toBe('audioId');
		expect(error.message).toMatch(/Audio ID is empty/);
	});

	it('names the task after the Suno version and waits as long as before (150 s expected)', () => {
		const request = buildSunoExtendRequest('V4_5PLUS', { id: 't', duration: 60 }, {});
		expect(request).toMatchObject({ model: 'V4_5PLUS', expectedMs: 150_000 });
		expect(request.kind).toBeUndefined();
	});
});

describe('Suno V4_5ALL and V5_5 (documented on Generate and Extend Music)', () => {
	it.each(['V4_5ALL', 'V5_5'])('%s generates and extends', (model) => {
		expect(buildAudioRequest(model, { prompt: 'A harbour song' }).body).toMatchObject({
			model,
			prompt: 'A harbour song',
		});
		const extended = buildSunoExtendRequest(
			model,
			{ id: 'track-1', title: 'Harbour', tags: 'folk', duration: 120 },
			{ prompt: '[Verse]\nOn and on', continueAt: 60 },
		);
		expect(extended.body).toMatchObject({ model, audioId: 'track-1', continueAt: 60 });
	});
});
