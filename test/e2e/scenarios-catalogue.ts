/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * The catalogue examples (node version 2) in a real n8n: a product photo from disk → Recraft
 * Remove Background → Topaz Upscale → PNG on disk; Seedance 2 with reference images read from
 * disk as binaries; an MP3 from disk → ElevenLabs Speech to Text → the transcript in the item.
 * Registered in scenarios.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { makeMp3 } from '../simulator/audio';
import { imageShape } from '../simulator/images';
import { makePng, type KieSimulatorApi } from '../simulator';
import type { Checks } from './checks';
import { nodeOutput, type OutputItem } from './n8n';
import type { Scenario, ScenarioContext } from './scenarios';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function served(url: string): Promise<Buffer> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
	return Buffer.from(await response.arrayBuffer());
}

/** An object with its keys sorted: Kie reads fields by name, the node may send them in any order. */
const byName = (value: Record<string, unknown> | undefined) =>
	Object.fromEntries(Object.entries(value ?? {}).sort(([a], [b]) => a.localeCompare(b)));

interface CreateBody {
	model: string;
	input: Record<string, unknown>;
}

function creates(sim: KieSimulatorApi): CreateBody[] {
	return sim.record.requests
		.filter((request) => request.endpoint === 'createTask' && request.status === 200)
		.map((request) => request.body as CreateBody);
}

/** The files the node streamed to Kie's upload host: sha256 and MIME type of each, in order. */
function uploadedFiles(sim: KieSimulatorApi): Array<[string, string]> {
	const other = sim.record.requests.filter((request) =>
		['base64Upload', 'urlUpload'].includes(request.endpoint),
	);
	if (other.length > 0) throw new Error(`unexpected ${other.map((r) => r.endpoint).join(', ')}`);
	return sim.record.requests
		.filter((request) => request.endpoint === 'streamUpload' && request.status === 200)
		.flatMap(
			(request) =>
				(request.body as { files?: Array<{ sha256: string; mimeType: string }> }).files ?? [],
		)
		.map((file) => [file.sha256, file.mimeType]);
}

/** A media URL Kie was given is an upload on Kie's upload host serving exactly these bytes. */
async function checkGivenFile(
	context: ScenarioContext,
	url: unknown,
	expected: Buffer,
	checks: Checks,
	label: string,
): Promise<void> {
	const { sim } = context;
	if (
		!checks.that(
			typeof url === 'string' && url.startsWith(`${sim.uploadBaseUrl}/`),
			`${label}: expected a file on the upload host ${sim.uploadBaseUrl}, got ${JSON.stringify(url)}`,
		)
	)
		return;
	checks.equal(sha256(await served(url as string)), sha256(expected), `${label}: sha256`);
}

/** Every request reached Kie with the credential's key and no create was rate limited. */
function checkAccount(sim: KieSimulatorApi, checks: Checks): void {
	const unauthorised = sim.record.requests.filter(
		(request) => request.endpoint !== 'file' && request.headers.authorization !== 'Bearer sim-key',
	);
	checks.equal(
		unauthorised.map((request) => request.path),
		[],
		'requests without "Authorization: Bearer sim-key"',
	);
	checks.equal(sim.record.rateLimitedCount(), 0, 'creates answered 429');
}

/**
 * A finished jobs-API task item: state, model, result URLs on the simulator; with `file`, the
 * binary `data` (MIME type, file name) and the file written to disk, byte for byte the result.
 */
async function checkTask(
	context: ScenarioContext,
	item: OutputItem | undefined,
	expected: {
		model: string;
		/** A text result (speech to text) has no result files. */
		noFiles?: boolean;
		file?: { mimeType: string; extension: string; writtenAs: string };
	},
	checks: Checks,
	label: string,
): Promise<string | undefined> {
	if (!checks.that(item !== undefined, `${label}: no output item`)) return undefined;
	const { sim } = context;
	const json = item!.json;
	const taskId = json.taskId as string;
	checks.that(sim.record.tasks.has(taskId), `${label}: taskId ${taskId} is not a simulator task`);
	checks.equal([json.api, json.state, json.model], ['market', 'success', expected.model], label);
	const urls = (json.resultUrls as string[] | undefined) ?? [];
	checks.that(
		expected.noFiles
			? urls.length === 0
			: urls.length === 1 && urls[0].startsWith(`${sim.baseUrl}/files/results/${taskId}_0`),
		`${label}: resultUrls ${JSON.stringify(urls)}`,
	);
	const { file } = expected;
	if (!file) {
		checks.equal(Object.keys(item!.binary ?? {}), [], `${label}: binary properties`);
		return urls[0];
	}
	const binary = item!.binary?.data;
	const fileName = `${taskId}_0.${file.extension}`;
	checks.equal([binary?.mimeType, binary?.fileName], [file.mimeType, fileName], `${label}: binary`);
	const written = path.join(context.filesFolder, file.writtenAs.replace('<file>', fileName));
	if (checks.that(existsSync(written), `${label}: ${written} was not written`) && urls[0]) {
		checks.equal(
			sha256(await readFile(written)),
			sha256(await served(urls[0])),
			`${label}: sha256 of ${path.basename(written)} vs the result file`,
		);
	}
	return urls[0];
}

