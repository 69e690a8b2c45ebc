/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Cancelling an execution while a file is on the wire, through n8n's engine: during an input
 * upload (before any create: nothing paid, no create sent afterwards) and during a result
 * download (the task exists: its taskId stays in what the execution keeps). The cancel is
 * triggered by the simulator's record (the request has arrived and is held), not by a clock.
 */
import type { INodeParameters } from 'n8n-workflow';

import { kieCredentials, runWorkflow } from '../../../harness';
import type { WorkflowRunResult } from '../../../harness';
import { makePng, startSimulator } from '../../../simulator';
import type { Endpoint, KieSimulator } from '../../../simulator';
import { binaryOf, FAST_POLL, kieWorkflow } from '../../../helpers/workflow';
import type { FixtureItemSpec } from '../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 200 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

/** Settles once the simulator has received a request to `endpoint` (or `ended()` says stop looking). */
async function arrivalOf(endpoint: Endpoint, ended: () => boolean): Promise<void> {
	while (sim.record.count(endpoint) === 0 && !ended())
		await new Promise((resolve) => setTimeout(resolve, 10));
}

async function runCancelledAt(
	endpoint: Endpoint,
	parameters: INodeParameters,
	items?: FixtureItemSpec[],
): Promise<WorkflowRunResult> {
	// The request is held (answered only at the simulator's reset), so it is in flight at the cancel.
	sim.injectFault({ endpoint, kind: 'slow', delayMs: 600_000, times: 1 });
	let ended = false;
	try {
		return await runWorkflow(kieWorkflow(parameters, { items }), {
			credentials: { kieApi: kieCredentials(sim) },
			cancelOn: arrivalOf(endpoint, () => ended),
		});
	} finally {
		ended = true;
	}
}

const PNG = makePng('cancelled upload input', 8);

/** No request reaches the simulator after the run has ended (given a moment to try). */
async function nothingMoreAfter(seen: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 1000));
	expect(sim.record.requests.slice(seen)).toEqual([]);
}

describe('an execution cancelled during a transfer', () => {
	it('during an input upload: ends canceled, and no create is ever sent', async () => {
		const result = await runCancelledAt(
			'streamUpload',
			{
				resource: 'image',
				operation: 'edit',
				model: 'nano-banana-pro',
				prompt: 'make it blue',
				binaryProperties: 'data',
				options: { ...FAST_POLL },
			},
			[{ json: {}, binary: { data: binaryOf(PNG, 'image/png', 'in.png') } }],
		);

		// n8n marks it canceled, not failed: the node's error says "canceled" as n8n's own do.
		expect(result.status).toBe('canceled');
		expect(result.nodeError('Kie')?.message).toBe('The execution was canceled');
		await nothingMoreAfter(sim.record.requests.length);
		expect(sim.record.requests.map((request) => request.endpoint)).toEqual(['streamUpload']);
		expect(sim.record.createdTaskCount()).toBe(0);
	});

	it.each<[string, INodeParameters]>([
		[
			'an image',
			{ resource: 'image', operation: 'generate', model: 'nano-banana-pro', prompt: 'A boat' },
		],
		[
			'a streamed video',
			{
				resource: 'video',
				operation: 'generate',
				model: 'kling-2.6/text-to-video',
				prompt: 'A corgi surfs a wave',
				aspectRatio: '16:9',
			},
		],
	])(
		'during the download of %s: ends canceled, the item keeps its taskId and result URL',
		async (_label, parameters) => {
			const result = await runCancelledAt('file', { ...parameters, options: { ...FAST_POLL } });

			expect(result.status).toBe('canceled');
			expect(sim.record.createdTaskCount()).toBe(1);
			const [taskId] = [...sim.record.tasks.keys()];
			const { resultUrls } = sim.record.tasks.get(taskId)!;
			const [item] = result.outputOf('Kie');
			expect(item.json).toMatchObject({ taskId, state: 'success', resultUrls });
			expect(item.json.downloadErrors).toEqual([`${resultUrls[0]}: The execution was canceled`]);
			expect(item.binary).toBeUndefined();
			await nothingMoreAfter(sim.record.requests.length);
			expect(sim.record.count('file')).toBe(1);
			expect(sim.record.count('createTask')).toBe(1);
		},
	);
});
