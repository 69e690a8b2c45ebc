/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * The audio examples in a real n8n: a Suno song written to disk as MP3, and a scheduled
 * voice-over (text → ElevenLabs speech → MP3 file). Registered in scenarios.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Checks } from './checks';
import { nodeOutput, type OutputItem } from './n8n';
import type { Scenario, ScenarioContext } from './scenarios';

const PLACEHOLDER_CALLBACK = 'https://callback.invalid/n8n-nodes-kie';
const LYRICS =
	'[Verse]\nMorning light on the harbour wall\nGulls above the fishing boats\n[Chorus]\nWe sail at dawn, we sail at dawn';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function served(url: string): Promise<Buffer> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
	return Buffer.from(await response.arrayBuffer());
}

function bodiesOf(context: ScenarioContext, endpoint: string): Array<Record<string, unknown>> {
	return context.sim.record.requests
		.filter((request) => request.endpoint === endpoint && request.status === 200)
		.map((request) => request.body as Record<string, unknown>);
}

/** The MP3 on disk is the simulator's file, byte for byte, and starts like an MP3. */
async function checkMp3File(
	context: ScenarioContext,
	fileName: string,
	url: string,
	checks: Checks,
	label: string,
): Promise<void> {
	const written = path.join(context.filesFolder, fileName);
	if (!checks.that(existsSync(written), `${label}: ${written} was not written`)) return;
	const bytes = await readFile(written);
	checks.equal(bytes.subarray(0, 3).toString('latin1'), 'ID3', `${label}: ${fileName} is an MP3`);
	checks.equal(
		sha256(bytes),
		sha256(await served(url)),
		`${label}: sha256 of ${fileName} vs ${url}`,
	);
}

function checkBinary(
	item: OutputItem | undefined,
	key: string,
	fileName: string,
	checks: Checks,
	label: string,
) {
	const binary = item?.binary?.[key];
	checks.equal(binary?.mimeType, 'audio/mpeg', `${label}: ${key} MIME type`);
	checks.equal(binary?.fileName, fileName, `${label}: ${key} file name`);
}

export const audioScenarios: Scenario[] = [
	{
		file: 'suno-song-to-disk.json',
		workflowId: 'kieE2eSunoSong01',
		async check(context, execution, checks) {
			const items = nodeOutput(execution, 'Make a song');
			checks.equal(items.length, 1, 'Make a song: item count');
			const json = items[0]?.json ?? {};
			const taskId = json.taskId as string;
			checks.equal(json.api, 'suno', 'Make a song: api');
			checks.equal(json.state, 'success', 'Make a song: state');
			checks.equal(json.model, 'V5', 'Make a song: model');
			const urls = (json.resultUrls as string[] | undefined) ?? [];
			checks.equal(
				urls,
				[0, 1].map((n) => `${context.sim.baseUrl}/files/suno/${taskId}_${n}.mp3`),
				'Make a song: resultUrls (both tracks)',
			);
			const tracks = (json.tracks as Array<Record<string, unknown>> | undefined) ?? [];
			checks.equal(
				tracks.map((track) => track.audioUrl),
				urls,
				'Make a song: tracks[].audioUrl',
			);
			checkBinary(items[0], 'data', `${taskId}_0.mp3`, checks, 'Make a song');
			checkBinary(items[0], 'data_1', `${taskId}_1.mp3`, checks, 'Make a song');
			const creates = bodiesOf(context, 'sunoGenerate');
			checks.equal(creates.length, 1, 'Suno tasks created');
			checks.equal(
				creates[0],
				{
					prompt: LYRICS,
					style: 'Folk, acoustic guitar, warm male vocals',
					title: 'We Sail at Dawn',
					customMode: true,
					instrumental: false,
					model: 'V5',
					callBackUrl: PLACEHOLDER_CALLBACK,
				},
				'Suno generate body',
			);
			if (urls[0]) {
				await checks.section('Save song to disk', () =>
					checkMp3File(context, `${taskId}_0.mp3`, urls[0], checks, 'Save song to disk'),
				);
			}
		},
	},
	{
		file: 'scheduled-voice-over.json',
		workflowId: 'kieE2eVoiceOver1',
		async check(context, execution, checks) {
			const items = nodeOutput(execution, 'Speak the script');
			checks.equal(items.length, 1, 'Speak the script: item count');
			const json = items[0]?.json ?? {};
			const taskId = json.taskId as string;
			checks.equal(json.api, 'market', 'Speak the script: api');
			checks.equal(json.state, 'success', 'Speak the script: state');
			checks.equal(
				json.model,
				'elevenlabs/text-to-speech-multilingual-v2',
				'Speak the script: model',
			);
			checkBinary(items[0], 'data', `${taskId}_0.mp3`, checks, 'Speak the script');
			const script = nodeOutput(execution, "Today's script")[0]?.json.script;
			const creates = context.sim.record.requests
				.filter((request) => request.endpoint === 'createTask' && request.status === 200)
				.map((request) => request.body);
			checks.equal(
				creates,
				[
					{
						model: 'elevenlabs/text-to-speech-multilingual-v2',
						input: { text: script, voice: 'Rachel', stability: 0.6, speed: 1.05 },
					},
				],
				'createTask body',
			);
			const url = (json.resultUrls as string[] | undefined)?.[0];
			if (url) {
				await checks.section('Save voice-over', () =>
					checkMp3File(context, `voice-over-${taskId}.mp3`, url, checks, 'Save voice-over'),
				);
			}
		},
	},
];
