import { MODEL_LIST } from './models';
import type { ModelSpec } from './types';

/** The model id that lets the user name any jobs-API model. */
export const CUSTOM_MODEL = 'custom';

export const MODELS: readonly ModelSpec[] = MODEL_LIST;

const byId = new Map(MODELS.map((model) => [model.id, model]));

export function getModel(id: string): ModelSpec | undefined {
	return byId.get(id);
}
