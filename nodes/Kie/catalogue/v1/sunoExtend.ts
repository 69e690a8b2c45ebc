/**
 * Audio → Extend (both versions show version 1's panel): continue a track of a finished Suno
 * task on Suno's Extend Music endpoint. The version's limits are version 1's Suno data
 * (v1/audio.ts); its optional fields are checked as the catalogue's Suno model states them.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CreateTaskRequest } from '../../client';
import { describeValue, KieInputError } from '../errors';
import { checkFieldValue, parseAdditionalInput } from '../fieldChecks';
import { CATALOGUE, PLACEHOLDER_CALLBACK } from '../modelCatalogue';
import {
	FROM_ADDITIONAL,
	refuseNodeSet,
	requireText,
	sunoText,
	V1_AUDIO_MODELS,
	withV1Blanks,
} from './audio';

/** A Suno track of a finished task, as the source of an extend. */
export interface SourceTrack {
	id: string;
	title?: string;
	tags?: string;
	duration?: number;
}

/** Extend's parameters; values arrive from expressions, hence `unknown`. */
export interface AudioExtendFields {
	prompt?: unknown;
	style?: unknown;
	title?: unknown;
	continueAt?: unknown;
	additionalInput?: unknown;
	callbackUrl?: string;
}

/** The Additional Input fields Extend checks (the others are sent as written). */
const CHECKED = ['styleWeight', 'weirdnessConstraint', 'audioWeight', 'vocalGender'];
const EXPECTED_MS = 150_000;

function readAdditional(raw: unknown): IDataObject {
	const additional = parseAdditionalInput(raw);
	for (const key of ['model', 'callBackUrl']) if (key in additional) refuseNodeSet(key, raw);
	return additional;
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
	const limits = V1_AUDIO_MODELS.find((model) => model.id === modelId)?.suno;
	const model = CATALOGUE.find((entry) => entry.id === modelId);
	if (!limits || !model) {
		throw new KieInputError(
			'taskId',
			modelId,
			`The source task was made with ${describeValue(modelId)}, which the node cannot extend; Suno extends tracks of its own versions`,
			'a Suno task (V4, V4_5, V4_5PLUS, V4_5ALL, V5, V5_5)',
		);
	}
	const additional = readAdditional(fields.additionalInput);
	const continueAt = readContinueAt(fields.continueAt, source);
	const what = `Suno ${modelId} (extend)`;
	const prompt = sunoText('prompt', fields.prompt, false, limits.prompt, what);
	const body: IDataObject = { ...additional };
	withV1Blanks(model, body, CHECKED);
	for (const field of model.fields.filter((candidate) => CHECKED.includes(candidate.name))) {
		if (!(field.name in body)) continue;
		const blame = { param: 'additionalInput', label: field.name, suffix: FROM_ADDITIONAL };
		const value = checkFieldValue(field, body[field.name], { ...blame, modelName: modelId });
		if (value === undefined) delete body[field.name];
		else body[field.name] = value;
	}
	if (prompt === undefined) {
		Object.assign(body, { defaultParamFlag: false, audioId: source.id });
		if (continueAt !== undefined) body.continueAt = continueAt;
	} else {
		// Empty style or title: the source track's own (its tags, its title).
		const inherited = (name: 'style' | 'title', own: unknown, max: number) => {
			const blank = own === undefined || own === null || String(own).trim() === '';
			return sunoText(
				name,
				blank ? source[name === 'style' ? 'tags' : 'title'] : own,
				false,
				max,
				what,
			);
		};
		const style = inherited('style', fields.style, limits.style);
		const title = inherited('title', fields.title, limits.extendTitle);
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
	body.model = modelId;
	body.callBackUrl = fields.callbackUrl ?? PLACEHOLDER_CALLBACK;
	return { api: 'suno', endpoint: 'suno.extend', model: modelId, body, expectedMs: EXPECTED_MS };
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
