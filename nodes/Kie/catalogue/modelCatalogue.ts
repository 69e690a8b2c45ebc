/**
 * The catalogue: the models the node offers, the pages' data (data/models.ts) with the hand-kept
 * overrides (overrides.ts) applied, in picker order; then what each of Kie's APIs needs beyond its
 * models' fields: the client's create endpoint, a callback URL it requires even when the node
 * polls, and the API's own conditions. "A new Kie API" is one entry in APIS (and its file under
 * client/apis/).
 */
import type { IDataObject } from 'n8n-workflow';

import {
	parseBoostStyle,
	parsePersona,
	parseTimestampedLyrics,
	type CreateTaskRequest,
	type KieApi,
} from '../client';
import { CONTINUATION_MODELS, PAGE_MODELS } from './data/models';
import type { FieldData, FieldRule, ModelApi, ModelData } from './modelData';
import { ADDED_MODELS, OVERRIDES, type AddedModel, type ModelOverride } from './overrides';
import { PICKER } from './pickerModels';
import { SUNO_CUSTOM_MODE } from './sunoOverrides';

function applyFieldChanges(
	fields: readonly FieldData[],
	changes: ModelOverride['fields'] = {},
): FieldData[] {
	const changed: FieldData[] = [];
	for (const field of fields) {
		const change = changes[field.name];
		if (change === null) continue;
		changed.push(change ? { ...field, ...change } : field);
	}
	return changed;
}

function applyOverride(model: ModelData, override: ModelOverride): ModelData {
	const merged: ModelData = {
		...model,
		...override.set,
		fields: [...applyFieldChanges(model.fields, override.fields), ...(override.addFields ?? [])],
	};
	if (override.rules) merged.rules = [...(model.rules ?? []), ...override.rules];
	return merged;
}

function withOverrides(model: ModelData): ModelData {
	return OVERRIDES.filter(
		(override) =>
			override.page === model.page && (override.id === undefined || override.id === model.id),
	).reduce(applyOverride, model);
}

const pickerRank = new Map(PICKER.map((entry, index) => [entry.id, index]));
const pickerEntry = new Map(PICKER.map((entry) => [entry.id, entry]));

function withPickerName(model: ModelData): ModelData {
	const entry = pickerEntry.get(model.id);
	if (!entry) return model;
	return {
		...model,
		displayName: entry.displayName,
		description: entry.description ?? model.description,
	};
}

function pickerOrder(a: ModelData, b: ModelData): number {
	const rankA = pickerRank.get(a.id) ?? Number.MAX_SAFE_INTEGER;
	const rankB = pickerRank.get(b.id) ?? Number.MAX_SAFE_INTEGER;
	return rankA !== rankB ? rankA - rankB : a.displayName.localeCompare(b.displayName);
}

/** An added model as data: its reason and source stay in overrides.ts. */
function withoutProvenance(added: AddedModel): ModelData {
	const model: ModelData & { reason?: string; source?: string } = { ...added };
	delete model.reason;
	delete model.source;
	return model;
}

/** Every model, in picker order (0.2's models first, the rest by name). */
export const CATALOGUE: readonly ModelData[] = [
	...PAGE_MODELS.map(withOverrides),
	...ADDED_MODELS.map(withoutProvenance),
]
	.map(withPickerName)
	.sort(pickerOrder);

const byId = new Map(CATALOGUE.map((model) => [model.id, model]));

export function catalogueModel(id: string): ModelData | undefined {
	return byId.get(id);
}

/** Extends of a finished task: Video → Extend's Veo 3.1 and Runway entries, Audio → Extend. */
export const CONTINUATIONS: readonly ModelData[] = CONTINUATION_MODELS.map(withOverrides);

/**
 * Suno's and Runway's create endpoints require a callBackUrl even when the task is polled. Without
 * a callback URL of the user's own the node sends this one: the `.invalid` top-level domain never
 * resolves (RFC 2606), so Kie's notice goes nowhere.
 */
export const PLACEHOLDER_CALLBACK = 'https://callback.invalid/n8n-nodes-kie';

export interface ApiSpec {
	/** The create row; per create path when one API has several (Suno's music tools). */
	endpoint: CreateTaskRequest['endpoint'] | Readonly<Record<string, CreateTaskRequest['endpoint']>>;
	/** The client's API that reads the task, when it is not the catalogue's name for it. */
	clientApi?: KieApi;
	/** The API answers at once (no task): its answer's `data` → the item's fields. */
	answer?: (data: unknown) => IDataObject;
	/** The API refuses a create without callBackUrl. */
	needsCallback?: boolean;
	/** Conditions the API states in prose, for all its models. */
	rules?: readonly FieldRule[];
	/** Fields the API decides from others (Veo's generationType from the images). */
	complete?: (fields: IDataObject) => void;
	/** How long a task usually takes (ms) before the node has learned it. */
	expectedMs?: number;
}

const VEO_TEXT = 'TEXT_2_VIDEO';
const VEO_FRAMES = 'FIRST_AND_LAST_FRAMES_2_VIDEO';

