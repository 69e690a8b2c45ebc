/**
 * The voice picker of ElevenLabs' speech models (version 2): every voice the model's page lists,
 * once, by a name no other voice shows, each with what it sounds like.
 *
 * Kie's pages list ElevenLabs' premade voices by name only ("Rachel") and the others as
 * "`id` - Name - Description" (read into the field's enumNames and enumDescriptions by the
 * generator). Some premade voices are also listed by id (Laura is FGY2WhTYpPnrIDTdsKH5): the
 * picker shows them once, by name. What a premade voice sounds like is ElevenLabs' own label for
 * it (source: ElevenLabs' premade voices, the `labels` of GET https://api.elevenlabs.io/v1/voices),
 * unless Kie's page describes its id.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import type { FieldData } from './modelData';

interface PremadeVoice {
	id: string;
	description: string;
}

const PREMADE_VOICES: Readonly<Record<string, PremadeVoice>> = {
	Rachel: { id: '21m00Tcm4TlvDq8ikWAM', description: 'Calm, young female, American; narration' },
	Aria: { id: '9BWtsMINqrJLrRacOk9x', description: 'Expressive, middle-aged female, American' },
	Roger: { id: 'CwhRBWXzGAHq8TQ4Fs17', description: 'Confident, middle-aged male, American' },
	Sarah: { id: 'EXAVITQu4vr4xnSDxMaL', description: 'Soft, young female, American; news' },
	Laura: { id: 'FGY2WhTYpPnrIDTdsKH5', description: 'Upbeat, young female, American' },
	Charlie: { id: 'IKne3meq5aSn9XLyUdCD', description: 'Natural, middle-aged male, Australian' },
	George: { id: 'JBFqnCBsd6RMkjVDRZzb', description: 'Warm, middle-aged male, British; narration' },
	Callum: { id: 'N2lVS1w4EtoT3dr4eOWO', description: 'Intense, middle-aged male, Transatlantic' },
	River: {
		id: 'SAz9YHcvj6GT2YYXdXww',
		description: 'Confident, middle-aged, non-binary, American',
	},
	Liam: { id: 'TX3LPaxmHKxFdv7VOQHJ', description: 'Articulate, young male, American' },
	Charlotte: { id: 'XB0fDUnXU5powFXDhCwa', description: 'Seductive, young female, Swedish' },
	Alice: {
		id: 'Xb7hH8MSUJpSbSDYk0k2',
		description: 'Confident, middle-aged female, British; news',
	},
	Matilda: { id: 'XrExE9yKIg1WjnnlVkGX', description: 'Friendly, middle-aged female, American' },
	Will: { id: 'bIHbv24MWmeRgasZH58o', description: 'Friendly, young male, American' },
	Jessica: { id: 'cgSgspJ2msm6clMCkdW9', description: 'Expressive, young female, American' },
	Eric: { id: 'cjVigY5qzO86Huf0OWal', description: 'Friendly, middle-aged male, American' },
	Chris: { id: 'iP95p4xoKVk53GoZ742B', description: 'Casual, middle-aged male, American' },
	Brian: { id: 'nPczCjzI2devNBz1zQrb', description: 'Deep, middle-aged male, American; narration' },
	Daniel: { id: 'onwK4e9ZLuTAKqWW03F9', description: 'Authoritative, middle-aged male, British' },
	Lily: { id: 'pFZP5JQG7iQjIQuC4Bku', description: 'Warm, middle-aged female, British; narration' },
	Bill: { id: 'pqHfZKP75CvOlQylNhV4', description: 'Trustworthy, old male, American; narration' },
};

/** Whether a field lists voices by the pages' `id - Name - Description` lines or premade names. */
export function isVoiceList(field: FieldData): boolean {
	return (
		field.name === 'voice' &&
		field.enum !== undefined &&
		field.enum.some((value) => String(value) in PREMADE_VOICES || field.enumNames?.[value])
	);
}

/**
 * The voice options of a field, in its order (`values` puts the default first): a premade voice
 * listed by name and by id shows once, by name; a name two voices share shows each voice with
 * its description ("Mark (Natural Conversations)").
 */
export function voiceOptions(field: FieldData, values: readonly (string | number)[]) {
	const byName = new Set(values.map(String).filter((value) => value in PREMADE_VOICES));
	const premadeIds = new Set([...byName].map((name) => PREMADE_VOICES[name].id));
	const voices = values
		.map(String)
		.filter((value) => !premadeIds.has(value))
		.map((value) => {
			const premade = PREMADE_VOICES[value];
			const pageSays = (id: string) => field.enumDescriptions?.[id];
			return {
				value,
				name: field.enumNames?.[value] ?? value,
				description: premade ? (pageSays(premade.id) ?? premade.description) : pageSays(value),
			};
		});
	const count = new Map<string, number>();
	for (const voice of voices) count.set(voice.name, (count.get(voice.name) ?? 0) + 1);
	return voices.map(({ value, name, description }): INodePropertyOptions => {
		const shared = (count.get(name) ?? 0) > 1;
		return {
			name: shared ? `${name} (${description ?? value})` : name,
			value,
			description: description ?? `Voice ID ${value}`,
		};
	});
}
