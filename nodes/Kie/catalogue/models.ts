import type { EnumFieldSpec, ImageInputSpec, ModelSpec } from './types';

/*
 * One entry per model, read from Kie's model pages (https://docs.kie.ai/market/). Adding a model is
 * adding an entry here; the UI properties and validation follow from it.
 * The order of this list is the order of the model picker.
 */

const MiB = 1024 * 1024;
const JPEG_PNG_WEBP = ['image/jpeg', 'image/png', 'image/webp'] as const;

const imageUrls = (
	field: string,
	min: number,
	max: number,
	maxFileSizeMiB: number,
): ImageInputSpec => ({
	field,
	kind: 'array',
	min,
	max,
	maxFileSizeBytes: maxFileSizeMiB * MiB,
	mimeTypes: JPEG_PNG_WEBP,
});

const singleImageUrl = (field: string): ImageInputSpec => ({
	field,
	kind: 'single',
	min: 1,
	max: 1,
	maxFileSizeBytes: 10 * MiB,
	mimeTypes: JPEG_PNG_WEBP,
});

/** fal-style named sizes (Seedream, Qwen), labelled with the ratio they produce. */
const NAMED_SIZE_NAMES: Readonly<Record<string, string>> = {
	square: 'Square',
	square_hd: 'Square HD',
	portrait_4_3: 'Portrait 3:4',
	portrait_3_2: 'Portrait 2:3',
	portrait_16_9: 'Portrait 9:16',
	landscape_4_3: 'Landscape 4:3',
	landscape_3_2: 'Landscape 3:2',
	landscape_16_9: 'Landscape 16:9',
	landscape_21_9: 'Landscape 21:9',
};

const namedImageSize = (options: readonly string[], defaultValue: string): EnumFieldSpec => ({
	field: 'image_size',
	options,
	default: defaultValue,
	displayName: 'Image Size',
	optionNames: NAMED_SIZE_NAMES,
});

const NANO_BANANA_RATIOS = [
	'1:1',
	'9:16',
	'16:9',
	'3:4',
	'4:3',
	'3:2',
	'2:3',
	'5:4',
	'4:5',
	'21:9',
	'auto',
] as const;

const nanoBananaImageSize: EnumFieldSpec = {
	field: 'image_size',
	options: NANO_BANANA_RATIOS,
	default: '1:1',
	displayName: 'Image Size',
	description: 'Aspect ratio of the generated image',
};

const pngOrJpeg: EnumFieldSpec = {
	field: 'output_format',
	options: ['png', 'jpeg'],
	default: 'png',
};

const IMAGEN4_RATIOS = ['1:1', '16:9', '9:16', '3:4', '4:3'] as const;

const GPT_IMAGE_RATIOS = ['1:1', '2:3', '3:2'] as const;
const gptImageQuality: EnumFieldSpec = {
	field: 'quality',
	options: ['medium', 'high'],
	default: 'medium',
	required: true,
	displayName: 'Quality',
	description: 'Medium is balanced; High is slower and more detailed',
};

const FLUX2_RATIOS = ['1:1', '4:3', '3:4', '16:9', '9:16', '3:2', '2:3'] as const;
const flux2Resolution: EnumFieldSpec = {
	field: 'resolution',
	options: ['1K', '2K'],
	default: '1K',
	required: true,
};

const SEEDREAM_RATIOS = ['1:1', '4:3', '3:4', '16:9', '9:16', '2:3', '3:2', '21:9'] as const;
const seedreamRatio: EnumFieldSpec = {
	field: 'aspect_ratio',
	options: SEEDREAM_RATIOS,
	default: '1:1',
	required: true,
};
const seedreamQuality: EnumFieldSpec = {
	field: 'quality',
	options: ['basic', 'high'],
	default: 'basic',
	required: true,
	displayName: 'Quality',
	description: 'Basic outputs 2K images, High outputs 4K images',
	optionNames: { basic: 'Basic (2K)', high: 'High (4K)' },
};

const FLUX_KONTEXT_RATIOS = ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'] as const;

const SEEDREAM_V4_SIZES = [
	'square',
	'square_hd',
	'portrait_4_3',
	'portrait_3_2',
	'portrait_16_9',
	'landscape_4_3',
	'landscape_3_2',
	'landscape_16_9',
	'landscape_21_9',
] as const;
const seedreamV4Resolution: EnumFieldSpec = {
	field: 'image_resolution',
	options: ['1K', '2K', '4K'],
	default: '1K',
};

