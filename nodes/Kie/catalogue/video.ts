/** The video model catalogue: model data, validation and mapping onto each API's body, and the UI. */
export {
	CUSTOM_VIDEO_MODEL,
	DEFAULT_VIDEO_MODEL,
	VIDEO_MODELS,
	getVideoModel,
} from './videoRegistry';
export {
	buildVideoRequest,
	validateVideoRequest,
	withoutForeignDefaults,
	type CommonVideoFields,
	type VideoTaskRequest,
} from './videoRequest';
export { validateBinaryForVideoModel } from './videoBinary';
export { isSomeModelsDefault } from './foreignDefaults';
export { videoModelProperties, videoModelsWithImages } from './videoProperties';
export type { VideoApi, VideoModelSpec } from './videoTypes';
