/**
 * What n8n's editor shows for a node's values: its parameters with defaults filled in
 * (NodeHelpers.getNodeParameters), then those whose displayOptions hold, in the list's order.
 */
import {
	NodeHelpers,
	type INodeParameters,
	type INodeProperties,
	type INodeTypeDescription,
} from 'n8n-workflow';

export function shownParameters(
	description: INodeTypeDescription,
	values: INodeParameters,
	node: { typeVersion: number },
): INodeProperties[] {
	const parameters = NodeHelpers.getNodeParameters(
		description.properties,
		values,
		true,
		false,
		node,
		description,
	) as INodeParameters;
	return description.properties.filter((property) =>
		NodeHelpers.displayParameter(parameters, property, node, description),
	);
}

/** The shown parameter of this name; a test fails at once when the panel does not show it. */
export function shownParameter(
	description: INodeTypeDescription,
	values: INodeParameters,
	name: string,
	node: { typeVersion: number },
): INodeProperties {
	const property = shownParameters(description, values, node).find(
		(candidate) => candidate.name === name,
	);
	if (!property) throw new Error(`${name} is not shown for ${JSON.stringify(values)}`);
	return property;
}
