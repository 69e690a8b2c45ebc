/**
 * The Kie.ai Trigger receiving the callbacks of Suno (three stages), 4o Image and Flux Kontext:
 * from the simulator after a real create through the node, and Kie's documented bodies verbatim.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../../harness';
import { type TriggerEndpoint, kieAccount, useTriggerFixture } from '../../helpers/trigger';

const fixture = useTriggerFixture();
const { configure, postSigned } = fixture;
let endpoint: TriggerEndpoint;
beforeAll(() => {
	({ endpoint } = fixture);
});

/** Manual trigger → Kie.ai (no wait, callback to the trigger); returns the created taskId. */
async function submit(parameters: INodeParameters): Promise<string> {
	const workflow: WorkflowJson = {
		nodes: [
			{
				id: 'manual',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'submit',
				name: 'Submit',
				type: 'n8n-nodes-kie.kie',
				typeVersion: 1,
				position: [200, 0],
				parameters: {
					...parameters,
					waitForCompletion: false,
					options: { callbackUrl: endpoint.url },
				},
				credentials: kieAccount,
			},
		],
		connections: { Start: { main: [[{ node: 'Submit', type: 'main', index: 0 }]] } },
	};
	const result = await runWorkflow(workflow, {
		credentials: { kieApi: fixture.submitCredentials() },
	});
	expect(result.error).toBeUndefined();
	return result.outputOf('Submit')[0].json.taskId as string;
}

const song = {
	resource: 'audio',
	operation: 'generate',
	model: 'V4_5PLUS',
	prompt: 'A sea shanty',
};

describe('Suno callbacks: text, first, complete', () => {
	it('starts the workflow once per song, on complete, with both tracks; the early stages are acknowledged', async () => {
		fixture.sim.configure({ generationMs: 300 });
		const taskId = await submit(song);

		const deliveries = await endpoint.waitForDeliveries(3);
		expect(deliveries.every((delivery) => delivery.status === 200)).toBe(true);
		const started = deliveries.filter((delivery) => delivery.workflowStarted);
		expect(started).toHaveLength(1);
		const ignored = deliveries
			.filter((delivery) => !delivery.workflowStarted)
			.map((d) => (d.response as { ignored?: string } | undefined)?.ignored);
		expect(ignored.sort()).toEqual(['Suno stage first', 'Suno stage text']);

		const [item] = started[0].items;
		expect(item.json).toMatchObject({
			taskId,
			state: 'success',
			callbackType: 'complete',
			callbackCode: 200,
		});
		const tracks = item.json.tracks as Array<Record<string, unknown>>;
		expect(tracks).toHaveLength(2);
		expect(item.json.resultUrls).toEqual(tracks.map((track) => track.audioUrl));
		expect(item.json.resultUrls).toEqual(
			[0, 1].map((n) => `${fixture.sim.baseUrl}/files/suno/${taskId}_${n}.mp3`),
		);
	});

	it('with Include Suno Early Stages: text, first and complete once each, a repeated stage skipped', async () => {
		configure({ options: { sunoStages: true } });
		// Stages far enough apart that Kie's record is still at a stage when its callback is read.
		fixture.sim.configure({ generationMs: 3_000 });
		const taskId = await submit(song);

		const deliveries = await endpoint.waitForDeliveries(3);
		expect(deliveries.every((delivery) => delivery.workflowStarted)).toBe(true);
		const byStage = Object.fromEntries(
			deliveries.map((delivery) => [delivery.items[0].json.callbackType, delivery.items[0].json]),
		);
		expect(Object.keys(byStage).sort()).toEqual(['complete', 'first', 'text']);
		// Kie's record at the text stage: the tracks are announced, none has its audio yet.
		expect(byStage.text).toMatchObject({ taskId, state: 'generating', resultUrls: [] });
		expect(
			(byStage.text.tracks as Array<{ audioUrl: unknown }>).map((track) => track.audioUrl),
		).toEqual([null, null]);
		expect(byStage.first).toMatchObject({ taskId, state: 'generating' });
		expect(byStage.first.resultUrls).toHaveLength(1);
		expect(byStage.complete).toMatchObject({ taskId, state: 'success' });

		// Kie repeats a callback it believes lost: the same stage again starts nothing.
		const firstBody = JSON.parse(
			deliveries.find(
				(delivery) => JSON.parse(delivery.request.body).data.callbackType === 'first',
			)!.request.body,
		);
		const repeat = await postSigned(firstBody, taskId);
		expect(repeat.body).toMatchObject({ ignored: 'repeated callback' });
	});

	it('downloads both MP3s of the complete callback as audio/mpeg binaries', async () => {
		configure({ downloadResults: true });
		const taskId = await submit(song);
		const [delivery] = (await endpoint.waitForDeliveries(3)).filter(
			(entry) => entry.workflowStarted,
		);
		const [item] = delivery.items;
		expect(Object.keys(item.binary ?? {})).toEqual(['data', 'data_1']);
		expect(item.binary?.data).toMatchObject({
			mimeType: 'audio/mpeg',
			fileName: `${taskId}_0.mp3`,
		});
		expect(item.binary?.data_1).toMatchObject({
			mimeType: 'audio/mpeg',
			fileName: `${taskId}_1.mp3`,
		});
	});

	it('reads Kie’s documented error callback, naming a failed song, as a failed task', async () => {
		const taskId = await fixture.finishedTask('/api/v1/generate', {
			prompt: '[fail] a sea shanty',
			customMode: false,
			instrumental: false,
			model: 'V4_5PLUS',
			callBackUrl: 'https://callback.invalid/x',
		});
		const body = {
			code: 501,
			msg: 'Audio generation failed.',
			data: { callbackType: 'error', task_id: taskId, data: [] },
		};
		await postSigned(body, taskId);
		const [delivery] = await endpoint.waitForDeliveries(1);
		expect(delivery.items[0].json).toMatchObject({
			taskId,
			state: 'fail',
			failCode: '400',
			callbackCode: 501,
			callbackMsg: 'Audio generation failed.',
			callbackType: 'error',
			resultUrls: [],
		});
	});
});

