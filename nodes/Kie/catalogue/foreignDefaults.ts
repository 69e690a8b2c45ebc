/**
 * With Model set by an expression n8n cannot tell which model's Aspect Ratio / Resolution /
 * Output Format / Duration field is meant, so it fills in one definition's default for all of
 * them. For such a node, a value that is some model's default (image or video) and that the
 * item's model does not accept counts as not given, so the item's model gets its own default.
 */
import { normaliseEnum } from './inputs';
import { MODELS, getModel } from './registry';
import type { CommonImageFields } from './types';
import { V1_VIDEO_MODELS } from './v1/video';

type DefaultedParam = 'aspectRatio' | 'resolution' | 'outputFormat' | 'duration';

export function isSomeModelsDefault(param: DefaultedParam, value: unknown): boolean {
	if (value === undefined || value === null || value === '') return false;
	for (const model of [...V1_VIDEO_MODELS, ...MODELS]) {
		const spec = (model as Partial<Record<DefaultedParam, { default: unknown }>>)[param];
		if (spec && spec.default === value) return true;
	}
	return false;
}

const IMAGE_ENUMS = ['aspectRatio', 'resolution', 'outputFormat'] as const;

export function withoutForeignImageDefaults(
	modelId: string,
	fields: CommonImageFields,
): CommonImageFields {
	const model = getModel(modelId);
	if (!model) return fields;
	const relaxed = { ...fields };
	for (const param of IMAGE_ENUMS) {
		const value = relaxed[param];
		if (!isSomeModelsDefault(param, value)) continue;
		const spec = model[param];
		let accepted = false;
		try {
			accepted =
				spec !== undefined &&
				normaliseEnum(spec, value, model.id, { param, label: param }) !== undefined;
		} catch {
			accepted = false;
		}
		if (!accepted) relaxed[param] = undefined;
	}
	return relaxed;
}
