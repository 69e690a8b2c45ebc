/**
 * The image model catalogue: model data, mapping of the node's common fields onto each
 * model's own input fields, validation before any request, and the model-dependent UI.
 */
export { CUSTOM_MODEL } from './customModelProperties';
export { describeValue, KieInputError } from './errors';
export { checkUrl } from './inputs';
export { isSomeModelsDefault } from './foreignDefaults';
export { checkBinary, parseFileSize } from './binary';
export type { BinaryInfo, EnumFieldSpec, PromptSpec } from './types';
export { checkV1Image, V1_IMAGE_MODELS } from './v1/image';
export { v1ImageModelProperties } from './v1/panel';
export {
	CATALOGUE,
	catalogueModel,
	PLACEHOLDER_CALLBACK as SUNO_PLACEHOLDER_CALLBACK,
} from './modelCatalogue';
export { CUSTOM_MEDIA, customCreate, validateCustom, type CustomFields } from './customModel';
export { build, check, type Naming } from './request';
export { binaryParameterName, parameterName, withPanelLabel } from './fields';
export { CUSTOM_MODEL_ID, modelPanel, modelsFor, PICKERS } from './panel';
export type { CatalogueOperation, CatalogueResource, FieldData, ModelData } from './modelData';
export { mergeAcrossPanels, mergePanels } from './mergePanels';