describe('4o Image and Flux Kontext callbacks', () => {
	it('4o Image: data.info.result_urls from a real task; the documented failure (info null) as fail', async () => {
		const taskId = await submit({
			resource: 'image',
			operation: 'generate',
			model: 'gpt-4o-image',
			prompt: 'A red kite',
		});
		const [delivery] = await endpoint.waitForDeliveries(1);
		expect(delivery.items[0].json).toMatchObject({
			taskId,
			model: 'gpt-4o-image',
			state: 'success',
			resultUrls: [`${fixture.sim.baseUrl}/files/4o/${taskId}_0.png`],
			callbackCode: 200,
		});

		const failedId = await fixture.finishedTask('/api/v1/gpt4o-image/generate', {
			prompt: '[fail] a red kite',
			size: '1:1',
		});
		const failure = {
			code: 400,
			msg: 'Your content was flagged by OpenAI as violating content policies',
			data: { taskId: failedId, info: null },
		};
		await postSigned(failure, failedId);
		const [, failed] = await endpoint.waitForDeliveries(2);
		expect(failed.items[0].json).toMatchObject({
			taskId: failedId,
			api: '4o-image',
			state: 'fail',
			callbackCode: 400,
		});
	});

	it('Flux Kontext: the documented success and failure bodies, naming real tasks', async () => {
		const create = (prompt: string) =>
			fixture.finishedTask('/api/v1/flux/kontext/generate', { prompt, model: 'flux-kontext-pro' });
		const [okId, failedId] = [await create('a red kite'), await create('[fail] a red kite')];
		const success = {
			code: 200,
			msg: 'BFL image generated successfully.',
			data: {
				taskId: okId,
				info: {
					originImageUrl: 'https://example.com/original.jpg',
					resultImageUrl: 'https://example.com/result.jpg',
				},
			},
		};
		await postSigned(success, okId);
		const [ok] = await endpoint.waitForDeliveries(1);
		const failure = {
			code: 501,
			msg: 'Image generation task failed',
			data: { taskId: failedId, info: { originImageUrl: '', resultImageUrl: '' } },
		};
		await postSigned(failure, failedId);
		const [, failed] = await endpoint.waitForDeliveries(2);
		expect(ok.items[0].json).toMatchObject({
			taskId: okId,
			api: 'flux-kontext',
			state: 'success',
			resultUrls: [expect.stringContaining(fixture.sim.baseUrl)],
		});
		expect(JSON.stringify(ok.items)).not.toContain('example.com');
		expect(failed.items[0].json).toMatchObject({
			taskId: failedId,
			state: 'fail',
			resultUrls: [],
			callbackCode: 501,
		});
	});
});
