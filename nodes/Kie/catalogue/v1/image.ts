/**
 * Version 1's image models: each Model value (the catalogue model's id), its picker text, the
 * operations it serves, and which Kie field each of version 1's parameters fills. Limits, enums
 * and defaults are the catalogue's; only what version 1's panel shows otherwise is here. The
 * order is the picker's.
 */
import { checkV1, type V1CheckOptions } from './check';
import type { V1Field, V1Model, V1Param } from './mapping';

type ImageParams = {
	/** Always `prompt` so far: v1's Prompt fills the field of that name. */
	prompt: string;
	imageUrls?: string;
	aspectRatio?: string | V1Field;
	resolution?: string | V1Field;
	outputFormat?: string;
};

const asField = (spec: string | V1Field | undefined) =>
	typeof spec === 'string' ? { field: spec } : spec;

const image = (
	id: string,
	displayName: string,
	description: string,
	operations: Array<'generate' | 'edit'>,
	fields: ImageParams,
): V1Model => ({
	id,
	displayName,
	description,
	operations,
	images: fields.imageUrls,
	aspectRatio: asField(fields.aspectRatio),
	resolution: asField(fields.resolution),
	parameters: {
		...(fields.prompt === 'prompt' ? {} : { prompt: fields.prompt }),
		...(fields.outputFormat ? { outputFormat: fields.outputFormat } : {}),
	},
});

export const V1_IMAGE_PARAMS: readonly V1Param[] = [
	{ name: 'prompt', displayName: 'Prompt' },
	{ name: 'imageUrls', displayName: 'Image URLs' },
	{ name: 'aspectRatio', displayName: 'Aspect Ratio', description: 'Shape of the generated image' },
	{ name: 'resolution', displayName: 'Resolution', description: 'Size of the generated image' },
	{
		name: 'outputFormat',
		displayName: 'Output Format',
		description: 'File format of the generated image',
	},
];

/** fal-style named sizes (Seedream, Qwen), labelled with the ratio they produce. */
const namedSize: V1Field = {
	field: 'image_size',
	displayName: 'Image Size',
	optionNames: {
		square: 'Square',
		square_hd: 'Square HD',
		portrait_4_3: 'Portrait 3:4',
		portrait_3_2: 'Portrait 2:3',
		portrait_16_9: 'Portrait 9:16',
		landscape_4_3: 'Landscape 4:3',
		landscape_3_2: 'Landscape 3:2',
		landscape_16_9: 'Landscape 16:9',
		landscape_21_9: 'Landscape 21:9',
	},
};
const ratioAsSize: V1Field = {
	field: 'image_size',
	displayName: 'Image Size',
	description: 'Aspect ratio of the generated image',
};
const gptQuality: V1Field = {
	field: 'quality',
	displayName: 'Quality',
	description: 'Medium is balanced; High is slower and more detailed',
};
const seedreamQuality: V1Field = {
	field: 'quality',
	displayName: 'Quality',
	description: 'Basic outputs 2K images, High outputs 4K images',
	optionNames: { basic: 'Basic (2K)', high: 'High (4K)' },
};

const nanoBanana = { prompt: 'prompt', aspectRatio: ratioAsSize, outputFormat: 'output_format' };
const market = {
	prompt: 'prompt',
	aspectRatio: 'aspect_ratio',
	resolution: 'resolution',
	outputFormat: 'output_format',
};
const gpt = { prompt: 'prompt', aspectRatio: 'aspect_ratio', resolution: gptQuality };
const flux2 = { prompt: 'prompt', aspectRatio: 'aspect_ratio', resolution: 'resolution' };
const kontext = {
	prompt: 'prompt',
	imageUrls: 'inputImage',
	aspectRatio: 'aspectRatio',
	outputFormat: 'outputFormat',
};
const seedream = { prompt: 'prompt', aspectRatio: 'aspect_ratio', resolution: seedreamQuality };
const seedreamV4 = { prompt: 'prompt', aspectRatio: namedSize, resolution: 'image_resolution' };
const qwen = { prompt: 'prompt', imageUrls: 'image_url', outputFormat: 'output_format' };

