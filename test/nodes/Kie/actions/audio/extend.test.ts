/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Audio → Extend's wait: how long the node waits for the extension it created, read from the
 * deadline it gives the create (a cleared Timeout option is audio's 15 minutes, as before).
 */
import { execute } from '../../../../../nodes/Kie/actions/audio/extend.operation';

const SOURCE = {
	taskId: 'src',
	api: 'suno',
	state: 'success',
	model: 'V5',
	extra: { tracks: [{ id: 'a1', title: 'Night City', tags: 'synthwave', duration: 180 }] },
};

async function deadlineOf(options: Record<string, unknown>): Promise<number> {
	const parameters: Record<string, unknown> = {
		taskId: 'src',
		audioId: '',
		prompt: '',
		continueAt: 0,
		style: '',
		title: '',
		additionalInput: '',
		waitForCompletion: false,
		downloadResults: false,
		options,
	};
	let deadlineMs = -1;
	const ctx = {
		getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getNode: () => ({ typeVersion: 1, name: 'Kie', type: 'n8n-nodes-kie.kie' }),
		getInputData: () => [{ json: {} }],
	};
	const stop = new Error('stop after the create');
	const client = {
		getTask: async () => SOURCE,
		deadlineIn: (ms: number) => ({ ms }),
		createTask: async (_request: unknown, deadline: { ms: number }) => {
			deadlineMs = deadline.ms;
			throw stop;
		},
	};
	await expect(
		execute.call(ctx as never, 0, { client: client as never, progress: {} as never }),
	).rejects.toBe(stop);
	return deadlineMs;
}

describe('Audio → Extend: the wait for the extension', () => {
	it.each([
		['not set', 900, {}],
		['cleared (null)', 900, { timeout: null }],
		['cleared (empty)', 900, { timeout: '' }],
		['set to 60', 60, { timeout: 60 }],
	])('Timeout %s: waits %d s', async (_name, seconds, options) => {
		expect(await deadlineOf(options)).toBe(seconds * 1000);
	});
});
