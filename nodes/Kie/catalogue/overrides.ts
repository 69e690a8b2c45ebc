import type { FieldData, FieldRule, ModelData } from './modelData';
import { forbiddenWith, onlyWith, requiredWithout } from './ruleKinds';
import { SUNO_TOOL_OVERRIDES } from './sunoOverrides';
import { VIDEO_OVERRIDES } from './videoOverrides';

/*
 * What Kie's live API does differently from a model page, or what a page lacks, by hand. The
 * generated data (data/models.ts) is what the pages say; modelCatalogue.ts applies these on top.
 * Every entry names its reason and its source; the fidelity test
 * (test/nodes/Kie/catalogue/pages.test.ts) lets a model differ from its page only where an entry
 * here says so.
 */

export interface ModelOverride {
	/** The page the entry corrects (kie-docs path, e.g. `market/kling/kling-3-0.md`). */
	page: string;
	/** Which model of the page, for pages with several (the page's own id); absent: all. */
	id?: string;
	/** What differs and why the node follows the override. */
	reason: string;
	/** Where that is known from: a page's prose, a peer's report, a live answer. */
	source: string;
	/** Model properties that replace the page's (e.g. a corrected `id`). */
	set?: Partial<Omit<ModelData, 'fields' | 'page' | 'rules'>>;
	/** Changes to the page's fields, by the page's field name; null removes the field. */
	fields?: Readonly<Record<string, Partial<FieldData> | null>>;
	/** Fields the page does not list. */
	addFields?: readonly FieldData[];
	/** Conditions between fields (added to the model's rules). */
	rules?: readonly FieldRule[];
}

const MiB = 1024 * 1024;
const JPEG_PNG_WEBP = ['image/jpeg', 'image/png', 'image/webp'] as const;

const SORA_WITHDRAWN =
	'Peers report that Kie no longer serves the Sora 2 models; kept so saved workflows run and say why they fail';

