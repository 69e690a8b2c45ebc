import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { mergeAcrossPanels } from '../catalogue';

import * as account from './account';
import * as audio from './audio';
import * as file from './file';
import * as image from './image';
import * as task from './task';
import * as text from './text';
import * as video from './video';

/** Every parameter of the node: the resource choice, then each resource's operations. */
export const panelProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Audio', value: 'audio' },
			{ name: 'File', value: 'file' },
			{ name: 'Image', value: 'image' },
			{ name: 'Task', value: 'task' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video' },
		],
		default: 'image',
	},
	// Version 1 keeps its panel (one shared `model`), so saved workflows run unchanged.
	...updateDisplayOptions({ show: { '@version': [1] } }, [
		...image.description,
		...video.description,
		...audio.description,
		...task.description,
	]),
	...text.description,
	// Version 2: every catalogue model, a model picker per resource (SPEC 0.3).
	...updateDisplayOptions({ show: { '@version': [2] } }, [
		...image.descriptionV2,
		...video.descriptionV2,
		...audio.descriptionV2,
		...task.descriptionV2,
	]),
	...file.description,
	...account.description,
];

/**
 * Marked for n8n's editor, which keeps node descriptions in a deep-reactive Vue store: it wraps
 * each object read from there in a proxy, and it reads every definition several times on each
 * change (n8n's getNodeParameters, once per option list shown). `__v_skip` is the flag Vue's own
 * markRaw sets; with it, Vue leaves the definition a plain object. The definitions never change
 * after loading, so nothing in the editor loses by it; n8n's backend and this node ignore the key,
 * and it survives the backend's JSON. Switching models in n8n 1.123 measured with and without it:
 * scripts/editor-timings.mjs, figures in the commit that added it.
 */
type RawInEditor = INodeProperties & { __v_skip: true };

const rawInEditor = (property: INodeProperties): RawInEditor => ({ ...property, __v_skip: true });

/**
 * The same mark for the node's description (Kie.node.ts). A JSON array cannot carry it, so the
 * list of definitions reaches the editor as a proxy (each of n8n's walks reading it through the
 * proxy) unless the description holding it is marked: video model switches measured ~18 %
 * quicker with it (docs/editor-speed.md).
 */
export const rawInEditorMark = { __v_skip: true } as const;

/** The same, with each definition several resources and versions share written once. */
export const nodeProperties: RawInEditor[] = mergeAcrossPanels(panelProperties, [1, 2]).map(
	rawInEditor,
);
