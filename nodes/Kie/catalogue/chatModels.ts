/**
 * Kie's chat models (../shared/kie-docs/market/{chat,claude,codex,gemini}/), as data: each model's
 * request family (the shape of its page's body and answer), the endpoint that serves it, and the
 * reasoning-effort values its page lists. One answer per request, never streamed.
 *
 * Left out: Gemini 3 Flash's v1beta page (gemini-3-flash-v1beta.md). Its path is malformed on the
 * page (".../gemini-3-flash-v1betamodels:streamGenerateContent") and names a streaming method;
 * the same model is served by its chat-completions page, which is here.
 */
import type { ChatFamily } from '../client';

export interface ChatModel {
	/** The `textModel` value, and the `model` the page's body names (where it has one). */
	id: string;
	name: string;
	family: ChatFamily;
	/** The endpoint table's row (client/chatEndpoints.ts). */
	endpoint:
		| 'chat.gpt-5-2'
		| 'chat.gemini-2.5-flash'
		| 'chat.gemini-2.5-pro'
		| 'chat.gemini-3-flash'
		| 'chat.gemini-3-pro'
		| 'chat.gemini-3.1-pro'
		| 'chat.claude'
		| 'chat.codex-responses'
		| 'chat.responses';
	/** `reasoning_effort` (chat completions) or `reasoning.effort` (responses), as the page lists. */
	reasoningEfforts: readonly string[];
}

const CHAT_EFFORTS = ['low', 'high'] as const;
const RESPONSES_EFFORTS = ['minimal', 'low', 'medium', 'high', 'xhigh'] as const;

const claude = (id: string, name: string): ChatModel => ({
	id,
	name,
	family: 'claude-messages',
	endpoint: 'chat.claude',
	reasoningEfforts: [],
});

const codex = (id: string, name: string): ChatModel => ({
	id,
	name,
	family: 'responses',
	endpoint: 'chat.responses',
	reasoningEfforts: RESPONSES_EFFORTS,
});

export const CHAT_MODELS: readonly ChatModel[] = [
	{
		id: 'gpt-5-2',
		name: 'GPT-5.2',
		family: 'chat-completions',
		endpoint: 'chat.gpt-5-2',
		reasoningEfforts: CHAT_EFFORTS,
	},
	{
		id: 'gpt-5-4',
		name: 'GPT-5.4',
		family: 'responses',
		endpoint: 'chat.codex-responses',
		reasoningEfforts: RESPONSES_EFFORTS,
	},
	codex('gpt-5-codex', 'GPT-5 Codex'),
	codex('gpt-5.1-codex', 'GPT-5.1 Codex'),
	codex('gpt-5.2-codex', 'GPT-5.2 Codex'),
	codex('gpt-5.3-codex', 'GPT-5.3 Codex'),
	codex('gpt-5.4-codex', 'GPT-5.4 Codex'),
	claude('claude-haiku-4-5', 'Claude Haiku 4.5'),
	claude('claude-sonnet-4-5', 'Claude Sonnet 4.5'),
	claude('claude-sonnet-4-6', 'Claude Sonnet 4.6'),
	claude('claude-opus-4-5', 'Claude Opus 4.5'),
	claude('claude-opus-4-6', 'Claude Opus 4.6'),
	{
		id: 'gemini-2.5-flash',
		name: 'Gemini 2.5 Flash',
		family: 'chat-completions',
		endpoint: 'chat.gemini-2.5-flash',
		// The 2.5 pages list no reasoning_effort.
		reasoningEfforts: [],
	},
	{
		id: 'gemini-2.5-pro',
		name: 'Gemini 2.5 Pro',
		family: 'chat-completions',
		endpoint: 'chat.gemini-2.5-pro',
		reasoningEfforts: [],
	},
	{
		id: 'gemini-3-flash',
		name: 'Gemini 3 Flash',
		family: 'chat-completions',
		endpoint: 'chat.gemini-3-flash',
		reasoningEfforts: CHAT_EFFORTS,
	},
	{
		id: 'gemini-3-pro',
		name: 'Gemini 3 Pro',
		family: 'chat-completions',
		endpoint: 'chat.gemini-3-pro',
		reasoningEfforts: CHAT_EFFORTS,
	},
	{
		id: 'gemini-3.1-pro',
		name: 'Gemini 3.1 Pro',
		family: 'chat-completions',
		endpoint: 'chat.gemini-3.1-pro',
		reasoningEfforts: CHAT_EFFORTS,
	},
];

export const DEFAULT_CHAT_MODEL = 'gemini-3-flash';

export function chatModel(id: string): ChatModel | undefined {
	return CHAT_MODELS.find((model) => model.id === id);
}
