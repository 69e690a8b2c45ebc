/**
 * Several panels (each model's fields; each operation's parameters) as one list in which each
 * parameter is defined once for all the panels that show it the same way: the node's description
 * stays small, which keeps n8n's editor quick (it walks every definition on each change).
 *
 * Two definitions merge when they are equal except for the operations (and, for a model's field,
 * the models) they are shown for; the merged one is shown for the union of both. Each panel keeps
 * its parameters in its own order: the lists are merged along their longest common subsequence,
 * like a diff, so a parameter two panels order differently is defined twice.
 */
import type { INodeProperties } from 'n8n-workflow';

interface Entry {
	key: string;
	property: INodeProperties;
	operations: string[];
	/** The models it is shown for, when it is a model's field. */
	models?: string[];
}

function entryOf(property: INodeProperties, picker: string): Entry {
	const { displayOptions, ...body } = property;
	const { operation, [picker]: models, ...show } = displayOptions?.show ?? {};
	const shownFor = Array.isArray(models) && property.name !== picker;
	const key = JSON.stringify([
		body,
		{ ...displayOptions, show: shownFor ? show : { ...show, [picker]: models } },
		shownFor,
	]);
	return {
		key,
		property,
		operations: [...((operation ?? []) as string[])],
		...(shownFor ? { models: [...(models as string[])] } : {}),
	};
}

/** The longest common subsequence of two key lists, as index pairs. */
function commonPairs(left: string[], right: string[]): Array<[number, number]> {
	const lengths = left.map(() => new Array<number>(right.length + 1).fill(0));
	lengths.push(new Array<number>(right.length + 1).fill(0));
	for (let i = left.length - 1; i >= 0; i--) {
		for (let j = right.length - 1; j >= 0; j--) {
			lengths[i][j] =
				left[i] === right[j]
					? lengths[i + 1][j + 1] + 1
					: Math.max(lengths[i + 1][j], lengths[i][j + 1]);
		}
	}
	const pairs: Array<[number, number]> = [];
	for (let i = 0, j = 0; i < left.length && j < right.length; ) {
		if (left[i] === right[j]) pairs.push([i++, j++]);
		else if (lengths[i + 1][j] >= lengths[i][j + 1]) i++;
		else j++;
	}
	return pairs;
}

function union(into: string[], from: string[]) {
	for (const value of from) if (!into.includes(value)) into.push(value);
}

/**
 * `panels` are lists of parameters shown for one operation or one model (by displayOptions
 * `operation` or `picker`, the resource's model parameter), each in the order it shows them.
 */
export function mergePanels(panels: INodeProperties[][], picker: string): INodeProperties[] {
	let merged: Entry[] = [];
	for (const list of panels) {
		const entries = list.map((property) => entryOf(property, picker));
		const pairs = commonPairs(
			merged.map((entry) => entry.key),
			entries.map((entry) => entry.key),
		);
		const next: Entry[] = [];
		let i = 0;
		let j = 0;
		for (const [left, right] of [...pairs, [merged.length, entries.length]]) {
			next.push(...merged.slice(i, left), ...entries.slice(j, right));
			if (left < merged.length) {
				const entry = merged[left];
				union(entry.operations, entries[right].operations);
				if (entry.models) union(entry.models, entries[right].models ?? []);
				next.push(entry);
			}
			i = left + 1;
			j = right + 1;
		}
		merged = next;
	}
	return merged.map(({ property, operations: shownIn, models }) => {
		if (!property.displayOptions) return property;
		const show = { ...property.displayOptions?.show };
		if (shownIn.length > 0) show.operation = shownIn;
		if (models) show[picker] = models;
		return { ...property, displayOptions: { ...property.displayOptions, show } };
	});
}
