/**
 * The node's definitions reach n8n's editor marked raw for Vue (`__v_skip`, what Vue's markRaw
 * sets), so the editor's reactive store does not wrap each one in a proxy that every read of the
 * many walks per change goes through (actions/properties.ts says why); nor the list of them
 * (the description is marked too: Kie.node.ts).
 */
import type { INodeProperties } from 'n8n-workflow';

import { Kie } from '../../../../nodes/Kie/Kie.node';

describe("the node's definitions in n8n's editor", () => {
	// What n8n's backend serves the editor: the description as JSON.
	const served = JSON.parse(JSON.stringify(new Kie().description)) as {
		__v_skip?: unknown;
		properties: Array<INodeProperties & { __v_skip?: unknown }>;
	};

	it('are each marked raw for Vue, after the JSON the backend sends', () => {
		expect(served.properties.length).toBeGreaterThan(100);
		const unmarked = served.properties.filter((property) => property.__v_skip !== true);
		expect(unmarked.map((property) => property.name)).toEqual([]);
	});

	// A JSON array cannot carry the mark: the list of definitions stays plain only when the
	// description holding it is raw.
	it('are listed in a description marked raw too, after the JSON the backend sends', () => {
		expect(served.__v_skip).toBe(true);
	});
});
