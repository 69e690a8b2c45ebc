/**
 * Version 1's video models on the one pipeline: v1's fields (one Aspect Ratio, Resolution,
 * Duration, Image URLs for every model) onto each catalogue model's own fields, the bodies v1
 * sent, and v1's parameter named in every refusal.
 */
import {
	customCreate,
	v1ExtendRequest,
	v1VideoRequest as buildVideoRequest,
} from '../../../../helpers/v1Video';
import { KieInputError } from '../../../../../nodes/Kie/catalogue/errors';
import { catalogueModel } from '../../../../../nodes/Kie/catalogue/modelCatalogue';
import { V1_VIDEO_MODELS } from '../../../../../nodes/Kie/catalogue/v1/video';
import { taskKind } from '../../../../../nodes/Kie/client/waitForTask';

const PENDING = (count: number) =>
	Array.from({ length: count }, (_, index) => `https://upload.example/${index}.png`);
const validateVideoRequest = (model: string, fields: Record<string, unknown>, uploads = 0) =>
	buildVideoRequest(model, fields, PENDING(uploads));

const A = 'https://example.com/a.png';
const B = 'https://example.com/b.png';
const C = 'https://example.com/c.png';

function thrown(action: () => unknown): KieInputError {
	try {
		action();
	} catch (error) {
		expect(error).toBeInstanceOf(KieInputError);
		return error as KieInputError;
	}
	throw new Error('expected a KieInputError, nothing was thrown');
}

describe('video catalogue data', () => {
	it('has the video models the SPEC names, each with consistent defaults', () => {
		const ids = V1_VIDEO_MODELS.map((model) => model.id);
		for (const id of [
			'veo3',
			'veo3_fast',
			'runway',
			'kling-3.0/video',
			'kling-2.6/text-to-video',
			'kling-2.6/image-to-video',
			'sora-2-text-to-video',
			'sora-2-image-to-video',
			'hailuo/2-3-image-to-video-pro',
			'wan/2-6-text-to-video',
			'wan/2-6-image-to-video',
			'bytedance/seedance-1.5-pro',
			'grok-imagine/text-to-video',
		]) {
			expect(ids).toContain(id);
		}
		expect(new Set(ids).size).toBe(ids.length);
		for (const model of V1_VIDEO_MODELS) {
			const data = catalogueModel(model.id);
			expect(data?.resource).toBe('video');
			for (const spec of [model.aspectRatio, model.resolution]) {
				if (spec) expect(spec.options).toContain(spec.default);
				// Each v1 value is one the catalogue field takes (Sora's and Kling's after their aliases).
				const field = data?.fields.find((candidate) => candidate.name === spec?.field);
				if (spec)
					expect(field?.enum?.map(String)).toEqual(expect.arrayContaining([...spec.options]));
			}
			const duration = model.duration;
			if (duration?.options) expect(duration.options).toContain(duration.default);
			if (model.images) {
				expect(data?.fields.find((field) => field.name === model.images)?.media).toBe('image');
			}
		}
	});
});

describe('buildVideoRequest: Veo 3.1', () => {
	it('maps text-to-video onto the top-level body with the generation type', () => {
		const request = buildVideoRequest('veo3_fast', {
			prompt: ' a dog ',
			aspectRatio: '9:16',
			resolution: '4K',
		});
		expect(request).toMatchObject({ api: 'veo', endpoint: 'veo.generate', model: 'veo3_fast' });
		expect(request.body).toEqual({
			prompt: 'a dog',
			model: 'veo3_fast',
			aspect_ratio: '9:16',
			resolution: '4k',
			generationType: 'TEXT_2_VIDEO',
		});
		expect(taskKind({ model: request.model, param: request.body })).toBe('veo3_fast|4k');
	});

	it('keeps uploaded images first and makes 1-2 images first/last frames', () => {
		const request = buildVideoRequest(
			'veo3',
			{ prompt: 'p', imageUrls: B },
			[A],
			'https://cb.example/x',
		);
		expect(request.body.imageUrls).toEqual([A, B]);
		expect(request.body.generationType).toBe('FIRST_AND_LAST_FRAMES_2_VIDEO');
		expect(request.body.callBackUrl).toBe('https://cb.example/x');
	});

	it('sends Auto at 1080p and 4K (Kie crops Auto to 16:9 or 9:16, both of which it makes in HD)', () => {
		for (const resolution of ['1080p', '4k']) {
			const request = buildVideoRequest('veo3', {
				prompt: 'p',
				imageUrls: [A],
				resolution,
				aspectRatio: 'auto',
			});
			expect(request.body).toMatchObject({ aspect_ratio: 'Auto', resolution, imageUrls: [A] });
		}
	});

	it('refuses 3 frame images, and REFERENCE_2_VIDEO on veo3', () => {
		expect(
			thrown(() => buildVideoRequest('veo3', { prompt: 'p', imageUrls: [A, B, C] })).message,
		).toContain('REFERENCE_2_VIDEO');
		expect(
			thrown(() =>
				buildVideoRequest('veo3', {
					prompt: 'p',
					imageUrls: [A],
					additionalInput: { generationType: 'REFERENCE_2_VIDEO' },
				}),
			).field,
		).toBe('additionalInput');
		const reference = buildVideoRequest('veo3_fast', {
			prompt: 'p',
			imageUrls: [A, B, C],
			additionalInput: '{"generationType":"reference_2_video","seeds":12345}',
		});
		expect(reference.body).toMatchObject({ generationType: 'REFERENCE_2_VIDEO', seeds: 12345 });
		expect(
			thrown(() => buildVideoRequest('veo3_fast', { prompt: 'p', additionalInput: { seeds: 5 } }))
				.allowed,
		).toBe('a whole number from 10000 to 99999');
	});

	it('refuses an empty prompt and too many images before any upload', () => {
		expect(thrown(() => validateVideoRequest('veo3', { prompt: '  ' })).field).toBe('prompt');
		expect(thrown(() => validateVideoRequest('veo3_fast', { prompt: 'p' }, 4)).field).toBe(
			'binaryProperties',
		);
	});
});

