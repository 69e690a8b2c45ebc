/**
 * Text → Generate: one answer from one of Kie's chat models (catalogue/chatModels.ts), not
 * streamed. The system prompt, the earlier messages and the prompt go out in the model family's
 * own request shape (client/chat.ts); the item is `{model, text, usage, finishReason}`.
 */
import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { KieInputError } from '../../catalogue';
import { CHAT_MODELS, chatModel, DEFAULT_CHAT_MODEL } from '../../catalogue/chatModels';
import { describeValue } from '../../catalogue/errors';
import { sendChat, type ChatMessage } from '../../client';
import { optionsCollection } from '../common/properties';
import { promptOf } from '../image/fields';
import type { OperationExecute } from '../common/taskOutput';

const EFFORTS = ['minimal', 'low', 'medium', 'high', 'xhigh'];

const properties: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'textModel',
		type: 'options',
		options: CHAT_MODELS.map((model) => ({ name: model.name, value: model.id })),
		default: DEFAULT_CHAT_MODEL,
		description: 'The Kie.ai chat model that answers',
	},
	promptOf('The message the model answers'),
	{
		displayName: 'System Prompt',
		name: 'systemPrompt',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Instructions the model follows for the whole conversation',
	},
	optionsCollection([
		{
			displayName: 'Earlier Messages',
			name: 'messages',
			type: 'json',
			default: '[]',
			description:
				'The conversation before the prompt, oldest first: a JSON array of {"role": "user" | "assistant", "content": "…"}',
		},
		{
			displayName: 'Reasoning Effort',
			name: 'reasoningEffort',
			type: 'options',
			options: EFFORTS.map((effort) => ({ name: effort, value: effort })),
			default: 'low',
			description:
				'How hard the model thinks: GPT-5.2 and Gemini 3 take low or high; GPT-5.4 and Codex take minimal to xhigh. Not sent unless set.',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['text'], operation: ['generate'] } },
	properties,
);

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
	try {
		return text.trim() === '' ? [] : JSON.parse(text);
	} catch {
		return NOT_JSON;
	}
}

function earlierMessages(value: unknown): ChatMessage[] {
	const field = 'options.messages';
	const list = typeof value === 'string' ? parseJson(value) : value;
	if (list === NOT_JSON) {
		throw new KieInputError(
			field,
			value,
			`Earlier Messages is not valid JSON: ${describeValue(value)}`,
		);
	}
	if (list === undefined || list === null) return [];
	if (!Array.isArray(list)) {
		throw new KieInputError(
			field,
			list,
			`Earlier Messages must be a JSON array, got ${describeValue(list)}`,
		);
	}
	return list.map((entry: unknown, n) => {
		const message = entry as IDataObject;
		const valid =
			typeof entry === 'object' &&
			entry !== null &&
			(message.role === 'user' || message.role === 'assistant') &&
			typeof message.content === 'string';
		if (!valid) {
			throw new KieInputError(
				field,
				entry,
				`Earlier Messages entry ${n} is ${describeValue(entry)}: each must be {"role": "user" | "assistant", "content": "text"}`,
				'role: user, assistant; content: text',
			);
		}
		return { role: message.role as ChatMessage['role'], content: message.content as string };
	});
}

export const execute: OperationExecute = async function (itemIndex, run) {
	const modelId = this.getNodeParameter('textModel', itemIndex) as string;
	const model = chatModel(modelId);
	if (!model) {
		const allowed = CHAT_MODELS.map((entry) => entry.id).join(', ');
		throw new KieInputError(
			'textModel',
			modelId,
			`Model ${describeValue(modelId)} is not one of Kie.ai's chat models`,
			allowed,
		);
	}
	const prompt = this.getNodeParameter('prompt', itemIndex, '') as string;
	if (typeof prompt !== 'string' || prompt.trim() === '') {
		throw new KieInputError(
			'prompt',
			prompt,
			'Prompt is empty: the model needs a message to answer',
		);
	}
	const systemPrompt = this.getNodeParameter('systemPrompt', itemIndex, '') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const messages = [
		...earlierMessages(options.messages),
		{ role: 'user' as const, content: prompt },
	];
	const effort = options.reasoningEffort as string | undefined;
	if (effort !== undefined && !model.reasoningEfforts.includes(effort)) {
		const allowed = model.reasoningEfforts.join(', ') || 'none (leave it unset)';
		throw new KieInputError(
			'options.reasoningEffort',
			effort,
			`Reasoning Effort ${describeValue(effort)} is not available for ${model.name}`,
			allowed,
		);
	}

	const answer = await sendChat(
		this,
		run.client.account,
		{
			family: model.family,
			model: model.id,
			endpoint: model.endpoint,
			system: systemPrompt.trim() === '' ? undefined : systemPrompt,
			messages,
			reasoningEffort: effort,
		},
		this.getExecutionCancelSignal(),
	);
	return [{ json: answer, pairedItem: { item: itemIndex } }];
};
