/**
 * With Model set by an expression n8n cannot tell which model's Aspect Ratio / Resolution /
 * Output Format / Duration field is meant, so it fills in one definition's default for all of
 * them. For such a node, a value that is some model's default (image or video) and that the
 * item's model does not accept counts as not given, so the item's model gets its own default.
 */
import { V1_IMAGE_MODELS } from './v1/image';
import { v1Default } from './v1/mapping';
import { V1_VIDEO_MODELS } from './v1/video';

/** `param`: aspectRatio, resolution, outputFormat or duration. */
export function isSomeModelsDefault(param: string, value: unknown): boolean {
	if (value === undefined || value === null || value === '') return false;
	return [...V1_VIDEO_MODELS, ...V1_IMAGE_MODELS].some(
		(model) => v1Default(model, param) === value,
	);
}
