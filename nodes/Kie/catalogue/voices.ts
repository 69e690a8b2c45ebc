/**
 * The voice picker of ElevenLabs' speech models (version 2): every voice the model's page lists,
 * once, by a name no other voice shows, each with what it sounds like.
 *
 * Kie's pages list ElevenLabs' premade voices by name only ("Rachel") and the others as
 * "`id` - Name - Description" (read into the field's enumNames and enumDescriptions by the
 * generator). Some premade voices are also listed by id (Laura is FGY2WhTYpPnrIDTdsKH5): the
 * picker shows them once, by name. What a premade voice sounds like is ElevenLabs' own label for
 * it (source: ElevenLabs' premade voices, the `labels` of GET https://api.elevenlabs.io/v1/voices),
 * unless Kie's page describes its id. The premade voices, by name, are data in premadeVoices.json.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import type { FieldData } from './modelData';
import premadeVoices from './premadeVoices.json';

interface PremadeVoice {
	id: string;
	description: string;
}

const PREMADE_VOICES: Readonly<Record<string, PremadeVoice>> = premadeVoices;

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
