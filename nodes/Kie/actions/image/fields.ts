import type { INodeProperties } from 'n8n-workflow';

/** A required Prompt of 4 rows, with the operation's own words (and an example when given). */
export function promptOf(description: string, placeholder?: string): INodeProperties {
	return {
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		...(placeholder === undefined ? {} : { placeholder }),
		description,
	};
}

export const promptProperty = promptOf(
	'What to make. Nano Banana Pro takes up to 10,000 characters; other models differ.',
	'A serene mountain landscape at sunset, vibrant colours',
);

export const additionalInputProperty: INodeProperties = {
	displayName: 'Additional Input (JSON)',
	name: 'additionalInput',
	type: 'json',
	default: '{}',
	description:
		'Extra fields merged into the task\'s input, for options the node does not show (e.g. {"seed": 42}); for Custom Model, the model\'s whole input',
};

const MODEL_CHOICE = new Set(['model', 'customModel']);

/** The model choice, then the prompt, then the chosen model's own options. */
export function modelAndPromptProperties(
	catalogueProperties: INodeProperties[],
): INodeProperties[] {
	return [
		...catalogueProperties.filter((p) => MODEL_CHOICE.has(p.name)),
		promptProperty,
		...catalogueProperties.filter((p) => !MODEL_CHOICE.has(p.name)),
	];
}
