/**
 * The image model catalogue: model data, mapping of the node's common fields onto each
 * model's own input fields, validation before any request, and the model-dependent UI.
 */
export { CUSTOM_MODEL, MODELS, getModel } from './registry';
export { describeValue, KieInputError } from './errors';
export { checkUrl } from './inputs';
export { withoutForeignImageDefaults } from './foreignDefaults';
export { validate, type ValidInput } from './validate';
export { mapInput, type TaskRequest } from './mapInput';
export { imageCreate, type ImageCreate } from './dedicated';
export { imageLimits, parseFileSize, validateBinaryForModel } from './binary';
export { DEFAULT_MODEL, modelProperties } from './properties';
export type {
	BinaryInfo,
	CommonImageFields,
	EnumFieldSpec,
	ImageInputSpec,
	ImageLimits,
	ImageOperation,
	ModelSpec,
	PromptSpec,
} from './types';
export { AUDIO_MODEL_LIST, DEFAULT_AUDIO_MODEL, getAudioModel, SUNO_MODELS } from './audioModels';
export { audioGenerateProperties } from './audioProperties';
export {
	buildAudioRequest,
	SUNO_PLACEHOLDER_CALLBACK,
	type AudioTaskRequest,
} from './audioRequest';
export { buildSunoExtendRequest, validateSunoExtendFields, type SourceTrack } from './audioExtend';
export type {
	AudioExtendFields,
	AudioFields,
	AudioModelSpec,
	MarketAudioModelSpec,
	SunoModelSpec,
} from './audioTypes';
export { CATALOGUE } from './modelCatalogue';
export { validateCustom } from './customModel';
export { build, check, uploadsOf, type Checked, type Parameters } from './request';
export { answerReader } from './apis';
export { binaryParameterName, parameterName, withPanelLabel } from './fields';
export { catalogueModel, CUSTOM_MODEL_ID, modelPanel, modelsFor, PICKERS } from './panel';
export type { CatalogueOperation, CatalogueResource, FieldData, ModelData } from './modelData';
export { mergePanels } from './mergePanels';
