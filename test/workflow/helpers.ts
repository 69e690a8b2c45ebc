/** Small builders for the Kie node workflows the tests run. */
import type { INode, INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from '../harness';

export interface FixtureItemSpec {
	json?: Record<string, unknown>;
	binary?: Record<string, { base64: string; mimeType: string; fileName: string }>;
}

let nodeCounter = 0;

/** Start → (fixture items) → Kie.ai node named "Kie". */
export function kieWorkflow(
	parameters: INodeParameters,
	options: { items?: FixtureItemSpec[]; continueOnFail?: boolean } = {},
): WorkflowJson {
	const nodes: INode[] = [
		{
			id: `n${++nodeCounter}`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: `n${++nodeCounter}`,
			name: 'Items',
			type: 'test.fixtureItems',
			typeVersion: 1,
			position: [200, 0],
			parameters: { items: JSON.stringify(options.items ?? [{ json: {} }]) },
		},
		{
			id: `n${++nodeCounter}`,
			name: 'Kie',
			type: 'n8n-nodes-kie.kie',
			typeVersion: 1,
			position: [400, 0],
			parameters,
			credentials: { kieApi: { id: '1', name: 'Kie.ai account' } },
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
	];
	return {
		nodes,
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Kie', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}
