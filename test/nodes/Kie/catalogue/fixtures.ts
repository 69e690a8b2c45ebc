/** Inputs and helpers shared by the catalogue unit tests. */
import {
	build,
	checkV1Image,
	customCreate,
	KieInputError,
	validateCustom,
} from '../../../../nodes/Kie/catalogue';

/** Version 1's image parameters, as expressions may give them. */
export interface V1ImageFields {
	prompt?: unknown;
	aspectRatio?: unknown;
	resolution?: unknown;
	outputFormat?: unknown;
	imageUrls?: unknown;
	additionalInput?: unknown;
	customModel?: unknown;
	customImageField?: unknown;
}

const uploadNames = (count: number) =>
	Array.from({ length: count }, (_, index) => `upload${index}`).join(',');

/** Version 1's values, with `uploadCount` binaries still to upload, as Generate and Edit read them. */
function reader(fields: V1ImageFields, uploadCount: number) {
	const values: Record<string, unknown> = { ...fields, binaryProperties: uploadNames(uploadCount) };
	return (param: string) => values[param] ?? (param === 'imageUrls' ? [] : '');
}

/** Version 1's check before any request (Custom Model's own for `custom`). */
export function validateTaskRequest(
	operation: 'generate' | 'edit',
	model: string,
	fields: V1ImageFields,
	uploadCount = 0,
) {
	if (model === 'custom') return validateCustom(fields, uploadCount);
	return checkV1Image(operation, model, reader(fields, uploadCount)).checked;
}

/** The check, then the create with the uploads done: the model and the input Kie receives. */
export function buildTaskRequest(
	operation: 'generate' | 'edit',
	model: string,
	fields: V1ImageFields,
	uploaded: string[] = [],
) {
	const request =
		model === 'custom'
			? customCreate(validateCustom(fields, uploaded.length), uploaded)
			: (() => {
					const { checked } = checkV1Image(operation, model, reader(fields, uploaded.length));
					return build(checked.model, checked, uploaded);
				})();
	const body = request.body;
	// The jobs API's input, or a dedicated API's fields (its body without model and callBackUrl).
	const input = { ...((body.input as Record<string, unknown> | undefined) ?? body) };
	if (body.input === undefined) {
		delete input.model;
		delete input.callBackUrl;
	}
	return { model: request.model, input };
}

export const A = 'https://example.com/a.png';
export const B = 'https://cdn.example.org/path/b.jpg?x=1';
export const UPLOADED = 'https://tempfile.redpandaai.co/n8n/upload-1.png';
export const MiB = 1024 * 1024;

/** The KieInputError that `action` throws (fails the test when it throws nothing or another error). */
export function thrown(action: () => unknown): KieInputError {
	try {
		action();
	} catch (error) {
		expect(error).toBeInstanceOf(KieInputError);
		return error as KieInputError;
	}
	throw new Error('expected a KieInputError, nothing was thrown');
}
