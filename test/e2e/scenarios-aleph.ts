/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * examples/aleph-restyle-clip.json in a real n8n: a clip read from disk, uploaded, restyled by
 * Runway Aleph (Video → Edit, node version 2) and the MP4 written back. What a user sees: the clip
 * Kie was given is the one on disk, the item and its video/mp4 file, the file on disk byte for byte
 * as Kie serves it. Registered in scenarios.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { makeMp4 } from '../simulator/video';
import type { Scenario } from './scenarios';
import { nodeOutput } from './n8n';

const CLIP = 'clip.mp4';
const PROMPT =
	'Turn the scene into a hand-painted watercolour, soft paper texture, keep the camera motion';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function served(url: string): Promise<Buffer> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
	return Buffer.from(await response.arrayBuffer());
}

/** The clip the example reads; also copied for `npm run dev` (copySampleInputs). */
export async function writeSampleClip(filesFolder: string): Promise<void> {
	await writeFile(path.join(filesFolder, CLIP), makeMp4('a street at noon, handheld'));
}

export const alephScenarios: Scenario[] = [
	{
		file: 'aleph-restyle-clip.json',
		workflowId: 'kieE2eAlephClip1',
		async prepare(context) {
			await writeSampleClip(context.filesFolder);
		},
		async check(context, execution, checks) {
			const { sim } = context;
			const clip = await readFile(path.join(context.filesFolder, CLIP));
			const uploads = sim.record.requests.filter((request) =>
				['streamUpload', 'base64Upload', 'urlUpload'].includes(request.endpoint),
			);
			checks.equal(
				uploads.map((upload) => upload.endpoint),
				['streamUpload'],
				'uploads of the clip',
			);
			const files =
				(uploads[0]?.body as { files?: Array<{ sha256: string; mimeType: string }> } | undefined)
					?.files ?? [];
			checks.equal(
				files.map((file) => [file.sha256, file.mimeType]),
				[[sha256(clip), 'video/mp4']],
				'uploaded file (sha256, type)',
			);

			const creates = sim.record.requests
				.filter((request) => request.endpoint === 'alephGenerate' && request.status === 200)
				.map((request) => request.body as Record<string, unknown>);
			checks.equal(creates.length, 1, 'Aleph tasks created');
			const { videoUrl, ...rest } = creates[0] ?? {};
			checks.equal(rest, { prompt: PROMPT, uploadCn: false, aspectRatio: '16:9' }, 'Aleph body');
			if (typeof videoUrl === 'string') {
				checks.equal(
					sha256(await served(videoUrl)),
					sha256(clip),
					'the videoUrl Kie was given serves the clip from disk',
				);
			} else checks.that(false, `Aleph body: videoUrl ${JSON.stringify(videoUrl)}`);

			const items = nodeOutput(execution, 'Restyle with Aleph');
			checks.equal(items.length, 1, 'Restyle with Aleph: items');
			const json = items[0]?.json ?? {};
			const taskId = String(json.taskId);
			checks.equal(
				[json.api, json.model, json.state],
				['aleph', 'runway-aleph', 'success'],
				'Restyle with Aleph: api, model, state',
			);
			checks.that(
				sim.record.tasks.has(taskId),
				`Restyle with Aleph: ${taskId} is not a simulator task`,
			);
			const url = (json.resultUrls as string[] | undefined)?.[0];
			const binary = items[0]?.binary?.restyled;
			checks.equal(binary?.mimeType, 'video/mp4', 'Restyle with Aleph: restyled MIME type');
			checks.equal(binary?.fileName, `${taskId}_0.mp4`, 'Restyle with Aleph: restyled file name');

			const written = path.join(context.filesFolder, `restyled-${taskId}_0.mp4`);
			if (checks.that(existsSync(written), `${written} was not written`) && url) {
				const bytes = await readFile(written);
				checks.equal(bytes.subarray(4, 8).toString('latin1'), 'ftyp', 'restyled file is an MP4');
				checks.equal(sha256(bytes), sha256(await served(url)), `sha256 of the file vs ${url}`);
				checks.that(sha256(bytes) !== sha256(clip), 'the restyled file is the clip itself');
			}
		},
	},
];
