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

import { walkOrder } from './walkOrder';

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

/** The keys of a displayOptions `show` that decide which panel a parameter belongs to. */
const PANEL_KEYS = ['resource', 'operation', '@version'] as const;

type Panel = string;

const panelOf = (version: number, resource: string, operation: string): Panel =>
	JSON.stringify([version, resource, operation]);

/** Every panel of the node: (version, resource, operation) as its `operation` parameters offer. */
function panelsOf(properties: INodeProperties[], versions: readonly number[]): Set<Panel> {
	const resources = (properties.find((property) => property.name === 'resource')?.options ?? [])
		.map((option) => ('value' in option ? String(option.value) : ''))
		.filter(Boolean);
	const panels = new Set<Panel>();
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		const show = property.displayOptions?.show ?? {};
		for (const version of (show['@version'] as number[] | undefined) ?? versions)
			for (const resource of (show.resource as string[] | undefined) ?? resources)
				for (const option of property.options ?? [])
					if ('value' in option) panels.add(panelOf(version, resource, String(option.value)));
	}
	return panels;
}

/** The panels whose resource, operation and version a `show` admits (of those that exist). */
function admitted(show: Record<string, unknown>, panels: Set<Panel>): Set<Panel> {
	const within = (key: string, value: unknown) => {
		const wanted = show[key];
		return !Array.isArray(wanted) || wanted.includes(value);
	};
	return new Set(
		[...panels].filter((panel) => {
			const [version, resource, operation] = JSON.parse(panel) as [number, string, string];
			return (
				within('@version', version) &&
				within('resource', resource) &&
				within('operation', operation)
			);
		}),
	);
}

const sameSet = (a: Set<Panel>, b: Set<Panel>) =>
	a.size === b.size && [...a].every((x) => b.has(x));

/**
 * What must be equal for two parameters to be one: all but the panels they are shown in (their
 * other conditions too, so in each panel the one shows exactly when each did).
 */
function mergeKey(property: INodeProperties): string | undefined {
	const { displayOptions, ...body } = property;
	if (!displayOptions || Object.keys(displayOptions).some((key) => key !== 'show'))
		return undefined;
	const conditions = Object.entries(displayOptions.show ?? {}).filter(
		([key]) => !(PANEL_KEYS as readonly string[]).includes(key),
	);
	return JSON.stringify([body, conditions]);
}

/** The `show` of two parameters shown together (a key either leaves out is left out). */
function unionShow(a: INodeProperties, b: INodeProperties, versions: readonly number[]) {
	const show: Record<string, unknown> = { ...(a.displayOptions?.show ?? {}) };
	for (const name of PANEL_KEYS) {
		const values = [a, b].map((property) => property.displayOptions?.show?.[name]);
		if (values.some((value) => !Array.isArray(value))) delete show[name];
		else show[name] = [...new Set((values as unknown[][]).flat())];
	}
	const shownIn = show['@version'];
	if (Array.isArray(shownIn) && versions.every((version) => shownIn.includes(version)))
		delete show['@version'];
	return show as NonNullable<INodeProperties['displayOptions']>['show'];
}

/**
 * The node's whole parameter list with the definitions several resources and versions share
 * written once (an operation's Options collection, Wait for Completion, …): two parameters equal
 * except for the resources, operations and versions they are shown for become one, shown for
 * exactly the panels of both, when no parameter of those panels lies between them (so every
 * panel keeps its order). Parameters shown by other parameters' values (a model picker) stay.
 */
export function mergeAcrossPanels(
	properties: INodeProperties[],
	versions: readonly number[],
): INodeProperties[] {
	const panels = panelsOf(properties, versions);
	const list = properties.map((property) => ({
		property,
		key: mergeKey(property),
		panels: admitted(property.displayOptions?.show ?? {}, panels),
	}));
	const between = (from: number, to: number, shownIn: Set<Panel>) =>
		list.slice(from + 1, to).some((entry) => [...entry.panels].some((panel) => shownIn.has(panel)));
	/** Merges entry j into entry i or i into j; the place kept, or -1. */
	const tryMerge = (j: number, i: number): number => {
		const union = new Set([...list[i].panels, ...list[j].panels]);
		const show = unionShow(list[j].property, list[i].property, versions);
		if (!sameSet(admitted(show ?? {}, panels), union)) return -1;
		// At the later place when nothing of the earlier one's panels is in between, else the earlier.
		const keep = !between(j, i, list[j].panels) ? i : !between(j, i, list[i].panels) ? j : -1;
		if (keep < 0) return -1;
		list[keep] = {
			...list[keep],
			property: { ...list[keep].property, displayOptions: { show } },
			panels: union,
		};
		list.splice(keep === i ? j : i, 1);
		return keep;
	};
	// Until nothing merges: a merge can make another possible (v1's generate and extend, then v2's).
	for (let before = Infinity; list.length < before; ) {
		before = list.length;
		for (let i = list.length - 1; i > 0; i--) {
			if (list[i].key === undefined) continue;
			for (let j = i - 1; j >= 0; j--) {
				if (list[j].key !== list[i].key) continue;
				const kept = tryMerge(j, i);
				if (kept === j) break; // i is gone; j meets the earlier ones in its turn
				if (kept === i) i--; // entry j is gone: i moved up by one
			}
		}
	}
	return walkOrder(withoutImpliedVersions(list.map((entry) => entry.property)));
}

/**
 * A parameter shown by the value of a parameter that only one version has (version 2's model
 * pickers) needs no version condition of its own: in other versions that value is never set.
 */
function withoutImpliedVersions(properties: INodeProperties[]): INodeProperties[] {
	const versionsOf = new Map<string, string[]>();
	for (const property of properties) {
		const versions = versionsOf.get(property.name) ?? [];
		versions.push(JSON.stringify(property.displayOptions?.show?.['@version'] ?? null));
		versionsOf.set(property.name, versions);
	}
	return properties.map((property) => {
		const show = property.displayOptions?.show;
		const version = JSON.stringify(show?.['@version'] ?? null);
		if (!show || version === 'null' || property.displayOptions?.hide) return property;
		const implied = Object.keys(show).some((key) => {
			const shownIn = versionsOf.get(key) ?? [];
			return (
				!key.startsWith('@') &&
				key !== property.name &&
				shownIn.length > 0 &&
				shownIn.every((versions) => versions === version)
			);
		});
		if (!implied) return property;
		const rest = { ...show };
		delete rest['@version'];
		return { ...property, displayOptions: { ...property.displayOptions, show: rest } };
	});
}
