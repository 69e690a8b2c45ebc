import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

/**
 * What both Kie.ai nodes (the action and the trigger) have alike: one main output and the
 * credential. Each class keeps its own icon line: n8n's node checks read it there.
 */
export function kieNodeLook(): Pick<INodeTypeDescription, 'outputs' | 'credentials'> {
	return {
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kieApi', required: true }],
	};
}
