import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { AUDIO_MODEL_LIST, DEFAULT_AUDIO_MODEL, SUNO_MODELS } from './audioModels';
import type { MarketAudioModelSpec } from './audioTypes';
import { customModelChoice, customModelIdProperty } from './customModelProperties';

const sunoIds = SUNO_MODELS.map((model) => model.id);

/** One Voice property per distinct voice list, shown only for the models that have it. */
function voiceProperties(): INodeProperties[] {
	const groups = new Map<string, { property: INodeProperties; modelIds: string[] }>();
	for (const model of AUDIO_MODEL_LIST) {
		if (model.family !== 'market' || !model.voice) continue;
		const spec = (model as MarketAudioModelSpec).voice!;
		const options: INodePropertyOptions[] = spec.options.map((value) => ({
			name: spec.optionNames?.[value] ?? value,
			value,
		}));
		// n8n's lint takes a variable for a computed default but reports `spec.default` as missing.
		const defaultValue = spec.default;
		const key = JSON.stringify(spec.options);
		let group = groups.get(key);
		if (!group) {
			const modelIds: string[] = [];
			group = {
				modelIds,
				property: {
					displayName: 'Voice',
					name: 'voice',
					type: 'options',
					options,
					default: defaultValue,
					description: spec.description,
					displayOptions: { show: { model: modelIds } },
				},
			};
			groups.set(key, group);
		}
		group.modelIds.push(model.id);
	}
	return [...groups.values()].map((group) => group.property);
}

/** Audio → Generate: the model picker, the prompt and each model family's own fields. */
export function audioGenerateProperties(): INodeProperties[] {
	const modelOptions: INodePropertyOptions[] = AUDIO_MODEL_LIST.map((model) => ({
		name: model.displayName,
		value: model.id,
		description: model.description,
	}));
	modelOptions.push(customModelChoice('audio model'));
	return [
		{
			displayName: 'Model',
			name: 'model',
			type: 'options',
			options: modelOptions,
			default: DEFAULT_AUDIO_MODEL,
			description: 'Suno makes songs; ElevenLabs makes speech and sound effects',
		},
		customModelIdProperty('model', 'e.g. elevenlabs/text-to-dialogue-v3'),
		{
			displayName: 'Prompt',
			name: 'prompt',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			placeholder: 'A calm and relaxing piano track with soft melodies',
			description:
				'Suno: the idea of the song (up to 500 characters), or in Custom Mode the lyrics. ElevenLabs: the text to speak, or the sound effect to make (up to 5,000 characters).',
		},
		{
			displayName: 'Custom Mode',
			name: 'customMode',
			type: 'boolean',
			default: false,
			description:
				'Whether to control the song in detail: the prompt becomes the lyrics, and Style and Title are required',
			displayOptions: { show: { model: sunoIds } },
		},
		{
			displayName: 'Instrumental',
			name: 'instrumental',
			type: 'boolean',
			default: false,
			description: 'Whether the song has no vocals (in Custom Mode the prompt is then optional)',
			displayOptions: { show: { model: sunoIds } },
		},
		{
			displayName: 'Style',
			name: 'style',
			type: 'string',
			default: '',
			placeholder: 'e.g. Classical, Lo-fi hip hop',
			description: 'Genre, mood or artistic direction (V4: up to 200 characters, later: 1,000)',
			displayOptions: { show: { model: sunoIds, customMode: [true] } },
		},
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			placeholder: 'e.g. Peaceful Piano Meditation',
			description: 'Title of the track (up to 80 characters)',
			displayOptions: { show: { model: sunoIds, customMode: [true] } },
		},
		...voiceProperties(),
	];
}
