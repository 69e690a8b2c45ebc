import { canonicalMimeType, mimeTypeForFileName } from '../shared/mimeTypes';
import { KieInputError } from './errors';
import type { FieldData } from './modelData';
import type { BinaryInfo } from './types';

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
 * One binary for a media field, checked against the field's types and size before it is uploaded
 * (and again with its real size). Throws KieInputError naming `param`, the property, its type or
 * size and what `modelName` accepts.
 */
export function checkBinary(
	field: FieldData,
	binary: BinaryInfo,
	param: string,
	modelName: string,
): void {
	const property = `Binary property "${binary.propertyName}"${binary.fileName ? ` (${binary.fileName})` : ''}`;
	const mimeTypes = field.mimeTypes ?? [`${field.media}/*`];
	const allowedTypes = mimeTypes.join(', ');
	const type = effectiveMimeType(binary);
	if (type === undefined || !accepts(mimeTypes, type)) {
		throw new KieInputError(
			param,
			binary.mimeType,
			`${property} is ${type ?? 'of unknown type'}; ${modelName} accepts ${allowedTypes}`,
			allowedTypes,
		);
	}

	const limit = field.maxFileSizeBytes;
	if (limit === undefined) return;
	const bytes =
		typeof binary.bytes === 'number' && Number.isFinite(binary.bytes)
			? binary.bytes
			: parseFileSize(binary.fileSize);
	if (bytes !== undefined && bytes > limit) {
		const shown =
			typeof binary.fileSize === 'string' && binary.fileSize.trim() !== ''
				? binary.fileSize.trim()
				: `${bytes} bytes (${formatMegabytes(bytes)})`;
		const allowed = `up to ${formatMegabytes(limit)} per file`;
		throw new KieInputError(
			param,
			binary.fileSize ?? bytes,
			`${property} is ${shown}; ${modelName} accepts ${allowed}`,
			allowed,
		);
	}
}