export const APIS: Readonly<Record<ModelApi, ApiSpec>> = {
	market: { endpoint: 'market.create' },
	veo: {
		endpoint: 'veo.generate',
		expectedMs: 180_000,
		// Sent explicitly so the images' meaning does not depend on Kie's guess.
		complete: (fields) => {
			if (fields.generationType !== undefined) return;
			const images = Array.isArray(fields.imageUrls) ? fields.imageUrls.length : 0;
			fields.generationType = images === 0 ? VEO_TEXT : VEO_FRAMES;
		},
		rules: [
			{
				when: { generationType: [VEO_TEXT] },
				field: 'imageUrls',
				forbidden: true,
				reason: 'Veo 3.1 text-to-video takes no images',
			},
			{
				when: { generationType: [VEO_FRAMES] },
				field: 'imageUrls',
				required: true,
				reason: 'Veo 3.1 makes a video from frames only with 1 or 2 images',
			},
			{
				when: { generationType: [VEO_FRAMES] },
				field: 'imageUrls',
				maxItems: 2,
				reason:
					'Veo 3.1 takes 1 or 2 frame images (first and last); up to 3 reference images need generationType REFERENCE_2_VIDEO (veo3_fast only)',
			},
			{
				when: { generationType: ['REFERENCE_2_VIDEO'] },
				field: 'imageUrls',
				required: true,
				reason: 'Veo 3.1 reference videos are made from 1 to 3 images',
			},
			{
				when: { generationType: ['REFERENCE_2_VIDEO'] },
				field: 'aspect_ratio',
				allowed: ['16:9', '9:16'],
				reason: 'Veo 3.1 makes reference videos in 16:9 or 9:16',
			},
		],
	},
	runway: {
		endpoint: 'runway.generate',
		needsCallback: true,
		expectedMs: 90_000,
		// "This parameter is invalid when imageUrl is passed": the image decides the shape.
		complete: (fields) => {
			if (fields.imageUrl !== undefined) delete fields.aspectRatio;
		},
	},
	// Veo's extend takes up to over ten minutes (its page); Runway's requires a callback like its create.
	'veo-extend': { endpoint: 'veo.extend', clientApi: 'veo', expectedMs: 300_000 },
	'runway-extend': {
		endpoint: 'runway.extend',
		clientApi: 'runway',
		needsCallback: true,
		expectedMs: 90_000,
	},
	// Veo's upscales of a finished task: the 1080P file is read (veo.1080p, "~1–3 minutes"), the
	// 4K is a task ("about 5-10 minutes").
	'veo-1080p': { endpoint: 'veo.1080p', clientApi: 'veo', expectedMs: 120_000 },
	'veo-4k': { endpoint: 'veo.4k', clientApi: 'veo', expectedMs: 450_000 },
	// Runway Aleph: video-to-video; its page marks callBackUrl optional (the node polls).
	aleph: { endpoint: 'aleph.generate', expectedMs: 120_000 },
	suno: {
		endpoint: 'suno.generate',
		needsCallback: true,
		expectedMs: 120_000,
		rules: SUNO_CUSTOM_MODE,
	},
	// Extend Music: songs read at suno.status like Generate's.
	'suno-extend': {
		endpoint: 'suno.extend',
		clientApi: 'suno',
		needsCallback: true,
		expectedMs: 150_000,
	},
	// Suno's music tools make songs, read at suno.status like Generate's.
	'suno-tool': {
		endpoint: {
			'/api/v1/generate/upload-cover': 'suno.uploadCover',
			'/api/v1/generate/upload-extend': 'suno.uploadExtend',
			'/api/v1/generate/add-vocals': 'suno.addVocals',
			'/api/v1/generate/add-instrumental': 'suno.addInstrumental',
			'/api/v1/generate/replace-section': 'suno.replaceSection',
			'/api/v1/generate/mashup': 'suno.mashup',
			'/api/v1/generate/sounds': 'suno.sounds',
		},
		clientApi: 'suno',
		needsCallback: true,
		expectedMs: 120_000,
	},
	'suno-lyrics': { endpoint: 'suno-lyrics.generate', needsCallback: true, expectedMs: 30_000 },
	'suno-wav': { endpoint: 'suno-wav.generate', needsCallback: true, expectedMs: 30_000 },
	'suno-music-video': {
		endpoint: 'suno-music-video.generate',
		needsCallback: true,
		expectedMs: 120_000,
	},
	'suno-vocal-separation': {
		endpoint: 'suno-vocal-separation.generate',
		needsCallback: true,
		expectedMs: 60_000,
	},
	'suno-midi': { endpoint: 'suno-midi.generate', needsCallback: true, expectedMs: 60_000 },
	'suno-cover': { endpoint: 'suno-cover.generate', needsCallback: true, expectedMs: 30_000 },
	// Answered at once; the answers concern Suno tasks (taskId, audioId of a song).
	'suno-timestamped-lyrics': {
		endpoint: 'suno.timestampedLyrics',
		clientApi: 'suno',
		answer: parseTimestampedLyrics,
	},
	'suno-persona': { endpoint: 'suno.persona', clientApi: 'suno', answer: parsePersona },
	'suno-boost-style': { endpoint: 'suno.boostStyle', clientApi: 'suno', answer: parseBoostStyle },
	'4o-image': { endpoint: '4o-image.generate', expectedMs: 60_000 },
	'flux-kontext': { endpoint: 'flux-kontext.generate', expectedMs: 40_000 },
};

/** The client's row that creates (or answers) a model's request. */
export function createEndpoint(model: ModelData): CreateTaskRequest['endpoint'] {
	const { endpoint } = APIS[model.api];
	if (typeof endpoint === 'string') return endpoint;
	const row = endpoint[model.endpoint];
	if (!row) throw new Error(`No client endpoint for ${model.api} ${model.endpoint}`);
	return row;
}

/** How to read the answer of a model whose API answers at once (no task), else undefined. */
export function answerReader(model: ModelData): ApiSpec['answer'] {
	return APIS[model.api].answer;
}

/** Fields an API's rules decide on their own (Suno's prompt is required only in some modes). */
export function conditionallyRequired(model: ModelData): Set<string> {
	return new Set(
		(APIS[model.api].rules ?? []).filter((rule) => rule.required).map((rule) => rule.field),
	);
}
