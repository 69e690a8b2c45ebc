/** What the video operations share: options with the video timeout, the task id, the callback URL. */
import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { KieInputError } from '../../catalogue';
import { taskOptionsCollection } from '../common/properties';
import { readTaskOptions, type TaskOptions } from '../common/taskOutput';
export { readCallbackUrl } from '../common/taskOutput';

/**
 * Video tasks take minutes (Veo: "typically 2-5 minutes", its extend "up to over ten minutes",
 * 4K another 5-10), so the wait defaults to 30 minutes instead of the images' 10.
 */
export const VIDEO_TIMEOUT_SECONDS = 1800;

const label = (option: object) => ('displayName' in option ? String(option.displayName) : '');

export function videoOptionsCollection(extra: INodeProperties[] = []): INodeProperties {
	const options = (taskOptionsCollection.options ?? []).map((option) =>
		'name' in option && option.name === 'timeout'
			? {
					...option,
					default: VIDEO_TIMEOUT_SECONDS,
					description:
						'How long to wait for the video (default 30 minutes: video tasks take minutes). On timeout the item keeps the taskId so Get Task can fetch it later.',
				}
			: option,
	);
	return {
		...taskOptionsCollection,
		options: [...options, ...extra].sort((a, b) => label(a).localeCompare(label(b))),
	};
}

export function readVideoTaskOptions(ctx: IExecuteFunctions, itemIndex: number): TaskOptions {
	const options = readTaskOptions(ctx, itemIndex, {
		waitForCompletion: true,
		downloadResults: true,
	});
	const raw = (ctx.getNodeParameter('options', itemIndex, {}) as IDataObject).timeout;
	if (raw === undefined || raw === null || raw === '')
		options.timeoutSeconds = VIDEO_TIMEOUT_SECONDS;
	return options;
}

/**
 * Runway's pages call `callBackUrl` required. When the node waits by polling and the user set
 * none, it sends Suno's placeholder: the `.invalid` top-level domain never resolves (RFC 2606),
 * so Kie's notice goes nowhere (example.com is a real host that would receive it).
 */
export { SUNO_PLACEHOLDER_CALLBACK as UNUSED_CALLBACK_URL } from '../../catalogue';

/** A parameter with a fixed list of choices, `[value, name]` each, the first the default. */
export function choiceProperty(
	name: string,
	displayName: string,
	choices: ReadonlyArray<readonly [string, string]>,
	description: string,
	api?: string,
): INodeProperties {
	const [[first]] = choices;
	return {
		displayName,
		name,
		type: 'options',
		options: choices.map(([value, label]) => ({ name: label, value })),
		default: first,
		...(api ? { displayOptions: { show: { api: [api] } } } : {}),
		description,
	};
}

/** A task id parameter: one token, no spaces. */
export function readTaskId(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = ctx.getNodeParameter('taskId', itemIndex, '') as unknown;
	const taskId = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!taskId || /\s/.test(taskId)) {
		const allowed = 'the taskId of a finished video task (one word, no spaces)';
		throw new KieInputError(
			'taskId',
			raw,
			`Task ID ${JSON.stringify(raw ?? '')} is not a Kie.ai taskId. Allowed: ${allowed}`,
			allowed,
		);
	}
	return taskId;
}
