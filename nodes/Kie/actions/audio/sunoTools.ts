/**
 * Audio → Suno's tools (version 2). Each tool is a catalogue entry (its page's fields, checks and
 * binaries; catalogue/README.md), run by the one pipeline: nothing here but their names.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import type { CatalogueOperation } from '../../catalogue';
import { modelOperation, type ModelOperation } from '../common/modelOperation';
import { audioOptionsCollection } from './audioOptions';

type Tool = INodePropertyOptions & { value: CatalogueOperation };

export const SUNO_TOOL_OPTIONS: readonly Tool[] = [
	{
		name: 'Add Instrumental',
		value: 'addInstrumental',
		action: 'Add an instrumental',
		description: 'Suno: accompaniment for your vocals (URL or binary)',
	},
	{
		name: 'Add Vocals',
		value: 'addVocals',
		action: 'Add vocals',
		description: 'Suno: vocals sung over your instrumental (URL or binary)',
	},
	{
		name: 'Boost Style',
		value: 'boostStyle',
		action: 'Boost a style description',
		description: 'Suno: a richer style text from a short one',
	},
	{
		name: 'Convert to WAV',
		value: 'convertToWav',
		action: 'Convert a song to WAV',
		description: 'Suno: a finished track as a WAV file',
	},
	{
		name: 'Cover Image',
		value: 'cover',
		action: 'Make cover images',
		description: 'Suno: cover images for a finished song',
	},
	{
		name: 'Lyrics',
		value: 'lyrics',
		action: 'Write lyrics',
		description: 'Suno: song lyrics from a description',
	},
	{
		name: 'Mashup',
		value: 'mashup',
		action: 'Mash up two tracks',
		description: 'Suno: one song from two audio files',
	},
	{
		name: 'MIDI',
		value: 'midi',
		action: 'Get MIDI notes',
		description: 'Suno: the notes of a separated track, per instrument',
	},
	{
		name: 'Music Video',
		value: 'musicVideo',
		action: 'Make a music video',
		description: 'Suno: an MP4 video with visuals for a finished track',
	},
	{
		name: 'Persona',
		value: 'persona',
		action: 'Make a persona',
		description: "Suno: a reusable singer persona from a track's vocals",
	},
	{
		name: 'Replace Section',
		value: 'replaceSection',
		action: 'Replace a section of a song',
		description: 'Suno: new music for a section of a finished track (6 to 60 s on Kie’s page)',
	},
	{
		name: 'Separate Vocals',
		value: 'separateVocals',
		action: 'Separate vocals and stems',
		description: 'Suno: vocals and instrumental, or up to 12 stems, by role',
	},
	{
		name: 'Sounds',
		value: 'sounds',
		action: 'Make a sound',
		description: 'Suno: a sound effect or loop from a description',
	},
	{
		name: 'Timestamped Lyrics',
		value: 'timestampedLyrics',
		action: 'Get timestamped lyrics',
		description: "Suno: a finished track's words with their times",
	},
	{
		name: 'Upload and Cover',
		value: 'uploadAndCover',
		action: 'Cover your audio',
		description: 'Suno: your audio (URL or binary) in a new style',
	},
	{
		name: 'Upload and Extend',
		value: 'uploadAndExtend',
		action: 'Extend your audio',
		description: 'Suno: your audio (URL or binary) continued',
	},
];

export const SUNO_TOOLS: Readonly<Record<string, ModelOperation>> = Object.fromEntries(
	SUNO_TOOL_OPTIONS.map((tool) => [
		tool.value,
		modelOperation('audio', tool.value, audioOptionsCollection),
	]),
);
