import type { DurationSpec, VideoEnumSpec, VideoImageSpec, VideoModelSpec } from './videoTypes';

/*
 * One entry per video model, read from Kie's pages (https://docs.kie.ai/veo3-api/,
 * https://docs.kie.ai/runway-api/ and the market model pages). The order is the model picker's.
 *
 * `prior` is where polling starts before this process has seen a task of the kind finish; the
 * poll planner replaces it with what it learns. Veo's figures come from its pages ("typically
 * 2-5 minutes", 1080P "~1-3 minutes" more, 4K "~5-10 minutes" more); the others are estimates
 * from the pages' own remarks (Pro/1080p "may take longer"), not measurements.
 */

const MiB = 1024 * 1024;
const JPEG_PNG_WEBP = ['image/jpeg', 'image/png', 'image/webp'] as const;
const JPEG_PNG = ['image/jpeg', 'image/png'] as const;

const images = (
	field: string,
	min: number,
	max: number,
	role: string,
	maxFileSizeMiB?: number,
	mimeTypes: readonly string[] = JPEG_PNG_WEBP,
): VideoImageSpec => ({
	field,
	kind: 'array',
	min,
	max,
	role,
	mimeTypes,
	...(maxFileSizeMiB !== undefined ? { maxFileSizeBytes: maxFileSizeMiB * MiB } : {}),
});

const singleImage = (field: string, min: number, role: string): VideoImageSpec => ({
	field,
	kind: 'single',
	min,
	max: 1,
	role,
	maxFileSizeBytes: 10 * MiB,
	mimeTypes: JPEG_PNG_WEBP,
});

const ratio = (
	field: string,
	options: readonly string[],
	defaultValue: string,
	extra: Partial<VideoEnumSpec> = {},
): VideoEnumSpec => ({
	field,
	options,
	default: defaultValue,
	description: 'Shape of the generated video',
	...extra,
});

const seconds = (
	field: string,
	send: DurationSpec['send'],
	options: readonly number[],
	defaultValue: number,
	required = false,
): DurationSpec => ({
	field,
	send,
	options,
	default: defaultValue,
	...(required ? { required } : {}),
});

// ---- Veo 3.1 API (top-level body, POST /api/v1/veo/generate) -----------------------------------

const VEO_RATIOS = ['16:9', '9:16', 'Auto'] as const;
const veoResolution: VideoEnumSpec = {
	field: 'resolution',
	options: ['720p', '1080p', '4k'],
	default: '720p',
	description:
		'1080p and 4K cost more and take longer (Auto crops to 16:9 or 9:16, both of which Kie makes in 1080p and 4K)',
	optionNames: { '4k': '4K' },
};
const veoExtras = [
	{
		field: 'generationType',
		type: 'enum',
		options: ['TEXT_2_VIDEO', 'FIRST_AND_LAST_FRAMES_2_VIDEO', 'REFERENCE_2_VIDEO'],
	},
	{ field: 'seeds', type: 'integer', min: 10000, max: 99999 },
	{ field: 'enableTranslation', type: 'boolean' },
	{ field: 'watermark', type: 'string' },
] as const;

const veo = (
	id: string,
	displayName: string,
	description: string,
	baseMs: number,
): VideoModelSpec => ({
	id,
	displayName,
	description,
	api: 'veo',
	createEndpoint: 'veo.generate',
	docsPage: 'veo3-api/generate-veo-3-video',
	prompt: { field: 'prompt', required: true },
	// 1 image: the video unfolds around it; 2: first and last frame; REFERENCE_2_VIDEO takes 1-3.
	images: images('imageUrls', 0, 3, 'first frame (and last frame), or 1-3 reference images'),
	aspectRatio: ratio('aspect_ratio', VEO_RATIOS, '16:9', {
		optionNames: { Auto: 'Auto (from the image)' },
	}),
	resolution: veoResolution,
	extraFields: veoExtras,
	prior: { baseMs, resolutionFactor: { '720p': 1, '1080p': 1.5, '4k': 3 } },
	extendable: true,
});

// ---- Runway API (top-level body, POST /api/v1/runway/generate) ---------------------------------

