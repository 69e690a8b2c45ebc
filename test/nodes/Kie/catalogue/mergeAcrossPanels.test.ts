/**
 * The node's description with the definitions several resources and versions share written once
 * (mergeAcrossPanels) shows, in n8n's editor, exactly what the unmerged one shows: for every
 * version, resource, operation and model, the same parameters in the same order; and it is smaller.
 */
import {
	NodeHelpers,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { Kie } from '../../../../nodes/Kie/Kie.node';
import { nodeProperties, panelProperties } from '../../../../nodes/Kie/actions/properties';
import { mergeAcrossPanels } from '../../../../nodes/Kie/catalogue/mergePanels';

const description = new Kie().description;
const unmerged: INodeTypeDescription = { ...description, properties: panelProperties };

/**
 * What the editor shows for these values: each parameter without its displayOptions, in order.
 * Like n8n's editor (ParameterInputList), expressions are resolved before it decides; without
 * input data they come to nothing (Task → Get's default API, `={{ $json.api }}`).
 */
function shown(of: INodeTypeDescription, version: number, values: INodeParameters): string[] {
	const node = { typeVersion: version };
	const withDefaults = NodeHelpers.getNodeParameters(
		of.properties,
		values,
		true,
		false,
		node,
		of,
	) as INodeParameters;
	const parameters = Object.fromEntries(
		Object.entries(withDefaults).map(([name, value]) => [
			name,
			typeof value === 'string' && value.startsWith('=') ? '' : value,
		]),
	);
	return (
		of.properties
			.filter((property) => NodeHelpers.displayParameter(parameters, property, node, of))
			// `__v_skip` (for n8n's editor, actions/properties.ts) is on the merged definitions only.
			.map((property) =>
				JSON.stringify({ ...property, displayOptions: undefined, __v_skip: undefined }),
			)
	);
}

const optionValues = (property: INodeProperties) =>
	(property.options as INodePropertyOptions[]).map((option) => option.value as string);

/** Every (version, resource, operation, model) the unmerged description offers. */
function cases(): Array<[string, number, INodeParameters]> {
	const all: Array<[string, number, INodeParameters]> = [];
	const resources = optionValues(panelProperties.find((p) => p.name === 'resource')!);
	for (const version of [1, 2]) {
		for (const resource of resources) {
			const base = { resource };
			const operations = shown(unmerged, version, base)
				.map((json) => JSON.parse(json) as INodeProperties)
				.find((property) => property.name === 'operation');
			for (const operation of operations ? optionValues(operations) : ['']) {
				const values = { resource, ...(operation ? { operation } : {}) };
				const pickers = shown(unmerged, version, values)
					.map((json) => JSON.parse(json) as INodeProperties)
					.filter((property) => /^(model|imageModel|videoModel|audioModel)$/.test(property.name));
				all.push([`v${version} ${resource} ${operation}`, version, values]);
				for (const picker of pickers) {
					for (const model of optionValues(picker)) {
						all.push([
							`v${version} ${resource} ${operation} ${model}`,
							version,
							{ ...values, [picker.name]: model },
						]);
					}
				}
			}
		}
	}
	return all;
}

describe('mergeAcrossPanels', () => {
	const all = cases();

	it('covers both versions and every model picker', () => {
		expect(all.length).toBeGreaterThan(200);
		expect(all.some(([name]) => name.startsWith('v1 video generate'))).toBe(true);
		expect(all.some(([name]) => name === 'v2 audio generate V5')).toBe(true);
	});

	test.each(all)('%s shows the same parameters, in the same order', (_, version, values) => {
		const merged = shown(description, version, values);
		expect(merged).toEqual(shown(unmerged, version, values));
		expect(merged.length).toBeGreaterThan(0);
		const suno = values.resource === 'audio' ? [{ customMode: true }, { instrumental: true }] : [];
		for (const more of [{ waitForCompletion: false }, { waitForCompletion: true }, ...suno]) {
			expect(shown(description, version, { ...values, ...more })).toEqual(
				shown(unmerged, version, { ...values, ...more }),
			);
		}
	});

	test.each([1, 2])(
		'v%i: a saved workflow without its operation (the default) shows the same',
		(version) => {
			for (const resource of optionValues(panelProperties.find((p) => p.name === 'resource')!)) {
				expect(shown(description, version, { resource })).toEqual(
					shown(unmerged, version, { resource }),
				);
			}
		},
	);

	it('puts each parameter others are shown by before them, so n8n walks each once', () => {
		// n8n's getNodeParameters walks the list in order and walks a parameter again, once per
		// name in its displayOptions it has not met yet (all definitions of a name count as one).
		const again = (properties: INodeProperties[]) => {
			const shownBy = new Map<string, Set<string>>();
			for (const property of properties) {
				const names = shownBy.get(property.name) ?? new Set<string>();
				for (const rule of Object.values(property.displayOptions ?? {}))
					for (const name of Object.keys(rule ?? {})) if (!name.startsWith('@')) names.add(name);
				shownBy.set(property.name, names);
			}
			const met = new Set<string>();
			let count = 0;
			for (const property of properties) {
				for (const name of shownBy.get(property.name)!) if (!met.has(name)) count++;
				met.add(property.name);
			}
			return count;
		};
		expect(again(panelProperties)).toBeGreaterThan(300);
		expect(again(nodeProperties)).toBeLessThan(20);
	});

	it("keeps n8n's parameter resolve order cheap: the names others are shown by come first", () => {
		// n8n's getParameterResolveOrder, in every getNodeParameters (several per change in the
		// editor), looks up, for each definition, each name any definition of its name is shown by
		// in the names met so far, from the first (Array.includes); counted here as n8n does it.
		const lookups = (properties: INodeProperties[]) => {
			const shownBy = new Map<string, string[]>();
			for (const property of properties) {
				const names = shownBy.get(property.name) ?? [];
				for (const rule of Object.values(property.displayOptions ?? {}))
					for (const name of Object.keys(rule ?? {}))
						if (!name.startsWith('@') && !names.includes(name)) names.push(name);
				shownBy.set(property.name, names);
			}
			const resolved: string[] = [];
			let compared = 0;
			for (const property of properties) {
				for (const name of shownBy.get(property.name)!) {
					const at = resolved.indexOf(name);
					compared += at < 0 ? resolved.length : at + 1;
				}
				resolved.push(property.name);
			}
			return compared;
		};
		// Measured: 53,112 with the order mergeAcrossPanels had before walkOrder's lookups step.
		expect(lookups(nodeProperties)).toBeLessThan(20_000);
		for (const name of ['customMode', 'instrumental', 'model', 'imageModel', 'videoModel'])
			expect(nodeProperties.findIndex((property) => property.name === name)).toBeLessThan(20);
	});

	it('keeps the description the size docs/editor-speed.md measures (each definition is walked)', () => {
		// Each of n8n's walks (several per change in the editor) reads every definition of both
		// versions: a larger count is a slower panel. 662 definitions, 351,710 characters at cd1b4b1.
		expect(nodeProperties.length).toBeLessThanOrEqual(680);
		expect(JSON.stringify(description).length).toBeLessThan(370_000);
	});

	it('defines an Options collection shared by resources and versions once', () => {
		expect(description.properties).toBe(nodeProperties);
		const options = (properties: INodeProperties[]) =>
			properties.filter((property) => property.name === 'options').length;
		expect(options(nodeProperties)).toBeLessThan(options(panelProperties) - 6);
		expect(JSON.stringify(nodeProperties).length).toBeLessThan(
			JSON.stringify(panelProperties).length - 25_000,
		);
	});

	it('keeps two definitions apart when one would show in a panel neither showed in', () => {
		const flag = (show: Record<string, string[]>): INodeProperties => ({
			displayName: 'Flag',
			name: 'flag',
			type: 'boolean',
			default: false,
			displayOptions: { show },
		});
		const operations = (resource: string, values: string[]): INodeProperties => ({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			options: values.map((value) => ({ name: value, value })),
			default: values[0],
			displayOptions: { show: { resource: [resource] } },
		});
		const resource: INodeProperties = {
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			options: ['a', 'b'].map((value) => ({ name: value, value })),
			default: 'a',
		};
		const merge = (...flags: INodeProperties[]) =>
			mergeAcrossPanels(
				[resource, operations('a', ['x', 'y']), operations('b', ['x', 'y']), ...flags],
				[1],
			)
				.filter((property) => property.name === 'flag')
				.map((property) => property.displayOptions?.show);
		// a/x with b/y would also show for a/y and b/x: kept apart.
		expect(
			merge(
				flag({ resource: ['a'], operation: ['x'] }),
				flag({ resource: ['b'], operation: ['y'] }),
			),
		).toEqual([
			{ resource: ['a'], operation: ['x'] },
			{ resource: ['b'], operation: ['y'] },
		]);
		// a/x with b/x is exactly "resource a or b, operation x".
		expect(
			merge(
				flag({ resource: ['a'], operation: ['x'] }),
				flag({ resource: ['b'], operation: ['x'] }),
			),
		).toEqual([{ resource: ['a', 'b'], operation: ['x'] }]);
	});
});
