/**
 * The `data` of Kie's answers other than task records: a created task's id, the credit balance,
 * an uploaded file. Shapes as Kie's pages show them, including where they disagree.
 */
import { z } from 'zod';

import { taskIdOf } from './apis';
import type { EndpointName } from './endpoints';
import { KieRequestError } from './errors';
import type { UploadedFile } from './types';

export function parseCreatedTaskId(endpoint: EndpointName, data: unknown): string {
	const taskId = taskIdOf(data) ?? (typeof data === 'string' && data !== '' ? data : undefined);
	if (!taskId) {
		throw new KieRequestError(
			{ endpoint, delivery: 'maybe-sent', networkCode: 'MALFORMED' },
			'Kie.ai accepted the task but its answer carried no taskId',
		);
	}
	return taskId;
}

/** `data` is the bare number of credits (sometimes as a string, sometimes wrapped). */
const wrappedCredits = z
	.object({ credits: z.unknown(), credit: z.unknown(), balance: z.unknown() })
	.partial()
	.passthrough();

export function parseCredits(data: unknown): number {
	const wrapped =
		typeof data === 'object' && data !== null ? wrappedCredits.safeParse(data) : undefined;
	const source = wrapped?.success
		? (wrapped.data.credits ?? wrapped.data.credit ?? wrapped.data.balance)
		: data;
	const credits = Number(source);
	if (source === null || source === '' || typeof source === 'object' || !Number.isFinite(credits)) {
		throw new KieRequestError(
			{ endpoint: 'account.credits', delivery: 'answered', networkCode: 'MALFORMED' },
			'Kie.ai answered the credits request without a number',
		);
	}
	return credits;
}

const text = z
	.unknown()
	.transform((value) => (value === undefined || value === null ? undefined : String(value)));

/** The endpoint pages say downloadUrl/uploadedAt; the quickstart shows fileUrl/uploadTime. */
const uploadSchema = z
	.object({
		downloadUrl: text,
		fileUrl: text,
		fileName: text,
		filePath: text,
		uploadPath: text,
		fileSize: z.unknown(),
		mimeType: text,
		uploadedAt: text,
		uploadTime: text,
	})
	.partial();

export function parseUploadResult(endpoint: EndpointName, data: unknown): UploadedFile {
	const parsed = uploadSchema.safeParse(data);
	if (!parsed.success || typeof data !== 'object' || data === null) {
		throw new KieRequestError(
			{ endpoint, delivery: 'maybe-sent', networkCode: 'MALFORMED' },
			'Kie.ai accepted the upload but its answer carried no file information',
		);
	}
	const file = parsed.data;
	const downloadUrl = file.downloadUrl ?? file.fileUrl ?? '';
	if (!downloadUrl) {
		throw new KieRequestError(
			{ endpoint, delivery: 'maybe-sent', networkCode: 'MALFORMED' },
			'Kie.ai accepted the upload but its answer carried no download URL',
		);
	}
	return {
		downloadUrl,
		fileName: file.fileName ?? '',
		// The quickstart's answer names the folder and the file apart.
		filePath:
			file.filePath ??
			[file.uploadPath, file.fileName]
				.filter((part) => part !== undefined && part !== '')
				.join('/'),
		fileSize: Number(file.fileSize ?? 0),
		mimeType: file.mimeType ?? '',
		uploadedAt: file.uploadedAt ?? file.uploadTime ?? '',
	};
}
