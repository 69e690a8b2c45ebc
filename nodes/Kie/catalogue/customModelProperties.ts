/** Custom Model in every model picker (v1's and v2's): the picker entry and its ID field. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The picker value that lets the user name any jobs-API model. */
export const CUSTOM_MODEL = 'custom';

/** The picker's Custom Model entry; `what` says which models it stands for. */
export function customModelChoice(what: string): INodePropertyOptions {
	return {
		name: 'Custom Model (Any Jobs-API Model ID)',
		value: CUSTOM_MODEL,
		description: `Any ${what} of the Kie.ai jobs API; its fields go in Additional Input`,
	};
}

/** The Custom Model ID field, shown when `picker` is Custom Model. */
export function customModelIdProperty(
	picker: string,
	placeholder = 'e.g. kling/v2-1-pro',
): INodeProperties {
	return {
		displayName: 'Custom Model ID',
		name: 'customModel',
		type: 'string',
		default: '',
		// Not `required`: with Model set by an expression n8n shows this field for every item and
		// would refuse to run the workflow while it is empty. The node itself refuses an empty ID.
		placeholder,
		description:
			'Required with Custom Model: the model ID as written on its Kie.ai page. Its input fields go in Additional Input; the prompt is sent as "prompt" when set.',
		displayOptions: { show: { [picker]: [CUSTOM_MODEL] } },
	};
}
