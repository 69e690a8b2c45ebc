/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/** The Kie.ai Trigger receiving the Veo 3.1, Runway, Runway Aleph and jobs-API video callbacks, end to end. */
import type { INodeParameters } from 'n8n-workflow';
import { request } from 'undici';

import { runWorkflow } from '../../harness';
import { kieAccount, type TriggerEndpoint, useTriggerFixture } from '../../helpers/trigger';

const fixture = useTriggerFixture();
let endpoint: TriggerEndpoint;
beforeAll(() => {
	({ endpoint } = fixture);
});

/** Runs "Start → Kie.ai Video Generate (no wait, callback to the trigger)"; returns the taskId. */
async function submitVideo(parameters: INodeParameters, typeVersion = 1): Promise<string> {
	const result = await runWorkflow(
		{
			nodes: [
				{
					id: 'm',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'g',
					name: 'Generate',
					type: 'n8n-nodes-kie.kie',
					typeVersion,
					position: [200, 0],
					parameters: {
						resource: 'video',
						operation: 'generate',
						prompt: 'a corgi surfing',
						waitForCompletion: false,
						options: { callbackUrl: endpoint.url },
						...parameters,
					},
					credentials: kieAccount,
				},
			],
			connections: { Start: { main: [[{ node: 'Generate', type: 'main', index: 0 }]] } },
		},
		{ credentials: { kieApi: fixture.submitCredentials() } },
	);
	expect(result.error).toBeUndefined();
	return result.outputOf('Generate')[0].json.taskId as string;
}

describe('Kie.ai Trigger with video callbacks', () => {
	it.each([
		['veo', { model: 'veo3_fast' }, 'video_0.mp4'],
		['runway', { model: 'runway', aspectRatio: '16:9' }, 'video.mp4'],
		['market', { model: 'kling-2.6/text-to-video' }, '_0.mp4'],
	] as const)(
		'emits the %s task from its own callback body, with the video as a file',
		async (api, parameters, file) => {
			fixture.configure({ downloadResults: true });
			const taskId = await submitVideo(parameters);
			const [delivery] = await endpoint.waitForDeliveries(1);
			expect(delivery.status).toBe(200);
			const [item] = delivery.items;
			expect(item.json).toMatchObject({ taskId, api, state: 'success', callbackCode: 200 });
			expect((item.json.resultUrls as string[])[0]).toContain(file);
			expect(item.binary?.data).toMatchObject({
				mimeType: 'video/mp4',
				fileName: `${taskId}_0.mp4`,
			});
		},
	);

	it('emits a Runway Aleph task (Video → Edit, version 2) from its callback, with the restyled video as a file', async () => {
		fixture.configure({ downloadResults: true });
		const taskId = await submitVideo(
			{
				operation: 'edit',
				videoModel: 'runway-aleph',
				prompt: 'Make it snow',
				videoUrl: 'https://videos.example.com/street.mp4',
			},
			2,
		);
		const [delivery] = await endpoint.waitForDeliveries(1);
		expect(delivery.status).toBe(200);
		const [item] = delivery.items;
		expect(item.json).toMatchObject({
			taskId,
			api: 'aleph',
			state: 'success',
			callbackCode: 200,
			imageUrl: expect.stringMatching(/aleph\.png$/),
		});
		expect((item.json.resultUrls as string[])[0]).toMatch(/aleph\.mp4$/);
		expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: `${taskId}_0.mp4` });
		// The status endpoint, not the body, is the authority for what is emitted.
		expect(fixture.sim.record.count('alephRecordInfo')).toBeGreaterThanOrEqual(1);
	});

	it('emits a failed Runway Aleph task with Kie’s code and message', async () => {
		const taskId = await submitVideo(
			{
				operation: 'edit',
				videoModel: 'runway-aleph',
				prompt: 'x [fail]',
				videoUrl: 'https://videos.example.com/street.mp4',
			},
			2,
		);
		const [delivery] = await endpoint.waitForDeliveries(1);
		expect(delivery.items[0].json).toMatchObject({
			taskId,
			api: 'aleph',
			state: 'fail',
			failCode: '400',
			failMsg: expect.stringMatching(/moderator/),
		});
	});

	it('reads the record of a Veo task when the callback carries no results', async () => {
		const { sim } = fixture;
		const created = await request(`${sim.baseUrl}/api/v1/veo/generate`, {
			method: 'POST',
			headers: { authorization: 'Bearer sim-key', 'content-type': 'application/json' },
			body: JSON.stringify({ prompt: 'a dog' }),
		});
		const taskId = ((await created.body.json()) as { data: { taskId: string } }).data.taskId;
		await new Promise((resolve) => setTimeout(resolve, 200));
		// Kie's webhook page: top-level taskId, data.task_id and data.callbackType, no results.
		await fixture.postSigned(
			{
				taskId,
				code: 200,
				msg: 'Success',
				data: { task_id: taskId, callbackType: 'task_completed' },
			},
			taskId,
		);
		const [delivery] = await endpoint.waitForDeliveries(1);
		expect(delivery.items[0].json).toMatchObject({
			taskId,
			api: 'veo',
			state: 'success',
			resultUrls: [`${sim.baseUrl}/files/video/${taskId}/video_0.mp4`],
			callbackType: 'task_completed',
		});
		expect(sim.record.count('veoRecordInfo')).toBe(1);
	});

	it('emits a failed Runway task with Kie’s code and message', async () => {
		const taskId = await submitVideo({ model: 'runway', prompt: 'x [fail]', aspectRatio: '1:1' });
		const [delivery] = await endpoint.waitForDeliveries(1);
		expect(delivery.items[0].json).toMatchObject({
			taskId,
			api: 'runway',
			state: 'fail',
			failCode: '400',
		});
	});
});
