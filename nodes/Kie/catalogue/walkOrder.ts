/**
 * The order of the node's parameters, for n8n's walks over them. Every order here leaves what each
 * panel shows, and in which order, as it was: a parameter passes only parameters no panel shows
 * together with it (shown for other versions, resources or operations).
 */
import type { INodeProperties } from 'n8n-workflow';

/** The keys no expression can stand in for (resource and operation take none). */
const FIXED_KEYS = ['@version', 'resource', 'operation'];

/** leadingFixed's answers: fewerLookups compares the same parameters many times. */
const leading = new WeakMap<INodeProperties, Record<string, unknown>>();

/**
 * The fixed conditions n8n reads before any other: it shows a parameter as soon as one condition's
 * value is an expression (Task → Get's API is one), so only these are sure to be read.
 */
function leadingFixed(property: INodeProperties): Record<string, unknown> {
	const known = leading.get(property);
	if (known) return known;
	const show = property.displayOptions?.show ?? {};
	const keys = Object.keys(show);
	const first = keys.findIndex((key) => !FIXED_KEYS.includes(key));
	const fixed = Object.fromEntries(
		keys.slice(0, first < 0 ? keys.length : first).map((key) => [key, show[key]]),
	);
	leading.set(property, fixed);
	return fixed;
}

/** Two parameters no panel shows together: shown for different versions, resources or operations. */
function apart(a: INodeProperties, b: INodeProperties): boolean {
	const [showA, showB] = [leadingFixed(a), leadingFixed(b)];
	return FIXED_KEYS.some((key) => {
		const [x, y] = [showA[key], showB[key]];
		return Array.isArray(x) && Array.isArray(y) && !x.some((value) => y.includes(value));
	});
}

/**
 * n8n walks a node's parameters in their order (NodeHelpers.getNodeParameters: on every change in
 * the editor and once more per options list shown); a parameter whose displayOptions name one not
 * yet walked is walked again later, once per such name. So each parameter others are shown by
 * (resource, operation, the model pickers) moves up before every parameter it is never shown
 * with, which leaves each panel's order as it was. For that (and to rule a parameter out at
 * once) each parameter's show conditions are read version, resource and operation first: the
 * editor resolves expressions before it reads them, so what a panel shows does not change.
 */
function dependenciesFirst(properties: INodeProperties[]): INodeProperties[] {
	const shownBy = new Set(
		properties.flatMap((property) =>
			Object.values(property.displayOptions ?? {}).flatMap((rule) => Object.keys(rule ?? {})),
		),
	);
	const list = properties.map(fixedKeysFirst);
	for (let i = 0; i < list.length; i++) {
		if (!shownBy.has(list[i].name)) continue;
		let to = i;
		while (to > 0 && apart(list[to - 1], list[i])) to--;
		if (to < i) list.splice(to, 0, ...list.splice(i, 1));
	}
	return list;
}

function fixedKeysFirst(property: INodeProperties): INodeProperties {
	const show = property.displayOptions?.show;
	if (!show) return property;
	const keys = Object.keys(show);
	const ordered = [
		...FIXED_KEYS.filter((key) => key in show),
		...keys.filter((key) => !FIXED_KEYS.includes(key)),
	];
	if (ordered.every((key, index) => key === keys[index])) return property;
	const reordered = Object.fromEntries(ordered.map((key) => [key, show[key]]));
	return { ...property, displayOptions: { ...property.displayOptions, show: reordered } };
}

/** For each name, the names any of its definitions is shown by (n8n's getParameterDependencies). */
function shownByOf(properties: INodeProperties[]): Map<string, Set<string>> {
	const shownBy = new Map<string, Set<string>>();
	for (const property of properties) {
		const names = shownBy.get(property.name) ?? new Set<string>();
		for (const rule of Object.values(property.displayOptions ?? {}))
			for (const name of Object.keys(rule ?? {})) if (!name.startsWith('@')) names.add(name);
		shownBy.set(property.name, names);
	}
	return shownBy;
}

/**
 * What n8n's getParameterResolveOrder (inside every getNodeParameters) spends on a list: for each
 * definition, each name its name is shown by is looked up among the names met so far, from the
 * first; found, that costs its first place; not yet met, the whole list so far, and the definition
 * is walked again at the end (counted as one more pass over the list).
 */
function resolveLookups(properties: INodeProperties[]): number {
	const shownBy = shownByOf(properties);
	const firstAt = new Map<string, number>();
	let cost = 0;
	properties.forEach((property, index) => {
		for (const name of shownBy.get(property.name) ?? []) {
			const at = firstAt.get(name);
			cost += at === undefined ? index + properties.length : at + 1;
		}
		if (!firstAt.has(property.name)) firstAt.set(property.name, index);
	});
	return cost;
}

/**
 * The list with the parameter at `at` moved to the top together with every parameter before it
 * that shares a panel with it or with one moved already (in their order): the parameters it
 * passes share no panel with any of them, so every panel keeps its order.
 */
function hoisted(list: INodeProperties[], at: number): INodeProperties[] {
	const moved = [list[at]];
	const passed: INodeProperties[] = [];
	for (let i = at - 1; i >= 0; i--)
		(moved.some((property) => !apart(list[i], property)) ? moved : passed).push(list[i]);
	return [...moved.reverse(), ...passed.reverse(), ...list.slice(at + 1)];
}

/**
 * Each parameter others are shown by, with what its panels show before it, moves to the top
 * when that makes n8n's lookups cheaper (Suno's Custom Mode and Instrumental, which every Prompt
 * definition is looked up by, came after 130 definitions): until no such move helps.
 */
function fewerLookups(properties: INodeProperties[]): INodeProperties[] {
	const shownBy = new Set([...shownByOf(properties).values()].flatMap((names) => [...names]));
	let list = properties;
	let cost = resolveLookups(list);
	for (let improved = true; improved; ) {
		improved = false;
		for (const name of shownBy) {
			const at = list.findIndex((property) => property.name === name);
			if (at <= 0) continue;
			const next = hoisted(list, at);
			const nextCost = resolveLookups(next);
			if (nextCost < cost) [list, cost, improved] = [next, nextCost, true];
		}
	}
	return list;
}

/** The node's parameters in the order n8n walks most cheaply, each panel's order kept. */
export function walkOrder(properties: INodeProperties[]): INodeProperties[] {
	return fewerLookups(dependenciesFirst(properties));
}
