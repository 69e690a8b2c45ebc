import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { nodeProperties, rawInEditorMark } from './actions/properties';
import { router } from './actions/router';
import { kieNodeLook } from './shared/nodeLook';

export class Kie implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kie.ai',
		name: 'kie',
		icon: { light: 'file:kie.svg', dark: 'file:kie.dark.svg' },
		...kieNodeLook(),
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{$parameter["operation"] + " " + $parameter["resource"] + (($parameter["model"] || $parameter["imageModel"] || $parameter["videoModel"] || $parameter["audioModel"]) ? ": " + ($parameter["model"] || $parameter["imageModel"] || $parameter["videoModel"] || $parameter["audioModel"]) : "")}}',
		description:
			'Generate images, video, music and speech with Kie.ai models (Nano Banana, Veo, Kling, Sora, Suno, ElevenLabs, …), fetch tasks, upload files, check credits',
		defaults: { name: 'Kie.ai' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		properties: nodeProperties,
		// Like each definition (actions/properties.ts): so the list of them is not a proxy either.
		...rawInEditorMark,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
