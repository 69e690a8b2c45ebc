/**
 * The files behind a task's media fields, when they are the simulator's own (uploads, results):
 * what Kie refuses in them (a type the page does not accept, a file over its size, an image
 * outside the dimensions its page states in prose), and the size of the images a cut-out or an
 * upscale makes from them.
 */
import { CATALOGUE } from '../../nodes/Kie/catalogue/modelCatalogue';
import type { FieldData, ModelData } from '../../nodes/Kie/catalogue/modelData';
import { simulatorFile } from './files';
import { imageShape, type PngShape } from './images';
import type { SimulatorState } from './state';

const MODELS = new Map<string, ModelData>(CATALOGUE.map((model) => [model.id, model]));

interface ImageLimits {
	minSide?: number;
	maxSide?: number;
	maxPixels?: number;
	/** width / height */
	minAspect?: number;
	maxAspect?: number;
}

const SEEDANCE_REFERENCES: ImageLimits = {
	minSide: 300,
	maxSide: 6000,
	minAspect: 0.4,
	maxAspect: 2.5,
};

/** Image dimensions the pages state in a field's description (model → field → limits). */
const IMAGE_LIMITS: Readonly<Record<string, Readonly<Record<string, ImageLimits>>>> = {
	// market/recraft/remove-background.md: "Max 5MB, max 16MP, max dimension 4096px, min dimension 256px"
	'recraft/remove-background': {
		image: { minSide: 256, maxSide: 4096, maxPixels: 16_000_000 },
	},
	// market/bytedance/seedance-2(-fast).md: "Aspect ratio (width/height): (0.4, 2.5) Width and height (px): (300, 6000)"
	'bytedance/seedance-2': { reference_image_urls: SEEDANCE_REFERENCES },
	'bytedance/seedance-2-fast': { reference_image_urls: SEEDANCE_REFERENCES },
};

function limitsProblem(shape: PngShape, limits: ImageLimits, path: string): string | undefined {
	const { width, height } = shape;
	const size = `${width}×${height} px`;
	if (limits.minSide !== undefined && Math.min(width, height) < limits.minSide)
		return `${path}: the image is ${size}, at least ${limits.minSide} px a side are needed`;
	if (limits.maxSide !== undefined && Math.max(width, height) > limits.maxSide)
		return `${path}: the image is ${size}, at most ${limits.maxSide} px a side are allowed`;
	if (limits.maxPixels !== undefined && width * height > limits.maxPixels)
		return `${path}: the image is ${size}, at most ${limits.maxPixels} pixels are allowed`;
	const aspect = width / height;
	if (
		(limits.minAspect !== undefined && aspect < limits.minAspect) ||
		(limits.maxAspect !== undefined && aspect > limits.maxAspect)
	)
		return `${path}: the image is ${size}, its aspect ratio must be within ${limits.minAspect}–${limits.maxAspect}`;
	return undefined;
}

function fileProblem(
	state: SimulatorState,
	model: string,
	field: FieldData,
	url: unknown,
	path: string,
): string | undefined {
	if (typeof url !== 'string') return undefined;
	const file = simulatorFile(state, url);
	if (!file) return undefined;
	if (field.mimeTypes && !field.mimeTypes.includes(file.mimeType))
		return `${path}: file type ${file.mimeType} is not supported (${field.mimeTypes.join(', ')})`;
	if (field.maxFileSizeBytes !== undefined && file.bytes.length > field.maxFileSizeBytes)
		return `${path}: the file is ${file.bytes.length} bytes, at most ${field.maxFileSizeBytes} are allowed`;
	const limits = IMAGE_LIMITS[model]?.[field.name];
	const shape = limits ? imageShape(file.bytes) : undefined;
	return limits && shape ? limitsProblem(shape, limits, path) : undefined;
}

/** The first file the pages' limits refuse among the media fields of a jobs-API input. */
export function mediaFilesProblem(
	state: SimulatorState,
	modelId: string,
	input: Record<string, unknown>,
): string | undefined {
	const model = MODELS.get(modelId);
	for (const field of model?.fields ?? []) {
		if (!field.media) continue;
		const value = input[field.name];
		const urls = Array.isArray(value) ? value : [value];
		for (const [index, url] of urls.entries()) {
			const path = Array.isArray(value) ? `${field.name}[${index}]` : field.name;
			const problem = fileProblem(state, modelId, field, url, path);
			if (problem) return problem;
		}
	}
	return undefined;
}

/** Result images larger than this are left at the default size (the simulator's memory). */
const MAX_RESULT_PIXELS = 16_777_216;

/**
 * The PNG a cut-out or an upscale makes from the simulator's own input image: a removed
 * background keeps the size and is transparent around the subject; an upscale multiplies width
 * and height by its `upscale_factor` (Topaz: "2.0 doubles width and height") and keeps alpha.
 */
export function resultImageFor(
	state: SimulatorState,
	modelId: string,
	input: Record<string, unknown>,
): PngShape | undefined {
	const model = MODELS.get(modelId);
	if (model?.resource !== 'image') return undefined;
	const factor = Number(input.upscale_factor);
	const scales = model.operation === 'upscale' && Number.isFinite(factor) && factor > 0;
	if (model.operation !== 'removeBackground' && !scales) return undefined;
	const field = model.fields.find((candidate) => candidate.media === 'image');
	const url = field ? input[field.name] : undefined;
	const file = typeof url === 'string' ? simulatorFile(state, url) : undefined;
	const shape = file ? imageShape(file.bytes) : undefined;
	if (!shape) return undefined;
	const result =
		model.operation === 'removeBackground'
			? { width: shape.width, height: shape.height, alpha: true }
			: {
					width: Math.round(shape.width * factor),
					height: Math.round(shape.height * factor),
					alpha: shape.alpha === true,
				};
	return result.width * result.height <= MAX_RESULT_PIXELS ? result : undefined;
}
