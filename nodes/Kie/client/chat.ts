/**
 * Kie's chat models: one request and one answer, not a task. Three request families, each as its
 * pages show it (../shared/kie-docs/market/):
 * - `chat-completions` (GPT-5.2, Gemini): `{messages: [{role, content: [{type: "text", text}]}]}`,
 *   answer `choices[0].message.content`, `finish_reason`, `usage.prompt_tokens` …;
 * - `claude-messages`: `{model, messages: [{role, content}], system}`, answer `content[]` blocks
 *   of type `text`, `stop_reason`, `usage.input_tokens` …;
 * - `responses` (GPT-5.4, Codex): `{model, input: [{role, content: [{type: "input_text", text}]}]}`,
 *   answer `output[]` messages with `output_text` parts, `status`, `usage.input_tokens` ….
 * Every body says `stream: false`: Gemini's and Claude's pages default to a stream.
 * Errors come as HTTP statuses with `{error: {message, type}}`, or as Kie's HTTP 200 `{code, msg}`.
 */
import type { IDataObject } from 'n8n-workflow';

import type { EndpointName } from './endpoints';
import { KieRequestError } from './errors';
import { sendRequest, type KieAccount, type KieContext, type RawResponse } from './http';

export type ChatFamily = 'chat-completions' | 'claude-messages' | 'responses';

export interface ChatMessage {
	role: 'user' | 'assistant';
	content: string;
}

export interface ChatRequest {
	family: ChatFamily;
	/** The model id the body names (chat completions name it in the path instead). */
	model: string;
	endpoint: EndpointName;
	system?: string;
	/** The conversation, oldest first, ending with the user's message. */
	messages: ChatMessage[];
	reasoningEffort?: string;
}

export interface ChatAnswer extends IDataObject {
	model: string;
	text: string;
	usage: { inputTokens: number | null; outputTokens: number | null; totalTokens: number | null };
	finishReason: string | null;
	creditsConsumed: number | null;
}

/** The request body for the model's family. */
export function chatBody(request: ChatRequest): IDataObject {
	const { family, model, system, messages, reasoningEffort } = request;
	if (family === 'claude-messages') {
		const body: IDataObject = { model, messages: messages.map((m) => ({ ...m })), stream: false };
		// Not on Kie's Claude pages, but Anthropic's messages API takes the system prompt only here.
		if (system) body.system = system;
		return body;
	}
	if (family === 'responses') {
		const input = [...(system ? [{ role: 'system', content: system }] : []), ...messages].map(
			({ role, content }) => ({
				role,
				content: [{ type: role === 'assistant' ? 'output_text' : 'input_text', text: content }],
			}),
		);
		const body: IDataObject = { model, stream: false, input };
		if (reasoningEffort) body.reasoning = { effort: reasoningEffort };
		return body;
	}
	const all = [...(system ? [{ role: 'system', content: system }] : []), ...messages];
	const body: IDataObject = {
		messages: all.map(({ role, content }) => ({
			role,
			content: [{ type: 'text', text: content }],
		})),
		stream: false,
	};
	if (reasoningEffort) body.reasoning_effort = reasoningEffort;
	return body;
}

const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const numberOrNull = (value: unknown): number | null =>
	typeof value === 'number' && Number.isFinite(value) ? value : null;

const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Text parts of a content list: strings, or `{type, text}` blocks of the given types. */
function joinText(content: unknown, types: readonly string[]): string {
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return '';
	return content
		.filter(isRecord)
		.filter((part) => types.includes(String(part.type ?? '')) && typeof part.text === 'string')
		.map((part) => part.text as string)
		.join('');
}

function usageOf(usage: unknown, input: string, output: string) {
	const record = isRecord(usage) ? usage : {};
	const inputTokens = numberOrNull(record[input]);
	const outputTokens = numberOrNull(record[output]);
	const total = numberOrNull(record.total_tokens);
	return {
		inputTokens,
		outputTokens,
		totalTokens:
			total ?? (inputTokens !== null && outputTokens !== null ? inputTokens + outputTokens : null),
	};
}

type AnswerParts = Pick<ChatAnswer, 'text' | 'usage' | 'finishReason'>;

/** Where each family's answer keeps its text, usage and finish reason. */
function answerParts(family: ChatFamily, body: IDataObject): AnswerParts | undefined {
	if (family === 'claude-messages') {
		if (!Array.isArray(body.content)) return undefined;
		return {
			text: joinText(body.content, ['text']),
			usage: usageOf(body.usage, 'input_tokens', 'output_tokens'),
			finishReason: textOf(body.stop_reason),
		};
	}
	if (family === 'responses') {
		if (!Array.isArray(body.output)) return undefined;
		const text = body.output
			.filter(isRecord)
			.filter((entry) => entry.type === 'message')
			.map((entry) => joinText(entry.content, ['output_text']))
			.join('');
		return {
			text,
			usage: usageOf(body.usage, 'input_tokens', 'output_tokens'),
			finishReason: textOf(body.status),
		};
	}
	const choice = Array.isArray(body.choices) ? body.choices.find(isRecord) : undefined;
	if (!choice) return undefined;
	const message = isRecord(choice.message) ? choice.message : {};
	return {
		text: joinText(message.content, ['text']),
		usage: usageOf(body.usage, 'prompt_tokens', 'completion_tokens'),
		finishReason: textOf(choice.finish_reason),
	};
}

/** The answer body → `{model, text, usage, finishReason}`; undefined when it has none of these. */
export function readChatAnswer(
	family: ChatFamily,
	requested: string,
	body: IDataObject,
): ChatAnswer | undefined {
	const parts = answerParts(family, body);
	if (!parts) return undefined;
	const model = textOf(body.model) ?? requested;
	return { model, ...parts, creditsConsumed: numberOrNull(body.credits_consumed) };
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** The error an answer carries: `{error: {message}}`, `{error: "…"}` or Kie's `{code, msg}`. */
function chatError(endpoint: EndpointName, response: RawResponse, json: unknown): KieRequestError {
	const body = isRecord(json) ? json : {};
	const error = isRecord(body.error) ? body.error : {};
	const kieMessage =
		textOf(error.message) ??
		textOf(body.error) ??
		textOf(body.msg) ??
		textOf(body.message) ??
		undefined;
	const code = typeof body.code === 'number' ? body.code : response.status;
	const maybeDone = response.status >= 500 || response.status === 408 || code === 408;
	return new KieRequestError({
		endpoint,
		delivery: maybeDone ? 'maybe-sent' : 'answered',
		code,
		httpStatus: response.status,
		kieMessage,
	});
}

/** Sends one chat request and reads its answer; a failure is thrown as KieRequestError. */
export async function sendChat(
	ctx: KieContext,
	account: KieAccount,
	request: ChatRequest,
	signal?: AbortSignal,
): Promise<ChatAnswer> {
	const response = await sendRequest(ctx, account, request.endpoint, {
		body: chatBody(request),
		signal,
	});
	const json = parseJson(response.text);
	const ok = response.status >= 200 && response.status < 300;
	const kieCode = isRecord(json) && typeof json.code === 'number' ? json.code : undefined;
	if (!ok || (kieCode !== undefined && kieCode !== 200)) {
		throw chatError(request.endpoint, response, json);
	}
	const answer = isRecord(json) ? readChatAnswer(request.family, request.model, json) : undefined;
	if (!answer) {
		throw new KieRequestError({
			endpoint: request.endpoint,
			delivery: 'maybe-sent',
			httpStatus: response.status,
			networkCode: 'MALFORMED',
		});
	}
	return answer;
}
