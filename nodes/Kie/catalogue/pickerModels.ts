/*
 * Hand-kept: how the model pickers name and order the catalogue's models (the pages' titles
 * are often ids, e.g. "elevenlabs/audio-isolation").
 *
 * n8n's picker finds an option by its name (the typed text anywhere in it, any case), so a name
 * says what users type: the maker's product and version in words ("Kling 3.0 Motion Control",
 * not "kling-3.0 motion-control"). Within a resource the newest and most used models come first,
 * each family together, newest version first; withdrawn models last.
 */

/** The picker's name, sentence and order for a model (the order within its resource). */
export interface PickerEntry {
	id: string;
	displayName: string;
	description?: string;
}

/** Names and order of the model pickers. Models not listed follow, by name, with their page's title. */
export const PICKER: readonly PickerEntry[] = [
	// ---- Image ----
	{
		id: 'nano-banana-pro',
		displayName: 'Google Nano Banana Pro',
		description:
			'Gemini 3 Pro Image: text to image, or edits and combines up to 8 reference images; up to 4K',
	},
	{
		id: 'nano-banana-2',
		displayName: 'Google Nano Banana 2',
		description: 'Text to image, or edits with up to 14 reference images; extreme ratios, up to 4K',
	},
	{
		id: 'google/nano-banana',
		displayName: 'Google Nano Banana',
		description: 'Gemini 2.5 Flash Image: fast, inexpensive text to image',
	},
	{
		id: 'google/nano-banana-edit',
		displayName: 'Google Nano Banana Edit',
		description: 'Gemini 2.5 Flash Image: edits with up to 10 input images',
	},
	{
		id: 'gpt-image-2-text-to-image',
		displayName: 'OpenAI GPT Image 2',
		description: 'OpenAI GPT Image 2: an image from text',
	},
	{
		id: 'gpt-image-2-image-to-image',
		displayName: 'OpenAI GPT Image 2 Edit',
		description: 'OpenAI GPT Image 2: up to 16 input images edited from text',
	},
	{
		id: 'gpt-image/1.5-text-to-image',
		displayName: 'OpenAI GPT Image 1.5',
		description: "OpenAI's GPT Image 1.5 text to image",
	},
	{
		id: 'gpt-image/1.5-image-to-image',
		displayName: 'OpenAI GPT Image 1.5 Edit',
		description: 'GPT Image 1.5 image to image with up to 16 input images',
	},
	{
		id: 'gpt-4o-image',
		displayName: 'OpenAI GPT-4o Image',
		description:
			'GPT-4o image generation on the 4o Image API: text to image, or edits with up to 5 images',
	},
	{
		id: 'seedream/5-lite-text-to-image',
		displayName: 'Seedream 5.0 Lite',
		description: 'Seedream 5.0 Lite text to image, 2K or 4K',
	},
	{
		id: 'seedream/5-lite-image-to-image',
		displayName: 'Seedream 5.0 Lite Edit',
		description: 'Seedream 5.0 Lite image to image with up to 14 input images',
	},
	{
		id: 'seedream/4.5-text-to-image',
		displayName: 'Seedream 4.5',
		description: 'ByteDance Seedream 4.5 text to image, 2K or 4K',
	},
	{
		id: 'seedream/4.5-edit',
		displayName: 'Seedream 4.5 Edit',
		description: 'Seedream 4.5 edits with up to 14 input images',
	},
	{
		id: 'bytedance/seedream-v4-text-to-image',
		displayName: 'Seedream 4.0',
		description: 'Seedream 4.0 text to image, up to 4K',
	},
	{
		id: 'bytedance/seedream-v4-edit',
		displayName: 'Seedream 4.0 Edit',
		description: 'Seedream 4.0 edits with up to 10 input images, up to 4K',
	},
	{
		id: 'bytedance/seedream',
		displayName: 'Seedream 3.0',
		description: 'Seedream 3.0 text to image',
	},
	{
		id: 'flux-2/pro-text-to-image',
		displayName: 'Flux 2 Pro',
		description: 'Black Forest Labs FLUX.2 Pro text to image',
	},
	{
		id: 'flux-2/pro-image-to-image',
		displayName: 'Flux 2 Pro Edit',
		description: 'FLUX.2 Pro image to image with 1 to 8 reference images',
	},
	{
		id: 'flux-2/flex-text-to-image',
		displayName: 'Flux 2 Flex',
		description: 'FLUX.2 Flex text to image',
	},
	{
		id: 'flux-2/flex-image-to-image',
		displayName: 'Flux 2 Flex Edit',
		description: 'FLUX.2 Flex image to image with 1 to 8 reference images',
	},
	{
		id: 'flux-kontext-pro',
		displayName: 'Flux Kontext Pro',
		description:
			'Flux Kontext API: text to image, or edits one image following the prompt (English)',
	},
	{
		id: 'flux-kontext-max',
		displayName: 'Flux Kontext Max',
		description:
			'Flux Kontext API, enhanced model for complex scenes: text to image or one-image edits',
	},
	{
		id: 'google/imagen4',
		displayName: 'Google Imagen 4',
		description: "Google's Imagen 4 text to image",
	},
	{
		id: 'google/imagen4-fast',
		displayName: 'Google Imagen 4 Fast',
		description: 'Imagen 4, faster and cheaper',
	},
	{
		id: 'google/imagen4-ultra',
		displayName: 'Google Imagen 4 Ultra',
		description: 'Imagen 4, highest quality',
	},
	{ id: 'ideogram/v3-text-to-image', displayName: 'Ideogram V3' },
	{ id: 'ideogram/v3-edit', displayName: 'Ideogram V3 Edit' },
	{ id: 'ideogram/v3-remix', displayName: 'Ideogram V3 Remix' },
	{ id: 'ideogram/v3-reframe', displayName: 'Ideogram V3 Reframe' },
	{ id: 'ideogram/character', displayName: 'Ideogram Character' },
	{ id: 'ideogram/character-edit', displayName: 'Ideogram Character Edit' },
	{ id: 'ideogram/character-remix', displayName: 'Ideogram Character Remix' },
	{ id: 'wan/2-7-image-pro', displayName: 'Wan 2.7 Image Pro' },
	{ id: 'wan/2-7-image', displayName: 'Wan 2.7 Image' },
	{ id: 'qwen/text-to-image', displayName: 'Qwen Image', description: 'Qwen text to image' },
	{
		id: 'qwen/image-to-image',
		displayName: 'Qwen Image to Image',
		description: 'Qwen image to image from one reference image',
	},
	{ id: 'qwen/image-edit', displayName: 'Qwen Image Edit', description: 'Qwen edits of one image' },
	{
		id: 'qwen2/image-edit',
		displayName: 'Qwen 2 Image Edit',
		description: 'Qwen 2 edits of one image',
	},
	{
		id: 'grok-imagine/text-to-image',
		displayName: 'Grok Imagine',
		description: 'xAI Grok Imagine text to image',
	},
	{
		id: 'grok-imagine/image-to-image',
		displayName: 'Grok Imagine Edit',
		description: 'Grok Imagine image to image; refer to inputs as @image1, @image2 in the prompt',
	},
	{ id: 'z-image', displayName: 'Z-Image', description: 'Inexpensive, fast text to image' },
	{
		id: 'recraft/remove-background',
		displayName: 'Recraft Remove Background',
		description: 'The image with its background removed (PNG, WebP or JPEG up to 5 MB)',
	},
	{
		id: 'recraft/crisp-upscale',
		displayName: 'Recraft Crisp Upscale',
		description: 'A sharper, larger image',
	},
	{
		id: 'topaz/image-upscale',
		displayName: 'Topaz Image Upscale',
		description: 'The image enlarged 1x to 8x',
	},

	// ---- Video ----
	{
		id: 'veo3_fast',
		displayName: 'Veo 3.1 Fast',
		description: 'Veo 3.1 API, fast and cheaper: text or image(s) to an 8 s video with sound',
	},
	{
		id: 'veo3',
		displayName: 'Veo 3.1 Quality',
		description: 'Veo 3.1 API, highest fidelity: text or image(s) to an 8 s video with sound',
	},
	{
		id: 'veo3_lite',
		displayName: 'Veo 3.1 Lite',
		description: 'Veo 3.1 API, most cost-effective: text or image(s) to an 8 s video',
	},
	{
		id: 'kling-3.0/video',
		displayName: 'Kling 3.0',
		description:
			'Text or first/last frame to a 3-15 s video, standard or pro resolution, optional sound',
	},
	{
		id: 'kling-3.0/motion-control',
		displayName: 'Kling 3.0 Motion Control',
		description: 'A character image moved like the person in a reference video',
	},
	{
		id: 'bytedance/seedance-2',
		displayName: 'Seedance 2',
		description: 'ByteDance Seedance 2: text, frames, reference images, videos and audio to video',
	},
	{
		id: 'bytedance/seedance-2-fast',
		displayName: 'Seedance 2 Fast',
		description: 'Seedance 2, faster and cheaper',
	},
	{
		id: 'bytedance/seedance-1.5-pro',
		displayName: 'Seedance 1.5 Pro',
		description:
			'ByteDance Seedance 1.5 Pro: text or up to 2 images to a 4, 8 or 12 s video, optional audio',
	},
	{ id: 'bytedance/v1-pro-text-to-video', displayName: 'Seedance 1.0 Pro Text to Video' },
	{ id: 'bytedance/v1-pro-image-to-video', displayName: 'Seedance 1.0 Pro Image to Video' },
	{
		id: 'bytedance/v1-pro-fast-image-to-video',
		displayName: 'Seedance 1.0 Pro Fast Image to Video',
	},
	{ id: 'bytedance/v1-lite-text-to-video', displayName: 'Seedance 1.0 Lite Text to Video' },
	{ id: 'bytedance/v1-lite-image-to-video', displayName: 'Seedance 1.0 Lite Image to Video' },
	{
		id: 'kling-2.6/text-to-video',
		displayName: 'Kling 2.6 Text to Video',
		description: 'Text to a 5 or 10 s video, optional sound',
	},
	{
		id: 'kling-2.6/image-to-video',
		displayName: 'Kling 2.6 Image to Video',
		description: 'One image and text to a 5 or 10 s video, optional sound',
	},
	{
		id: 'kling-2.6/motion-control',
		displayName: 'Kling 2.6 Motion Control',
		description: 'A character image moved like the person in a reference video',
	},
	{ id: 'kling/v2-5-turbo-text-to-video-pro', displayName: 'Kling 2.5 Turbo Text to Video Pro' },
	{ id: 'kling/v2-5-turbo-image-to-video-pro', displayName: 'Kling 2.5 Turbo Image to Video Pro' },
	{ id: 'kling/v2-1-master-text-to-video', displayName: 'Kling 2.1 Master Text to Video' },
	{ id: 'kling/v2-1-master-image-to-video', displayName: 'Kling 2.1 Master Image to Video' },
	{ id: 'kling/v2-1-pro', displayName: 'Kling 2.1 Pro' },
	{ id: 'kling/v2-1-standard', displayName: 'Kling 2.1 Standard' },
	{
		id: 'kling/ai-avatar-pro',
		displayName: 'Kling AI Avatar Pro',
		description: 'A talking avatar from an image and audio',
	},
	{
		id: 'kling/ai-avatar-standard',
		displayName: 'Kling AI Avatar Standard',
		description: 'A talking avatar from an image and audio',
	},
	{
		id: 'hailuo/2-3-image-to-video-pro',
		displayName: 'Hailuo 2.3 Pro Image to Video',
		description:
			'MiniMax Hailuo 2.3 Pro: one image and text to a 6 or 10 s video (1080P: 6 s only)',
	},
	{ id: 'hailuo/2-3-image-to-video-standard', displayName: 'Hailuo 2.3 Standard Image to Video' },
	{ id: 'hailuo/02-text-to-video-pro', displayName: 'Hailuo 02 Pro Text to Video' },
	{ id: 'hailuo/02-image-to-video-pro', displayName: 'Hailuo 02 Pro Image to Video' },
	{ id: 'hailuo/02-text-to-video-standard', displayName: 'Hailuo 02 Standard Text to Video' },
	{ id: 'hailuo/02-image-to-video-standard', displayName: 'Hailuo 02 Standard Image to Video' },
	{ id: 'wan/2-7-text-to-video', displayName: 'Wan 2.7 Text to Video' },
	{ id: 'wan/2-7-image-to-video', displayName: 'Wan 2.7 Image to Video' },
	{ id: 'wan/2-7-r2v', displayName: 'Wan 2.7 Reference to Video' },
	{
		id: 'wan/2-6-text-to-video',
		displayName: 'Wan 2.6 Text to Video',
		description: 'Alibaba Wan 2.6: text (Chinese or English) to a 5, 10 or 15 s video',
	},
	{
		id: 'wan/2-6-image-to-video',
		displayName: 'Wan 2.6 Image to Video',
		description: 'Alibaba Wan 2.6: one image (at least 256×256) and text to a 5, 10 or 15 s video',
	},
	{ id: 'wan/2-6-flash-image-to-video', displayName: 'Wan 2.6 Flash Image to Video' },
	{ id: 'wan/2-5-text-to-video', displayName: 'Wan 2.5 Text to Video' },
	{ id: 'wan/2-5-image-to-video', displayName: 'Wan 2.5 Image to Video' },
	{ id: 'wan/2-2-a14b-text-to-video-turbo', displayName: 'Wan 2.2 Turbo Text to Video' },
	{ id: 'wan/2-2-a14b-image-to-video-turbo', displayName: 'Wan 2.2 Turbo Image to Video' },
	{
		id: 'wan/2-2-a14b-speech-to-video-turbo',
		displayName: 'Wan 2.2 Turbo Speech to Video',
		description: 'An image and a speech audio to a talking video',
	},
	{
		id: 'grok-imagine/text-to-video',
		displayName: 'Grok Imagine Text to Video',
		description: 'xAI Grok Imagine: text to a 6-30 s video (fun, normal or spicy)',
	},
	{
		id: 'grok-imagine/image-to-video',
		displayName: 'Grok Imagine Image to Video',
		description:
			'xAI Grok Imagine: up to 7 images and text to a 6-30 s video (no spicy mode with images)',
	},
	{
		id: 'runway',
		displayName: 'Runway (Gen-3 Alpha Turbo)',
		description: 'Runway API: 5 or 10 s, 720p or 1080p (5 s only), text or one image',
	},
	{
		id: 'infinitalk/from-audio',
		displayName: 'Infinitalk (Audio to Video)',
		description: 'A talking video from an image and audio',
	},
	{
		id: 'runway-aleph',
		displayName: 'Runway Aleph',
		description: 'Restyles a video from a prompt (video to video), optionally guided by an image',
	},
	{ id: 'wan/2-7-videoedit', displayName: 'Wan 2.7 Video Edit' },
	{ id: 'wan/2-6-video-to-video', displayName: 'Wan 2.6 Video to Video' },
	{ id: 'wan/2-6-flash-video-to-video', displayName: 'Wan 2.6 Flash Video to Video' },
	{ id: 'wan/2-2-animate-move', displayName: 'Wan 2.2 Animate Move' },
	{ id: 'wan/2-2-animate-replace', displayName: 'Wan 2.2 Animate Replace' },
	{
		id: 'topaz/video-upscale',
		displayName: 'Topaz Video Upscale',
		description: 'The video enlarged',
	},
	{
		id: 'grok-imagine/upscale',
		displayName: 'Grok Imagine Video Upscale',
		description: 'A Grok Imagine video (by its task id) in higher resolution',
	},
	{
		id: 'grok-imagine/extend',
		displayName: 'Grok Imagine Video Extend',
		description: 'A Grok Imagine video (by its task id) continued',
	},
	// Withdrawn (kept runnable for saved workflows), last.
	{
		id: 'sora-2-text-to-video',
		displayName: 'Sora 2 Text to Video',
		description: 'OpenAI Sora 2: text to a 10 or 15 s landscape or portrait video',
	},
	{
		id: 'sora-2-image-to-video',
		displayName: 'Sora 2 Image to Video',
		description: 'OpenAI Sora 2: one image (first frame) and text to a 10 or 15 s video',
	},
	{ id: 'sora-2-pro-text-to-video', displayName: 'Sora 2 Pro Text to Video' },
	{ id: 'sora-2-pro-image-to-video', displayName: 'Sora 2 Pro Image to Video' },
	{ id: 'sora-2-pro-storyboard', displayName: 'Sora 2 Pro Storyboard' },
	{ id: 'sora-2-characters', displayName: 'Sora 2 Characters' },
	{ id: 'sora-2-characters-pro', displayName: 'Sora 2 Characters Pro' },
	{ id: 'sora-watermark-remover', displayName: 'Sora 2 Watermark Remover' },

	// ---- Audio ----
	{
		id: 'V5_5',
		displayName: 'Suno V5.5',
		description: 'Suno V5.5: custom models tailored to your taste',
	},
	{
		id: 'V5',
		displayName: 'Suno V5',
		description: 'Suno V5: superior musical expression, faster generation',
	},
	{
		id: 'V4_5PLUS',
		displayName: 'Suno V4.5+',
		description: 'Suno V4.5+: richer sound, songs up to 8 minutes',
	},
	{
		id: 'V4_5',
		displayName: 'Suno V4.5',
		description: 'Suno V4.5: smarter prompts, faster generations, up to 8 minutes',
	},
	{
		id: 'V4_5ALL',
		displayName: 'Suno V4.5 All',
		description: 'Suno V4.5 All: smarter prompts, faster generations, up to 8 minutes',
	},
	{
		id: 'V4',
		displayName: 'Suno V4',
		description: 'Suno V4: improved vocals, songs up to 4 minutes',
	},
	{
		id: 'elevenlabs/text-to-speech-multilingual-v2',
		displayName: 'ElevenLabs Multilingual v2 (Text to Speech)',
		description: 'Speech in many languages from a text, in one of the listed voices',
	},
	{
		id: 'elevenlabs/text-to-speech-turbo-2-5',
		displayName: 'ElevenLabs Turbo 2.5 (Text to Speech)',
		description: 'Fast speech from a text, with language enforcement',
	},
	{
		id: 'elevenlabs/text-to-dialogue-v3',
		displayName: 'ElevenLabs Dialogue v3',
		description: 'Several voices in one dialogue, from text',
	},
	{
		id: 'elevenlabs/speech-to-text',
		displayName: 'ElevenLabs Speech to Text',
		description: 'A transcript of an audio file, optionally with speakers and sound events',
	},
	{
		id: 'elevenlabs/audio-isolation',
		displayName: 'ElevenLabs Voice Isolation',
		description: 'The voice of an audio file without the background noise',
	},
	{
		id: 'elevenlabs/sound-effect-v2',
		displayName: 'ElevenLabs Sound Effect v2',
		description: 'A sound effect from a description, up to 22 seconds',
	},
	{ id: 'suno/generate-sounds', displayName: 'Suno Generate Sounds' },
];
