import { parseFileSize } from './binary';
import { describeValue, KieInputError } from './errors';
import type { BinaryInfo } from './types';
import { CUSTOM_VIDEO_MODEL, getVideoModel } from './videoRegistry';

const MiB = 1024 * 1024;
const ANY_MEDIA = ['image/*', 'video/*', 'audio/*'];

const accepts = (allowed: readonly string[], type: string) =>
	allowed.some((entry) =>
		entry.endsWith('/*') ? type.startsWith(entry.slice(0, -1)) : entry === type,
	);

const megabytes = (bytes: number) => `${Number((bytes / MiB).toFixed(1))} MB`;

/**
 * Checks one binary input against the video model's image types and size before it is uploaded.
 * Throws KieInputError (field 'binaryProperties') naming the property and what the model allows.
 */
export function validateBinaryForVideoModel(modelId: string, binary: BinaryInfo): void {
	const property = `Binary property "${binary.propertyName}"${binary.fileName ? ` (${binary.fileName})` : ''}`;
	const model = getVideoModel(modelId);
	if (modelId !== CUSTOM_VIDEO_MODEL && !model) {
		throw new KieInputError('model', modelId, `Unknown video model ${describeValue(modelId)}`);
	}
	if (model && !model.images) {
		throw new KieInputError(
			'binaryProperties',
			binary.propertyName,
			`${property}: ${modelId} takes no input images`,
			'no images',
		);
	}
	const mimeTypes = model?.images?.mimeTypes ?? ANY_MEDIA;
	const type = binary.mimeType?.split(';')[0].trim().toLowerCase();
	if (!type || !accepts(mimeTypes, type)) {
		const allowed = mimeTypes.join(', ');
		throw new KieInputError(
			'binaryProperties',
			binary.mimeType,
			`${property} is ${type ?? 'of unknown type'}; ${modelId} accepts ${allowed}`,
			allowed,
		);
	}
	const limit = model?.images?.maxFileSizeBytes;
	const bytes = typeof binary.bytes === 'number' ? binary.bytes : parseFileSize(binary.fileSize);
	if (limit !== undefined && bytes !== undefined && bytes > limit) {
		const allowed = `up to ${megabytes(limit)} per file`;
		throw new KieInputError(
			'binaryProperties',
			binary.fileSize ?? bytes,
			`${property} is ${bytes} bytes (${megabytes(bytes)}); ${modelId} accepts ${allowed}`,
			allowed,
		);
	}
}
