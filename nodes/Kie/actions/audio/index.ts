import type { INodeProperties } from 'n8n-workflow';

import { mergePanels, PICKERS } from '../../catalogue';
import { operationPicker } from '../common/modelOperation';
import * as extend from './extend.operation';
import * as generate from './generate.operation';
import * as isolate from './isolate.operation';
import { SUNO_TOOL_OPTIONS, SUNO_TOOLS } from './sunoTools';
import * as transcribe from './transcribe.operation';

export { extend, generate, isolate, transcribe, SUNO_TOOLS };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['audio'] } },
		options: [
			{
				name: 'Generate',
				value: 'generate',
				action: 'Generate audio',
				description: 'Make a song (Suno), speech or a sound effect (ElevenLabs) from text',
			},
			{
				name: 'Extend',
				value: 'extend',
				action: 'Extend a song',
				description: 'Continue a finished Suno track',
			},
		],
		default: 'generate',
	},
	...generate.description,
	...extend.description,
];

/** Version 2: every audio model of the catalogue, by what it does. */
export const descriptionV2: INodeProperties[] = [
	operationPicker('audio', [
		{
			name: 'Generate',
			value: 'generate',
			action: 'Generate audio',
			description: 'Music (Suno), speech, dialogue or sound effects (ElevenLabs)',
		},
		{
			name: 'Extend',
			value: 'extend',
			action: 'Extend a song',
			description: 'Continue a finished Suno track',
		},
		{
			name: 'Transcribe',
			value: 'transcribe',
			action: 'Transcribe speech',
			description: 'Speech to text, with word timings',
		},
		{
			name: 'Isolate Voice',
			value: 'isolate',
			action: 'Isolate the voice',
			description: 'Remove background noise and music from speech',
		},
		...SUNO_TOOL_OPTIONS,
	]),
	// Each parameter once for the operations that show it alike (the description stays small).
	...mergePanels(
		[
			generate.descriptionV2,
			extend.description,
			transcribe.description,
			isolate.description,
			...Object.values(SUNO_TOOLS).map((tool) => tool.description),
		],
		PICKERS.audio,
	),
];
