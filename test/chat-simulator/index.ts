/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * A scripted OpenAI-compatible chat-completions server on 127.0.0.1 that stands in for the
 * language model behind n8n's AI Agent (OpenAI Chat Model node, credential base URL pointed here).
 *
 * It behaves like a model that follows a script, one conversation at a time:
 *   - while the conversation has fewer tool results than the script has calls, it answers with the
 *     next call to the Kie tool; the arguments are built from the tool's JSON schema in the request
 *     (every property the schema has, taken from the scripted values by name);
 *   - then it answers in words, quoting the last tool result verbatim.
 * Every request is recorded (body, the tools offered, the tool results the model saw, the answer).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool' | string;
	content?: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: ToolCall[];
	tool_call_id?: string;
	name?: string;
}

export interface ToolCall {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

export interface ToolDefinition {
	type: 'function';
	function: {
		name: string;
		description?: string;
		parameters?: {
			type?: string;
			properties?: Record<string, { type?: string; description?: string }>;
			required?: string[];
		};
	};
}

/** The values the model "decides" for one tool call, by argument name (e.g. prompt, aspectRatio). */
export type ScriptedArguments = Record<string, unknown>;

export interface ChatScript {
	/** Which offered tool to call: the first whose name matches. Default: the only tool offered. */
	tool?: RegExp;
	/** One entry per tool call, made in order; the next one after each tool result. */
	calls: ScriptedArguments[];
}

export interface RecordedChatRequest {
	body: { model?: string; messages: ChatMessage[]; tools?: ToolDefinition[]; stream?: boolean };
	/** The tool results in the conversation so far, in order (their `content` as the model saw it). */
	toolResults: string[];
	/** What the simulator answered: a tool call, a final text, or an error it reported. */
	answer: { toolCall?: ToolCall; content?: string; error?: string };
}

export interface ChatSimulator {
	/** The base URL for the openAiApi credential's `url` (ends with /v1). */
	baseUrl: string;
	readonly requests: RecordedChatRequest[];
	script(script: ChatScript): void;
	reset(): void;
	stop(): Promise<void>;
}

function text(content: ChatMessage['content']): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => part.text ?? '').join('');
	return '';
}

/** The tool call's arguments: one value per schema property, from the script (names compared loosely). */
function buildArguments(
	tool: ToolDefinition,
	scripted: ScriptedArguments,
): Record<string, unknown> {
	const properties = tool.function.parameters?.properties ?? {};
	const loose = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
	const args: Record<string, unknown> = {};
	for (const name of Object.keys(properties)) {
		const key = Object.keys(scripted).find((candidate) => loose(candidate) === loose(name));
		if (key === undefined) {
			throw new Error(
				`the script has no value for the tool's argument "${name}" (script: ${Object.keys(scripted).join(', ')})`,
			);
		}
		args[name] = scripted[key];
	}
	return args;
}

function answerFor(
	body: RecordedChatRequest['body'],
	script: ChatScript | undefined,
	callCounter: () => number,
): RecordedChatRequest['answer'] & { toolResults: string[] } {
	const messages = body.messages ?? [];
	const toolResults = messages
		.filter((message) => message.role === 'tool')
		.map((m) => text(m.content));
	if (!script) return { toolResults, error: 'no script: call chat.script() before the run' };
	if (toolResults.length < script.calls.length) {
		const tools = body.tools ?? [];
		const tool = script.tool
			? tools.find((candidate) => script.tool!.test(candidate.function.name))
			: tools.length === 1
				? tools[0]
				: undefined;
		if (!tool) {
			return {
				toolResults,
				error: `no tool to call among: ${tools.map((t) => t.function.name).join(', ') || 'none'}`,
			};
		}
		const args = buildArguments(tool, script.calls[toolResults.length]);
		return {
			toolResults,
			toolCall: {
				id: `call_${callCounter()}`,
				type: 'function',
				function: { name: tool.function.name, arguments: JSON.stringify(args) },
			},
		};
	}
	const last = toolResults.at(-1);
	return {
		toolResults,
		content: last === undefined ? 'I did not call any tool.' : `The Kie.ai tool returned: ${last}`,
	};
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
	const json = JSON.stringify(body);
	response.writeHead(status, { 'content-type': 'application/json' });
	response.end(json);
}

/** The answer as a chat.completion object, or as server-sent chunks when the client streams. */
function reply(
	response: ServerResponse,
	model: string,
	answer: RecordedChatRequest['answer'],
	stream: boolean,
): void {
	const id = `chatcmpl-sim-${Date.now()}`;
	const created = Math.floor(Date.now() / 1000);
	const message = answer.toolCall
		? { role: 'assistant', content: null, tool_calls: [answer.toolCall] }
		: { role: 'assistant', content: answer.content ?? '' };
	const finish = answer.toolCall ? 'tool_calls' : 'stop';
	const usage = { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 };
	if (!stream) {
		send(response, 200, {
			id,
			object: 'chat.completion',
			created,
			model,
			choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
			usage,
		});
		return;
	}
	response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
	const chunk = (delta: object, finishReason: string | null) =>
		response.write(
			`data: ${JSON.stringify({
				id,
				object: 'chat.completion.chunk',
				created,
				model,
				choices: [{ index: 0, delta, finish_reason: finishReason }],
			})}\n\n`,
		);
	const delta = answer.toolCall
		? { role: 'assistant', tool_calls: [{ index: 0, ...answer.toolCall }] }
		: { role: 'assistant', content: answer.content ?? '' };
	chunk(delta, null);
	chunk({}, finish);
	response.write('data: [DONE]\n\n');
	response.end();
}

export async function startChatSimulator(): Promise<ChatSimulator> {
	const requests: RecordedChatRequest[] = [];
	let current: ChatScript | undefined;
	let calls = 0;

	const server = createServer((request, response) => {
		void (async () => {
			const url = new URL(request.url ?? '/', 'http://127.0.0.1');
			if (request.method === 'GET' && url.pathname === '/v1/models') {
				send(response, 200, { object: 'list', data: [{ id: 'sim-model', object: 'model' }] });
				return;
			}
			if (request.method !== 'POST' || url.pathname !== '/v1/chat/completions') {
				send(response, 404, { error: { message: `no route ${request.method} ${url.pathname}` } });
				return;
			}
			let body: RecordedChatRequest['body'];
			try {
				body = JSON.parse(await readBody(request)) as RecordedChatRequest['body'];
			} catch {
				send(response, 400, { error: { message: 'body is not JSON' } });
				return;
			}
			let answer: RecordedChatRequest['answer'];
			let toolResults: string[] = [];
			try {
				({ toolResults, ...answer } = answerFor(body, current, () => ++calls));
			} catch (error) {
				answer = { error: (error as Error).message };
			}
			requests.push({ body, toolResults, answer });
			if (answer.error) {
				send(response, 400, { error: { message: `chat simulator: ${answer.error}` } });
				return;
			}
			reply(response, body.model ?? 'sim-model', answer, body.stream === true);
		})().catch((error: Error) => {
			if (!response.headersSent) send(response, 500, { error: { message: error.message } });
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		script(script) {
			current = script;
		},
		reset() {
			requests.length = 0;
			current = undefined;
			calls = 0;
		},
		async stop() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
