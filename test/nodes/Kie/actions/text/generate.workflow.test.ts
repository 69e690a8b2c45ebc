/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Text → Generate through n8n's engine against the simulator's chat endpoints: for each request
 * family (chat completions, Claude messages, responses) the request is the page's shape (what
 * the simulator received), the item is {model, text, usage, finishReason}; bad input is refused
 * with no request sent; Kie's failures reach the user with their code and message.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSimulator } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import { kieOutput, runKie } from '../../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ credits: 100 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const generate = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'text',
	operation: 'generate',
	textModel: 'gpt-5-2',
	prompt: 'Write a prompt for a lighthouse at dusk',
	...extra,
});

const chatRequests = () =>
	sim.record.requests.filter((request) =>
		['chatCompletions', 'claudeMessages', 'responses'].includes(request.endpoint),
	);

describe('Text → Generate: one request per family, as its page shows it', () => {
	it('GPT-5.2: chat completions at /gpt-5-2/v1/chat/completions, system prompt first', async () => {
		const result = await runKie(
			sim,
			generate({
				systemPrompt: 'You write image prompts.',
				options: {
					reasoningEffort: 'low',
					messages: JSON.stringify([
						{ role: 'user', content: 'Hi' },
						{ role: 'assistant', content: 'Hello!' },
					]),
				},
			}),
		);
		const [item] = kieOutput(result);
		expect(item.json).toEqual({
			model: 'gpt-5-2',
			text: '[gpt-5-2] Write a prompt for a lighthouse at dusk',
			usage: { inputTokens: expect.any(Number), outputTokens: 9, totalTokens: expect.any(Number) },
			finishReason: 'stop',
			creditsConsumed: 1,
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		const [request] = chatRequests();
		expect(request).toMatchObject({ method: 'POST', path: '/gpt-5-2/v1/chat/completions' });
		expect(request.headers.authorization).toBe('Bearer sim-key');
		expect(request.body).toEqual({
			messages: [
				{ role: 'system', content: [{ type: 'text', text: 'You write image prompts.' }] },
				{ role: 'user', content: [{ type: 'text', text: 'Hi' }] },
				{ role: 'assistant', content: [{ type: 'text', text: 'Hello!' }] },
				{
					role: 'user',
					content: [{ type: 'text', text: 'Write a prompt for a lighthouse at dusk' }],
				},
			],
			stream: false,
			reasoning_effort: 'low',
		});
	});

	it('Gemini: its own path, not streamed although its page streams by default', async () => {
		const [item] = kieOutput(await runKie(sim, generate({ textModel: 'gemini-3-pro' })));
		expect(item.json).toMatchObject({
			model: 'gemini-3-pro',
			text: '[gemini-3-pro] Write a prompt for a lighthouse at dusk',
		});
		expect(chatRequests().map((request) => [request.path, (request.body as any).stream])).toEqual([
			['/gemini-3-pro/v1/chat/completions', false],
		]);
	});

	it('Claude: messages with the model in the body and the system prompt beside them', async () => {
		const [item] = kieOutput(
			await runKie(sim, generate({ textModel: 'claude-sonnet-4-6', systemPrompt: 'Be brief.' })),
		);
		expect(item.json).toEqual({
			model: 'claude-sonnet-4-6-20251101',
			text: '[claude-sonnet-4-6] Write a prompt for a lighthouse at dusk',
			usage: { inputTokens: expect.any(Number), outputTokens: 9, totalTokens: expect.any(Number) },
			finishReason: 'end_turn',
			creditsConsumed: 1,
		});
		const [request] = chatRequests();
		expect(request.path).toBe('/claude/v1/messages');
		expect(request.body).toEqual({
			model: 'claude-sonnet-4-6',
			messages: [{ role: 'user', content: 'Write a prompt for a lighthouse at dusk' }],
			stream: false,
			system: 'Be brief.',
		});
	});

	it('Codex: responses at /api/v1/responses with input parts and reasoning.effort', async () => {
		const [item] = kieOutput(
			await runKie(
				sim,
				generate({
					textModel: 'gpt-5.2-codex',
					systemPrompt: 'Answer in one line.',
					options: { reasoningEffort: 'xhigh' },
				}),
			),
		);
		expect(item.json).toMatchObject({
			model: 'gpt-5.2-codex',
			text: '[gpt-5.2-codex] Write a prompt for a lighthouse at dusk',
			finishReason: 'completed',
			usage: { outputTokens: 9 },
		});
		const [request] = chatRequests();
		expect(request.path).toBe('/api/v1/responses');
		expect(request.body).toEqual({
			model: 'gpt-5.2-codex',
			stream: false,
			input: [
				{ role: 'system', content: [{ type: 'input_text', text: 'Answer in one line.' }] },
				{
					role: 'user',
					content: [{ type: 'input_text', text: 'Write a prompt for a lighthouse at dusk' }],
				},
			],
			reasoning: { effort: 'xhigh' },
		});
	});

	it('GPT-5.4: responses at /codex/v1/responses', async () => {
		const [item] = kieOutput(await runKie(sim, generate({ textModel: 'gpt-5-4' })));
		expect(item.json).toMatchObject({
			model: 'gpt-5-4',
			text: '[gpt-5-4] Write a prompt for a lighthouse at dusk',
		});
		expect(chatRequests().map((request) => request.path)).toEqual(['/codex/v1/responses']);
	});

	it('one answer per input item, in order, with the prompt from each item', async () => {
		const result = await runKie(sim, generate({ prompt: '={{ $json.q }}' }), {
			items: [{ json: { q: 'first' } }, { json: { q: 'second' } }],
		});
		expect(kieOutput(result).map((item) => [item.json.text, item.pairedItem])).toEqual([
			['[gpt-5-2] first', { item: 0 }],
			['[gpt-5-2] second', { item: 1 }],
		]);
	});
});

describe('Text → Generate: bad input is refused before any request', () => {
	const cases: Array<[string, INodeParameters, RegExp]> = [
		['an empty prompt', generate({ prompt: '  ' }), /Prompt is empty/],
		[
			'an unknown model',
			generate({ textModel: 'gpt-2' }),
			/"gpt-2" is not one of Kie.ai's chat models/,
		],
		[
			'an effort the model does not take',
			generate({ textModel: 'claude-opus-4-6', options: { reasoningEffort: 'high' } }),
			/Reasoning Effort "high" is not available for Claude Opus 4.6/,
		],
		[
			'an effort outside the page’s list',
			generate({ options: { reasoningEffort: 'xhigh' } }),
			/Reasoning Effort "xhigh" is not available for GPT-5.2/,
		],
		['messages that are not JSON', generate({ options: { messages: '[{' } }), /not valid JSON/],
		[
			'a message with a role the pages do not take here',
			generate({ options: { messages: JSON.stringify([{ role: 'tool', content: 'x' }]) } }),
			/entry 0 is .*"role": "user" \| "assistant"/,
		],
	];
	it.each(cases)('%s', async (_name, parameters, message) => {
		const result = await runKie(sim, parameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(sim.record.requests.filter((request) => request.endpoint !== 'unknown')).toEqual([]);
		expect(sim.record.requests).toHaveLength(0);
	});
});

describe('Text → Generate: failures carry Kie’s code and message', () => {
	it('a provider failure (HTTP 500) fails the node with the code and Kie’s words, sent once', async () => {
		const result = await runKie(sim, generate({ prompt: 'please [fail]' }));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/code 500/);
		expect(result.error?.message).toContain('The model provider failed');
		expect(chatRequests()).toHaveLength(1);
	});

	it('too few credits (Kie’s HTTP 200 with code 402) with Continue On Fail: an error item', async () => {
		sim.configure({ credits: 0 });
		const result = await runKie(sim, generate(), { continueOnFail: true });
		const [item] = kieOutput(result);
		expect(String(item.json.error)).toMatch(/enough credits/);
		expect(String(item.json.error)).toMatch(/402/);
	});

	it('a wrong key (HTTP 401) names the credential, never the key', async () => {
		const result = await runKie(sim, generate(), { credential: { apiKey: 'sk-wrong-key-123' } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/API key/);
		expect(JSON.stringify(result.error)).not.toContain('sk-wrong-key-123');
	});
});