const runway: VideoModelSpec = {
	id: 'runway',
	displayName: 'Runway (Gen-3 Alpha Turbo)',
	description: 'Runway API: 5 or 10 s, 720p or 1080p (5 s only), text or one image',
	api: 'runway',
	createEndpoint: 'runway.generate',
	docsPage: 'runway-api/generate-ai-video',
	prompt: { field: 'prompt', required: true, maxLength: 1800 },
	images: singleImage('imageUrl', 0, 'reference image (sets the shape)'),
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
	duration: seconds('duration', 'number', [5, 10], 5, true),
	extraFields: [{ field: 'waterMark', type: 'string' }],
	rules: [
		{
			when: { duration: [10] },
			field: 'quality',
			param: 'resolution',
			allowed: ['720p'],
			reason: 'Runway cannot make a 10-second video in 1080p',
		},
	],
	prior: { baseMs: 75_000, perSecondMs: 6_000, baseSeconds: 5, resolutionFactor: { '1080p': 1.3 } },
	extendable: true,
};

// ---- Market (jobs API: POST /api/v1/jobs/createTask with `input`) ------------------------------

const market = (spec: Omit<VideoModelSpec, 'api' | 'createEndpoint'>): VideoModelSpec => ({
	...spec,
	api: 'market',
	createEndpoint: 'market.create',
});

const KLING_26_RATIOS = ['1:1', '16:9', '9:16'] as const;

