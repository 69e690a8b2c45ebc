/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Kie's chat models in a real n8n, against the simulator's chat pages (test/simulator/chat.ts):
 *   - examples/chat-prompt-to-image.json: Text → Generate writes an image prompt, Nano Banana Pro
 *     draws it, the PNG is written to disk;
 *   - examples/agent-kie-chat-model.json: n8n's Anthropic Chat Model as an AI Agent's model, its
 *     credential's Base URL at Kie's /claude and the key in a custom Authorization header;
 *   - the same agent with n8n's OpenAI Chat Model at Kie's GPT-5.2 chat completions instead: Kie's
 *     page takes message content only as an array of parts, n8n sends text, so it is refused.
 * Registered in scenarios.ts; the runner imports chatModelCredentials().
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { KieSimulatorApi, RecordedRequest } from '../simulator';
import { describeNodeErrors, nodeOutput } from './n8n';
import type { Scenario } from './scenarios';

const SIM_KEY = 'sim-key';
const ANTHROPIC_CREDENTIAL = { id: 'kieE2eChatClaude', name: 'Kie.ai chat (Anthropic)' };
const OPENAI_CREDENTIAL = { id: 'kieE2eChatOpenAi', name: 'Kie.ai chat (OpenAI)' };

/**
 * The credentials the agent example and its OpenAI variant name, pointed at the simulator (or, for
 * `npm run dev` with a key, at Kie: `kie` is then https://api.kie.ai and `key` the Kie key).
 */
export function chatModelCredentials(
	kie: Pick<KieSimulatorApi, 'baseUrl'>,
	key = SIM_KEY,
): Array<Record<string, unknown>> {
	return [
		{
			...ANTHROPIC_CREDENTIAL,
			type: 'anthropicApi',
			data: {
				apiKey: key,
				url: `${kie.baseUrl}/claude`,
				header: true,
				headerName: 'Authorization',
				headerValue: `Bearer ${key}`,
			},
		},
		{
			...OPENAI_CREDENTIAL,
			type: 'openAiApi',
			data: { apiKey: key, url: `${kie.baseUrl}/gpt-5-2/v1` },
		},
	];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function served(url: string): Promise<Buffer> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
	return Buffer.from(await response.arrayBuffer());
}

const requestsTo = (sim: KieSimulatorApi, endpoint: string): RecordedRequest[] =>
	sim.record.requests.filter((request) => request.endpoint === endpoint);

const SYSTEM_PROMPT =
	'You write prompts for an image model: one paragraph, concrete and visual (subject, setting, light, style), no preamble, no quotes.';
const BRIEF = "A poster for a small harbour town's summer lantern festival";

const AGENT_PROMPT =
	'Write three short captions for a photo of a lighthouse at dusk, one per line.';
const AGENT_SYSTEM = 'You write social media captions: short, warm, no hashtags.';

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, unknown>;
}

/** The agent example with n8n's OpenAI Chat Model at Kie's GPT-5.2 in place of Claude. */
function withOpenAiChatModel(workflow: Record<string, unknown>): void {
	const nodes = workflow.nodes as WorkflowNode[];
	const model = nodes.find((node) => node.name === 'Claude on Kie.ai');
	if (!model) throw new Error('agent-kie-chat-model.json has no node "Claude on Kie.ai"');
	Object.assign(model, {
		name: 'GPT-5.2 on Kie.ai',
		type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
		typeVersion: 1.3,
		parameters: {
			model: { __rl: true, mode: 'id', value: 'gpt-5-2' },
			responsesApiEnabled: false,
			options: {},
		},
		credentials: { openAiApi: OPENAI_CREDENTIAL },
	});
	const connections = workflow.connections as Record<string, unknown>;
	connections['GPT-5.2 on Kie.ai'] = connections['Claude on Kie.ai'];
	delete connections['Claude on Kie.ai'];
}

