import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import { toNodeError } from '../../../../nodes/Kie/actions/common/errors';
import {
	isToolMode,
	toolErrorItem,
	toolResultItem,
	withoutDownloads,
} from '../../../../nodes/Kie/actions/router';
import { checkV1Image } from '../../../../nodes/Kie/catalogue';

function node(type: string, parameters: INode['parameters'] = {}): INode {
	return { id: '1', name: 'Generate image', type, typeVersion: 1, position: [0, 0], parameters };
}

/** Just what toolMode reads from an execution context. */
function context(n: INode, values: Record<string, unknown> = {}): IExecuteFunctions {
	return {
		getNode: () => n,
		getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
			name in values ? values[name] : fallback,
	} as unknown as IExecuteFunctions;
}

/** The refusal the catalogue gives for an aspect ratio nano-banana-pro does not have. */
function refusal(): unknown {
	try {
		const values: Record<string, unknown> = { prompt: 'a lighthouse', aspectRatio: '7:3' };
		checkV1Image('generate', 'nano-banana-pro', (param) => values[param] ?? '');
	} catch (error) {
		return error;
	}
	throw new Error('7:3 was accepted');
}

describe('tool mode', () => {
	it('is the node type n8n gives a usableAsTool node connected to an agent', () => {
		expect(isToolMode(context(node('n8n-nodes-kie.kieTool')))).toBe(true);
		expect(isToolMode(context(node('n8n-nodes-kie.kie')))).toBe(false);
		expect(isToolMode(context(node('n8n-nodes-kie.kieTrigger')))).toBe(false);
	});

	it('never downloads, whatever the node says, and reads every other parameter as it is', () => {
		const ctx = withoutDownloads(
			context(node('n8n-nodes-kie.kieTool'), {
				downloadResults: true,
				prompt: 'a lighthouse',
			}),
		);
		expect(ctx.getNodeParameter('downloadResults', 0)).toBe(false);
		expect(ctx.getNodeParameter('prompt', 0)).toBe('a lighthouse');
		expect(ctx.getNode().type).toBe('n8n-nodes-kie.kieTool');
	});

	it('gives the model a task item cut to task id, API, model, state and URLs, without binary', () => {
		const item: INodeExecutionData = {
			json: {
				taskId: 't1',
				api: 'market',
				model: 'nano-banana-pro',
				state: 'success',
				resultUrls: ['https://files.example/t1_0.png'],
				failCode: null,
				failMsg: null,
				costTime: 8000,
				creditsConsumed: 24,
				param: { model: 'nano-banana-pro', input: { prompt: 'a lighthouse' } },
			},
			binary: { data: { data: 'iVBORw0KGgo=', mimeType: 'image/png' } },
			pairedItem: { item: 0 },
		};
		expect(toolResultItem(item)).toEqual({
			json: {
				taskId: 't1',
				api: 'market',
				model: 'nano-banana-pro',
				state: 'success',
				resultUrls: ['https://files.example/t1_0.png'],
			},
			pairedItem: { item: 0 },
		});
		expect(toolResultItem({ json: { credits: 1234 } }).json).toEqual({ credits: 1234 });
	});

	it('names the $fromAI() argument to fix and what is allowed; nothing about a task', () => {
		const n = node('n8n-nodes-kie.kieTool', {
			aspectRatio: "={{ $fromAI('shape', 'Shape of the picture', 'string') }}",
		});
		const error = refusal();
		const item = toolErrorItem(context(n), error, toNodeError(n, error, 0, {}), {}, 0);
		expect(item.json).toEqual({
			error: expect.stringContaining('"7:3" is not supported by nano-banana-pro. Allowed: 1:1,'),
			description: expect.stringContaining('no credits were used'),
			argument: 'shape',
			allowed: expect.stringContaining('16:9'),
		});
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('names the node parameter when the user, not the model, set the value', () => {
		const n = node('n8n-nodes-kie.kieTool', { aspectRatio: '7:3' });
		const error = refusal();
		const item = toolErrorItem(context(n), error, toNodeError(n, error, 0, {}), {}, 0);
		expect(item.json.parameter).toBe('aspectRatio');
		expect(item.json.argument).toBeUndefined();
	});
});
