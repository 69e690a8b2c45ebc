/**
 * What each of Kie's APIs needs beyond its models' fields: the client's create endpoint, a
 * callback URL it requires even when the node polls, and the API's own conditions. "A new Kie
 * API" is one entry here (and its file under client/apis/).
 */
import type { IDataObject } from 'n8n-workflow';

import type { CreateTaskRequest } from '../client';
import type { FieldRule, ModelApi, ModelData } from './modelData';

/**
 * Suno's and Runway's create endpoints require a callBackUrl even when the task is polled. Without
 * a callback URL of the user's own the node sends this one: the `.invalid` top-level domain never
 * resolves (RFC 2606), so Kie's notice goes nowhere.
 */
export const PLACEHOLDER_CALLBACK = 'https://callback.invalid/n8n-nodes-kie';

export interface ApiSpec {
	endpoint: CreateTaskRequest['endpoint'];
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
	// Runway Aleph: video-to-video; its page marks callBackUrl optional (the node polls).
	aleph: { endpoint: 'aleph.generate', expectedMs: 120_000 },
	suno: {
		endpoint: 'suno.generate',
		needsCallback: true,
		expectedMs: 120_000,
		rules: [
			{
				when: { customMode: [true] },
				field: 'style',
				required: true,
				reason: 'Suno custom mode needs a style',
			},
			{
				when: { customMode: [true] },
				field: 'title',
				required: true,
				reason: 'Suno custom mode needs a title',
			},
			{
				when: { customMode: [true], instrumental: [false] },
				field: 'prompt',
				required: true,
				reason: 'with vocals, Suno custom mode sings the prompt as lyrics',
			},
			{
				when: { customMode: [false] },
				field: 'prompt',
				required: true,
				reason: 'Suno writes the song from the prompt',
			},
		],
	},
	'4o-image': { endpoint: '4o-image.generate', expectedMs: 60_000 },
	'flux-kontext': { endpoint: 'flux-kontext.generate', expectedMs: 40_000 },
};

/** Fields an API's rules decide on their own (Suno's prompt is required only in some modes). */
export function conditionallyRequired(model: ModelData): Set<string> {
	return new Set(
		(APIS[model.api].rules ?? []).filter((rule) => rule.required).map((rule) => rule.field),
	);
}
