/**
 * The input fields each catalogue model documents (its Kie.ai market page, the `input` object of
 * the createTask request): which it requires and which exist at all. The simulated createTask
 * refuses a missing required field or one the page does not name, so a catalogue mapping that
 * sends a wrong field name fails its test. Models not listed here (custom models) are not checked.
 */
export interface ModelFields {
	required: readonly string[];
	allowed: readonly string[];
}

export const MODEL_FIELDS: Readonly<Record<string, ModelFields>> = {
	// kie-docs market/google/pro-image-to-image.md
	'nano-banana-pro': {
		required: ['prompt'],
		allowed: ['aspect_ratio', 'image_input', 'output_format', 'prompt', 'resolution'],
	},
	// kie-docs market/google/nanobanana2.md
	'nano-banana-2': {
		required: ['prompt'],
		allowed: ['aspect_ratio', 'image_input', 'output_format', 'prompt', 'resolution'],
	},
	// kie-docs market/google/nano-banana.md
	'google/nano-banana': {
		required: ['prompt'],
		allowed: ['image_size', 'output_format', 'prompt'],
	},
	// kie-docs market/google/nano-banana-edit.md
	'google/nano-banana-edit': {
		required: ['prompt', 'image_urls'],
		allowed: ['image_size', 'image_urls', 'output_format', 'prompt'],
	},
	// kie-docs market/google/imagen4.md
	'google/imagen4': {
		required: ['prompt'],
		allowed: ['aspect_ratio', 'negative_prompt', 'prompt', 'seed'],
	},
	// kie-docs market/google/imagen4-fast.md
	'google/imagen4-fast': {
		required: ['prompt'],
		allowed: ['aspect_ratio', 'negative_prompt', 'num_images', 'prompt', 'seed'],
	},
	// kie-docs market/google/imagen4-ultra.md
	'google/imagen4-ultra': {
		required: ['prompt'],
		allowed: ['aspect_ratio', 'negative_prompt', 'prompt', 'seed'],
	},
	// kie-docs market/gpt-image/1-5-text-to-image.md
	'gpt-image/1.5-text-to-image': {
		required: ['prompt', 'aspect_ratio', 'quality'],
		allowed: ['aspect_ratio', 'prompt', 'quality'],
	},
	// kie-docs market/gpt-image/1-5-image-to-image.md
	'gpt-image/1.5-image-to-image': {
		required: ['input_urls', 'prompt', 'aspect_ratio', 'quality'],
		allowed: ['aspect_ratio', 'input_urls', 'prompt', 'quality'],
	},
	// kie-docs market/flux2/pro-text-to-image.md
	'flux-2/pro-text-to-image': {
		required: ['prompt', 'aspect_ratio', 'resolution'],
		allowed: ['aspect_ratio', 'nsfw_checker', 'prompt', 'resolution'],
	},
	// kie-docs market/flux2/pro-image-to-image.md
	'flux-2/pro-image-to-image': {
		required: ['input_urls', 'prompt', 'aspect_ratio', 'resolution'],
		allowed: ['aspect_ratio', 'input_urls', 'nsfw_checker', 'prompt', 'resolution'],
	},
	// kie-docs market/flux2/flex-text-to-image.md
	'flux-2/flex-text-to-image': {
		required: ['prompt', 'aspect_ratio', 'resolution'],
		allowed: ['aspect_ratio', 'nsfw_checker', 'prompt', 'resolution'],
	},
	// kie-docs market/flux2/flex-image-to-image.md
	'flux-2/flex-image-to-image': {
		required: ['input_urls', 'prompt', 'aspect_ratio', 'resolution'],
		allowed: ['aspect_ratio', 'input_urls', 'nsfw_checker', 'prompt', 'resolution'],
	},
	// kie-docs market/seedream/4-5-text-to-image.md
	'seedream/4.5-text-to-image': {
		required: ['prompt', 'aspect_ratio', 'quality'],
		allowed: ['aspect_ratio', 'nsfw_checker', 'prompt', 'quality'],
	},
	// kie-docs market/seedream/4-5-edit.md
	'seedream/4.5-edit': {
		required: ['prompt', 'image_urls', 'aspect_ratio', 'quality'],
		allowed: ['aspect_ratio', 'image_urls', 'nsfw_checker', 'prompt', 'quality'],
	},
	// kie-docs market/seedream/5-lite-text-to-image.md
	'seedream/5-lite-text-to-image': {
		required: ['prompt', 'aspect_ratio', 'quality'],
		allowed: ['aspect_ratio', 'nsfw_checker', 'prompt', 'quality'],
	},
	// kie-docs market/seedream-5-lite-image-to-image.md
	'seedream/5-lite-image-to-image': {
		required: ['prompt', 'image_urls', 'aspect_ratio', 'quality'],
		allowed: ['aspect_ratio', 'image_urls', 'nsfw_checker', 'prompt', 'quality'],
	},
	// kie-docs market/seedream/seedream-v4-text-to-image.md
	'bytedance/seedream-v4-text-to-image': {
		required: ['prompt'],
		allowed: ['image_resolution', 'image_size', 'max_images', 'nsfw_checker', 'prompt', 'seed'],
	},
	// kie-docs market/seedream/seedream-v4-edit.md
	'bytedance/seedream-v4-edit': {
		required: ['prompt', 'image_urls'],
		allowed: [
			'image_resolution',
			'image_size',
			'image_urls',
			'max_images',
			'nsfw_checker',
			'prompt',
			'seed',
		],
	},
	// kie-docs market/seedream/seedream.md
	'bytedance/seedream': {
		required: ['prompt'],
		allowed: ['guidance_scale', 'image_size', 'prompt', 'seed'],
	},
	// kie-docs market/z-image/z-image.md
	'z-image': {
		required: ['prompt', 'aspect_ratio'],
		allowed: ['aspect_ratio', 'nsfw_checker', 'prompt'],
	},
	// kie-docs market/qwen/text-to-image.md
	'qwen/text-to-image': {
		required: ['prompt'],
		allowed: [
			'acceleration',
			'enable_safety_checker',
			'guidance_scale',
			'image_size',
			'negative_prompt',
			'nsfw_checker',
			'num_inference_steps',
			'output_format',
			'prompt',
			'seed',
		],
	},
	// kie-docs market/qwen/image-to-image.md
	'qwen/image-to-image': {
		required: ['prompt', 'image_url'],
		allowed: [
			'acceleration',
			'enable_safety_checker',
			'guidance_scale',
			'image_url',
			'negative_prompt',
			'nsfw_checker',
			'num_inference_steps',
			'output_format',
			'prompt',
			'seed',
			'strength',
		],
	},
	// kie-docs market/qwen/image-edit.md
	'qwen/image-edit': {
		required: ['prompt', 'image_url'],
		allowed: [
			'acceleration',
			'enable_safety_checker',
			'guidance_scale',
			'image_size',
			'image_url',
			'negative_prompt',
			'nsfw_checker',
			'num_images',
			'num_inference_steps',
			'output_format',
			'prompt',
			'seed',
			'sync_mode',
		],
	},
	// kie-docs market/qwen2/image-edit.md
	'qwen2/image-edit': {
		required: ['prompt', 'image_url'],
		allowed: ['image_size', 'image_url', 'nsfw_checker', 'output_format', 'prompt', 'seed'],
	},
	// kie-docs market/grok-imagine/text-to-image.md
	'grok-imagine/text-to-image': {
		required: ['prompt'],
		allowed: ['aspect_ratio', 'enable_pro', 'nsfw_checker', 'prompt'],
	},
	// kie-docs market/grok-imagine/image-to-image.md
	'grok-imagine/image-to-image': {
		required: ['image_urls'],
		allowed: ['image_urls', 'nsfw_checker', 'prompt'],
	},
};
