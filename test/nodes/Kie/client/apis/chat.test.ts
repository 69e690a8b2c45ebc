/** The chat answers of Kie's pages (market/{chat,claude,codex}/) → {model, text, usage, finishReason}. */
import { readChatAnswer } from '../../../../../nodes/Kie/client';
import { CHAT_MODELS } from '../../../../../nodes/Kie/catalogue/chatModels';
import { ENDPOINTS } from '../../../../../nodes/Kie/client/endpoints';

describe('chat answers', () => {
	it('chat completions (gpt-5-2.md’s response example)', () => {
		expect(
			readChatAnswer('chat-completions', 'gpt-5-2', {
				id: 'chatcmpl-example-123',
				object: 'chat.completion',
				created: 1741569952,
				model: 'gpt-5-2',
				choices: [
					{
						index: 0,
						message: {
							role: 'assistant',
							content: 'hello,can i help you?',
							refusal: null,
							annotations: [],
						},
						logprobs: null,
						finish_reason: 'stop',
					},
				],
				usage: { prompt_tokens: 10, completion_tokens: 50, total_tokens: 60 },
			}),
		).toEqual({
			model: 'gpt-5-2',
			text: 'hello,can i help you?',
			usage: { inputTokens: 10, outputTokens: 50, totalTokens: 60 },
			finishReason: 'stop',
			creditsConsumed: null,
		});
	});

	it('Claude messages (claude-sonnet-4-5.md: a tool_use answer has no text)', () => {
		expect(
			readChatAnswer('claude-messages', 'claude-opus-4-5', {
				role: 'assistant',
				usage: { output_tokens: 57, input_tokens: 600, cache_read_input_tokens: 0 },
				stop_reason: 'tool_use',
				model: 'claude-opus-4-5-20251101',
				id: 'msg_01VSoxV4a8YWB3DBh9TdM63W',
				credits_consumed: 0.25,
				type: 'message',
				content: [
					{
						input: { location: 'Beijing, China' },
						name: 'get_current_weather',
						id: 'toolu_018',
						type: 'tool_use',
					},
				],
			}),
		).toEqual({
			model: 'claude-opus-4-5-20251101',
			text: '',
			usage: { inputTokens: 600, outputTokens: 57, totalTokens: 657 },
			finishReason: 'tool_use',
			creditsConsumed: 0.25,
		});
	});

	it('responses (gpt-codex.md: reasoning then the message)', () => {
		expect(
			readChatAnswer('responses', 'gpt-5.1-codex', {
				output: [
					{ type: 'reasoning', id: 'rs_xxx', summary: [] },
					{
						type: 'message',
						role: 'assistant',
						id: 'msg_xxx',
						content: [{ type: 'output_text', text: 'Hello! How can I help you today?' }],
						status: 'completed',
					},
				],
				usage: { total_tokens: 4490, output_tokens: 47, input_tokens: 4443 },
				credits_consumed: 0.48,
				status: 'completed',
			}),
		).toEqual({
			model: 'gpt-5.1-codex',
			text: 'Hello! How can I help you today?',
			usage: { inputTokens: 4443, outputTokens: 47, totalTokens: 4490 },
			finishReason: 'completed',
			creditsConsumed: 0.48,
		});
		expect(readChatAnswer('responses', 'x', { error: 'nope' })).toBeUndefined();
	});

	it('every chat model has an endpoint row that is sent once (billed)', () => {
		expect(CHAT_MODELS).toHaveLength(17);
		for (const model of CHAT_MODELS) {
			expect(ENDPOINTS[model.endpoint]).toMatchObject({ method: 'POST', retry: 'create' });
		}
	});
});
