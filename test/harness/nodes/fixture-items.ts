/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
import { jsonParse, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/** One entry of the `items` parameter. Binaries are given as base64 and stored like real n8n binaries. */
export interface FixtureItem {
	json: IDataObject;
	binary?: Record<string, { base64: string; mimeType: string; fileName?: string }>;
}

/**
 * Test-only node (type `test.fixtureItems`): emits the items listed in its `items` parameter,
 * once, whatever its input. Binary properties go through `prepareBinaryData`, so downstream
 * nodes meet them exactly as they would meet a Read File or HTTP Request binary.
 */
export class FixtureItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fixture Items (test)',
		name: 'fixtureItems',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items, with binary data, for workflow tests',
		defaults: { name: 'Fixture Items' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Items (JSON)',
				name: 'items',
				type: 'string',
				default: '[]',
				description: 'JSON array of {json, binary?: {property: {base64, mimeType, fileName}}}',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | FixtureItem[];
		const fixtures = typeof raw === 'string' ? jsonParse<FixtureItem[]>(raw) : raw;
		if (!Array.isArray(fixtures)) {
			throw new NodeOperationError(this.getNode(), 'The items parameter must be a JSON array');
		}

		const output: INodeExecutionData[] = [];
		for (const fixture of fixtures) {
			const item: INodeExecutionData = { json: fixture.json ?? {}, pairedItem: { item: 0 } };
			if (fixture.binary) {
				const binary: IBinaryKeyData = {};
				for (const [property, { base64, mimeType, fileName }] of Object.entries(fixture.binary)) {
					binary[property] = await this.helpers.prepareBinaryData(
						Buffer.from(base64, 'base64'),
						fileName,
						mimeType,
					);
				}
				item.binary = binary;
			}
			output.push(item);
		}
		return [output];
	}
}
