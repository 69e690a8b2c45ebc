import type { V1Choice, V1Mapping, V1Model, V1Seconds } from './mapping';

/*
 * Node version 1's video models, as its panel offers them, onto the catalogue: each v1 Model
 * value is the catalogue model of the same id; its Aspect Ratio, Resolution and Duration fill the
 * Kie field named here, in the panel's values (aliases: other spellings v1 took); `defaults` are
 * what v1 sent when the parameter was left empty, `body` what it sent beside the model's fields.
 * The checks are the catalogue's (check/build); this is only what v1's panel promised. Frozen:
 * saved workflows run on it, so it changes only to keep them running.
 */

const ratio = (
	field: string,
	options: readonly string[],
	defaultValue: string,
	extra: Partial<V1Choice> = {},
): V1Choice => ({
	field,
	options,
	default: defaultValue,
	description: 'Shape of the generated video',
	...extra,
});

const seconds = (field: string, options: readonly number[], defaultValue: number): V1Seconds => ({
	field,
	options,
	default: defaultValue,
});

const veoResolution: V1Choice = {
	field: 'resolution',
	options: ['720p', '1080p', '4k'],
	default: '720p',
	description:
		'1080p and 4K cost more and take longer (Auto crops to 16:9 or 9:16, both of which Kie makes in 1080p and 4K)',
	optionNames: { '4k': '4K' },
};

const veo = (id: string, displayName: string, description: string): V1Model<V1Choice> => ({
	id,
	displayName,
	description,
	images: 'imageUrls',
	aspectRatio: ratio('aspect_ratio', ['16:9', '9:16', 'Auto'], '16:9', {
		optionNames: { Auto: 'Auto (from the image)' },
	}),
	resolution: veoResolution,
});

const SORA_RATIO = ratio('aspect_ratio', ['landscape', 'portrait'], 'landscape', {
	optionNames: { landscape: 'Landscape (16:9)', portrait: 'Portrait (9:16)' },
	aliases: { '16:9': 'landscape', '9:16': 'portrait' },
});
const SORA_WITHDRAWN =
	'Withdrawn: peers report that Kie no longer serves it; kept so saved workflows run';
const WAN = {
	resolution: { field: 'resolution', options: ['720p', '1080p'], default: '1080p' },
	duration: seconds('duration', [5, 10, 15], 5),
};
const GROK_RATIOS = ['2:3', '3:2', '1:1', '16:9', '9:16'] as const;
const KLING_26_RATIOS = ['1:1', '16:9', '9:16'] as const;

