import type { KnownOptionalFields, SunoModelSpec, SunoTextLimits } from './audioTypes';

/*
 * Suno's versions as Audio → Extend checks them, read from Kie's Suno API pages
 * (https://docs.kie.ai/suno-api/generate-music, /extend-music).
 *
 * Suno's pages disagree on one limit: Generate Music gives every version an 80-character title,
 * Extend Music allows 100 for V4_5, V4_5PLUS and V5. Each endpoint is checked against its own page.
 */

/** Non-custom mode: "prompt length limit: 500 characters" for every version. */
const SIMPLE_PROMPT_MAX = 500;

const ZERO_TO_ONE = (field: string) => ({ field, min: 0, max: 1 });

const SUNO_OPTIONAL: KnownOptionalFields = {
	numbers: [
		ZERO_TO_ONE('styleWeight'),
		ZERO_TO_ONE('weirdnessConstraint'),
		ZERO_TO_ONE('audioWeight'),
	],
	enums: [
		{
			field: 'vocalGender',
			options: ['m', 'f'],
			default: 'm',
		},
	],
};

/** Suno answers both generate and extend in about 2 to 3 minutes (streams sooner). */
const SUNO_EXPECTED_MS = 150_000;

function suno(
	id: string,
	displayName: string,
	description: string,
	custom: SunoTextLimits,
	extendTitle: number,
): SunoModelSpec {
	return {
		family: 'suno',
		id,
		displayName,
		description,
		docsPage: 'suno-api/generate-music.md',
		api: 'suno',
		createEndpoint: 'suno.generate',
		extendEndpoint: 'suno.extend',
		customLimits: custom,
		simplePromptMax: SIMPLE_PROMPT_MAX,
		extendLimits: { ...custom, title: extendTitle },
		optional: SUNO_OPTIONAL,
		expectedMs: SUNO_EXPECTED_MS,
	};
}

const SUNO_MODELS: readonly SunoModelSpec[] = [
	suno(
		'V5',
		'Suno V5',
		'Suno V5: superior musical expression, faster generation',
		{ prompt: 5000, style: 1000, title: 80 },
		100,
	),
	suno(
		'V5_5',
		'Suno V5.5',
		'Suno V5.5: custom models tailored to your taste',
		{ prompt: 5000, style: 1000, title: 80 },
		100,
	),
	suno(
		'V4_5ALL',
		'Suno V4.5 All',
		'Suno V4.5 All: V4.5 for every kind of song',
		{ prompt: 5000, style: 1000, title: 80 },
		80,
	),
	suno(
		'V4_5PLUS',
		'Suno V4.5+',
		'Suno V4.5+: richer sound, songs up to 8 minutes',
		{ prompt: 5000, style: 1000, title: 80 },
		100,
	),
	suno(
		'V4_5',
		'Suno V4.5',
		'Suno V4.5: smarter prompts, faster generations, up to 8 minutes',
		{ prompt: 5000, style: 1000, title: 80 },
		100,
	),
	suno(
		'V4',
		'Suno V4',
		'Suno V4: improved vocals, songs up to 4 minutes',
		{ prompt: 3000, style: 200, title: 80 },
		80,
	),
];

const byId = new Map(SUNO_MODELS.map((model) => [model.id, model]));

export function getAudioModel(id: string): SunoModelSpec | undefined {
	return byId.get(id);
}
