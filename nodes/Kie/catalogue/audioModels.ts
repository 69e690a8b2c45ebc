import type {
	AudioModelSpec,
	KnownOptionalFields,
	SunoModelSpec,
	SunoTextLimits,
} from './audioTypes';
import { MULTILINGUAL_V2_VOICES, TURBO_2_5_VOICES, VOICE_NAMES } from './audioVoices';
import type { EnumFieldSpec } from './types';

/*
 * The audio models, read from Kie's Suno API pages (https://docs.kie.ai/suno-api/generate-music,
 * /extend-music) and the ElevenLabs model pages of the jobs API. The order of this list is the
 * order of the model picker.
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

const voiceNames = (voices: readonly string[]): Readonly<Record<string, string>> =>
	Object.fromEntries(
		voices
			.filter((voice) => VOICE_NAMES[voice] !== undefined)
			.map((voice) => [voice, `${VOICE_NAMES[voice]} (${voice})`]),
	);

const voiceField = (voices: readonly string[]): EnumFieldSpec => ({
	field: 'voice',
	options: voices,
	default: 'Rachel',
	displayName: 'Voice',
	description: 'A preset voice, or a voice ID from the model page',
	optionNames: voiceNames(voices),
});

const SPEECH_OPTIONAL: KnownOptionalFields = {
	numbers: [
		ZERO_TO_ONE('stability'),
		ZERO_TO_ONE('similarity_boost'),
		ZERO_TO_ONE('style'),
		{ field: 'speed', min: 0.7, max: 1.2 },
	],
	texts: [
		{ field: 'previous_text', required: false, maxLength: 5000 },
		{ field: 'next_text', required: false, maxLength: 5000 },
		{ field: 'language_code', required: false, maxLength: 500 },
	],
	booleans: ['timestamps'],
};

const SOUND_EFFECT_FORMATS = [
	'mp3_22050_32',
	'mp3_44100_32',
	'mp3_44100_64',
	'mp3_44100_96',
	'mp3_44100_128',
	'mp3_44100_192',
	'pcm_8000',
	'pcm_16000',
	'pcm_22050',
	'pcm_24000',
	'pcm_44100',
	'pcm_48000',
	'ulaw_8000',
	'alaw_8000',
	'opus_48000_32',
	'opus_48000_64',
	'opus_48000_96',
	'opus_48000_128',
	'opus_48000_192',
] as const;

export const AUDIO_MODEL_LIST: readonly AudioModelSpec[] = [
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
	{
		family: 'market',
		id: 'elevenlabs/text-to-speech-multilingual-v2',
		displayName: 'ElevenLabs Multilingual v2 (Speech)',
		description: 'Text to speech in many languages; the prompt is the text to speak',
		docsPage: 'market/elevenlabs/text-to-speech-multilingual-v2.md',
		api: 'market',
		createEndpoint: 'market.create',
		prompt: { field: 'text', required: true, maxLength: 5000 },
		voice: voiceField(MULTILINGUAL_V2_VOICES),
		optional: SPEECH_OPTIONAL,
		expectedMs: 15_000,
	},
	{
		family: 'market',
		id: 'elevenlabs/text-to-speech-turbo-2-5',
		displayName: 'ElevenLabs Turbo 2.5 (Speech)',
		description: 'Fast text to speech, with language enforcement; the prompt is the text to speak',
		docsPage: 'market/elevenlabs/text-to-speech-turbo-2-5.md',
		api: 'market',
		createEndpoint: 'market.create',
		prompt: { field: 'text', required: true, maxLength: 5000 },
		voice: voiceField(TURBO_2_5_VOICES),
		optional: SPEECH_OPTIONAL,
		expectedMs: 10_000,
	},
	{
		family: 'market',
		id: 'elevenlabs/sound-effect-v2',
		displayName: 'ElevenLabs Sound Effect v2',
		description:
			'A sound effect from a description, up to 22 seconds. Withdrawn: peers report that Kie no longer serves it; kept so saved workflows run',
		docsPage: 'market/elevenlabs/sound-effect-v2.md',
		api: 'market',
		createEndpoint: 'market.create',
		prompt: { field: 'text', required: true, maxLength: 5000 },
		optional: {
			numbers: [{ field: 'duration_seconds', min: 0.5, max: 22 }, ZERO_TO_ONE('prompt_influence')],
			enums: [{ field: 'output_format', options: SOUND_EFFECT_FORMATS, default: 'mp3_44100_128' }],
			booleans: ['loop'],
		},
		expectedMs: 15_000,
	},
];

/** The model the audio picker starts on. */
export const DEFAULT_AUDIO_MODEL = 'V5';

const byId = new Map(AUDIO_MODEL_LIST.map((model) => [model.id, model]));

export function getAudioModel(id: string): AudioModelSpec | undefined {
	return byId.get(id);
}

export const SUNO_MODELS: readonly SunoModelSpec[] = AUDIO_MODEL_LIST.filter(
	(model): model is SunoModelSpec => model.family === 'suno',
);
