/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * examples/agent-image-tool.json: the Kie.ai node as an AI Agent's tool in a real n8n. The agent's
 * chat model is the chat simulator (test/chat-simulator/), scripted per scenario: what the model
 * asks the tool for, and, from its record, what the model was offered (the tool's schema) and
 * what it got back (the tool results).
 */
import { appendFileSync } from 'node:fs';

import type { ChatSimulator, RecordedChatRequest, ToolDefinition } from '../chat-simulator';
import type { KieSimulatorApi } from '../simulator';
import type { Checks } from './checks';
import { nodeOutput, type ExecutionResult } from './n8n';
import type { Scenario, ScenarioContext } from './scenarios';

export const AGENT_EXAMPLE = 'agent-image-tool.json';
/** The openAiApi credential the example names; the runner imports it with the simulator's URL. */
export const OPENAI_CREDENTIAL_NAME = 'OpenAI account';

const PROMPT = 'A lighthouse on a cliff at dusk, waves below, warm light in the lantern room';
const TOOL_FIELDS = ['taskId', 'model', 'state', 'resultUrls', 'api'];

/** The chat simulator of this run (the runner starts it before importing credentials). */
function chatOf(context: ScenarioContext): ChatSimulator {
	if (!context.chat) throw new Error('the chat simulator was not started');
	return context.chat;
}

function createBodies(sim: KieSimulatorApi) {
	return sim.record.requests
		.filter((request) => request.endpoint === 'createTask')
		.map((request) => ({
			status: request.status,
			body: request.body as { model: string; input: Record<string, unknown> },
		}));
}

function agentAnswer(execution: ExecutionResult): string {
	const items = nodeOutput(execution, 'AI Agent');
	return String(items[0]?.json.output ?? '');
}

/** The tool results the model saw, parsed (n8n sends the tool's items as a JSON list). */
function toolResults(chat: ChatSimulator, checks: Checks): Array<Record<string, unknown>> {
	const last: RecordedChatRequest | undefined = chat.requests.at(-1);
	const seen = last?.toolResults ?? [];
	return seen.map((content, index) => {
		checks.that(
			!/[A-Za-z0-9+/=]{200,}/.test(content) && !/data:[a-z]+\/[a-z0-9.+-]+;base64/i.test(content),
			`tool result ${index + 1} carries base64 data: ${content.slice(0, 200)}…`,
		);
		checks.that(
			!/"binary"|"mimeType"|"fileName"/.test(content),
			`tool result ${index + 1} carries binary data: ${content}`,
		);
		try {
			const parsed = JSON.parse(content) as unknown;
			const list = Array.isArray(parsed) ? parsed : [parsed];
			checks.equal(list.length, 1, `tool result ${index + 1}: items`);
			return (list[0] ?? {}) as Record<string, unknown>;
		} catch {
			checks.that(false, `tool result ${index + 1} is not JSON: ${JSON.stringify(content)}`);
			return {};
		}
	});
}

/** The tool as the model was offered it: name, description, and a schema of prompt + aspectRatio. */
function checkToolSchema(chat: ChatSimulator, checks: Checks): void {
	const first = chat.requests[0];
	const tools: ToolDefinition[] = first?.body.tools ?? [];
	if (!checks.equal(tools.length, 1, 'tools offered to the model')) return;
	const tool = tools[0].function;
	checks.equal(tool.name, 'Generate_image', 'tool name');
	checks.that(
		/Kie\.ai/.test(tool.description ?? '') && /resultUrls/.test(tool.description ?? ''),
		`tool description should say what the tool does and returns, got ${JSON.stringify(tool.description)}`,
	);
	const properties = tool.parameters?.properties ?? {};
	checks.equal(Object.keys(properties).sort(), ['aspectRatio', 'prompt'], 'tool arguments');
	checks.equal(
		[properties.prompt?.type, properties.aspectRatio?.type],
		['string', 'string'],
		'tool argument types',
	);
	checks.that(
		/16:9/.test(properties.aspectRatio?.description ?? ''),
		`aspectRatio's description should list the allowed values, got ${JSON.stringify(properties.aspectRatio?.description)}`,
	);
	checks.equal(
		[...(tool.parameters?.required ?? [])].sort(),
		['aspectRatio', 'prompt'],
		'required',
	);
}

/** A successful tool result: compact, the simulator's task, its result URL. */
function checkSuccess(
	sim: KieSimulatorApi,
	result: Record<string, unknown> | undefined,
	checks: Checks,
	label: string,
): string | undefined {
	if (!checks.that(result !== undefined, `${label}: no tool result`)) return undefined;
	const taskId = result!.taskId as string;
	checks.that(sim.record.tasks.has(taskId), `${label}: taskId ${taskId} is not a simulator task`);
	checks.equal(result!.state, 'success', `${label}: state`);
	const extra = Object.keys(result!).filter((key) => !TOOL_FIELDS.includes(key));
	checks.equal(extra, [], `${label}: fields beyond ${TOOL_FIELDS.join(', ')}`);
	const url = (result!.resultUrls as string[] | undefined)?.[0] ?? '';
	checks.that(
		url.startsWith(`${sim.baseUrl}/files/results/${taskId}_`),
		`${label}: result URL ${url} is not the file of task ${taskId}`,
	);
	return url;
}

interface WorkflowNode {
	name: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
}

function setNode(name: string, change: (node: WorkflowNode) => void) {
	return (workflow: Record<string, unknown>) => {
		const node = (workflow.nodes as WorkflowNode[]).find((candidate) => candidate.name === name);
		if (!node) throw new Error(`${AGENT_EXAMPLE} has no node "${name}"`);
		change(node);
	};
}

function agentScenario(
	workflowId: string,
	calls: Array<{ prompt: string; aspectRatio: string }>,
	check: (context: ScenarioContext, execution: ExecutionResult, checks: Checks) => void,
	variant: Pick<Scenario, 'rewrite'> & { generationMs?: number } = {},
): Scenario {
	return {
		file: AGENT_EXAMPLE,
		workflowId,
		rewrite: variant.rewrite,
		async prepare(context) {
			const chat = chatOf(context);
			chat.reset();
			chat.script({ calls });
			if (variant.generationMs) context.sim.configure({ generationMs: variant.generationMs });
		},
		async check(context, execution, checks) {
			const chat = chatOf(context);
			// E2E_CHAT_RECORD=<file>: what the model was sent and answered, one JSON line per scenario.
			if (process.env.E2E_CHAT_RECORD) {
				appendFileSync(
					process.env.E2E_CHAT_RECORD,
					`${JSON.stringify({ workflowId, requests: chat.requests })}\n`,
				);
			}
			checks.equal(chat.requests.length, calls.length + 1, 'requests to the chat model');
			const refused = chat.requests.filter((request) => request.answer.error);
			checks.equal(
				refused.map((request) => request.answer.error),
				[],
				'chat simulator errors',
			);
			checkToolSchema(chat, checks);
			check(context, execution, checks);
			const downloads = context.sim.record.requests.filter((r) => r.endpoint === 'file');
			checks.equal(downloads.length, 0, 'result files downloaded by the tool');
			checks.equal(context.sim.record.rateLimitedCount(), 0, 'creates answered 429');
		},
	};
}

function checkSuccessfulCall(c: ScenarioContext, e: ExecutionResult, checks: Checks): void {
	const creates = createBodies(c.sim);
	checks.equal(
		creates.map((create) => [create.body.input.prompt, create.body.input.aspect_ratio]),
		[[PROMPT, '16:9']],
		"creates (the model's prompt and aspect ratio)",
	);
	const [result] = toolResults(chatOf(c), checks);
	const url = checkSuccess(c.sim, result, checks, 'tool result');
	const answer = agentAnswer(e);
	checks.that(!!url && answer.includes(url), `agent answer lacks the result URL: ${answer}`);
}

/** The model asks for a ratio Nano Banana Pro does not have, reads the error, corrects itself. */
function checkRefusalThenCorrection(c: ScenarioContext, e: ExecutionResult, checks: Checks): void {
	const creates = createBodies(c.sim);
	checks.equal(
		creates.map((create) => create.body.input.aspect_ratio),
		['16:9'],
		'create requests (none for 7:3)',
	);
	checks.equal(c.sim.record.createdTaskCount(), 1, 'paid tasks');
	const [refused, corrected] = toolResults(chatOf(c), checks);
	const error = String(refused?.error ?? '');
	checks.that(
		error.includes('7:3') && /aspect ratio/i.test(error) && error.includes('16:9'),
		`the refusal should name the aspect ratio, 7:3 and the allowed values, got ${JSON.stringify(refused)}`,
	);
	checks.equal(refused?.argument, 'aspectRatio', 'refusal: the argument to fix');
	checks.that(refused?.taskId === undefined, 'refusal: claims a task');
	const url = checkSuccess(c.sim, corrected, checks, 'tool result after the correction');
	const answer = agentAnswer(e);
	checks.that(!!url && answer.includes(url), `agent answer lacks the result URL: ${answer}`);
}

const BAD_THEN_GOOD = [
	{ prompt: PROMPT, aspectRatio: '7:3' },
	{ prompt: PROMPT, aspectRatio: '16:9' },
];

export const agentScenarios: Scenario[] = [
	agentScenario('kieE2eAgent00001', [{ prompt: PROMPT, aspectRatio: '16:9' }], checkSuccessfulCall),
	agentScenario('kieE2eAgent00002', BAD_THEN_GOOD, checkRefusalThenCorrection),
	// The same with the AI Agent 2.2 of many saved workflows (it runs tools itself, not the engine).
	agentScenario('kieE2eAgent22002', BAD_THEN_GOOD, checkRefusalThenCorrection, {
		rewrite: setNode('AI Agent', (node) => (node.typeVersion = 2.2)),
	}),
	// The task is created but ends in "fail": the model gets the task id and Kie's reason.
	agentScenario(
		'kieE2eAgent00003',
		[{ prompt: `${PROMPT} [fail]`, aspectRatio: '1:1' }],
		(c, e, checks) => {
			checks.equal(c.sim.record.createdTaskCount(), 1, 'paid tasks');
			const [failed] = toolResults(chatOf(c), checks);
			const taskId = String(failed?.taskId ?? '');
			checks.that(c.sim.record.tasks.has(taskId), `failed result: taskId ${taskId} unknown`);
			checks.equal(failed?.state, 'fail', 'failed result: state');
			checks.that(
				String(failed?.error ?? '').includes(taskId) && typeof failed?.failMsg === 'string',
				`failed result should carry the error with the task id and Kie's failMsg, got ${JSON.stringify(failed)}`,
			);
			const answer = agentAnswer(e);
			checks.that(answer.includes(taskId), `agent answer lacks the task id: ${answer}`);
		},
	),
	// The wait ends before the task does: the model still gets the task id to fetch it later.
	agentScenario(
		'kieE2eAgent00004',
		[{ prompt: PROMPT, aspectRatio: '16:9' }],
		(c, e, checks) => {
			checks.equal(c.sim.record.createdTaskCount(), 1, 'paid tasks');
			const [timedOut] = toolResults(chatOf(c), checks);
			const taskId = String(timedOut?.taskId ?? '');
			checks.that(c.sim.record.tasks.has(taskId), `timed-out result: taskId ${taskId} unknown`);
			checks.that(
				/did not finish within 1 s/.test(String(timedOut?.error ?? '')) &&
					['waiting', 'queuing', 'generating'].includes(String(timedOut?.state)),
				`timed-out result should say so and keep the last state, got ${JSON.stringify(timedOut)}`,
			);
			const answer = agentAnswer(e);
			checks.that(answer.includes(taskId), `agent answer lacks the task id: ${answer}`);
		},
		{
			generationMs: 5_000,
			rewrite: setNode('Generate image', (node) => (node.parameters.options = { timeout: 1 })),
		},
	),
];
