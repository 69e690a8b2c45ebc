/**
 * What the simulated createTask accepts: every catalogue model's input checked against the
 * catalogue's data (Kie's pages with the overrides: catalogue-input.ts), and only a non-empty
 * prompt for any other model (Kie has more; unknown ones are accepted too).
 */
import { CATALOGUE } from '../../nodes/Kie/catalogue/modelCatalogue';
import { catalogueInputProblem } from './catalogue-input';
import { isElevenLabsModel, validateElevenLabs } from './elevenlabs';

const MARKET_MODELS = new Map(
	CATALOGUE.filter((model) => model.api === 'market').map((model) => [model.id, model]),
);

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
	const documented = MARKET_MODELS.get(model);
	const problem =
		(documented ? catalogueInputProblem(documented, input) : undefined) ??
		(model === NANO_BANANA_PRO
			? validateNanoBananaPro(input)
			: isElevenLabsModel(model)
				? validateElevenLabs(model, input)
				: documented || (typeof input.prompt === 'string' && input.prompt.trim() !== '')
					? undefined
					: 'prompt is required');
	if (problem) return { ok: false, msg: problem };
	const request: CreateRequest = { model, input };
	if (typeof callBackUrl === 'string' && callBackUrl !== '') request.callBackUrl = callBackUrl;
	return { ok: true, request };
}

export function creditsFor(request: CreateRequest): number {
	if (request.model === NANO_BANANA_PRO) return request.input.resolution === '4K' ? 48 : 24;
	return 10;
}

/** input.num_images or input.n when 1..4 (a number, or a numeral as Imagen 4 Fast's page types it), else 1. */
export function resultCountFor(input: Record<string, unknown>): number {
	for (const raw of [input.num_images, input.n]) {
		const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
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
