/*
 * Hand-kept: how the model pickers name and order the catalogue's models (the pages' titles
 * are often ids, e.g. "elevenlabs/audio-isolation").
 */

/** The picker's name, sentence and order for a model (the order within its resource). */
export interface PickerEntry {
	id: string;
	displayName: string;
	description?: string;
}

/**
 * Names and order of the model pickers: 0.2's models first, as 0.2 named them, then the rest.
 * Models not listed follow in the order of their names, with their page's title.
 */
export const PICKER: readonly PickerEntry[] = [
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
	{ id: 'z-image', displayName: 'Z-Image', description: 'Inexpensive, fast text to image' },
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
		id: 'runway',
		displayName: 'Runway (Gen-3 Alpha Turbo)',
		description: 'Runway API: 5 or 10 s, 720p or 1080p (5 s only), text or one image',
	},
	{
		id: 'runway-aleph',
		displayName: 'Runway Aleph',
		description: 'Restyles a video from a prompt (video to video), optionally guided by an image',
	},
	{
		id: 'kling-3.0/video',
		displayName: 'Kling 3.0',
		description:
			'Text or first/last frame to a 3-15 s video, standard or pro resolution, optional sound',
	},
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
		id: 'sora-2-text-to-video',
		displayName: 'Sora 2 Text to Video',
		description: 'OpenAI Sora 2: text to a 10 or 15 s landscape or portrait video',
	},
	{
		id: 'sora-2-image-to-video',
		displayName: 'Sora 2 Image to Video',
		description: 'OpenAI Sora 2: one image (first frame) and text to a 10 or 15 s video',
	},
	{
		id: 'hailuo/2-3-image-to-video-pro',
		displayName: 'Hailuo 2.3 Pro Image to Video',
		description:
			'MiniMax Hailuo 2.3 Pro: one image and text to a 6 or 10 s video (1080P: 6 s only)',
	},
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
	{
		id: 'bytedance/seedance-1.5-pro',
		displayName: 'Seedance 1.5 Pro',
		description:
			'ByteDance Seedance 1.5 Pro: text or up to 2 images to a 4, 8 or 12 s video, optional audio',
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
		id: 'V4',
		displayName: 'Suno V4',
		description: 'Suno V4: improved vocals, songs up to 4 minutes',
	},
	{
		id: 'elevenlabs/text-to-speech-multilingual-v2',
		displayName: 'ElevenLabs Multilingual v2 (Speech)',
		description: 'Text to speech in many languages; the prompt is the text to speak',
	},
	{
		id: 'elevenlabs/text-to-speech-turbo-2-5',
		displayName: 'ElevenLabs Turbo 2.5 (Speech)',
		description: 'Fast text to speech, with language enforcement; the prompt is the text to speak',
	},
	{
		id: 'elevenlabs/sound-effect-v2',
		displayName: 'ElevenLabs Sound Effect v2',
		description: 'A sound effect from a description, up to 22 seconds',
	},
	// Models the picker lists after the 0.2 ones (names as users search for them).
	{ id: 'bytedance/seedance-2', displayName: 'Seedance 2' },
	{ id: 'bytedance/seedance-2-fast', displayName: 'Seedance 2 Fast' },
	{ id: 'bytedance/v1-pro-text-to-video', displayName: 'Seedance 1.0 Pro Text to Video' },
	{ id: 'bytedance/v1-pro-image-to-video', displayName: 'Seedance 1.0 Pro Image to Video' },
	{
		id: 'bytedance/v1-pro-fast-image-to-video',
		displayName: 'Seedance 1.0 Pro Fast Image to Video',
	},
	{ id: 'bytedance/v1-lite-text-to-video', displayName: 'Seedance 1.0 Lite Text to Video' },
	{ id: 'bytedance/v1-lite-image-to-video', displayName: 'Seedance 1.0 Lite Image to Video' },
	{ id: 'hailuo/02-text-to-video-pro', displayName: 'Hailuo 02 Pro Text to Video' },
	{ id: 'hailuo/02-text-to-video-standard', displayName: 'Hailuo 02 Standard Text to Video' },
	{ id: 'hailuo/02-image-to-video-pro', displayName: 'Hailuo 02 Pro Image to Video' },
	{ id: 'hailuo/02-image-to-video-standard', displayName: 'Hailuo 02 Standard Image to Video' },
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
	{ id: 'V4_5ALL', displayName: 'Suno V4.5 All' },
	{ id: 'V5_5', displayName: 'Suno V5.5' },
];