const QWEN_SIZES = [
	'square',
	'square_hd',
	'portrait_4_3',
	'portrait_16_9',
	'landscape_4_3',
	'landscape_16_9',
] as const;

export const MODEL_LIST: readonly ModelSpec[] = [
	// Google
	{
		id: 'nano-banana-pro',
		displayName: 'Google Nano Banana Pro',
		description:
			'Gemini 3 Pro Image: text to image, or edits and combines up to 8 reference images; up to 4K',
		operations: ['generate', 'edit'],
		docsPage: 'market/google/pro-image-to-image.md',
		prompt: { field: 'prompt', required: true, maxLength: 10000 },
		images: imageUrls('image_input', 0, 8, 30),
		aspectRatio: {
			field: 'aspect_ratio',
			options: ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9', 'auto'],
			default: '1:1',
		},
		resolution: { field: 'resolution', options: ['1K', '2K', '4K'], default: '1K' },
		outputFormat: { field: 'output_format', options: ['png', 'jpg'], default: 'png' },
	},
	{
		id: 'nano-banana-2',
		displayName: 'Google Nano Banana 2',
		description: 'Text to image, or edits with up to 14 reference images; extreme ratios, up to 4K',
		operations: ['generate', 'edit'],
		docsPage: 'market/google/nanobanana2.md',
		prompt: { field: 'prompt', required: true, maxLength: 20000 },
		images: imageUrls('image_input', 0, 14, 30),
		aspectRatio: {
			field: 'aspect_ratio',
			options: [
				'1:1',
				'1:4',
				'1:8',
				'2:3',
				'3:2',
				'3:4',
				'4:1',
				'4:3',
				'4:5',
				'5:4',
				'8:1',
				'9:16',
				'16:9',
				'21:9',
				'auto',
			],
			default: 'auto',
		},
		resolution: { field: 'resolution', options: ['1K', '2K', '4K'], default: '1K' },
		outputFormat: { field: 'output_format', options: ['png', 'jpg'], default: 'jpg' },
	},
	{
		id: 'google/nano-banana',
		displayName: 'Google Nano Banana',
		description: 'Gemini 2.5 Flash Image: fast, inexpensive text to image',
		operations: ['generate'],
		docsPage: 'market/google/nano-banana.md',
		prompt: { field: 'prompt', required: true, maxLength: 5000 },
		aspectRatio: nanoBananaImageSize,
		outputFormat: pngOrJpeg,
	},
	{
		id: 'google/nano-banana-edit',
		displayName: 'Google Nano Banana Edit',
		description: 'Gemini 2.5 Flash Image: edits with up to 10 input images',
		operations: ['edit'],
		docsPage: 'market/google/nano-banana-edit.md',
		prompt: { field: 'prompt', required: true, maxLength: 5000 },
		images: imageUrls('image_urls', 1, 10, 10),
		aspectRatio: nanoBananaImageSize,
		outputFormat: pngOrJpeg,
	},
	{
		id: 'google/imagen4',
		displayName: 'Google Imagen 4',
		description: "Google's Imagen 4 text to image",
		operations: ['generate'],
		docsPage: 'market/google/imagen4.md',
		prompt: { field: 'prompt', required: true, maxLength: 5000 },
		aspectRatio: { field: 'aspect_ratio', options: IMAGEN4_RATIOS, default: '1:1' },
	},
	{
		id: 'google/imagen4-fast',
		displayName: 'Google Imagen 4 Fast',
		description: 'Imagen 4, faster and cheaper',
		operations: ['generate'],
		docsPage: 'market/google/imagen4-fast.md',
		prompt: { field: 'prompt', required: true, maxLength: 5000 },
		aspectRatio: { field: 'aspect_ratio', options: IMAGEN4_RATIOS, default: '16:9' },
	},
	{
		id: 'google/imagen4-ultra',
		displayName: 'Google Imagen 4 Ultra',
		description: 'Imagen 4, highest quality',
		operations: ['generate'],
		docsPage: 'market/google/imagen4-ultra.md',
		prompt: { field: 'prompt', required: true, maxLength: 5000 },
		aspectRatio: { field: 'aspect_ratio', options: IMAGEN4_RATIOS, default: '1:1' },
	},

	// OpenAI
	{
		id: 'gpt-image/1.5-text-to-image',
		displayName: 'OpenAI GPT Image 1.5',
		description: "OpenAI's GPT Image 1.5 text to image",
		operations: ['generate'],
		docsPage: 'market/gpt-image/1-5-text-to-image.md',
		prompt: { field: 'prompt', required: true },
		aspectRatio: {
			field: 'aspect_ratio',
			options: GPT_IMAGE_RATIOS,
			default: '1:1',
			required: true,
		},
		resolution: gptImageQuality,
	},
	{
		id: 'gpt-image/1.5-image-to-image',
		displayName: 'OpenAI GPT Image 1.5 Edit',
		description: 'GPT Image 1.5 image to image with up to 16 input images',
		operations: ['edit'],
		docsPage: 'market/gpt-image/1-5-image-to-image.md',
		prompt: { field: 'prompt', required: true },
		images: imageUrls('input_urls', 1, 16, 10),
		aspectRatio: {
			field: 'aspect_ratio',
			options: GPT_IMAGE_RATIOS,
			default: '3:2',
			required: true,
		},
		resolution: gptImageQuality,
	},
	{
		id: 'gpt-4o-image',
		displayName: 'OpenAI GPT-4o Image',
		description:
			'GPT-4o image generation on the 4o Image API: text to image, or edits with up to 5 images',
		operations: ['generate', 'edit'],
		docsPage: '4o-image-api/generate-4-o-image.md',
		prompt: { field: 'prompt', required: true },
		// "Image size exceeds maximum of 26214400 bytes" (the status page's error list).
		images: imageUrls('filesUrl', 0, 5, 25),
		aspectRatio: {
			field: 'size',
			options: ['1:1', '3:2', '2:3'],
			default: '1:1',
			required: true,
		},
		dedicatedApi: {
			api: '4o-image',
			createEndpoint: '4o-image.generate',
			modelField: null,
			expectedMs: 60_000,
		},
	},

	// Black Forest Labs
	{
		id: 'flux-2/pro-text-to-image',
		displayName: 'Flux 2 Pro',
		description: 'Black Forest Labs FLUX.2 Pro text to image',
		operations: ['generate'],
		docsPage: 'market/flux2/pro-text-to-image.md',
		prompt: { field: 'prompt', required: true, minLength: 3, maxLength: 5000 },
		aspectRatio: { field: 'aspect_ratio', options: FLUX2_RATIOS, default: '1:1', required: true },
		resolution: flux2Resolution,
	},
	{
		id: 'flux-2/pro-image-to-image',
		displayName: 'Flux 2 Pro Edit',
		description: 'FLUX.2 Pro image to image with 1 to 8 reference images',
		operations: ['edit'],
		docsPage: 'market/flux2/pro-image-to-image.md',
		prompt: { field: 'prompt', required: true, minLength: 3, maxLength: 5000 },
		images: imageUrls('input_urls', 1, 8, 10),
		aspectRatio: {
			field: 'aspect_ratio',
			options: [...FLUX2_RATIOS, 'auto'],
			default: '1:1',
			required: true,
		},
		resolution: flux2Resolution,
	},
	{
		id: 'flux-2/flex-text-to-image',
		displayName: 'Flux 2 Flex',
		description: 'FLUX.2 Flex text to image',
		operations: ['generate'],
		docsPage: 'market/flux2/flex-text-to-image.md',
		prompt: { field: 'prompt', required: true, minLength: 3, maxLength: 5000 },
		aspectRatio: { field: 'aspect_ratio', options: FLUX2_RATIOS, default: '1:1', required: true },
		resolution: flux2Resolution,
	},
	{
		id: 'flux-2/flex-image-to-image',
		displayName: 'Flux 2 Flex Edit',
		description: 'FLUX.2 Flex image to image with 1 to 8 reference images',
		operations: ['edit'],
		docsPage: 'market/flux2/flex-image-to-image.md',
		prompt: { field: 'prompt', required: true, minLength: 3, maxLength: 5000 },
		images: imageUrls('input_urls', 1, 8, 10),
		aspectRatio: {
			field: 'aspect_ratio',
			options: [...FLUX2_RATIOS, 'auto'],
			default: '1:1',
			required: true,
		},
		resolution: flux2Resolution,
	},
	{
		id: 'flux-kontext-pro',
		displayName: 'Flux Kontext Pro',
		description:
			'Flux Kontext API: text to image, or edits one image following the prompt (English)',
		operations: ['generate', 'edit'],
		docsPage: 'flux-kontext-api/generate-or-edit-image.md',
		prompt: { field: 'prompt', required: true },
		// One input image; Kie gives no size limit for it.
		images: { ...singleImageUrl('inputImage'), min: 0 },
		aspectRatio: { field: 'aspectRatio', options: FLUX_KONTEXT_RATIOS, default: '16:9' },
		outputFormat: { field: 'outputFormat', options: ['jpeg', 'png'], default: 'jpeg' },
		dedicatedApi: {
			api: 'flux-kontext',
			createEndpoint: 'flux-kontext.generate',
			modelField: 'flux-kontext-pro',
			expectedMs: 20_000,
		},
	},
	{
		id: 'flux-kontext-max',
		displayName: 'Flux Kontext Max',
		description:
			'Flux Kontext API, enhanced model for complex scenes: text to image or one-image edits',
		operations: ['generate', 'edit'],
		docsPage: 'flux-kontext-api/generate-or-edit-image.md',
		prompt: { field: 'prompt', required: true },
		// One input image; Kie gives no size limit for it.
		images: { ...singleImageUrl('inputImage'), min: 0 },
		aspectRatio: { field: 'aspectRatio', options: FLUX_KONTEXT_RATIOS, default: '16:9' },
		outputFormat: { field: 'outputFormat', options: ['jpeg', 'png'], default: 'jpeg' },
		dedicatedApi: {
			api: 'flux-kontext',
			createEndpoint: 'flux-kontext.generate',
			modelField: 'flux-kontext-max',
			expectedMs: 30_000,
		},
	},

	// ByteDance
	{
		id: 'seedream/4.5-text-to-image',
		displayName: 'Seedream 4.5',
		description: 'ByteDance Seedream 4.5 text to image, 2K or 4K',
		operations: ['generate'],
		docsPage: 'market/seedream/4-5-text-to-image.md',
		prompt: { field: 'prompt', required: true, maxLength: 3000 },
		aspectRatio: seedreamRatio,
		resolution: seedreamQuality,
	},
	{
		id: 'seedream/4.5-edit',
		displayName: 'Seedream 4.5 Edit',
		description: 'Seedream 4.5 edits with up to 14 input images',
		operations: ['edit'],
		docsPage: 'market/seedream/4-5-edit.md',
		prompt: { field: 'prompt', required: true, maxLength: 3000 },
		images: imageUrls('image_urls', 1, 14, 10),
		aspectRatio: seedreamRatio,
		resolution: seedreamQuality,
	},
	{
		id: 'seedream/5-lite-text-to-image',
		displayName: 'Seedream 5.0 Lite',
		description: 'Seedream 5.0 Lite text to image, 2K or 4K',
		operations: ['generate'],
		docsPage: 'market/seedream/5-lite-text-to-image.md',
		prompt: { field: 'prompt', required: true, minLength: 3, maxLength: 3000 },
		aspectRatio: seedreamRatio,
		resolution: seedreamQuality,
	},
	{
		id: 'seedream/5-lite-image-to-image',
		displayName: 'Seedream 5.0 Lite Edit',
		description: 'Seedream 5.0 Lite image to image with up to 14 input images',
		operations: ['edit'],
		docsPage: 'market/seedream-5-lite-image-to-image.md',
		prompt: { field: 'prompt', required: true, minLength: 3, maxLength: 3000 },
		images: imageUrls('image_urls', 1, 14, 10),
		aspectRatio: seedreamRatio,
		resolution: seedreamQuality,
	},
	{
		id: 'bytedance/seedream-v4-text-to-image',
		displayName: 'Seedream 4.0',
		description: 'Seedream 4.0 text to image, up to 4K',
		operations: ['generate'],
		docsPage: 'market/seedream/seedream-v4-text-to-image.md',
		prompt: { field: 'prompt', required: true, maxLength: 5000 },
		aspectRatio: namedImageSize(SEEDREAM_V4_SIZES, 'square_hd'),
		resolution: seedreamV4Resolution,
	},
	{
		id: 'bytedance/seedream-v4-edit',
		displayName: 'Seedream 4.0 Edit',
		description: 'Seedream 4.0 edits with up to 10 input images, up to 4K',
		operations: ['edit'],
		docsPage: 'market/seedream/seedream-v4-edit.md',
		prompt: { field: 'prompt', required: true, maxLength: 5000 },
		images: imageUrls('image_urls', 1, 10, 10),
		aspectRatio: namedImageSize(SEEDREAM_V4_SIZES, 'square_hd'),
		resolution: seedreamV4Resolution,
	},
	{
		id: 'bytedance/seedream',
		displayName: 'Seedream 3.0',
		description: 'Seedream 3.0 text to image',
		operations: ['generate'],
		docsPage: 'market/seedream/seedream.md',
		prompt: { field: 'prompt', required: true, maxLength: 5000 },
		aspectRatio: namedImageSize(QWEN_SIZES, 'square_hd'),
	},

	// Tongyi-MAI
	{
		id: 'z-image',
		displayName: 'Z-Image',
		description: 'Inexpensive, fast text to image',
		operations: ['generate'],
		docsPage: 'market/z-image/z-image.md',
		prompt: { field: 'prompt', required: true, maxLength: 1000 },
		aspectRatio: {
			field: 'aspect_ratio',
			options: ['1:1', '4:3', '3:4', '16:9', '9:16'],
			default: '1:1',
			required: true,
		},
	},

	// Alibaba Qwen
	{
		id: 'qwen/text-to-image',
		displayName: 'Qwen Image',
		description: 'Qwen text to image',
		operations: ['generate'],
		docsPage: 'market/qwen/text-to-image.md',
		prompt: { field: 'prompt', required: true, maxLength: 5000 },
		aspectRatio: namedImageSize(QWEN_SIZES, 'square_hd'),
		outputFormat: pngOrJpeg,
	},
	{
		id: 'qwen/image-to-image',
		displayName: 'Qwen Image to Image',
		description: 'Qwen image to image from one reference image',
		operations: ['edit'],
		docsPage: 'market/qwen/image-to-image.md',
		prompt: { field: 'prompt', required: true, maxLength: 5000 },
		images: singleImageUrl('image_url'),
		outputFormat: pngOrJpeg,
	},
	{
		id: 'qwen/image-edit',
		displayName: 'Qwen Image Edit',
		description: 'Qwen edits of one image',
		operations: ['edit'],
		docsPage: 'market/qwen/image-edit.md',
		prompt: { field: 'prompt', required: true, maxLength: 2000 },
		images: singleImageUrl('image_url'),
		aspectRatio: namedImageSize(QWEN_SIZES, 'landscape_4_3'),
		outputFormat: { field: 'output_format', options: ['jpeg', 'png'], default: 'png' },
	},
	{
		id: 'qwen2/image-edit',
		displayName: 'Qwen 2 Image Edit',
		description: 'Qwen 2 edits of one image',
		operations: ['edit'],
		docsPage: 'market/qwen2/image-edit.md',
		prompt: { field: 'prompt', required: true, maxLength: 800 },
		images: singleImageUrl('image_url'),
		aspectRatio: {
			field: 'image_size',
			options: ['1:1', '2:3', '3:2', '3:4', '4:3', '9:16', '16:9', '21:9'],
			default: '16:9',
			displayName: 'Image Size',
			description: 'Aspect ratio of the generated image',
		},
		outputFormat: { field: 'output_format', options: ['jpeg', 'png'], default: 'png' },
	},

	// xAI
	{
		id: 'grok-imagine/text-to-image',
		displayName: 'Grok Imagine',
		description: 'xAI Grok Imagine text to image',
		operations: ['generate'],
		docsPage: 'market/grok-imagine/text-to-image.md',
		prompt: { field: 'prompt', required: true, maxLength: 5000 },
		aspectRatio: {
			field: 'aspect_ratio',
			options: ['2:3', '3:2', '1:1', '16:9', '9:16'],
			default: '1:1',
		},
	},
	{
		id: 'grok-imagine/image-to-image',
		displayName: 'Grok Imagine Edit',
		description: 'Grok Imagine image to image; refer to inputs as @image1, @image2 in the prompt',
		operations: ['edit'],
		docsPage: 'market/grok-imagine/image-to-image.md',
		prompt: { field: 'prompt', required: false, maxLength: 390000 },
		images: imageUrls('image_urls', 1, 5, 10),
	},
];