describe('buildVideoRequest: Runway', () => {
	it('derives the model id from the duration and sends quality', () => {
		const request = buildVideoRequest('runway', {
			prompt: 'cat',
			duration: '10',
			aspectRatio: '1:1',
		});
		expect(request.body).toEqual({
			prompt: 'cat',
			duration: 10,
			quality: '720p',
			aspectRatio: '1:1',
			model: 'runway-duration-10-generate',
			callBackUrl: 'https://callback.invalid/n8n-nodes-kie',
		});
		expect(request.api).toBe('runway');
	});

	it('refuses 1080p for 10 seconds and drops the aspect ratio when an image decides it', () => {
		const error = thrown(() =>
			buildVideoRequest('runway', { prompt: 'cat', duration: 10, resolution: '1080p' }),
		);
		expect(error.field).toBe('resolution');
		expect(error.message).toContain('10-second');
		const withImage = buildVideoRequest('runway', {
			prompt: 'cat',
			imageUrls: A,
			aspectRatio: '9:16',
		});
		expect(withImage.body).toEqual({
			prompt: 'cat',
			imageUrl: A,
			duration: 5,
			quality: '720p',
			model: 'runway-duration-5-generate',
			// Runway's create requires one; the node polls, so it goes nowhere.
			callBackUrl: 'https://callback.invalid/n8n-nodes-kie',
		});
		expect(
			thrown(() => buildVideoRequest('runway', { prompt: 'cat', imageUrls: [A, B] })).allowed,
		).toBe('one URL');
		expect(thrown(() => buildVideoRequest('runway', { prompt: 'x'.repeat(1801) })).allowed).toBe(
			'0 to 1800 characters',
		);
	});
});