export const OVERRIDES: readonly ModelOverride[] = [
	...SUNO_TOOL_OVERRIDES,
	...VIDEO_OVERRIDES,
	{
		page: 'market/kling/v25-turbo-image-to-video-pro.md',
		reason:
			"The page's model enum names kling/v2-1-master-image-to-video (another model's page); its text and example request send kling/v2-5-turbo-image-to-video-pro",
		source:
			'market/kling/v25-turbo-image-to-video-pro.md: "Must be `kling/v2-5-turbo-image-to-video-pro`" and its example body',
		set: { id: 'kling/v2-5-turbo-image-to-video-pro' },
	},
	...['market/bytedance/seedance-2.md', 'market/bytedance/seedance-2-fast.md'].map(
		(page): ModelOverride => ({
			page,
			reason:
				"The page's field name `reference_video_urls ` has a trailing space; its example body sends `reference_video_urls`",
			source: `${page}: the example request body`,
			fields: { 'reference_video_urls ': { name: 'reference_video_urls' } },
		}),
	),
	{
		page: 'market/kling/kling-3-0.md',
		reason:
			'The page marks prompt, multi_prompt and aspect_ratio required, yet its prose makes them conditional: prompt only without multi-shot, multi_prompt only with it, no aspect ratio needed with frame images',
		source:
			'market/kling/kling-3-0.md: "Single-Shot vs Multi-Shot Mode", "Aspect Ratio Auto-Adaptation"; issue 22 (multi-shot without a main prompt is refused today)',
		fields: {
			prompt: { required: false },
			multi_prompt: { required: false, maxItems: 5 },
			aspect_ratio: { required: false },
		},
		rules: [
			{
				when: { multi_shots: 'absent' },
				field: 'prompt',
				required: true,
				reason: 'Kling 3.0 needs a prompt for a single-shot video',
			},
			{
				when: { multi_shots: [false] },
				field: 'prompt',
				required: true,
				reason: 'Kling 3.0 needs a prompt for a single-shot video',
			},
			{
				when: { multi_shots: [true] },
				field: 'multi_prompt',
				required: true,
				reason: 'Kling 3.0 multi-shot videos take their shots from multi_prompt',
			},
			{
				when: { image_urls: 'absent' },
				field: 'aspect_ratio',
				required: true,
				reason: 'Kling 3.0 needs an aspect ratio when no frame image gives one',
			},
		],
	},
	{
		page: 'market/kling/kling-3-0.md',
		reason:
			'The page gives image_urls no count or file limits in its schema; its prose allows a first and a last frame, and Kling 3.0 takes WebP as well as JPEG and PNG',
		source:
			'market/kling/kling-3-0.md image_urls description; peers\' runs (issue 22: "Kling 3.0 with WebP uploads" refused today)',
		fields: {
			image_urls: { maxItems: 2, mimeTypes: JPEG_PNG_WEBP, maxFileSizeBytes: 10 * MiB },
		},
	},
	{
		page: 'market/grok-imagine/image-to-video.md',
		reason:
			'The page requires no field, yet a video needs a source: image_urls, or task_id (with index) of an earlier Grok image; the two exclude each other',
		source:
			'market/grok-imagine/image-to-video.md: task_id "Do not use with image_urls"; index "Only works with task_id"',
		rules: [
			requiredWithout(
				'image_urls',
				'task_id',
				'Grok Imagine image-to-video needs image_urls or the task_id of a Grok image',
			),
			forbiddenWith(
				'image_urls',
				'task_id',
				'Grok Imagine takes either image_urls or task_id, not both',
			),
			onlyWith('index', 'task_id', 'index selects an image of task_id; it only works with task_id'),
			{
				when: { image_urls: 'present' },
				field: 'mode',
				allowed: ['fun', 'normal'],
				reason: 'Grok Imagine has no spicy mode for external images',
			},
		],
	},
	...[
		'market/sora2/sora-2-text-to-video.md',
		'market/sora2/sora-2-image-to-video.md',
		'market/sora2/sora-2-pro-text-to-video.md',
		'market/sora2/sora-2-pro-image-to-video.md',
		'market/sora2/sora-2-characters.md',
		'market/sora2/sora-2-characters-pro.md',
		'market/sora2/sora-watermark-remover.md',
		'market/sora-2-pro-storyboard.md',
	].map(
		(page): ModelOverride => ({
			page,
			reason: SORA_WITHDRAWN,
			source: 'issue 22 ("The models peers report withdrawn (the Sora 2 family, ...)")',
			set: { withdrawn: SORA_WITHDRAWN },
		}),
	),
	{
		page: 'market/elevenlabs/sound-effect-v2.md',
		reason: 'Peers report that Kie no longer serves elevenlabs/sound-effect-v2',
		source: 'issue 22 ("The models peers report withdrawn (..., elevenlabs/sound-effect-v2)")',
		set: {
			withdrawn:
				'Peers report that Kie no longer serves this model; kept so saved workflows run and say why they fail',
		},
	},
	{
		page: 'runway-api/generate-ai-video.md',
		reason:
			'The page states the allowed durations and qualities in prose only, and that 10 s excludes 1080p',
		source:
			'runway-api/generate-ai-video.md: duration "optional values are 5 or 10", quality "720p or 1080p"',
		fields: {
			duration: { enum: [5, 10] },
			quality: { enum: ['720p', '1080p'] },
		},
		rules: [
			{
				when: { duration: [10] },
				field: 'quality',
				allowed: ['720p'],
				reason: 'Runway cannot make a 10-second video in 1080p',
			},
		],
	},
	{
		page: '4o-image-api/generate-4-o-image.md',
		reason: 'The page requires only size; its prose needs a prompt or an input image',
		source:
			'4o-image-api/generate-4-o-image.md prompt: "Required if neither `filesUrl` nor `fileUrl` is supplied"',
		rules: [
			{
				when: { filesUrl: 'absent', fileUrl: 'absent' },
				field: 'prompt',
				required: true,
				reason: '4o Image needs a prompt or an input image',
			},
		],
	},
	{
		page: 'veo3-api/generate-veo-3-video.md',
		reason:
			'The schema gives imageUrls no count; the prose allows 1 or 2 frame images, and 1 to 3 for REFERENCE_2_VIDEO',
		source: 'veo3-api/generate-veo-3-video.md imageUrls and generationType descriptions',
		fields: { imageUrls: { maxItems: 3 } },
	},
	{
		page: 'market/kling/motion-control-v3.md',
		reason: 'The schema gives no count; the prose asks for one image and one video',
		source:
			'market/kling/motion-control-v3.md: input_urls "Include a URL of an image", video_urls "Include a video URL"',
		fields: { input_urls: { maxItems: 1 }, video_urls: { maxItems: 1 } },
	},
	{
		page: 'runway-api/generate-ai-video.md',
		reason:
			'aspectRatio is required for text-to-video only; with an image Kie ignores it (the node leaves it out)',
		source:
			'runway-api/generate-ai-video.md aspectRatio: "Required parameter for text-to-video generation requests. This parameter is invalid when imageUrl is passed"',
		rules: [
			{
				when: { imageUrl: 'absent' },
				field: 'aspectRatio',
				required: true,
				reason: 'Runway needs an aspect ratio for a text-to-video request',
			},
		],
	},
	{
		page: 'market/grok-imagine/image-to-video.md',
		reason: 'The page states the image formats and size in prose only',
		source:
			'market/grok-imagine/image-to-video.md image_urls: "Supports JPEG, PNG, and WEBP formats - Maximum file size for each image: 10MB"',
		fields: { image_urls: { mimeTypes: JPEG_PNG_WEBP, maxFileSizeBytes: 10 * MiB } },
	},
	{
		page: '4o-image-api/generate-4-o-image.md',
		reason:
			"The create page gives no file limits; the status page's error list names the size limit",
		source: '4o-image-api/get-4-o-image-details.md: "Image size exceeds maximum of 26214400 bytes"',
		fields: { filesUrl: { mimeTypes: JPEG_PNG_WEBP, maxFileSizeBytes: 25 * MiB } },
	},
];

