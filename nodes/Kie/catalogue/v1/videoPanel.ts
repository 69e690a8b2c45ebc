/** Version 1's video panel: the Model picker and each model's Aspect Ratio, Resolution, Duration. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CUSTOM_MODEL, customModelChoice, customModelIdProperty } from '../customModelProperties';
import type { V1Choice, V1Model, V1Seconds } from './mapping';
import { DEFAULT_V1_VIDEO_MODEL, V1_VIDEO_MODELS } from './video';

const ENUMS = [
	{ name: 'aspectRatio', displayName: 'Aspect Ratio', description: 'Shape of the generated video' },
	{ name: 'resolution', displayName: 'Resolution', description: 'Size of the generated video' },
] as const;

function optionName(spec: V1Choice, value: string): string {
	return spec.optionNames?.[value] ?? value;
}

/** Groups models sharing one property definition, so each model shows exactly its own values. */
function grouped(
	models: readonly V1Model[],
	build: (model: V1Model) => Omit<INodeProperties, 'displayOptions'> | undefined,
): INodeProperties[] {
	const groups = new Map<string, { property: INodeProperties; ids: string[] }>();
	for (const model of models) {
		const property = build(model);
		if (!property) continue;
		const key = JSON.stringify(property);
		let group = groups.get(key);
		if (!group) {
			const ids: string[] = [];
			group = { ids, property: { ...property, displayOptions: { show: { model: ids } } } };
			groups.set(key, group);
		}
		group.ids.push(model.id);
	}
	return [...groups.values()].map((group) => group.property);
}

function durationProperty(spec: V1Seconds): Omit<INodeProperties, 'displayOptions'> {
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

/** The video model picker and each model's own fields (aspect ratio, resolution, duration). */
export function videoModelProperties(): INodeProperties[] {
	const modelOptions: INodePropertyOptions[] = V1_VIDEO_MODELS.map((model) => ({
		name: model.displayName,
		value: model.id,
		description: model.description,
	}));
	modelOptions.push(customModelChoice('video model'));
	return [
		{
			displayName: 'Model',
			name: 'model',
			type: 'options',
			options: modelOptions,
			default: DEFAULT_V1_VIDEO_MODEL,
			description: 'The Kie.ai model (and the API that serves it) that makes the video',
		},
		customModelIdProperty('model'),
		...ENUMS.flatMap((param) =>
			grouped(V1_VIDEO_MODELS, (model) => {
				const spec = model[param.name];
				if (!spec) return undefined;
				// n8n's lint takes a variable for a computed default but reports `spec.default` as missing.
				const defaultValue = spec.default;
				return {
					displayName: spec.displayName ?? param.displayName,
					name: param.name,
					type: 'options',
					options: spec.options.map((value) => ({ name: optionName(spec, value), value })),
					default: defaultValue,
					description: spec.description ?? param.description,
				};
			}),
		),
		...grouped(V1_VIDEO_MODELS, (model) =>
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