describe('buildVideoRequest: market models', () => {
	it('maps the common fields onto each model’s own names inside input', () => {
		expect(
			buildVideoRequest('kling-3.0/video', {
				prompt: 'p',
				aspectRatio: '16:9',
				resolution: '720p',
				duration: 7,
			}).body,
		).toEqual({
			model: 'kling-3.0/video',
			input: {
				prompt: 'p',
				aspect_ratio: '16:9',
				mode: 'std',
				duration: '7',
				sound: false,
				multi_shots: false,
			},
		});
		expect(
			buildVideoRequest(
				'sora-2-image-to-video',
				{ prompt: 'p', aspectRatio: '9:16', duration: 15 },
				[A],
			).body,
		).toEqual({
			model: 'sora-2-image-to-video',
			input: {
				prompt: 'p',
				image_urls: [A],
				aspect_ratio: 'portrait',
				n_frames: '15',
				upload_method: 's3',
			},
		});
		expect(
			buildVideoRequest('hailuo/2-3-image-to-video-pro', { prompt: 'p', imageUrls: A }).body,
		).toEqual({
			model: 'hailuo/2-3-image-to-video-pro',
			input: { prompt: 'p', image_url: A },
		});
		expect(
			buildVideoRequest('bytedance/seedance-1.5-pro', { prompt: 'abc', duration: '12s' }).body,
		).toEqual({
			model: 'bytedance/seedance-1.5-pro',
			input: { prompt: 'abc', duration: 12, aspect_ratio: '1:1' },
		});
		expect(
			buildVideoRequest('grok-imagine/text-to-video', { prompt: 'p', duration: 30 }).body.input,
		).toEqual({
			prompt: 'p',
			duration: 30,
		});
	});

	it('refuses values outside each model’s enums, ranges and rules', () => {
		// v1's panel always fills Aspect Ratio; emptied by an expression, Kie would refuse it.
		expect(
			thrown(() => buildVideoRequest('kling-3.0/video', { prompt: 'p', aspectRatio: '' })).field,
		).toBe('aspectRatio');
		expect(
			thrown(() => buildVideoRequest('kling-2.6/text-to-video', { prompt: 'p', duration: 7 })),
		).toMatchObject({
			field: 'duration',
			allowed: '5, 10',
		});
		expect(
			thrown(() => buildVideoRequest('grok-imagine/text-to-video', { prompt: 'p', duration: 31 }))
				.allowed,
		).toBe('6 to 30 (whole seconds)');
		expect(
			thrown(() => buildVideoRequest('wan/2-6-text-to-video', { prompt: 'p', resolution: '4K' }))
				.allowed,
		).toBe('720p, 1080p');
		expect(
			thrown(() =>
				buildVideoRequest('hailuo/2-3-image-to-video-pro', {
					prompt: 'p',
					imageUrls: A,
					duration: 10,
					resolution: '1080p',
				}),
			).field,
		).toBe('resolution');
		expect(thrown(() => buildVideoRequest('kling-2.6/image-to-video', { prompt: 'p' })).field).toBe(
			'imageUrls',
		);
		expect(
			thrown(() => buildVideoRequest('wan/2-6-text-to-video', { prompt: 'p', imageUrls: A })).field,
		).toBe('imageUrls');
		expect(
			thrown(() =>
				buildVideoRequest('grok-imagine/image-to-video', {
					imageUrls: A,
					additionalInput: { mode: 'spicy' },
				}),
			).field,
		).toBe('additionalInput');
		expect(
			thrown(() =>
				buildVideoRequest('kling-2.6/text-to-video', {
					prompt: 'p',
					additionalInput: { sound: 'yes' },
				}),
			).field,
		).toBe('additionalInput');
	});

	it('sends an empty text of Additional Input as written (Veo\'s watermark "")', () => {
		expect(
			buildVideoRequest('veo3_fast', { prompt: 'p', additionalInput: '{"watermark": ""}' }).body,
		).toMatchObject({ watermark: '' });
	});

	it('passes any jobs-API model through custom', () => {
		expect(
			thrown(() =>
				customCreate({
					customModel: 'm',
					customImageField: 'image_url',
					imageUrls: [A, B],
				}),
			).field,
		).toBe('imageUrls');
		expect(
			customCreate(
				{ customModel: 'kling/v2-1-pro', prompt: 'p', additionalInput: { duration: '5' } },
				[A],
			).body,
		).toEqual({ model: 'kling/v2-1-pro', input: { prompt: 'p', image_urls: [A], duration: '5' } });
	});
});

describe('Extend: Veo 3.1 and Runway on the catalogue', () => {
	it('sends the extend bodies v1 sent, with its model and learning kind', () => {
		const veo = v1ExtendRequest('veo', {
			taskId: 'veo-1',
			prompt: ' it runs on ',
			extendModel: 'quality',
			additionalInput: { seeds: 12345 },
		});
		expect(veo).toMatchObject({ api: 'veo', endpoint: 'veo.extend', model: 'veo3' });
		expect(veo.kind).toBe('veo3|extend');
		expect(veo.body).toEqual({
			taskId: 'veo-1',
			prompt: 'it runs on',
			model: 'quality',
			seeds: 12345,
		});
		expect(v1ExtendRequest('veo', { taskId: 'veo-1', prompt: 'p' }).body).toMatchObject({
			model: 'fast',
		});

		const runway = v1ExtendRequest('runway', {
			taskId: 'rw-1',
			prompt: 'p',
			resolution: '1080P',
			additionalInput: '{"waterMark": ""}',
		});
		expect(runway).toMatchObject({ api: 'runway', endpoint: 'runway.extend', model: 'runway' });
		expect(runway.kind).toBe('runway|1080p|extend');
		// waterMark "" is Runway's "no watermark": sent as written.
		expect(runway.body).toEqual({
			taskId: 'rw-1',
			prompt: 'p',
			quality: '1080p',
			waterMark: '',
			callBackUrl: 'https://callback.invalid/n8n-nodes-kie',
		});
	});

	it("refuses what Kie would, naming v1's parameter", () => {
		const refused = (api: string, values: Record<string, unknown>) =>
			thrown(() => v1ExtendRequest(api, { taskId: 't', prompt: 'p', ...values }));
		expect(refused('veo', { extendModel: 'turbo' })).toMatchObject({
			field: 'extendModel',
			allowed: 'fast, quality, lite',
		});
		expect(refused('veo', { additionalInput: { seeds: 5 } }).allowed).toBe(
			'a whole number from 10000 to 99999',
		);
		expect(refused('runway', { resolution: '4k' }).field).toBe('resolution');
		expect(refused('runway', { prompt: 'x'.repeat(1801) }).field).toBe('prompt');
		expect(refused('veo', { prompt: '  ' }).field).toBe('prompt');
	});
});
