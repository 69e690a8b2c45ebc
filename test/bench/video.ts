/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * `npm run bench -- --video [--runs 3]`: 20 Veo 3.1 videos whose generation takes 60 s ± 25 %
 * (uniform, seeded), the simulator capping status requests at Kie's 10 per second per key, in real time (not scaled: the poll planner's floors and ceilings are absolute
 * times, so scaling the generation would change what is measured). Each run is a fresh child
 * process, so the node is cold (nothing learned). Beside it, in the same run and simulator, a
 * baseline creates the same 20 videos and polls each every 10 s, side by side.
 *
 * Per task: polls (record-info requests) and the overhead "item emitted − task finished", where
 * emitted = the simulator received the download of the video + the median transfer time of the
 * same files in that run (the baseline's downloads), and finished = the simulator's finish time.
 */
import os from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { request } from 'undici';

import { kieCredentials, runWorkflow } from '../harness';
import { KIE_STATUS_LIMIT, startSimulator, type KieSimulator } from '../simulator';
import { answeredRateLimit } from '../simulator/record';
import { kieWorkflow } from '../helpers/workflow';
import { mean } from '../helpers/mean';
import { quantile } from './metrics';
import { seededRandom } from '../simulator/state';

export const VIDEO = {
	items: 20,
	generationMs: 60_000,
	spread: 0.25,
	seed: 20261201,
	baselinePollMs: 10_000,
};
const KEYS = { node: 'bench-video-node', baseline: 'bench-video-baseline' };

async function callJson(url: string, apiKey: string, body?: unknown): Promise<any> {
	const response = await request(url, {
		method: body ? 'POST' : 'GET',
		headers: {
			authorization: `Bearer ${apiKey}`,
			...(body ? { 'content-type': 'application/json' } : {}),
		},
		body: body ? JSON.stringify(body) : undefined,
	});
	return await response.body.json();
}

/** Create, poll every 10 s until final, download: what a fixed-interval poller does. */
async function baselineItem(
	sim: KieSimulator,
	prompt: string,
): Promise<{ downloadMs: number; ok: boolean }> {
	const created = await callJson(`${sim.baseUrl}/api/v1/veo/generate`, KEYS.baseline, {
		prompt,
		model: 'veo3_fast',
	});
	const taskId = created?.data?.taskId as string;
	for (let poll = 0; poll < 30; poll++) {
		await delay(VIDEO.baselinePollMs);
		const record = await callJson(
			`${sim.baseUrl}/api/v1/veo/record-info?taskId=${taskId}`,
			KEYS.baseline,
		);
		if (record?.data?.successFlag === 1) {
			const startedAt = Date.now();
			for (const url of record.data.response.resultUrls as string[])
				await (await request(url)).body.arrayBuffer();
			return { downloadMs: Date.now() - startedAt, ok: true };
		}
		if (record?.data?.successFlag >= 2) break;
	}
	return { downloadMs: 0, ok: false };
}

function figures(sim: KieSimulator, apiKey: string, transferMs: number) {
	const downloads = new Map<string, number>();
	for (const entry of sim.record.requests) {
		const match =
			entry.endpoint === 'file' ? /\/files\/video\/([0-9a-f]+)\//.exec(entry.path) : null;
		if (match) downloads.set(match[1], Math.max(downloads.get(match[1]) ?? 0, entry.arrivedAt));
	}
	const tasks = [...sim.record.tasks.values()].filter((task) => task.apiKey === apiKey);
	const overhead = tasks.map(
		(task) => (downloads.get(task.taskId) ?? NaN) + transferMs - task.finishAt,
	);
	const generation = tasks.map((task) => task.finishAt - task.createdAt);
	const share = overhead.map((ms, index) => ms / generation[index]);
	const s = (ms: number) => Math.round(ms) / 1000;
	return {
		tasks: tasks.length,
		pollsPerTask: Math.round(mean(tasks.map((task) => task.polls)) * 100) / 100,
		overheadMedianS: s(quantile(overhead, 0.5)),
		overheadP95S: s(quantile(overhead, 0.95)),
		overheadMedianPctOfGeneration: Math.round(quantile(share, 0.5) * 10_000) / 100,
		generationMedianS: s(quantile(generation, 0.5)),
		statusAnswered429: sim.record.requests.filter(
			(entry) =>
				entry.endpoint === 'veoRecordInfo' &&
				entry.headers.authorization === `Bearer ${apiKey}` &&
				answeredRateLimit(entry),
		).length,
	};
}

export async function runVideoOnce() {
	const random = seededRandom(VIDEO.seed);
	const durations = new Map<string, number>();
	const prompts = Array.from({ length: VIDEO.items }, (_, index) => {
		const prompt = `A paper boat on a river, take ${index}`;
		durations.set(
			prompt,
			Math.round(VIDEO.generationMs * (1 - VIDEO.spread + 2 * VIDEO.spread * random())),
		);
		return prompt;
	});
	const sim = await startSimulator({
		apiKeys: Object.values(KEYS),
		generationMs: ({ input }) => durations.get(String(input.prompt)) ?? VIDEO.generationMs,
		credits: 10_000_000,
		statusLimit: KIE_STATUS_LIMIT,
	});
	const loadAverage1mBefore = Math.round(os.loadavg()[0] * 100) / 100;
	try {
		const workflow = kieWorkflow(
			{
				resource: 'video',
				operation: 'generate',
				model: 'veo3_fast',
				prompt: '={{ $json.prompt }}',
			},
			{ items: prompts.map((prompt) => ({ json: { prompt } })) },
		);
		const [node, baseline] = await Promise.all([
			runWorkflow(workflow, {
				credentials: { kieApi: kieCredentials(sim, { apiKey: KEYS.node }) },
				timeoutMs: 300_000,
			}),
			Promise.all(prompts.map(async (prompt) => await baselineItem(sim, prompt))),
		]);
		const items = node.status === 'success' ? node.outputOf('Kie') : [];
		const transferMs = quantile(
			baseline.filter((item) => item.ok).map((item) => item.downloadMs),
			0.5,
		);
		return {
			node: {
				status: node.status,
				itemErrors:
					VIDEO.items -
					items.filter(
						(item) => item.json.state === 'success' && item.binary?.data?.mimeType === 'video/mp4',
					).length,
				...figures(sim, KEYS.node, transferMs),
			},
			baseline: {
				itemErrors: baseline.filter((item) => !item.ok).length,
				...figures(sim, KEYS.baseline, transferMs),
			},
			transferMedianMs: Math.round(transferMs * 10) / 10,
			loadAverage1mBefore,
		};
	} finally {
		await sim.stop();
	}
}

type Row = Awaited<ReturnType<typeof runVideoOnce>>;

/** The table over the runs: min / median / max of each figure. */
export function videoReport(runs: Row[]): string {
	const spread = (values: number[]) => {
		const sorted = [...values].sort((a, b) => a - b);
		const mid = (sorted.length - 1) / 2;
		const median = (sorted[Math.floor(mid)] + sorted[Math.ceil(mid)]) / 2;
		return runs.length === 1
			? `${median}`
			: `${sorted[0]} / ${median} / ${sorted[sorted.length - 1]}`;
	};
	const rows: Array<[string, keyof Row['node'], string]> = [
		['median overhead (s): item emitted − task finished', 'overheadMedianS', ''],
		['p95 overhead (s)', 'overheadP95S', ''],
		['median overhead, % of generation time', 'overheadMedianPctOfGeneration', '≤ 2 %'],
		['polls per task (mean)', 'pollsPerTask', '≤ 12'],
		['item errors', 'itemErrors', '0'],
		['status requests answered 429', 'statusAnswered429', ''],
		['median generation time (s)', 'generationMedianS', ''],
	];
	const header = ['', 'node (cold)', 'baseline (poll every 10 s)', 'target'];
	const body = rows.map(([label, key, target]) => [
		label,
		spread(runs.map((run) => Number(run.node[key]))),
		spread(runs.map((run) => Number((run.baseline as Record<string, unknown>)[key]))),
		target,
	]);
	const widths = header.map((cell, i) =>
		Math.max(cell.length, ...body.map((row) => row[i].length)),
	);
	const line = (cells: string[]) =>
		cells
			.map((cell, i) => cell.padEnd(widths[i]))
			.join('  ')
			.trimEnd();
	return [
		`Video: ${VIDEO.items} Veo 3.1 videos, 60 s ± 25 % generation, real time (${runs.length} run(s)${runs.length > 1 ? ': min / median / max' : ''})`,
		line(header),
		widths.map((width) => '-'.repeat(width)).join('  '),
		...body.map(line),
		`transfer time of one result (median, ms): ${spread(runs.map((run) => run.transferMedianMs))}`,
		`load average (1 min) before each run: ${runs.map((run) => run.loadAverage1mBefore).join(', ')}`,
	].join('\n');
}
