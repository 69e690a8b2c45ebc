/**
 * Version 1's image models as the tests read them: each Model value with its prompt, images and
 * option fields, from version 1's map (catalogue/v1/image.ts) over the catalogue's data.
 */
import { V1_IMAGE_MODELS } from '../../nodes/Kie/catalogue';
import type { FieldData } from '../../nodes/Kie/catalogue/modelData';
import { CATALOGUE } from '../../nodes/Kie/catalogue/modelCatalogue';
import { v1FieldOf, type V1Field } from '../../nodes/Kie/catalogue/v1/mapping';

export interface V1EnumSpec {
	field: string;
	options: string[];
	default: string;
	required: boolean;
	displayName?: string;
	optionNames?: Readonly<Record<string, string>>;
}

export interface V1ImageSpec {
	id: string;
	/** The catalogue model's page (market/… for jobs-API models). */
	docsPage: string;
	/** A dedicated API's model (fields at the top level of the body). */
	dedicatedApi: boolean;
	operations: Array<'generate' | 'edit'>;
	prompt: { field: string; required: boolean; minLength?: number; maxLength?: number };
	images?: {
		field: string;
		kind: 'array' | 'single';
		min: number;
		max: number;
		maxFileSizeBytes?: number;
		mimeTypes?: readonly string[];
	};
	aspectRatio?: V1EnumSpec;
	resolution?: V1EnumSpec;
	outputFormat?: V1EnumSpec;
}

export const V1_IMAGE_SPECS: V1ImageSpec[] = V1_IMAGE_MODELS.map((entry) => {
	const model = CATALOGUE.find((candidate) => candidate.id === entry.id)!;
	const fieldOf = (param: string): [FieldData, V1Field] | undefined => {
		const spec = v1FieldOf(entry, param);
		if (spec === undefined) return undefined;
		return [model.fields.find((field) => field.name === spec.field)!, spec];
	};
	const enumSpec = (param: string): V1EnumSpec | undefined => {
		const found = fieldOf(param);
		if (!found) return undefined;
		const [field, spec] = found;
		return {
			field: field.name,
			options: (field.enum ?? []).map(String),
			default: String(spec.default ?? field.default),
			required: field.required,
			displayName: spec.displayName,
			optionNames: spec.optionNames,
		};
	};
	const [prompt] = fieldOf('prompt')!;
	const images = fieldOf('imageUrls')?.[0];
	return {
		id: entry.id,
		docsPage: model.page,
		dedicatedApi: model.fieldsAt === 'body',
		operations: [...(entry.operations ?? [])] as Array<'generate' | 'edit'>,
		prompt: {
			field: prompt.name,
			required: prompt.required,
			minLength: prompt.minLength,
			maxLength: prompt.maxLength,
		},
		images: images && {
			field: images.name,
			kind: images.type === 'array' ? 'array' : 'single',
			min: images.required ? 1 : 0,
			max: images.type === 'array' ? images.maxItems! : 1,
			maxFileSizeBytes: images.maxFileSizeBytes,
			mimeTypes: images.mimeTypes,
		},
		aspectRatio: enumSpec('aspectRatio'),
		resolution: enumSpec('resolution'),
		outputFormat: enumSpec('outputFormat'),
	};
});