export const V1_IMAGE_MODELS: readonly V1Model[] = [
	image(
		'nano-banana-pro',
		'Google Nano Banana Pro',
		'Gemini 3 Pro Image: text to image, or edits and combines up to 8 reference images; up to 4K',
		['generate', 'edit'],
		{ ...market, imageUrls: 'image_input' },
	),
	image(
		'nano-banana-2',
		'Google Nano Banana 2',
		'Text to image, or edits with up to 14 reference images; extreme ratios, up to 4K',
		['generate', 'edit'],
		{ ...market, imageUrls: 'image_input' },
	),
	image(
		'google/nano-banana',
		'Google Nano Banana',
		'Gemini 2.5 Flash Image: fast, inexpensive text to image',
		['generate'],
		nanoBanana,
	),
	image(
		'google/nano-banana-edit',
		'Google Nano Banana Edit',
		'Gemini 2.5 Flash Image: edits with up to 10 input images',
		['edit'],
		{ ...nanoBanana, imageUrls: 'image_urls' },
	),
	image('google/imagen4', 'Google Imagen 4', "Google's Imagen 4 text to image", ['generate'], {
		prompt: 'prompt',
		aspectRatio: 'aspect_ratio',
	}),
	image(
		'google/imagen4-fast',
		'Google Imagen 4 Fast',
		'Imagen 4, faster and cheaper',
		['generate'],
		{
			prompt: 'prompt',
			aspectRatio: 'aspect_ratio',
		},
	),
	image(
		'google/imagen4-ultra',
		'Google Imagen 4 Ultra',
		'Imagen 4, highest quality',
		['generate'],
		{
			prompt: 'prompt',
			aspectRatio: 'aspect_ratio',
		},
	),
	image(
		'gpt-image/1.5-text-to-image',
		'OpenAI GPT Image 1.5',
		"OpenAI's GPT Image 1.5 text to image",
		['generate'],
		gpt,
	),
	image(
		'gpt-image/1.5-image-to-image',
		'OpenAI GPT Image 1.5 Edit',
		'GPT Image 1.5 image to image with up to 16 input images',
		['edit'],
		{ ...gpt, imageUrls: 'input_urls' },
	),
	image(
		'gpt-4o-image',
		'OpenAI GPT-4o Image',
		'GPT-4o image generation on the 4o Image API: text to image, or edits with up to 5 images',
		['generate', 'edit'],
		{ prompt: 'prompt', imageUrls: 'filesUrl', aspectRatio: { field: 'size', default: '1:1' } },
	),
	image(
		'flux-2/pro-text-to-image',
		'Flux 2 Pro',
		'Black Forest Labs FLUX.2 Pro text to image',
		['generate'],
		flux2,
	),
	image(
		'flux-2/pro-image-to-image',
		'Flux 2 Pro Edit',
		'FLUX.2 Pro image to image with 1 to 8 reference images',
		['edit'],
		{ ...flux2, imageUrls: 'input_urls' },
	),
	image(
		'flux-2/flex-text-to-image',
		'Flux 2 Flex',
		'FLUX.2 Flex text to image',
		['generate'],
		flux2,
	),
	image(
		'flux-2/flex-image-to-image',
		'Flux 2 Flex Edit',
		'FLUX.2 Flex image to image with 1 to 8 reference images',
		['edit'],
		{ ...flux2, imageUrls: 'input_urls' },
	),
	image(
		'flux-kontext-pro',
		'Flux Kontext Pro',
		'Flux Kontext API: text to image, or edits one image following the prompt (English)',
		['generate', 'edit'],
		kontext,
	),
	image(
		'flux-kontext-max',
		'Flux Kontext Max',
		'Flux Kontext API, enhanced model for complex scenes: text to image or one-image edits',
		['generate', 'edit'],
		kontext,
	),
	image(
		'seedream/4.5-text-to-image',
		'Seedream 4.5',
		'ByteDance Seedream 4.5 text to image, 2K or 4K',
		['generate'],
		seedream,
	),
	image(
		'seedream/4.5-edit',
		'Seedream 4.5 Edit',
		'Seedream 4.5 edits with up to 14 input images',
		['edit'],
		{
			...seedream,
			imageUrls: 'image_urls',
		},
	),
	image(
		'seedream/5-lite-text-to-image',
		'Seedream 5.0 Lite',
		'Seedream 5.0 Lite text to image, 2K or 4K',
		['generate'],
		seedream,
	),
	image(
		'seedream/5-lite-image-to-image',
		'Seedream 5.0 Lite Edit',
		'Seedream 5.0 Lite image to image with up to 14 input images',
		['edit'],
		{ ...seedream, imageUrls: 'image_urls' },
	),
	image(
		'bytedance/seedream-v4-text-to-image',
		'Seedream 4.0',
		'Seedream 4.0 text to image, up to 4K',
		['generate'],
		seedreamV4,
	),
	image(
		'bytedance/seedream-v4-edit',
		'Seedream 4.0 Edit',
		'Seedream 4.0 edits with up to 10 input images, up to 4K',
		['edit'],
		{ ...seedreamV4, imageUrls: 'image_urls' },
	),
	image('bytedance/seedream', 'Seedream 3.0', 'Seedream 3.0 text to image', ['generate'], {
		prompt: 'prompt',
		aspectRatio: namedSize,
	}),
	image('z-image', 'Z-Image', 'Inexpensive, fast text to image', ['generate'], {
		prompt: 'prompt',
		aspectRatio: 'aspect_ratio',
	}),
	image('qwen/text-to-image', 'Qwen Image', 'Qwen text to image', ['generate'], {
		prompt: 'prompt',
		aspectRatio: namedSize,
		outputFormat: 'output_format',
	}),
	image(
		'qwen/image-to-image',
		'Qwen Image to Image',
		'Qwen image to image from one reference image',
		['edit'],
		qwen,
	),
	image('qwen/image-edit', 'Qwen Image Edit', 'Qwen edits of one image', ['edit'], {
		...qwen,
		aspectRatio: namedSize,
	}),
	image('qwen2/image-edit', 'Qwen 2 Image Edit', 'Qwen 2 edits of one image', ['edit'], {
		...qwen,
		aspectRatio: ratioAsSize,
	}),
	image(
		'grok-imagine/text-to-image',
		'Grok Imagine',
		'xAI Grok Imagine text to image',
		['generate'],
		{
			prompt: 'prompt',
			aspectRatio: 'aspect_ratio',
		},
	),
	image(
		'grok-imagine/image-to-image',
		'Grok Imagine Edit',
		'Grok Imagine image to image; refer to inputs as @image1, @image2 in the prompt',
		['edit'],
		{ prompt: 'prompt', imageUrls: 'image_urls' },
	),
];

const OPERATION_NAMES: Readonly<Record<string, string>> = {
	generate: 'Generate (text to image)',
	edit: 'Edit (image to image)',
};

/** Version 1's Generate or Edit input, checked against the model its Model value names. */
export const checkV1Image = (
	operation: 'generate' | 'edit',
	value: string,
	read: (param: string) => unknown,
	options: V1CheckOptions = {},
) =>
	checkV1(V1_IMAGE_MODELS, V1_IMAGE_PARAMS, OPERATION_NAMES, operation, value, read, {
		...options,
		// Editing without an image (an empty expression, a missing binary) would silently spend
		// credits on a text-to-image job, even where the model's images are optional.
		needsImages: operation === 'edit',
	});
