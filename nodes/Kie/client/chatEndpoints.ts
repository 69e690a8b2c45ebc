/**
 * The endpoint table's rows for Kie's chat models (../shared/kie-docs/market/{chat,claude,codex,
 * gemini}/). A chat answer is billed and comes in the response itself, so it is sent once
 * (`create`): a failure after sending is reported, never repeated. Reasoning at high effort can
 * take minutes, hence the long timeout.
 */
import { create } from './endpointRows';
import type { Endpoint } from './endpoints';

const CHAT_TIMEOUT_MS = 300_000;

const chat = (path: string) => create(path, CHAT_TIMEOUT_MS);

export const CHAT_ENDPOINTS = {
	// OpenAI-style chat completions: the model is in the path.
	'chat.gpt-5-2': chat('/gpt-5-2/v1/chat/completions'),
	'chat.gemini-2.5-flash': chat('/gemini-2.5-flash/v1/chat/completions'),
	'chat.gemini-2.5-pro': chat('/gemini-2.5-pro/v1/chat/completions'),
	'chat.gemini-3-flash': chat('/gemini-3-flash/v1/chat/completions'),
	'chat.gemini-3-pro': chat('/gemini-3-pro/v1/chat/completions'),
	'chat.gemini-3.1-pro': chat('/gemini-3.1-pro/v1/chat/completions'),
	// Anthropic-style messages and OpenAI-style responses: the model is in the body.
	'chat.claude': chat('/claude/v1/messages'),
	'chat.codex-responses': chat('/codex/v1/responses'),
	'chat.responses': chat('/api/v1/responses'),
} as const satisfies Record<string, Endpoint>;