export const chatScenarios: Scenario[] = [
	{
		file: 'chat-prompt-to-image.json',
		workflowId: 'kieE2eChatImage1',
		async check(context, execution, checks) {
			const { sim } = context;
			const chats = requestsTo(sim, 'chatCompletions');
			checks.equal(
				chats.map((request) => [request.path, request.status, request.headers.authorization]),
				[['/gpt-5-2/v1/chat/completions', 200, `Bearer ${SIM_KEY}`]],
				'chat requests (path, status, key)',
			);
			checks.equal(
				chats[0]?.body,
				{
					messages: [
						{ role: 'system', content: [{ type: 'text', text: SYSTEM_PROMPT }] },
						{ role: 'user', content: [{ type: 'text', text: BRIEF }] },
					],
					stream: false,
				},
				'chat request body (the page’s content arrays, not streamed)',
			);
			const written = nodeOutput(execution, 'Write the prompt')[0]?.json ?? {};
			const prompt = `[gpt-5-2] ${BRIEF}`;
			checks.equal(
				[written.model, written.text, written.finishReason],
				['gpt-5-2', prompt, 'stop'],
				'Write the prompt: model, text, finishReason',
			);
			const usage = (written.usage ?? {}) as Record<string, unknown>;
			checks.that(
				typeof usage.inputTokens === 'number' && typeof usage.outputTokens === 'number',
				`Write the prompt: usage ${JSON.stringify(usage)}`,
			);

			const creates = requestsTo(sim, 'createTask').filter((request) => request.status === 200);
			checks.equal(
				creates.map((request) => request.body),
				[
					{
						input: { prompt, aspect_ratio: '4:5', resolution: '2K', output_format: 'png' },
						model: 'nano-banana-pro',
					},
				],
				'createTask bodies (the chat model’s text as the prompt)',
			);
			const items = nodeOutput(execution, 'Generate image');
			checks.equal(items.length, 1, 'Generate image: items');
			const json = items[0]?.json ?? {};
			const taskId = String(json.taskId);
			checks.equal(
				[json.model, json.state],
				['nano-banana-pro', 'success'],
				'Generate image: model, state',
			);
			const binary = items[0]?.binary?.data;
			checks.equal(binary?.mimeType, 'image/png', 'Generate image: data MIME type');
			checks.equal(binary?.fileName, `${taskId}_0.png`, 'Generate image: file name');
			const url = (json.resultUrls as string[] | undefined)?.[0];
			const file = path.join(context.filesFolder, `${taskId}_0.png`);
			if (checks.that(existsSync(file), `${file} was not written`) && url) {
				const bytes = await readFile(file);
				checks.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'the file is a PNG');
				checks.equal(sha256(bytes), sha256(await served(url)), `sha256 of the file vs ${url}`);
			}
		},
	},
	{
		file: 'agent-kie-chat-model.json',
		workflowId: 'kieE2eAgentKie01',
		async check(context, execution, checks) {
			const claude = requestsTo(context.sim, 'claudeMessages');
			checks.equal(
				claude.map((request) => [request.path, request.status, request.headers.authorization]),
				[['/claude/v1/messages', 200, `Bearer ${SIM_KEY}`]],
				'Claude requests (path, status, the custom header)',
			);
			const body = (claude[0]?.body ?? {}) as Record<string, unknown>;
			checks.equal(
				[body.model, body.system, body.messages],
				['claude-sonnet-4-6', AGENT_SYSTEM, [{ role: 'user', content: AGENT_PROMPT }]],
				'Claude request: model, system, messages',
			);
			checks.that(body.stream !== true, `Claude request streamed: ${JSON.stringify(body.stream)}`);
			const answer = nodeOutput(execution, 'AI Agent')[0]?.json.output;
			checks.equal(answer, `[claude-sonnet-4-6] ${AGENT_PROMPT}`, "AI Agent's output");
		},
	},
	{
		file: 'agent-kie-chat-model.json',
		workflowId: 'kieE2eAgentKie02',
		rewrite: withOpenAiChatModel,
		expectedStatus: 'error',
		async check(context, execution, checks) {
			const chats = requestsTo(context.sim, 'chatCompletions');
			checks.that(chats.length > 0, 'the OpenAI Chat Model sent no request to Kie');
			checks.equal(
				[...new Set(chats.map((request) => `${request.path} ${request.status}`))],
				['/gpt-5-2/v1/chat/completions 400'],
				'chat requests (path status)',
			);
			const messages = ((chats[0]?.body ?? {}) as { messages?: Array<{ content?: unknown }> })
				.messages;
			checks.that(
				Array.isArray(messages) && messages.some((m) => typeof m.content === 'string'),
				`n8n's OpenAI Chat Model sent text content: ${JSON.stringify(messages)}`,
			);
			const errors = describeNodeErrors(execution);
			checks.that(
				errors.includes('Bad request') && errors.includes('message content must be an array'),
				`the error should carry Kie's reason, got ${errors}`,
			);
		},
	},
];