/** In v1's picker order; `images` is the Kie field v1's Image URLs and binaries fill. */
export const V1_VIDEO_MODELS: ReadonlyArray<V1Model<V1Choice>> = [
	veo(
		'veo3_fast',
		'Veo 3.1 Fast',
		'Veo 3.1 API, fast and cheaper: text or image(s) to an 8 s video with sound',
	),
	veo(
		'veo3',
		'Veo 3.1 Quality',
		'Veo 3.1 API, highest fidelity: text or image(s) to an 8 s video with sound',
	),
	veo(
		'veo3_lite',
		'Veo 3.1 Lite',
		'Veo 3.1 API, most cost-effective: text or image(s) to an 8 s video',
	),
	{
		id: 'runway',
		displayName: 'Runway (Gen-3 Alpha Turbo)',
		description: 'Runway API: 5 or 10 s, 720p or 1080p (5 s only), text or one image',
		images: 'imageUrl',
		aspectRatio: ratio('aspectRatio', ['16:9', '4:3', '1:1', '3:4', '9:16'], '16:9', {
			required: true,
			description: 'Shape of a text-to-video result; with an image the image decides',
		}),
		resolution: {
			field: 'quality',
			options: ['720p', '1080p'],
			default: '720p',
			required: true,
			description: '1080p only for 5-second videos',
		},
		duration: { ...seconds('duration', [5, 10], 5), required: true },
		// The page's example body names the model by its duration.
		body: { model: 'runway-duration-{duration}-generate' },
	},
	{
		id: 'kling-3.0/video',
		displayName: 'Kling 3.0',
		description:
			'Text or first/last frame to a 3-15 s video, standard or pro resolution, optional sound',
		images: 'image_urls',
		aspectRatio: ratio('aspect_ratio', ['16:9', '9:16', '1:1'], '16:9'),
		resolution: {
			field: 'mode',
			options: ['std', 'pro'],
			default: 'pro',
			required: true,
			displayName: 'Mode',
			description: 'Standard is 720p, Pro is 1080p',
			optionNames: { std: 'Standard (720p)', pro: 'Pro (1080p)' },
			aliases: { '720p': 'std', '1080p': 'pro' },
		},
		duration: {
			...seconds('duration', [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], 5),
			required: true,
		},
		defaults: { sound: false, multi_shots: false },
	},
	{
		id: 'kling-2.6/text-to-video',
		displayName: 'Kling 2.6 Text to Video',
		description: 'Text to a 5 or 10 s video, optional sound',
		aspectRatio: ratio('aspect_ratio', KLING_26_RATIOS, '1:1', { required: true }),
		duration: { ...seconds('duration', [5, 10], 5), required: true },
		defaults: { sound: false },
	},
	{
		id: 'kling-2.6/image-to-video',
		displayName: 'Kling 2.6 Image to Video',
		description: 'One image and text to a 5 or 10 s video, optional sound',
		images: 'image_urls',
		duration: { ...seconds('duration', [5, 10], 5), required: true },
		defaults: { sound: false },
	},
	{
		id: 'sora-2-text-to-video',
		displayName: 'Sora 2 Text to Video',
		description: `OpenAI Sora 2: text to a 10 or 15 s landscape or portrait video. ${SORA_WITHDRAWN}`,
		aspectRatio: SORA_RATIO,
		duration: seconds('n_frames', [10, 15], 10),
		defaults: { upload_method: 's3' },
	},
	{
		id: 'sora-2-image-to-video',
		displayName: 'Sora 2 Image to Video',
		description: `OpenAI Sora 2: one image (first frame) and text to a 10 or 15 s video. ${SORA_WITHDRAWN}`,
		images: 'image_urls',
		aspectRatio: SORA_RATIO,
		duration: seconds('n_frames', [10, 15], 10),
		defaults: { upload_method: 's3' },
	},
	{
		id: 'hailuo/2-3-image-to-video-pro',
		displayName: 'Hailuo 2.3 Pro Image to Video',
		description:
			'MiniMax Hailuo 2.3 Pro: one image and text to a 6 or 10 s video (1080P: 6 s only)',
		images: 'image_url',
		resolution: { field: 'resolution', options: ['768P', '1080P'], default: '768P' },
		duration: seconds('duration', [6, 10], 6),
	},
	{
		...WAN,
		id: 'wan/2-6-text-to-video',
		displayName: 'Wan 2.6 Text to Video',
		description: 'Alibaba Wan 2.6: text (Chinese or English) to a 5, 10 or 15 s video',
	},
	{
		...WAN,
		id: 'wan/2-6-image-to-video',
		displayName: 'Wan 2.6 Image to Video',
		description: 'Alibaba Wan 2.6: one image (at least 256×256) and text to a 5, 10 or 15 s video',
		images: 'image_urls',
	},
	{
		id: 'bytedance/seedance-1.5-pro',
		displayName: 'Seedance 1.5 Pro',
		description:
			'ByteDance Seedance 1.5 Pro: text or up to 2 images to a 4, 8 or 12 s video, optional audio',
		images: 'input_urls',
		aspectRatio: ratio('aspect_ratio', ['1:1', '4:3', '3:4', '16:9', '9:16', '21:9'], '1:1', {
			required: true,
		}),
		resolution: { field: 'resolution', options: ['480p', '720p', '1080p'], default: '720p' },
		duration: seconds('duration', [4, 8, 12], 8),
	},
	{
		id: 'grok-imagine/text-to-video',
		displayName: 'Grok Imagine Text to Video',
		description: 'xAI Grok Imagine: text to a 6-30 s video (fun, normal or spicy)',
		aspectRatio: ratio('aspect_ratio', GROK_RATIOS, '2:3'),
		resolution: { field: 'resolution', options: ['480p', '720p'], default: '480p' },
		duration: { field: 'duration', min: 6, max: 30, default: 6 },
	},
	{
		id: 'grok-imagine/image-to-video',
		displayName: 'Grok Imagine Image to Video',
		description:
			'xAI Grok Imagine: up to 7 images and text to a 6-30 s video (no spicy mode with images)',
		images: 'image_urls',
		aspectRatio: ratio('aspect_ratio', GROK_RATIOS, '16:9', {
			description: 'Only for several images; one image keeps its own shape',
		}),
		resolution: { field: 'resolution', options: ['480p', '720p'], default: '480p' },
		duration: { field: 'duration', min: 6, max: 30, default: 6 },
	},
];

export const DEFAULT_V1_VIDEO_MODEL = 'veo3_fast';

/**
 * v1's Video → Extend by its API (version 2's Veo 3.1 and Runway entries show the same panel):
 * the catalogue's extend of each API; the item's model and the learning kind as v1 named them.
 */
export const V1_EXTEND: Readonly<Record<string, V1Mapping>> = {
	veo: {
		id: 'veo/extend',
		parameters: { taskId: 'taskId', extendModel: 'model' },
		defaults: { model: 'fast' },
		task: {
			model: '{model}',
			kind: '{model}|extend',
			names: { fast: 'veo3_fast', quality: 'veo3', lite: 'veo3_lite' },
		},
	},
	runway: {
		id: 'runway/extend',
		parameters: { taskId: 'taskId', resolution: 'quality' },
		defaults: { quality: '720p' },
		task: { model: 'runway', kind: 'runway|{quality}|extend' },
	},
};
