/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Suno's tools in a real n8n (node version 2): a song split into vocals and instrumental with both
 * stems written to disk, and a weekly song turned into a music video (MP4). What a user sees: the
 * items (stems by role, MIME types), the files on disk byte for byte as Kie serves them, and what
 * the simulator was asked to do. Registered in scenarios.ts.
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

/** Every request reached Kie with the credential's key. */
function checkKey(context: ScenarioContext, checks: Checks): void {
	const withoutKey = context.sim.record.requests
		.filter((request) => request.endpoint !== 'file')
		.filter((request) => request.headers.authorization !== 'Bearer sim-key');
	checks.equal(
		withoutKey.map((request) => request.path),
		[],
		'requests without "Authorization: Bearer sim-key"',
	);
}

/** The finished song the tools start from: its taskId and first track's id. */
function checkSong(
	context: ScenarioContext,
	item: OutputItem | undefined,
	checks: Checks,
): { taskId: string; audioId: string } {
	const json = item?.json ?? {};
	checks.equal([json.api, json.state, json.model], ['suno', 'success', 'V5'], 'Make a song');
	const tracks = (json.tracks as Array<Record<string, unknown>> | undefined) ?? [];
	checks.equal(tracks.length, 2, 'Make a song: tracks');
	checks.that(
		item?.binary === undefined || Object.keys(item.binary).length === 0,
		'Make a song: downloaded files although Download Results is off',
	);
	const taskId = String(json.taskId);
	checks.that(
		context.sim.record.tasks.has(taskId),
		`Make a song: ${taskId} is not a simulator task`,
	);
	return { taskId, audioId: String(tracks[0]?.id) };
}

/** A file written by Read/Write File: there, the bytes Kie serves at `url`, with its signature. */
async function checkWritten(
	context: ScenarioContext,
	fileName: string,
	url: string,
	signature: { at: number; text: string },
	checks: Checks,
): Promise<void> {
	const written = path.join(context.filesFolder, fileName);
	if (!checks.that(existsSync(written), `${written} was not written`)) return;
	const bytes = await readFile(written);
	const { at, text } = signature;
	checks.equal(
		bytes.subarray(at, at + text.length).toString('latin1'),
		text,
		`${fileName}: signature`,
	);
	checks.equal(sha256(bytes), sha256(await served(url)), `sha256 of ${fileName} vs ${url}`);
}

const MP3 = { at: 0, text: 'ID3' };
const MP4 = { at: 4, text: 'ftyp' };

export const sunoScenarios: Scenario[] = [
	{
		file: 'suno-separate-vocals-to-disk.json',
		workflowId: 'kieE2eSunoStems1',
		async check(context, execution, checks) {
			const song = checkSong(context, nodeOutput(execution, 'Make a song')[0], checks);
			checks.equal(
				bodiesOf(context, 'sunoGenerate'),
				[
					{
						prompt: LYRICS,
						style: 'Folk, acoustic guitar, warm male vocals',
						title: 'We Sail at Dawn',
						customMode: true,
						instrumental: false,
						model: 'V5',
						callBackUrl: PLACEHOLDER_CALLBACK,
					},
				],
				'Suno generate bodies',
			);
			checks.equal(
				bodiesOf(context, 'sunoVocalRemoval'),
				[{ ...song, type: 'separate_vocal', callBackUrl: PLACEHOLDER_CALLBACK }],
				'separate-vocals bodies (the song’s taskId and first track)',
			);

			// Split Results: one item per stem, each with its own "data" file.
			const stems = nodeOutput(execution, 'Separate vocals');
			checks.equal(stems.length, 2, 'Separate vocals: items (one per stem)');
			for (const [index, item] of stems.entries()) {
				const json = item.json;
				const label = `Separate vocals item ${index}`;
				checks.equal(
					[json.api, json.state, json.resultIndex],
					['suno-vocal-separation', 'success', index],
					`${label}: api, state, resultIndex`,
				);
				const byRole = (json.stems ?? {}) as Record<string, string>;
				checks.equal(Object.keys(byRole), ['vocals', 'instrumental'], `${label}: stems by role`);
				const role = Object.keys(byRole)[index];
				const url = byRole[role];
				checks.that(
					typeof url === 'string' && url.startsWith(context.sim.baseUrl),
					`${label}: ${role} URL ${url} is not the simulator's`,
				);
				const binary = item.binary?.data;
				checks.equal(binary?.mimeType, 'audio/mpeg', `${label}: data MIME type`);
				checks.equal(Object.keys(item.binary ?? {}), ['data'], `${label}: binary properties`);
				if (url) {
					await checks.section(`Save stems to disk (${role})`, () =>
						checkWritten(context, `${json.taskId}-${role}.mp3`, url, MP3, checks),
					);
				}
			}
			const vocals = (stems[0]?.json.stems ?? {}) as Record<string, string>;
			checks.that(vocals.vocals !== vocals.instrumental, 'the two stems are the same file');
			checkKey(context, checks);
		},
	},
	{
		file: 'suno-music-video-scheduled.json',
		workflowId: 'kieE2eSunoVideo1',
		async check(context, execution, checks) {
			const idea = String(nodeOutput(execution, "This week's song")[0]?.json.idea ?? '');
			checks.that(/^An upbeat indie-pop song/.test(idea), `This week's song: idea ${idea}`);
			const song = checkSong(context, nodeOutput(execution, 'Make a song')[0], checks);
			checks.equal(
				bodiesOf(context, 'sunoGenerate'),
				[
					{
						prompt: idea,
						customMode: false,
						instrumental: false,
						model: 'V5',
						callBackUrl: PLACEHOLDER_CALLBACK,
					},
				],
				'Suno generate bodies',
			);
			checks.equal(
				bodiesOf(context, 'sunoMp4'),
				[
					{
						...song,
						author: 'Harbour Band',
						domainName: 'harbourband.example',
						callBackUrl: PLACEHOLDER_CALLBACK,
					},
				],
				'music-video bodies (the song’s taskId and first track)',
			);
			const items = nodeOutput(execution, 'Make the music video');
			checks.equal(items.length, 1, 'Make the music video: items');
			const json = items[0]?.json ?? {};
			checks.equal(
				[json.api, json.state],
				['suno-music-video', 'success'],
				'Make the music video: api, state',
			);
			const urls = (json.resultUrls as string[] | undefined) ?? [];
			checks.equal(urls.length, 1, 'Make the music video: resultUrls');
			const binary = items[0]?.binary?.data;
			checks.equal(binary?.mimeType, 'video/mp4', 'Make the music video: data MIME type');
			checks.equal(binary?.fileName, `${json.taskId}_0.mp4`, 'Make the music video: file name');
			if (urls[0]) {
				await checks.section('Save the MP4', () =>
					checkWritten(context, `music-video-${json.taskId}.mp4`, urls[0], MP4, checks),
				);
			}
			checkKey(context, checks);
		},
	},
];