const PRODUCT_PHOTO = () => makePng('product photo', 512);
const REFERENCES = [
	['person.png', 512],
	['jacket.png', 400],
	['market.png', 640],
] as const;
const reference = (name: string, size: number) => makePng(`reference ${name}`, size);
const RECORDING = () => makeMp3('interview');
const SEEDANCE_PROMPT =
	'The person from the reference images walks through a sunny flower market wearing the jacket from the references, smiling at the camera, handheld tracking shot';

/** The sample inputs of these examples, for the e2e and for dev mode (test/e2e/dev.ts). */
export async function writeCatalogueSamples(filesFolder: string): Promise<void> {
	if (!existsSync(path.join(filesFolder, 'interview.mp3')))
		await writeFile(path.join(filesFolder, 'interview.mp3'), RECORDING());
	const folder = path.join(filesFolder, 'references');
	await mkdir(folder, { recursive: true });
	for (const [name, size] of REFERENCES) {
		if (!existsSync(path.join(folder, name)))
			await writeFile(path.join(folder, name), reference(name, size));
	}
}

export const catalogueScenarios: Scenario[] = [
	{
		file: 'product-photo-cutout.json',
		workflowId: 'kieE2eCutout0001',
		async prepare(context) {
			// Recraft needs 256–4096 px a side (its page).
			await writeFile(path.join(context.filesFolder, 'product-photo.png'), PRODUCT_PHOTO());
		},
		async check(context, execution, checks) {
			const { sim } = context;
			const photo = PRODUCT_PHOTO();
			checks.equal(uploadedFiles(sim), [[sha256(photo), 'image/png']], 'uploads (sha256, type)');
			const [cutout] = nodeOutput(execution, 'Remove background');
			const cutoutUrl = await checkTask(
				context,
				cutout,
				{ model: 'recraft/remove-background' },
				checks,
				'Remove background',
			);
			const [upscaled] = nodeOutput(execution, 'Upscale');
			await checks.section('Upscale', () =>
				checkTask(
					context,
					upscaled,
					{
						model: 'topaz/image-upscale',
						file: { mimeType: 'image/png', extension: 'png', writtenAs: 'product-cutout-<file>' },
					},
					checks,
					'Upscale',
				),
			);
			// What the user gets: a transparent cut-out the photo's size, then twice as wide and high.
			if (cutoutUrl)
				checks.equal(
					imageShape(await served(cutoutUrl)),
					{ width: 512, height: 512, alpha: true },
					'the cut-out (PNG size, alpha)',
				);
			const written = path.join(
				context.filesFolder,
				`product-cutout-${String(upscaled?.json.taskId)}_0.png`,
			);
			if (existsSync(written))
				checks.equal(
					imageShape(await readFile(written)),
					{ width: 1024, height: 1024, alpha: true },
					'the file written (PNG size, alpha)',
				);
			const bodies = creates(sim);
			checks.equal(
				bodies.map((body) => body.model),
				['recraft/remove-background', 'topaz/image-upscale'],
				'tasks created',
			);
			checks.equal(Object.keys(bodies[0]?.input ?? {}), ['image'], 'Recraft input fields');
			await checks.section('Recraft input', () =>
				checkGivenFile(context, bodies[0]?.input.image, photo, checks, 'Recraft input.image'),
			);
			checks.equal(
				byName(bodies[1]?.input),
				{ image_url: cutoutUrl, upscale_factor: '2' },
				'Topaz input: the cut-out URL, factor 2',
			);
			checkAccount(sim, checks);
		},
	},
	{
		file: 'seedance-reference-images.json',
		workflowId: 'kieE2eSeedRefs01',
		async prepare(context) {
			await writeCatalogueSamples(context.filesFolder);
		},
		async check(context, execution, checks) {
			const { sim } = context;
			// Read/Write Files lists a folder in no set order: the aggregated item says which is which.
			const [aggregated] = nodeOutput(execution, 'All images in one item');
			const binaries = Object.entries(aggregated?.binary ?? {});
			checks.equal(
				binaries.map(([key]) => key),
				['data', 'data_1', 'data_2'],
				'All images in one item: binary properties',
			);
			const files = binaries.map(([, binary]) => {
				const entry = REFERENCES.find(([name]) => name === binary.fileName);
				if (!entry) throw new Error(`unexpected file ${binary.fileName}`);
				return reference(entry[0], entry[1]);
			});
			checks.equal(
				uploadedFiles(sim),
				files.map((bytes) => [sha256(bytes), 'image/png']),
				'uploads (sha256, type), in the order of the binaries',
			);
			const bodies = creates(sim);
			checks.equal(bodies.length, 1, 'tasks created');
			const input = bodies[0]?.input ?? {};
			const refs = (input.reference_image_urls as unknown[] | undefined) ?? [];
			const rest = Object.fromEntries(
				Object.entries(input).filter(([name]) => name !== 'reference_image_urls'),
			);
			checks.equal(
				byName(rest),
				byName({
					prompt: SEEDANCE_PROMPT,
					generate_audio: false,
					resolution: '480p',
					aspect_ratio: '9:16',
					duration: 5,
					web_search: false,
					nsfw_checker: false,
				}),
				'Seedance 2 input besides the references',
			);
			checks.equal(refs.length, 3, 'reference_image_urls count');
			for (const [index, bytes] of files.entries()) {
				await checks.section(`reference ${index}`, () =>
					checkGivenFile(context, refs[index], bytes, checks, `reference_image_urls[${index}]`),
				);
			}
			checks.that(
				!('first_frame_url' in input) && !('last_frame_url' in input),
				'frame fields sent beside the references (Kie: separate modes)',
			);
			const [video] = nodeOutput(execution, 'Seedance 2 from references');
			await checks.section('Seedance 2 from references', async () => {
				await checkTask(
					context,
					video,
					{
						model: 'bytedance/seedance-2',
						file: { mimeType: 'video/mp4', extension: 'mp4', writtenAs: '<file>' },
					},
					checks,
					'Seedance 2 from references',
				);
				const url = (video?.json.resultUrls as string[] | undefined)?.[0];
				if (url)
					checks.equal(
						(await served(url)).toString('latin1', 4, 8),
						'ftyp',
						'the result file is an MP4',
					);
			});
			checkAccount(sim, checks);
		},
	},
	{
		file: 'transcribe-mp3.json',
		workflowId: 'kieE2eTranscr001',
		async prepare(context) {
			await writeCatalogueSamples(context.filesFolder);
		},
		async check(context, execution, checks) {
			const { sim } = context;
			const recording = RECORDING();
			checks.equal(
				uploadedFiles(sim),
				[[sha256(recording), 'audio/mpeg']],
				'uploads (sha256, type)',
			);
			const bodies = creates(sim);
			checks.equal(bodies.length, 1, 'tasks created');
			const { audio_url: audioUrl, ...rest } = bodies[0]?.input ?? {};
			checks.equal(
				[bodies[0]?.model, byName(rest)],
				['elevenlabs/speech-to-text', { diarize: true, language_code: 'en' }],
				'Speech to Text model and input besides audio_url',
			);
			await checks.section('audio_url', () =>
				checkGivenFile(context, audioUrl, recording, checks, 'input.audio_url'),
			);
			const [transcribed] = nodeOutput(execution, 'Transcribe');
			await checks.section('Transcribe', () =>
				checkTask(
					context,
					transcribed,
					{ model: 'elevenlabs/speech-to-text', noFiles: true },
					checks,
					'Transcribe',
				),
			);
			const taskId = transcribed?.json.taskId as string;
			const transcript = `Transcript of task ${taskId}`;
			checks.equal(transcribed?.json.text, transcript, 'Transcribe: text');
			const words = (transcribed?.json.words as Array<Record<string, unknown>> | undefined) ?? [];
			checks.equal(
				words.map((word) => [word.text, word.speaker_id]),
				transcript.split(' ').map((word) => [word, 'speaker_0']),
				'Transcribe: words and their speakers',
			);
			checks.equal(
				nodeOutput(execution, 'Transcript').map((item) => item.json),
				[{ file: 'interview.mp3', transcript, speakers: ['speaker_0'], taskId }],
				'Transcript: the item the workflow ends with',
			);
			checkAccount(sim, checks);
		},
	},
];
