/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/** The video examples' scenarios (see scenarios.ts): Veo 3.1 saved as MP4, and image → video. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { KieSimulatorApi } from '../simulator';
import type { Checks } from './checks';
import { nodeOutput, type OutputItem } from './n8n';
import type { Scenario, ScenarioContext } from './scenarios';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function bodiesOf(sim: KieSimulatorApi, endpoint: string): Array<Record<string, unknown>> {
	return sim.record.requests
		.filter((request) => request.endpoint === endpoint && request.status === 200)
		.map((request) => request.body as Record<string, unknown>);
}

/** A finished video item: its API, state, the result URL on the simulator, the MP4 binary and file. */
async function checkVideo(
	context: ScenarioContext,
	item: OutputItem | undefined,
	expected: { api: string; model: string },
	checks: Checks,
	label: string,
): Promise<void> {
	if (!checks.that(item !== undefined, `${label}: no output item`)) return;
	const { sim } = context;
	const taskId = item!.json.taskId as string;
	checks.that(
		sim.record.tasks.has(taskId),
		`${label}: taskId ${taskId} is not a task the simulator created`,
	);
	checks.equal(item!.json.state, 'success', `${label}: state`);
	checks.equal(item!.json.api, expected.api, `${label}: api`);
	checks.equal(item!.json.model, expected.model, `${label}: model`);
	const url = (item!.json.resultUrls as string[] | undefined)?.[0];
	if (
		!checks.that(
			typeof url === 'string' && url.startsWith(sim.baseUrl),
			`${label}: resultUrls ${String(url)}`,
		)
	)
		return;
	const binary = item!.binary?.data;
	if (!checks.that(binary !== undefined, `${label}: no binary property "data"`)) return;
	checks.equal(binary!.mimeType, 'video/mp4', `${label}: binary mimeType`);
	checks.equal(binary!.fileName, `${taskId}_0.mp4`, `${label}: binary fileName`);
	const served = Buffer.from(await (await fetch(url!)).arrayBuffer());
	checks.equal(served.toString('latin1', 4, 8), 'ftyp', `${label}: the result file is an MP4`);
	const written = path.join(context.filesFolder, `${taskId}_0.mp4`);
	if (checks.that(existsSync(written), `${label}: ${written} was not written`)) {
		checks.equal(
			sha256(await readFile(written)),
			sha256(served),
			`${label}: sha256 of the written MP4 vs the result file`,
		);
	}
}

export const videoScenarios: Scenario[] = [
	{
		file: 'generate-video-to-disk.json',
		workflowId: 'kieE2eVideo00001',
		async check(context, execution, checks) {
			const { sim } = context;
			const items = nodeOutput(execution, 'Generate video');
			checks.equal(items.length, 1, 'Generate video: item count');
			await checks.section('Generate video', () =>
				checkVideo(context, items[0], { api: 'veo', model: 'veo3_fast' }, checks, 'Generate video'),
			);
			checks.equal(
				bodiesOf(sim, 'veoGenerate'),
				[
					{
						prompt:
							'A paper boat drifts down a rain-soaked city gutter at night, neon reflections rippling, slow tracking shot, gentle rain sounds',
						aspect_ratio: '16:9',
						resolution: '720p',
						generationType: 'TEXT_2_VIDEO',
						model: 'veo3_fast',
					},
				],
				'veo/generate body',
			);
			checks.equal(sim.record.rateLimitedCount(), 0, 'creates answered 429');
		},
	},
	{
		file: 'image-to-video-pipeline.json',
		workflowId: 'kieE2eVideo00002',
		async check(context, execution, checks) {
			const { sim } = context;
			const [image] = nodeOutput(execution, 'Generate first frame');
			const imageUrl = (image?.json.resultUrls as string[] | undefined)?.[0];
			checks.that(typeof imageUrl === 'string', 'Generate first frame: no result URL');
			const [videoItem] = nodeOutput(execution, 'Animate the image');
			await checks.section('Animate the image', () =>
				checkVideo(
					context,
					videoItem,
					{ api: 'market', model: 'kling-2.6/image-to-video' },
					checks,
					'Animate the image',
				),
			);
			const creates = bodiesOf(sim, 'createTask');
			checks.equal(creates.length, 2, 'tasks created');
			checks.equal(
				creates[1],
				{
					model: 'kling-2.6/image-to-video',
					input: {
						prompt:
							'The fox turns its head towards the camera, snow falls gently, the camera slowly pushes in',
						image_urls: [imageUrl],
						duration: '5',
						sound: false,
					},
				},
				'image-to-video create body: the image URL as the first frame',
			);
			checks.equal(sim.record.rateLimitedCount(), 0, 'creates answered 429');
		},
	},
];
