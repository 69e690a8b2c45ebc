import { VIDEO_MODEL_LIST } from './videoModels';
import type { VideoModelSpec } from './videoTypes';

/** The video model id that lets the user name any jobs-API model. */
export const CUSTOM_VIDEO_MODEL = 'custom';

export const DEFAULT_VIDEO_MODEL = 'veo3_fast';

export const VIDEO_MODELS: readonly VideoModelSpec[] = VIDEO_MODEL_LIST;

const byId = new Map(VIDEO_MODELS.map((model) => [model.id, model]));

export function getVideoModel(id: string): VideoModelSpec | undefined {
	return byId.get(id);
}
