/**
 * What the simulated createTask accepts: Kie's documented limits for nano-banana-pro, each
 * catalogue model's documented input field names (model-fields.ts), and only a non-empty prompt
 * for any other model (Kie has dozens; unknown ones are accepted too).
 */
import { isElevenLabsModel, validateElevenLabs } from './elevenlabs';
import { CATALOGUE } from '../../nodes/Kie/catalogue/modelCatalogue';
import { MODEL_FIELDS } from './model-fields';

export const NANO_BANANA_PRO = 'nano-banana-pro';
export const NANO_BANANA_PRO_ASPECT_RATIOS = [
	'1:1',
	'2:3',
	'3:2',
	'3:4',
	'4:3',
	'4:5',
	'5:4',
	'9:16',
	'16:9',
	'21:9',
	'auto',
];
export const NANO_BANANA_PRO_RESOLUTIONS = ['1K', '2K', '4K'];
export const NANO_BANANA_PRO_OUTPUT_FORMATS = ['png', 'jpg'];
export const NANO_BANANA_PRO_MAX_PROMPT = 10_000;
export const NANO_BANANA_PRO_MAX_IMAGES = 8;

export interface CreateRequest {
	model: string;
	callBackUrl?: string;
	input: Record<string, unknown>;
}

export type CreateValidation = { ok: true; request: CreateRequest } | { ok: false; msg: string };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpUrl(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

function validateNanoBananaPro(input: Record<string, unknown>): string | undefined {
	const { prompt, image_input, aspect_ratio, resolution, output_format } = input;
	if (typeof prompt !== 'string' || prompt.trim() === '') return 'prompt is required';
	if (prompt.length > NANO_BANANA_PRO_MAX_PROMPT) {
		return `prompt length cannot exceed ${NANO_BANANA_PRO_MAX_PROMPT} characters`;
	}
	if (image_input !== undefined) {
		if (!Array.isArray(image_input) || !image_input.every(isHttpUrl)) {
			return 'image_input must be an array of image URLs';
		}
		if (image_input.length > NANO_BANANA_PRO_MAX_IMAGES) {
			return `image_input supports at most ${NANO_BANANA_PRO_MAX_IMAGES} images`;
		}
	}
	if (
		aspect_ratio !== undefined &&
		!NANO_BANANA_PRO_ASPECT_RATIOS.includes(aspect_ratio as string)
	) {
		return `aspect_ratio is not within the range of allowed options: ${NANO_BANANA_PRO_ASPECT_RATIOS.join(', ')}`;
	}
	if (resolution !== undefined && !NANO_BANANA_PRO_RESOLUTIONS.includes(resolution as string)) {
		return `resolution is not within the range of allowed options: ${NANO_BANANA_PRO_RESOLUTIONS.join(', ')}`;
	}
	if (
		output_format !== undefined &&
		!NANO_BANANA_PRO_OUTPUT_FORMATS.includes(output_format as string)
	) {
		return `output_format is not within the range of allowed options: ${NANO_BANANA_PRO_OUTPUT_FORMATS.join(', ')}`;
	}
	return undefined;
}

/** A missing required field or one the model's page does not name. */
function documentedFieldsProblem(
	model: string,
	input: Record<string, unknown>,
): string | undefined {
	const { required, allowed } = MODEL_FIELDS[model];
	const missing = required.find((name) => input[name] === undefined || input[name] === '');
	if (missing) return `${missing} is required`;
	const unknown = Object.keys(input).find((name) => !allowed.includes(name));
	if (unknown) return `${unknown} is not a parameter of ${model}`;
	return undefined;
}

/**
 * A model of the node's catalogue that the list above does not name: the fields its data marks
 * required must be there (prompt-less tools such as Recraft's background removal need none).
 * Other models need a prompt.
 */
function catalogueRequiredProblem(
	model: string,
	input: Record<string, unknown>,
): string | undefined {
	const data = CATALOGUE.find((entry) => entry.id === model && entry.fieldsAt === 'input');
	if (!data) return 'prompt is required';
	const missing = data.fields.find(
		(field) => field.required && (input[field.name] === undefined || input[field.name] === ''),
	);
	return missing ? `${missing.name} is required` : undefined;
}

export function validateCreateRequest(body: unknown): CreateValidation {
	if (!isRecord(body)) return { ok: false, msg: 'Request body must be a JSON object' };
	const { model, input, callBackUrl } = body;
	if (typeof model !== 'string' || model.trim() === '')
		return { ok: false, msg: 'model is required' };
	if (!isRecord(input)) return { ok: false, msg: 'input is required' };
	if (
		callBackUrl !== undefined &&
		callBackUrl !== null &&
		callBackUrl !== '' &&
		!isHttpUrl(callBackUrl)
	) {
		return { ok: false, msg: 'callBackUrl must be a valid http(s) URL' };
	}
	const fields = MODEL_FIELDS[model];
	const problem =
		(fields ? documentedFieldsProblem(model, input) : undefined) ??
		(model === NANO_BANANA_PRO
			? validateNanoBananaPro(input)
			: isElevenLabsModel(model)
				? validateElevenLabs(model, input)
				: fields || (typeof input.prompt === 'string' && input.prompt.trim() !== '')
					? undefined
					: catalogueRequiredProblem(model, input));
	if (problem) return { ok: false, msg: problem };
	const request: CreateRequest = { model, input };
	if (typeof callBackUrl === 'string' && callBackUrl !== '') request.callBackUrl = callBackUrl;
	return { ok: true, request };
}

export function creditsFor(request: CreateRequest): number {
	if (request.model === NANO_BANANA_PRO) return request.input.resolution === '4K' ? 48 : 24;
	return 10;
}

/** input.num_images or input.n when a number 1..4, else 1. */
export function resultCountFor(input: Record<string, unknown>): number {
	for (const value of [input.num_images, input.n]) {
		if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4)
			return value;
	}
	return 1;
}

export function resultExtensionFor(
	input: Record<string, unknown>,
	model = '',
): 'png' | 'jpg' | 'mp3' {
	if (isElevenLabsModel(model)) return 'mp3';
	const format = typeof input.output_format === 'string' ? input.output_format.toLowerCase() : '';
	return format === 'jpg' || format === 'jpeg' ? 'jpg' : 'png';
}
