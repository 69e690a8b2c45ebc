import { canonicalMimeType, mimeTypeForFileName } from '../shared/mimeTypes';
import { describeValue, KieInputError } from './errors';
import { CUSTOM_MODEL, getModel } from './registry';
import type { BinaryInfo, ImageLimits, ImageOperation } from './types';

const CUSTOM_LIMITS: ImageLimits = {
	min: 0,
	max: Number.POSITIVE_INFINITY,
	mimeTypes: ['image/*', 'video/*', 'audio/*'],
};

/**
 * How many images a model takes (for `edit`, at least one) and which files it accepts.
 * undefined for an unknown model or one that takes no images.
 */
export function imageLimits(
	modelId: string,
	operation: ImageOperation = 'edit',
): ImageLimits | undefined {
	if (modelId === CUSTOM_MODEL) return CUSTOM_LIMITS;
	const images = getModel(modelId)?.images;
	if (!images) return undefined;
	return {
		min: operation === 'edit' ? Math.max(images.min, 1) : images.min,
		max: images.max,
		maxFileSizeBytes: images.maxFileSizeBytes,
		mimeTypes: images.mimeTypes,
	};
}

const MiB = 1024 * 1024;

const SIZE_UNITS: Readonly<Record<string, number>> = {
	'': 1,
	b: 1,
	byte: 1,
	bytes: 1,
	kb: 1e3,
	mb: 1e6,
	gb: 1e9,
	tb: 1e12,
	kib: 1024,
	mib: MiB,
	gib: 1024 * MiB,
	tib: 1024 * 1024 * MiB,
};

/**
 * Bytes from a number or from n8n's human form ("1.2 MB", "345 kB": pretty-bytes, SI units);
 * IEC units ("1.5 MiB") are read too. undefined when the size is unknown or unreadable.
 */
export function parseFileSize(size: unknown): number | undefined {
	if (typeof size === 'number') return Number.isFinite(size) && size >= 0 ? size : undefined;
	if (typeof size !== 'string') return undefined;
	const match = /^\s*(\d+(?:[.,]\d+)?)\s*([a-z]*)\s*$/i.exec(size);
	if (!match) return undefined;
	const factor = SIZE_UNITS[match[2].toLowerCase()];
	if (factor === undefined) return undefined;
	return Math.round(Number(match[1].replace(',', '.')) * factor);
}

/** The binary's MIME type, or the one its file name implies when n8n only knows octet-stream. */
function effectiveMimeType(binary: BinaryInfo): string | undefined {
	const declared = canonicalMimeType(binary.mimeType ?? '');
	if (declared !== '' && declared !== 'application/octet-stream') return declared;
	return mimeTypeForFileName(binary.fileName ?? '') ?? (declared || undefined);
}

const accepts = (allowed: readonly string[], type: string) =>
	allowed.some((entry) =>
		entry.endsWith('/*') ? type.startsWith(entry.slice(0, -1)) : entry === type,
	);

const formatMegabytes = (bytes: number) => `${Number((bytes / MiB).toFixed(1))} MB`;

/**
 * Checks one binary input against the model's accepted types and size before it is uploaded.
 * Throws KieInputError (field 'binaryProperties') naming the property, its type or size and
 * what the model allows.
 */
export function validateBinaryForModel(modelId: string, binary: BinaryInfo): void {
	const property = `Binary property "${binary.propertyName}"${binary.fileName ? ` (${binary.fileName})` : ''}`;
	const limits = imageLimits(modelId);
	if (!limits) {
		const known = modelId === CUSTOM_MODEL || getModel(modelId) !== undefined;
		throw new KieInputError(
			known ? 'binaryProperties' : 'model',
			known ? binary.propertyName : modelId,
			known
				? `${property}: ${modelId} takes no input images`
				: `Unknown model ${describeValue(modelId)}`,
		);
	}

	const allowedTypes = limits.mimeTypes.join(', ');
	const type = effectiveMimeType(binary);
	if (type === undefined || !accepts(limits.mimeTypes, type)) {
		throw new KieInputError(
			'binaryProperties',
			binary.mimeType,
			`${property} is ${type ?? 'of unknown type'}; ${modelId} accepts ${allowedTypes}`,
			allowedTypes,
		);
	}

	if (limits.maxFileSizeBytes === undefined) return;
	const bytes =
		typeof binary.bytes === 'number' && Number.isFinite(binary.bytes)
			? binary.bytes
			: parseFileSize(binary.fileSize);
	if (bytes !== undefined && bytes > limits.maxFileSizeBytes) {
		const shown =
			typeof binary.fileSize === 'string' && binary.fileSize.trim() !== ''
				? binary.fileSize.trim()
				: `${bytes} bytes (${formatMegabytes(bytes)})`;
		const allowed = `up to ${formatMegabytes(limits.maxFileSizeBytes)} per file`;
		throw new KieInputError(
			'binaryProperties',
			binary.fileSize ?? bytes,
			`${property} is ${shown}; ${modelId} accepts ${allowed}`,
			allowed,
		);
	}
}
