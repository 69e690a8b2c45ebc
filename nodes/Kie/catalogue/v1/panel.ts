/**
 * Version 1's panels from the catalogue: each option parameter (aspect ratio, resolution, voice,
 * ...) once per distinct definition, shown only for the models sharing it, so each model offers
 * exactly its own values and default under the same parameter name.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CUSTOM_MODEL, customModelChoice, customModelIdProperty } from '../customModelProperties';
import { CATALOGUE, catalogueModel } from '../modelCatalogue';
import { DEFAULT_V1_AUDIO_MODEL, V1_AUDIO_MODELS, V1_VOICE_NAMES } from './audio';
import { V1_IMAGE_MODELS, V1_IMAGE_PARAMS } from './image';
import {
	v1Default,
	v1FieldOf,
	type V1Choice,
	type V1Field,
	type V1Model,
	type V1Param,
	type V1Seconds,
} from './mapping';
import { DEFAULT_V1_VIDEO_MODEL, V1_VIDEO_MODELS } from './video';

type Unshown = Omit<INodeProperties, 'displayOptions'>;

/** Groups the models sharing one property definition; `value`: a model's picker value. */
function grouped<T>(
	models: readonly T[],
	value: (model: T) => string,
	build: (model: T) => Unshown | undefined,
	picker = 'model',
): INodeProperties[] {
	const groups = new Map<string, { property: INodeProperties; values: string[] }>();
	for (const model of models) {
		const property = build(model);
		if (!property) continue;
		const key = JSON.stringify(property);
		let group = groups.get(key);
		if (!group) {
			const values: string[] = [];
			group = { values, property: { ...property, displayOptions: { show: { [picker]: values } } } };
			groups.set(key, group);
		}
		group.values.push(value(model));
	}
	return [...groups.values()].map((group) => group.property);
}

/** The Model picker: v1's models, then Custom Model. */
function modelPicker(
	models: ReadonlyArray<{ name: string; value: string; description: string }>,
	custom: string,
	defaultValue: string,
	description: string,
): INodeProperties {
	const options: INodePropertyOptions[] = models.map(({ name, value, description }) => ({
		name,
		value,
		description,
	}));
	options.push(customModelChoice(custom));
	return {
		displayName: 'Model',
		name: 'model',
		type: 'options',
		options,
		default: defaultValue,
		description,
	};
}

const UPPERCASE_VALUES = new Set(['png', 'jpg', 'jpeg', 'webp']);

function imageOptionName(field: V1Field, value: string): string {
	const named = field.optionNames?.[value];
	if (named !== undefined) return named;
	if (UPPERCASE_VALUES.has(value)) return value.toUpperCase();
	if (/^[a-z]/.test(value))
		return value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ');
	return value;
}

export function v1OptionProperties(
	entries: readonly V1Model[],
	param: V1Param,
	/** The parameter that picks the model. */
	picker = 'model',
): INodeProperties[] {
	return grouped(
		entries,
		(entry) => entry.id,
		(entry) => {
			const spec = v1FieldOf(entry, param.name);
			const field = spec && catalogueModel(entry.id)?.fields.find((f) => f.name === spec.field);
			if (!spec || !field?.enum) return undefined;
			// n8n's lint takes a variable for a computed default.
			const defaultValue = v1Default(entry, param.name) as string | number | undefined;
			return {
				displayName: spec.displayName ?? param.displayName,
				name: param.name,
				type: 'options',
				options: field.enum.map((value) => ({ name: imageOptionName(spec, String(value)), value })),
				default: defaultValue,
				description: spec.description ?? param.description,
			};
		},
		picker,
	);
}

/**
 * Version 1's model picker and option parameters for an image operation. Resource/operation
 * displayOptions are the caller's (updateDisplayOptions).
 */
export function v1ImageModelProperties(operation: 'generate' | 'edit'): INodeProperties[] {
	const models = V1_IMAGE_MODELS.filter((model) => model.operations?.includes(operation));
	return [
		modelPicker(
			asPicked(models),
			'model, video and audio included,',
			'nano-banana-pro',
			operation === 'generate'
				? 'The Kie.ai model that generates the image'
				: 'The Kie.ai model that edits or combines the input images',
		),
		customModelIdProperty('model'),
		...V1_IMAGE_PARAMS.slice(2).flatMap((param) => v1OptionProperties(models, param)),
	];
}

const asPicked = (models: readonly V1Model[]) =>
	models.map((model) => ({
		name: model.displayName,
		value: model.id,
		description: model.description,
	}));

const VIDEO_ENUMS = [
	{ name: 'aspectRatio', displayName: 'Aspect Ratio', description: 'Shape of the generated video' },
	{ name: 'resolution', displayName: 'Resolution', description: 'Size of the generated video' },
] as const;

function durationProperty(spec: V1Seconds): Unshown {
	const base = {
		displayName: 'Duration (Seconds)',
		name: 'duration',
		default: spec.default,
		description: 'Length of the video',
	};
	if (spec.options) {
		return {
			...base,
			type: 'options',
			options: spec.options.map((seconds) => ({ name: `${seconds} s`, value: seconds })),
		};
	}
	return {
		...base,
		type: 'number',
		typeOptions: { minValue: spec.min ?? 1, maxValue: spec.max, numberPrecision: 0 },
		description: `Length of the video, ${spec.min ?? 1} to ${spec.max} seconds`,
	};
}

