/**
 * A version-2 operation served by the catalogue: its panel (the resource's model picker and each
 * model's fields, then wait and options) and its execution (the one pipeline: runModel.ts).
 */
import {
	updateDisplayOptions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import type { CatalogueOperation, CatalogueResource } from '../../catalogue/modelData';
import { modelPanel } from '../../catalogue/panel';
import { taskOptionsCollection, waitProperties } from './properties';
import { runModelOf } from './runModel';
import type { OperationExecute } from './taskOutput';

export interface ModelOperation {
	description: INodeProperties[];
	execute: OperationExecute;
}

export function modelOperation(
	resource: CatalogueResource,
	operation: CatalogueOperation,
	options: INodeProperties = taskOptionsCollection,
	/** Picker entries served by another panel (e.g. Veo's upscale), and their fields. */
	others: { options: INodePropertyOptions[]; default?: string; properties?: INodeProperties[] } = {
		options: [],
	},
): ModelOperation {
	const description = updateDisplayOptions(
		{ show: { resource: [resource], operation: [operation] } },
		[
			...modelPanel(resource, operation, others),
			...(others.properties ?? []),
			...waitProperties({ waitForCompletion: true, downloadResults: true }),
			options,
		],
	);
	return { description, execute: runModelOf(resource) };
}

/** Version 2's operation picker of a resource. */
export function operationPicker(
	resource: CatalogueResource,
	options: INodePropertyOptions[],
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: 'generate',
	};
}
