/** Inputs and helpers shared by the catalogue unit tests. */
import {
	KieInputError,
	mapInput,
	validate,
	type CommonImageFields,
	type ImageOperation,
} from '../../../../nodes/Kie/catalogue';

/** Validation, then mapping with the uploads done: what Generate and Edit do. */
export const buildTaskRequest = (
	operation: ImageOperation,
	model: string,
	fields: CommonImageFields,
	uploaded: string[] = [],
) => mapInput(validate(operation, model, fields, uploaded.length), uploaded);
export const validateTaskRequest = validate;

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
