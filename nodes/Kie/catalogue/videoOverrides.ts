import type { ModelOverride } from './overrides';
import { forbiddenWith } from './ruleKinds';

const SEEDANCE_FRAMES = ['first_frame_url', 'last_frame_url'];
// reference_video_urls as the live API names it (the page's name has a trailing space: overrides.ts).
const SEEDANCE_REFERENCES = [
	'reference_image_urls',
	'reference_video_urls',
	'reference_audio_urls',
];

/** Video pages' conditions stated in prose only (see overrides.ts for the entries' shape). */
export const VIDEO_OVERRIDES: readonly ModelOverride[] = [
	...['veo3', 'veo3_lite'].map(
		(id): ModelOverride => ({
			page: 'veo3-api/generate-veo-3-video.md',
			id,
			reason: 'REFERENCE_2_VIDEO is offered for veo3_fast only',
			source:
				'veo3-api/generate-veo-3-video.md generationType: "REFERENCE_2_VIDEO mode currently only supports veo3_fast model"',
			rules: [
				{
					field: 'generationType',
					allowed: ['TEXT_2_VIDEO', 'FIRST_AND_LAST_FRAMES_2_VIDEO'],
					reason: 'REFERENCE_2_VIDEO is only offered for veo3_fast',
				},
			],
		}),
	),
	{
		page: 'market/hailuo/2-3-image-to-video-pro.md',
		reason: 'The page states in prose only that 10-second videos cannot be 1080P',
		source:
			'market/hailuo/2-3-image-to-video-pro.md duration: "10 seconds videos are not supported for 1080p resolution"',
		rules: [
			{
				when: { duration: ['10'] },
				field: 'resolution',
				allowed: ['768P'],
				reason: 'Hailuo does not make 10-second videos in 1080P',
			},
		],
	},
	...['veo3-api/get-veo-3-1080-p-video.md', 'veo3-api/get-veo-3-4k-video.md'].map(
		(page): ModelOverride => ({
			page,
			reason: "The page gives no range for the video index: it counts the task's videos from 0",
			source: `${page} index: "video index" (default 0); the task's resultUrls are its videos`,
			fields: { index: { minimum: 0 } },
		}),
	),
	...['market/bytedance/seedance-2.md', 'market/bytedance/seedance-2-fast.md'].map(
		(page): ModelOverride => ({
			page,
			reason:
				"The page's note says its three input modes cannot be combined; the schema alone lets every field be sent together",
			source: `${page} Note: "Image-to-Video (First Frame), Image-to-Video (First & Last Frames), and Multimodal Reference-to-Video (including reference images, videos, and audio) are three mutually exclusive scenarios and cannot be used simultaneously"`,
			rules: SEEDANCE_FRAMES.flatMap((frame) =>
				SEEDANCE_REFERENCES.map((reference) =>
					forbiddenWith(
						reference,
						frame,
						`Seedance 2 takes frames (first_frame_url alone, or with last_frame_url) or references (reference_image_urls, reference_video_urls, reference_audio_urls), not both: ${frame} is set`,
					),
				),
			),
		}),
	),
	{
		page: 'runway-api/extend-ai-video.md',
		reason:
			"The page states the qualities in prose only; the prompt's limit is Runway's generate page's (version 1 applied it to both)",
		source:
			'runway-api/extend-ai-video.md quality: "optional values are 720p or 1080p"; runway-api/generate-ai-video.md prompt maxLength 1800',
		fields: { quality: { enum: ['720p', '1080p'] }, prompt: { maxLength: 1800 } },
	},
];
