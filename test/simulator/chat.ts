import { type Answer, jsonAnswer, type RequestContext } from './http';
import type { Route } from './routes';
import type { SimulatorState } from './state';

/*
 * Kie's chat models as ../shared/kie-docs/market/{chat,claude,codex,gemini}/ document them:
 * - chat completions at /<model>/v1/chat/completions (GPT-5.2, Gemini): `messages` with content
 *   arrays, `reasoning_effort` low|high where the page lists it, `stream` defaulting to true on
 *   Gemini's pages;
 * - Claude messages at /claude/v1/messages: `model` one of the five, roles user|assistant only,
 *   `stream` defaulting to true;
 * - responses at /codex/v1/responses (gpt-5-4) and /api/v1/responses (the Codex models): `model`,
 *   `input`, `reasoning.effort`.
 * Answers are deterministic: "[<model>] <the last user message>"; a last user message containing
 * "[fail]" is answered HTTP 500. Errors are `{error: {message, type}}` with the HTTP status, as the
 * pages show; too few credits is Kie's HTTP 200 `{code: 402}`. A stream asked for (or left to its
 * default) is answered as server-sent events, which a non-streaming client cannot read.
 */

const CHAT_CREDITS = 1;

interface CompletionsPage {
	model: string;
	efforts?: readonly string[];
	/** Gemini's pages: `stream` defaults to true. */
	streamsByDefault: boolean;
}

const COMPLETIONS: Record<string, CompletionsPage> = {
	'/gpt-5-2/v1/chat/completions': {
		model: 'gpt-5-2',
		efforts: ['low', 'high'],
		streamsByDefault: false,
	},
	'/gemini-2.5-flash/v1/chat/completions': { model: 'gemini-2.5-flash', streamsByDefault: true },
	'/gemini-2.5-pro/v1/chat/completions': { model: 'gemini-2.5-pro', streamsByDefault: true },
	'/gemini-3-flash/v1/chat/completions': {
		model: 'gemini-3-flash',
		efforts: ['low', 'high'],
		streamsByDefault: true,
	},
	'/gemini-3-pro/v1/chat/completions': {
		model: 'gemini-3-pro',
		efforts: ['low', 'high'],
		streamsByDefault: true,
	},
	'/gemini-3.1-pro/v1/chat/completions': {
		model: 'gemini-3.1-pro',
		efforts: ['low', 'high'],
		streamsByDefault: true,
	},
};

const CLAUDE_MODELS = [
	'claude-haiku-4-5',
	'claude-sonnet-4-5',
	'claude-sonnet-4-6',
	'claude-opus-4-5',
	'claude-opus-4-6',
];
const RESPONSES_MODELS: Record<string, readonly string[]> = {
	'/codex/v1/responses': ['gpt-5-4'],
	'/api/v1/responses': [
		'gpt-5-codex',
		'gpt-5.1-codex',
		'gpt-5.2-codex',
		'gpt-5.3-codex',
		'gpt-5.4-codex',
	],
};
const RESPONSES_EFFORTS = ['minimal', 'low', 'medium', 'high', 'xhigh'];