/** A model Kie serves that the pages snapshot lacks, with the public source of its fields. */
export interface AddedModel extends ModelData {
	/** Why the node offers it without a page. */
	reason: string;
	/** Where its id and fields are known from (a URL, or a repository and path at a commit). */
	source: string;
}

const APICITY_KIE_ZOD =
	'github.com/justintanner/apicity packages/provider/kie/src/zod.ts at 58c740b (an SDK for Kie: GptImage2TextToImageRequestSchema, GptImage2ImageToImageRequestSchema)';

const gptImage2Prompt: FieldData = {
	name: 'prompt',
	type: 'string',
	required: true,
	description: 'A text description of the image you want',
	minLength: 1,
	maxLength: 20000,
};
const nsfwChecker: FieldData = {
	name: 'nsfw_checker',
	type: 'boolean',
	required: false,
	description: "Kie's content checker on the result",
};
const gptImage2 = (
	id: string,
	title: string,
	operation: 'generate' | 'edit',
	fields: readonly FieldData[],
): AddedModel => ({
	id,
	api: 'market',
	endpoint: '/api/v1/jobs/createTask',
	modelField: 'model',
	fieldsAt: 'input',
	page: `added:${id}`,
	title,
	displayName: title,
	description:
		operation === 'generate'
			? 'OpenAI GPT Image 2: an image from text'
			: 'OpenAI GPT Image 2: up to 16 input images edited from text',
	family: 'GPT Image',
	resource: 'image',
	operation,
	operations: [operation],
	fields,
	result: { kind: 'urls', media: 'image' },
	reason: 'Kie serves GPT Image 2 on the jobs API; the pages snapshot has no page for it',
	source: APICITY_KIE_ZOD,
});

export const ADDED_MODELS: readonly AddedModel[] = [
	gptImage2('gpt-image-2-text-to-image', 'GPT Image 2 Text to Image', 'generate', [
		gptImage2Prompt,
		{
			name: 'aspect_ratio',
			type: 'string',
			required: false,
			description: 'Width-height ratio of the image',
			enum: ['auto', '1:1', '16:9', '9:16', '3:2'],
		},
		nsfwChecker,
	]),
	gptImage2('gpt-image-2-image-to-image', 'GPT Image 2 Image to Image', 'edit', [
		gptImage2Prompt,
		{
			name: 'input_urls',
			type: 'array',
			itemType: 'string',
			required: true,
			description: 'The images to edit',
			minItems: 1,
			maxItems: 16,
			media: 'image',
			mediaRole: 'input',
		},
		{
			name: 'aspect_ratio',
			type: 'string',
			required: false,
			description: 'Width-height ratio of the image',
			enum: ['auto', '1:1', '16:9', '9:16', '3:2', '2:3'],
		},
		nsfwChecker,
	]),
];
