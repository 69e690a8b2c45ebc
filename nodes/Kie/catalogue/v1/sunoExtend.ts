/**
 * Audio → Extend (both versions show version 1's panel) on the catalogue: Suno's Extend Music
 * (`suno/extend-music`, a continuation of data/models.ts) continues a track of a finished Suno
 * task. What v1 read from the source task (its Suno version, the track, the track's style,
 * title and length) is kept here, with v1's messages (its text limits per version are Extend
 * Music's page's, in the catalogue's data); check/build do the rest. Frozen: saved workflows run on it.
 */
import type { IDataObject } from 'n8n-workflow';

import { describeValue, KieInputError } from '../errors';
import { checkFieldValue, parseAdditionalInput } from '../fieldChecks';
import type { ModelData } from '../modelData';
import { CONTINUATIONS } from '../modelCatalogue';
import {
	FROM_ADDITIONAL,
	refuseNodeSet,
	requireText,
	sunoLimit,
	sunoText,
	V1_AUDIO_MODELS,
	withV1Blanks,
} from './audio';
import { v1Parameters, type V1Mapping, type V1Run } from './mapping';

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
}

/**
 * v1's Extend onto Extend Music: the fields v1 set (Task ID decides the Suno version), sent with
 * the Suno version as the task's model.
 */
export const V1_SUNO_EXTEND: V1Mapping = {
	id: 'suno/extend-music',
	parameters: {
		prompt: 'prompt',
		style: 'style',
		title: 'title',
		continueAt: 'continueAt',
		audioId: 'audioId',
		defaultParamFlag: 'defaultParamFlag',
		taskId: 'model',
	},
	task: { model: '{model}' },
};

/** The Additional Input fields v1 checked (the others are sent as written). */
const CHECKED = ['styleWeight', 'weirdnessConstraint', 'audioWeight', 'vocalGender'];

function readAdditional(raw: unknown): IDataObject {
	const additional = parseAdditionalInput(raw);
	for (const key of ['model', 'callBackUrl']) if (key in additional) refuseNodeSet(key, raw);
	return additional;
}

/**
 * Extend Music's parameters for continuing `source` (a track of a finished Suno task made with
 * `modelId`). With a prompt the extension uses new parameters (style and title default to the
 * source track's); without one Kie inherits the source's. `asSent`: Additional Input v1 sent
 * unchecked.
 */
export function v1SunoExtend(
	modelId: string,
	source: SourceTrack,
	fields: AudioExtendFields,
): V1Run & { model: ModelData; asSent: IDataObject } {
	if (!V1_AUDIO_MODELS.find((model) => model.id === modelId)?.suno) {
		throw new KieInputError(
			'taskId',
			modelId,
			`The source task was made with ${describeValue(modelId)}, which the node cannot extend; Suno extends tracks of its own versions`,
			'a Suno task (V4, V4_5, V4_5PLUS, V4_5ALL, V5, V5_5)',
		);
	}
	const model = CONTINUATIONS.find((entry) => entry.id === V1_SUNO_EXTEND.id);
	if (!model) throw new Error(`No catalogue model ${V1_SUNO_EXTEND.id}`);
	const additional = readAdditional(fields.additionalInput);
	const continueAt = readContinueAt(fields.continueAt, source);
	const what = `Suno ${modelId} (extend)`;
	// Extend Music's page's limits for the source's version.
	const max = (name: 'prompt' | 'style' | 'title') => sunoLimit(model, name, { model: modelId });
	const prompt = sunoText('prompt', fields.prompt, false, max('prompt'), what);
	// v1's messages name the Suno version.
	withV1Blanks({ ...model, id: modelId }, additional, CHECKED);
	for (const field of model.fields.filter((candidate) => CHECKED.includes(candidate.name))) {
		if (!(field.name in additional)) continue;
		const blame = { param: 'additionalInput', label: field.name, suffix: FROM_ADDITIONAL };
		const value = checkFieldValue(field, additional[field.name], { ...blame, modelName: modelId });
		if (value === undefined) delete additional[field.name];
		else additional[field.name] = value;
	}
	const own: IDataObject = { defaultParamFlag: prompt !== undefined, audioId: source.id };
	if (prompt === undefined) {
		if (continueAt !== undefined) own.continueAt = continueAt;
	} else {
		// Empty style or title: the source track's own (its tags, its title).
		const inherited = (name: 'style' | 'title', given: unknown) => {
			const blank = given === undefined || given === null || String(given).trim() === '';
			const value = blank ? source[name === 'style' ? 'tags' : 'title'] : given;
			return sunoText(name, value, false, max(name), what);
		};
		const style = inherited('style', fields.style);
		const title = inherited('title', fields.title);
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
		Object.assign(own, { prompt, style, title, continueAt });
	}
	// Additional Input under what v1 set itself; the fields v1 checked are checked again.
	const checked: IDataObject = {};
	const asSent: IDataObject = {};
	for (const [key, value] of Object.entries(additional)) {
		if (key in own) continue;
		if (CHECKED.includes(key)) checked[key] = value;
		else asSent[key] = value;
	}
	const run = v1Parameters(model, V1_SUNO_EXTEND, {
		...own,
		taskId: modelId,
		additionalInput: checked,
	});
	return { model, ...run, asSent };
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
