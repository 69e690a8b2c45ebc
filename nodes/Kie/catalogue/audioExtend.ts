import type { IDataObject } from 'n8n-workflow';

import { getAudioModel } from './audioModels';
import { checkOptional, readAdditional, requireText, sunoText } from './audioFields';
import type { CreateTaskRequest } from '../client';
import { PLACEHOLDER_CALLBACK } from './apis';
import type { AudioExtendFields } from './audioTypes';
import { describeValue, KieInputError } from './errors';

/** A Suno track of a finished task, as the source of an extend. */
export interface SourceTrack {
	id: string;
	title?: string;
	tags?: string;
	duration?: number;
}

/**
 * Extend Music: continue `source` (a track of a finished Suno task made with `modelId`). With a
 * prompt the extension uses new parameters (style and title default to the source track's);
 * without one Kie inherits the source's parameters.
 */
export function buildSunoExtendRequest(
	modelId: string,
	source: SourceTrack,
	fields: AudioExtendFields,
): CreateTaskRequest {
	const model = getAudioModel(modelId);
	if (!model || model.family !== 'suno') {
		throw new KieInputError(
			'taskId',
			modelId,
			`The source task was made with ${describeValue(modelId)}, which the node cannot extend; Suno extends tracks of its own versions`,
			'a Suno task (V4, V4_5, V4_5PLUS, V4_5ALL, V5, V5_5)',
		);
	}
	const additional = readAdditional(fields.additionalInput);
	const continueAt = readContinueAt(fields.continueAt, source);
	const mode = 'extend';
	const values: IDataObject = {
		prompt: fields.prompt as string,
		style: isBlankText(fields.style) ? source.tags : (fields.style as string),
		title: isBlankText(fields.title) ? source.title : (fields.title as string),
	};
	const limits = model.extendLimits;
	const prompt = sunoText('prompt', values, false, limits.prompt, model.id, mode);
	const body: IDataObject = { ...additional };
	checkOptional(model.optional, body, model.id, Object.keys(additional));
	if (prompt === undefined) {
		Object.assign(body, { defaultParamFlag: false, audioId: source.id });
		if (continueAt !== undefined) body.continueAt = continueAt;
	} else {
		const style = sunoText('style', values, false, limits.style, model.id, mode);
		const title = sunoText('title', values, false, limits.title, model.id, mode);
		if (style === undefined)
			requireText('style', fields.style, 'extending with a prompt needs a style');
		if (title === undefined)
			requireText('title', fields.title, 'extending with a prompt needs a title');
		if (continueAt === undefined) {
			throw new KieInputError(
				'continueAt',
				fields.continueAt,
				'Continue At is required when extending with a prompt: the second of the source track where the extension starts',
				source.duration ? `more than 0 and less than ${source.duration}` : 'more than 0 seconds',
			);
		}
		Object.assign(body, {
			defaultParamFlag: true,
			audioId: source.id,
			prompt,
			style,
			title,
			continueAt,
		});
	}
	body.model = model.id;
	body.callBackUrl = fields.callbackUrl ?? PLACEHOLDER_CALLBACK;
	return {
		api: 'suno',
		endpoint: model.extendEndpoint,
		model: model.id,
		body,
		expectedMs: model.expectedMs,
	};
}

function isBlankText(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

function readContinueAt(raw: unknown, source: SourceTrack): number | undefined {
	if (raw === undefined || raw === null || raw === '' || raw === 0) return undefined;
	const value = typeof raw === 'string' ? Number(raw.trim()) : raw;
	const duration = source.duration;
	const allowed = duration ? `more than 0 and less than ${duration}` : 'more than 0 seconds';
	if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
		throw new KieInputError(
			'continueAt',
			raw,
			`Continue At ${describeValue(raw)} must be a number of seconds above 0`,
			allowed,
		);
	}
	if (duration !== undefined && value >= duration) {
		throw new KieInputError(
			'continueAt',
			raw,
			`Continue At ${value} is not inside the source track, which is ${duration} seconds long`,
			allowed,
		);
	}
	return value;
}

/** Extend's checks that need no source task (run before any request). */
export function validateSunoExtendFields(fields: AudioExtendFields): void {
	readContinueAt(fields.continueAt, { id: '' });
	readAdditional(fields.additionalInput);
}