function choiceProperty(spec: V1Choice, param: (typeof VIDEO_ENUMS)[number]): Unshown {
	// n8n's lint takes a variable for a computed default but reports `spec.default` as missing.
	const defaultValue = spec.default;
	return {
		displayName: spec.displayName ?? param.displayName,
		name: param.name,
		type: 'options',
		options: spec.options.map((value) => ({ name: spec.optionNames?.[value] ?? value, value })),
		default: defaultValue,
		description: spec.description ?? param.description,
	};
}

/** The video model picker and each model's own fields (aspect ratio, resolution, duration). */
export function videoModelProperties(): INodeProperties[] {
	const id = (model: V1Model<V1Choice>) => model.id;
	return [
		modelPicker(
			asPicked(V1_VIDEO_MODELS),
			'video model',
			DEFAULT_V1_VIDEO_MODEL,
			'The Kie.ai model (and the API that serves it) that makes the video',
		),
		customModelIdProperty('model'),
		...VIDEO_ENUMS.flatMap((param) =>
			grouped(V1_VIDEO_MODELS, id, (model) => {
				const spec = model[param.name];
				return spec ? choiceProperty(spec, param) : undefined;
			}),
		),
		...grouped(V1_VIDEO_MODELS, id, (model) =>
			model.duration ? durationProperty(model.duration) : undefined,
		),
	];
}

/** Models whose tasks take input images (for the Image URLs / Binary Properties fields). */
export function videoModelsWithImages(): string[] {
	return [
		...V1_VIDEO_MODELS.filter((model) => model.images).map((model) => model.id),
		CUSTOM_MODEL,
	];
}

const SUNO_IDS = V1_AUDIO_MODELS.filter((model) => model.suno).map((model) => model.id);
const sunoOnly = (property: INodeProperties, customMode?: boolean): INodeProperties => ({
	...property,
	displayOptions: {
		show: { model: SUNO_IDS, ...(customMode === undefined ? {} : { customMode: [customMode] }) },
	},
});

/** One Voice per distinct voice list, from the catalogue's (named as v1's picker named them). */
function voiceProperty(model: (typeof V1_AUDIO_MODELS)[number]): Unshown | undefined {
	const field = CATALOGUE.find((entry) => entry.id === model.id)?.fields.find(
		(candidate) => candidate.name === 'voice',
	);
	if (model.voice === undefined || !field?.enum) return undefined;
	const named = (value: string) => V1_VOICE_NAMES[value] ?? field.enumNames?.[value];
	// n8n's lint takes a variable for a computed default.
	const defaultValue = model.voice;
	return {
		displayName: 'Voice',
		name: 'voice',
		type: 'options',
		options: field.enum.map(String).map((value) => ({
			name: named(value) === undefined ? value : `${named(value)} (${value})`,
			value,
		})),
		default: defaultValue,
		description: 'A preset voice, or a voice ID from the model page',
	};
}

/** Audio → Generate: the model picker, the prompt and each model family's own fields. */
export function v1AudioModelProperties(): INodeProperties[] {
	return [
		modelPicker(
			asPicked(V1_AUDIO_MODELS),
			'audio model',
			DEFAULT_V1_AUDIO_MODEL,
			'Suno makes songs; ElevenLabs makes speech and sound effects',
		),
		customModelIdProperty('model', 'e.g. elevenlabs/text-to-dialogue-v3'),
		{
			displayName: 'Prompt',
			name: 'prompt',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			placeholder: 'A calm and relaxing piano track with soft melodies',
			description:
				'Suno: the idea of the song (up to 500 characters), or in Custom Mode the lyrics (V4: up to 3,000 characters, later: 5,000). ElevenLabs: the text to speak, or the sound effect to make (up to 5,000 characters).',
		},
		sunoOnly({
			displayName: 'Custom Mode',
			name: 'customMode',
			type: 'boolean',
			default: false,
			description:
				'Whether to control the song in detail: the prompt becomes the lyrics, and Style and Title are required',
		}),
		sunoOnly({
			displayName: 'Instrumental',
			name: 'instrumental',
			type: 'boolean',
			default: false,
			description: 'Whether the song has no vocals (in Custom Mode the prompt is then optional)',
		}),
		sunoOnly(
			{
				displayName: 'Style',
				name: 'style',
				type: 'string',
				default: '',
				placeholder: 'e.g. Classical, Lo-fi hip hop',
				description: 'Genre, mood or artistic direction (V4: up to 200 characters, later: 1,000)',
			},
			true,
		),
		sunoOnly(
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				placeholder: 'e.g. Peaceful Piano Meditation',
				description: 'Title of the track (up to 80 characters)',
			},
			true,
		),
		...grouped(V1_AUDIO_MODELS, (model) => model.id, voiceProperty),
	];
}
