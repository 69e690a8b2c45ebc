import { CONTINUATION_MODELS, PAGE_MODELS } from './data/models';
import type { FieldData, ModelData } from './modelData';
import { ADDED_MODELS, OVERRIDES, type AddedModel, type ModelOverride } from './overrides';
import { PICKER } from './pickerModels';

/*
 * The models the node offers: the pages' data (data/models.ts) with the hand-kept overrides
 * (overrides.ts) applied, in picker order.
 */

function applyFieldChanges(
	fields: readonly FieldData[],
	changes: ModelOverride['fields'] = {},
): FieldData[] {
	const changed: FieldData[] = [];
	for (const field of fields) {
		const change = changes[field.name];
		if (change === null) continue;
		changed.push(change ? { ...field, ...change } : field);
	}
	return changed;
}

function applyOverride(model: ModelData, override: ModelOverride): ModelData {
	const merged: ModelData = {
		...model,
		...override.set,
		fields: [...applyFieldChanges(model.fields, override.fields), ...(override.addFields ?? [])],
	};
	if (override.rules) merged.rules = [...(model.rules ?? []), ...override.rules];
	return merged;
}

function withOverrides(model: ModelData): ModelData {
	return OVERRIDES.filter(
		(override) =>
			override.page === model.page && (override.id === undefined || override.id === model.id),
	).reduce(applyOverride, model);
}

const pickerRank = new Map(PICKER.map((entry, index) => [entry.id, index]));
const pickerEntry = new Map(PICKER.map((entry) => [entry.id, entry]));

function withPickerName(model: ModelData): ModelData {
	const entry = pickerEntry.get(model.id);
	if (!entry) return model;
	return {
		...model,
		displayName: entry.displayName,
		description: entry.description ?? model.description,
	};
}

function pickerOrder(a: ModelData, b: ModelData): number {
	const rankA = pickerRank.get(a.id) ?? Number.MAX_SAFE_INTEGER;
	const rankB = pickerRank.get(b.id) ?? Number.MAX_SAFE_INTEGER;
	return rankA !== rankB ? rankA - rankB : a.displayName.localeCompare(b.displayName);
}

/** An added model as data: its reason and source stay in overrides.ts. */
function withoutProvenance(added: AddedModel): ModelData {
	const model: ModelData & { reason?: string; source?: string } = { ...added };
	delete model.reason;
	delete model.source;
	return model;
}

/** Every model, in picker order (0.2's models first, the rest by name). */
export const CATALOGUE: readonly ModelData[] = [
	...PAGE_MODELS.map(withOverrides),
	...ADDED_MODELS.map(withoutProvenance),
]
	.map(withPickerName)
	.sort(pickerOrder);

const byId = new Map(CATALOGUE.map((model) => [model.id, model]));

export function catalogueModel(id: string): ModelData | undefined {
	return byId.get(id);
}

/** Veo's and Runway's extend of a finished task: Video → Extend's Veo 3.1 and Runway entries. */
export const CONTINUATIONS: readonly ModelData[] = CONTINUATION_MODELS.map(withOverrides);