export const VIDEO_MODEL_LIST: readonly VideoModelSpec[] = [
	veo(
		'veo3_fast',
		'Veo 3.1 Fast',
		'Veo 3.1 API, fast and cheaper: text or image(s) to an 8 s video with sound',
		90_000,
	),
	veo(
		'veo3',
		'Veo 3.1 Quality',
		'Veo 3.1 API, highest fidelity: text or image(s) to an 8 s video with sound',
		180_000,
	),
	veo(
		'veo3_lite',
		'Veo 3.1 Lite',
		'Veo 3.1 API, most cost-effective: text or image(s) to an 8 s video',
		75_000,
	),
	runway,
	market({
		id: 'kling-3.0/video',
		displayName: 'Kling 3.0',
		description:
			'Text or first/last frame to a 3-15 s video, standard or pro resolution, optional sound',
		docsPage: 'market/kling/kling-3-0',
		prompt: { field: 'prompt', required: true },
		images: images('image_urls', 0, 2, 'first frame (and last frame)', 10, JPEG_PNG),
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
			field: 'duration',
			send: 'string',
			options: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
			default: 5,
			required: true,
		},
		fixed: { sound: false, multi_shots: false },
		extraFields: [
			{ field: 'sound', type: 'boolean' },
			{ field: 'multi_shots', type: 'boolean' },
		],
		prior: { baseMs: 150_000, perSecondMs: 10_000, baseSeconds: 5, resolutionFactor: { pro: 1.3 } },
	}),
	market({
		id: 'kling-2.6/text-to-video',
		displayName: 'Kling 2.6 Text to Video',
		description: 'Text to a 5 or 10 s video, optional sound',
		docsPage: 'market/kling/text-to-video',
		prompt: { field: 'prompt', required: true, maxLength: 1000 },
		aspectRatio: ratio('aspect_ratio', KLING_26_RATIOS, '1:1', { required: true }),
		duration: seconds('duration', 'string', [5, 10], 5, true),
		fixed: { sound: false },
		extraFields: [{ field: 'sound', type: 'boolean' }],
		prior: { baseMs: 120_000, perSecondMs: 10_000, baseSeconds: 5 },
	}),
	market({
		id: 'kling-2.6/image-to-video',
		displayName: 'Kling 2.6 Image to Video',
		description: 'One image and text to a 5 or 10 s video, optional sound',
		docsPage: 'market/kling/image-to-video',
		prompt: { field: 'prompt', required: true, maxLength: 1000 },
		images: images('image_urls', 1, 1, 'first frame', 10),
		duration: seconds('duration', 'string', [5, 10], 5, true),
		fixed: { sound: false },
		extraFields: [{ field: 'sound', type: 'boolean' }],
		prior: { baseMs: 120_000, perSecondMs: 10_000, baseSeconds: 5 },
	}),
	market({
		id: 'sora-2-text-to-video',
		displayName: 'Sora 2 Text to Video',
		description:
			'OpenAI Sora 2: text to a 10 or 15 s landscape or portrait video. Withdrawn: peers report that Kie no longer serves it; kept so saved workflows run',
		docsPage: 'market/sora2/sora-2-text-to-video',
		prompt: { field: 'prompt', required: true, maxLength: 10_000 },
		aspectRatio: ratio('aspect_ratio', ['landscape', 'portrait'], 'landscape', {
			optionNames: { landscape: 'Landscape (16:9)', portrait: 'Portrait (9:16)' },
			aliases: { '16:9': 'landscape', '9:16': 'portrait' },
		}),
		duration: seconds('n_frames', 'string', [10, 15], 10),
		fixed: { upload_method: 's3' },
		extraFields: [
			{ field: 'remove_watermark', type: 'boolean' },
			{ field: 'upload_method', type: 'enum', options: ['s3', 'oss'] },
		],
		prior: { baseMs: 180_000, perSecondMs: 8_000, baseSeconds: 10 },
	}),
	market({
		id: 'sora-2-image-to-video',
		displayName: 'Sora 2 Image to Video',
		description:
			'OpenAI Sora 2: one image (first frame) and text to a 10 or 15 s video. Withdrawn: peers report that Kie no longer serves it; kept so saved workflows run',
		docsPage: 'market/sora2/sora-2-image-to-video',
		prompt: { field: 'prompt', required: true, maxLength: 10_000 },
		images: images('image_urls', 1, 1, 'first frame', 10),
		aspectRatio: ratio('aspect_ratio', ['landscape', 'portrait'], 'landscape', {
			optionNames: { landscape: 'Landscape (16:9)', portrait: 'Portrait (9:16)' },
			aliases: { '16:9': 'landscape', '9:16': 'portrait' },
		}),
		duration: seconds('n_frames', 'string', [10, 15], 10),
		fixed: { upload_method: 's3' },
		extraFields: [
			{ field: 'remove_watermark', type: 'boolean' },
			{ field: 'upload_method', type: 'enum', options: ['s3', 'oss'] },
		],
		prior: { baseMs: 180_000, perSecondMs: 8_000, baseSeconds: 10 },
	}),
	market({
		id: 'hailuo/2-3-image-to-video-pro',
		displayName: 'Hailuo 2.3 Pro Image to Video',
		description:
			'MiniMax Hailuo 2.3 Pro: one image and text to a 6 or 10 s video (1080P: 6 s only)',
		docsPage: 'market/hailuo/2-3-image-to-video-pro',
		prompt: { field: 'prompt', required: true, maxLength: 5000 },
		images: singleImage('image_url', 1, 'image to animate'),
		resolution: { field: 'resolution', options: ['768P', '1080P'], default: '768P' },
		duration: seconds('duration', 'string', [6, 10], 6),
		extraFields: [{ field: 'nsfw_checker', type: 'boolean' }],
		rules: [
			{
				when: { duration: ['10'] },
				field: 'resolution',
				param: 'resolution',
				allowed: ['768P'],
				reason: 'Hailuo does not make 10-second videos in 1080P',
			},
		],
		prior: {
			baseMs: 120_000,
			perSecondMs: 8_000,
			baseSeconds: 6,
			resolutionFactor: { '1080P': 1.4 },
		},
	}),
	market({
		id: 'wan/2-6-text-to-video',
		displayName: 'Wan 2.6 Text to Video',
		description: 'Alibaba Wan 2.6: text (Chinese or English) to a 5, 10 or 15 s video',
		docsPage: 'market/wan/2-6-text-to-video',
		prompt: { field: 'prompt', required: true, maxLength: 5000, minLength: 1 },
		resolution: { field: 'resolution', options: ['720p', '1080p'], default: '1080p' },
		duration: seconds('duration', 'string', [5, 10, 15], 5),
		extraFields: [{ field: 'nsfw_checker', type: 'boolean' }],
		prior: {
			baseMs: 150_000,
			perSecondMs: 8_000,
			baseSeconds: 5,
			resolutionFactor: { '720p': 0.8 },
		},
	}),
	market({
		id: 'wan/2-6-image-to-video',
		displayName: 'Wan 2.6 Image to Video',
		description: 'Alibaba Wan 2.6: one image (at least 256×256) and text to a 5, 10 or 15 s video',
		docsPage: 'market/wan/2-6-image-to-video',
		prompt: { field: 'prompt', required: true, maxLength: 5000, minLength: 2 },
		images: images('image_urls', 1, 1, 'first frame', 10),
		resolution: { field: 'resolution', options: ['720p', '1080p'], default: '1080p' },
		duration: seconds('duration', 'string', [5, 10, 15], 5),
		extraFields: [{ field: 'nsfw_checker', type: 'boolean' }],
		prior: {
			baseMs: 150_000,
			perSecondMs: 8_000,
			baseSeconds: 5,
			resolutionFactor: { '720p': 0.8 },
		},
	}),
	market({
		id: 'bytedance/seedance-1.5-pro',
		displayName: 'Seedance 1.5 Pro',
		description:
			'ByteDance Seedance 1.5 Pro: text or up to 2 images to a 4, 8 or 12 s video, optional audio',
		docsPage: 'market/bytedance/seedance-1-5-pro',
		prompt: { field: 'prompt', required: true, maxLength: 2500, minLength: 3 },
		images: images('input_urls', 0, 2, 'first frame (and last frame)', 10),
		aspectRatio: ratio('aspect_ratio', ['1:1', '4:3', '3:4', '16:9', '9:16', '21:9'], '1:1', {
			required: true,
		}),
		resolution: { field: 'resolution', options: ['480p', '720p', '1080p'], default: '720p' },
		duration: seconds('duration', 'number', [4, 8, 12], 8),
		extraFields: [
			{ field: 'fixed_lens', type: 'boolean' },
			{ field: 'generate_audio', type: 'boolean' },
			{ field: 'nsfw_checker', type: 'boolean' },
		],
		prior: {
			baseMs: 60_000,
			perSecondMs: 6_000,
			baseSeconds: 8,
			resolutionFactor: { '480p': 0.7, '1080p': 1.4 },
		},
	}),
	market({
		id: 'grok-imagine/text-to-video',
		displayName: 'Grok Imagine Text to Video',
		description: 'xAI Grok Imagine: text to a 6-30 s video (fun, normal or spicy)',
		docsPage: 'market/grok-imagine/text-to-video',
		prompt: { field: 'prompt', required: true, maxLength: 5000 },
		aspectRatio: ratio('aspect_ratio', ['2:3', '3:2', '1:1', '16:9', '9:16'], '2:3'),
		resolution: { field: 'resolution', options: ['480p', '720p'], default: '480p' },
		// The text-to-video page types duration as a number, the image-to-video page as text.
		duration: { field: 'duration', send: 'number', min: 6, max: 30, default: 6 },
		extraFields: [
			{ field: 'mode', type: 'enum', options: ['fun', 'normal', 'spicy'] },
			{ field: 'nsfw_checker', type: 'boolean' },
		],
		prior: {
			baseMs: 45_000,
			perSecondMs: 3_000,
			baseSeconds: 6,
			resolutionFactor: { '720p': 1.3 },
		},
	}),
	market({
		id: 'grok-imagine/image-to-video',
		displayName: 'Grok Imagine Image to Video',
		description:
			'xAI Grok Imagine: up to 7 images and text to a 6-30 s video (no spicy mode with images)',
		docsPage: 'market/grok-imagine/image-to-video',
		prompt: { field: 'prompt', required: false, maxLength: 5000 },
		images: images('image_urls', 1, 7, 'reference images (@image1 … in the prompt)', 10),
		aspectRatio: ratio('aspect_ratio', ['2:3', '3:2', '1:1', '16:9', '9:16'], '16:9', {
			description: 'Only for several images; one image keeps its own shape',
		}),
		resolution: { field: 'resolution', options: ['480p', '720p'], default: '480p' },
		duration: { field: 'duration', send: 'string', min: 6, max: 30, default: 6 },
		extraFields: [
			{ field: 'mode', type: 'enum', options: ['fun', 'normal', 'spicy'] },
			{ field: 'nsfw_checker', type: 'boolean' },
		],
		rules: [
			{
				when: { image_urls: '*' },
				field: 'mode',
				param: 'additionalInput',
				allowed: ['fun', 'normal'],
				reason: 'Grok Imagine has no spicy mode for external images',
			},
		],
		prior: {
			baseMs: 45_000,
			perSecondMs: 3_000,
			baseSeconds: 6,
			resolutionFactor: { '720p': 1.3 },
		},
	}),
];