export const CHAT_ROUTES: readonly Route[] = [
	...Object.keys(COMPLETIONS).map(
		(path): Route => ({
			endpoint: 'chatCompletions',
			host: 'api',
			methods: ['POST'],
			path,
			handle: (state, context) => chat(state, context, completions),
		}),
	),
	{
		endpoint: 'claudeMessages',
		host: 'api',
		methods: ['POST'],
		path: '/claude/v1/messages',
		handle: (state, context) => chat(state, context, claude),
	},
	...Object.keys(RESPONSES_MODELS).map(
		(path): Route => ({
			endpoint: 'responses',
			host: 'api',
			methods: ['POST'],
			path,
			handle: (state, context) => chat(state, context, responses),
		}),
	),
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const invalidRequest = (message: string): Answer =>
	jsonAnswer(400, { error: { message, type: 'invalid_request_error' } });

/** What a family's handler read from a valid body: the model, the last user text, streaming. */
interface ReadBody {
	model: string;
	lastUser: string;
	stream: boolean;
}

type Family = {
	read(path: string, body: Record<string, unknown>): ReadBody | string;
	answer(
		read: ReadBody,
		text: string,
		usage: { input: number; output: number },
	): Record<string, unknown>;
};

function textOf(content: unknown, types: readonly string[]): string | undefined {
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return undefined;
	const parts = content.filter(isRecord).filter((part) => types.includes(String(part.type)));
	return parts.map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
}

function lastUserText(messages: unknown[], types: readonly string[]): string | undefined {
	const users = messages.filter(isRecord).filter((message) => message.role === 'user');
	return users.length > 0 ? textOf(users[users.length - 1].content, types) : undefined;
}

const completions: Family = {
	read(path, body) {
		const page = COMPLETIONS[path];
		const messages = body.messages;
		if (!Array.isArray(messages) || messages.length === 0) return 'messages is required';
		for (const message of messages) {
			if (!isRecord(message)) return 'each message must be an object';
			if (!['developer', 'system', 'user', 'assistant', 'tool'].includes(String(message.role))) {
				return `invalid role: ${String(message.role)}`;
			}
			if (!Array.isArray(message.content)) return 'message content must be an array';
		}
		if (body.reasoning_effort !== undefined) {
			if (!page.efforts) return 'reasoning_effort is not supported by this model';
			if (!page.efforts.includes(String(body.reasoning_effort))) {
				return `reasoning_effort must be one of ${page.efforts.join(', ')}`;
			}
		}
		const lastUser = lastUserText(messages, ['text']);
		if (lastUser === undefined) return 'a user message with text is required';
		const stream = body.stream === undefined ? page.streamsByDefault : body.stream === true;
		return { model: page.model, lastUser, stream };
	},
	answer: (read, text, usage) => ({
		id: 'chatcmpl-simulated',
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: read.model,
		choices: [
			{
				index: 0,
				message: { role: 'assistant', content: text, refusal: null, annotations: [] },
				logprobs: null,
				finish_reason: 'stop',
			},
		],
		usage: {
			prompt_tokens: usage.input,
			completion_tokens: usage.output,
			total_tokens: usage.input + usage.output,
		},
		credits_consumed: CHAT_CREDITS,
	}),
};

const claude: Family = {
	read(_path, body) {
		if (!CLAUDE_MODELS.includes(String(body.model))) {
			return `model must be one of ${CLAUDE_MODELS.join(', ')}`;
		}
		const messages = body.messages;
		if (!Array.isArray(messages) || messages.length === 0) return 'messages is required';
		for (const message of messages) {
			if (!isRecord(message) || !['user', 'assistant'].includes(String(message.role))) {
				return 'messages: role must be user or assistant';
			}
			if (textOf(message.content, ['text']) === undefined) return 'message content is required';
		}
		if (body.system !== undefined && typeof body.system !== 'string') return 'system must be text';
		const lastUser = lastUserText(messages, ['text']);
		if (lastUser === undefined) return 'a user message is required';
		return { model: String(body.model), lastUser, stream: body.stream !== false };
	},
	answer: (read, text, usage) => ({
		role: 'assistant',
		usage: { input_tokens: usage.input, output_tokens: usage.output, service_tier: 'standard' },
		stop_reason: 'end_turn',
		model: `${read.model}-20251101`,
		id: 'msg_simulated',
		credits_consumed: CHAT_CREDITS,
		type: 'message',
		content: [{ type: 'text', text }],
	}),
};

const responses: Family = {
	read(path, body) {
		const models = RESPONSES_MODELS[path];
		if (!models.includes(String(body.model))) return `model must be one of ${models.join(', ')}`;
		const input = body.input;
		if (!Array.isArray(input) || input.length === 0) return 'input is required';
		for (const message of input) {
			if (!isRecord(message)) return 'each input item must be an object';
			if (!['user', 'assistant', 'system', 'developer', 'tool'].includes(String(message.role))) {
				return `invalid role: ${String(message.role)}`;
			}
			if (!Array.isArray(message.content) || message.content.length === 0) {
				return 'input content must be a non-empty array';
			}
		}
		const reasoning = body.reasoning;
		if (reasoning !== undefined) {
			if (!isRecord(reasoning) || !RESPONSES_EFFORTS.includes(String(reasoning.effort))) {
				return `reasoning.effort must be one of ${RESPONSES_EFFORTS.join(', ')}`;
			}
		}
		const lastUser = lastUserText(input, ['input_text']);
		if (lastUser === undefined) return 'a user input with input_text is required';
		// The page: "Default is true" in the text (the schema says false).
		return { model: String(body.model), lastUser, stream: body.stream !== false };
	},
	answer: (_read, text, usage) => ({
		output: [
			{ type: 'reasoning', id: 'rs_simulated', summary: [] },
			{
				type: 'message',
				role: 'assistant',
				id: 'msg_simulated',
				content: [{ type: 'output_text', text }],
				status: 'completed',
			},
		],
		usage: {
			total_tokens: usage.input + usage.output,
			output_tokens: usage.output,
			input_tokens: usage.input,
		},
		credits_consumed: CHAT_CREDITS,
		status: 'completed',
	}),
};

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function chat(state: SimulatorState, context: RequestContext, family: Family): Answer {
	const apiKey = state.authorizedKey(context);
	if (!apiKey) {
		return jsonAnswer(401, { error: { message: 'Unauthorized', type: 'authentication_error' } });
	}
	if (context.jsonInvalid || !isRecord(context.json)) return invalidRequest('Invalid JSON body');
	const read = family.read(context.url.pathname, context.json);
	if (typeof read === 'string') return invalidRequest(read);
	if (state.balance(apiKey) < CHAT_CREDITS) {
		return jsonAnswer(200, { code: 402, msg: 'Credits insufficient', data: null });
	}
	if (read.lastUser.includes('[fail]')) {
		return jsonAnswer(500, {
			error: { message: 'The model provider failed', type: 'server_error' },
		});
	}
	state.balances.set(apiKey, state.balance(apiKey) - CHAT_CREDITS);
	const text = `[${read.model}] ${read.lastUser}`;
	const usage = { input: words(JSON.stringify(context.json)), output: words(text) };
	if (read.stream) {
		const chunk = JSON.stringify({ delta: text });
		return {
			status: 200,
			contentType: 'text/event-stream',
			body: Buffer.from(`data: ${chunk}\n\ndata: [DONE]\n\n`),
		};
	}
	return jsonAnswer(200, family.answer(read, text, usage));
}
