/**
 * What the simulated jobs API checks for the ElevenLabs models (Kie's model pages under
 * market/elevenlabs): the text in `input.text` (at most 5000 characters), the voice of a speech
 * model from its list, numbers within their ranges. Their results are MP3 files.
 */

const SPEECH_MODELS = [
	'elevenlabs/text-to-speech-multilingual-v2',
	'elevenlabs/text-to-speech-turbo-2-5',
];
const SOUND_EFFECT = 'elevenlabs/sound-effect-v2';
const MAX_TEXT = 5000;
/** The preset voice names both speech models list (their voice ids are accepted as well). */
const PRESET_VOICES = [
	'Rachel',
	'Aria',
	'Roger',
	'Sarah',
	'Laura',
	'Charlie',
	'George',
	'Callum',
	'River',
	'Liam',
	'Charlotte',
	'Alice',
	'Matilda',
	'Will',
	'Jessica',
	'Eric',
	'Chris',
	'Brian',
	'Daniel',
	'Lily',
	'Bill',
];
const VOICE_ID = /^[A-Za-z0-9]{20}$/;

const RANGES: Record<string, [number, number]> = {
	stability: [0, 1],
	similarity_boost: [0, 1],
	style: [0, 1],
	speed: [0.7, 1.2],
	duration_seconds: [0.5, 22],
	prompt_influence: [0, 1],
};

export function isElevenLabsModel(model: string): boolean {
	return SPEECH_MODELS.includes(model) || model === SOUND_EFFECT;
}

export function validateElevenLabs(
	model: string,
	input: Record<string, unknown>,
): string | undefined {
	const text = input.text;
	if (typeof text !== 'string' || text.trim() === '') return 'text is required';
	if ([...text].length > MAX_TEXT) return `text length cannot exceed ${MAX_TEXT} characters`;
	if (SPEECH_MODELS.includes(model) && input.voice !== undefined) {
		const voice = input.voice;
		if (typeof voice !== 'string' || !(PRESET_VOICES.includes(voice) || VOICE_ID.test(voice))) {
			return 'voice is not within the range of allowed options';
		}
	}
	for (const [field, [min, max]] of Object.entries(RANGES)) {
		const value = input[field];
		if (value !== undefined && (typeof value !== 'number' || value < min || value > max)) {
			return `${field} must be a number from ${min} to ${max}`;
		}
	}
	return undefined;
}
