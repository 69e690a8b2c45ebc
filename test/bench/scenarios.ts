/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * One benchmark run, in one fresh process (so "cold" means nothing learned): the simulator in
 * process, the node through n8n's engine (test/harness, the engine users run), the naive baseline
 * with plain HTTP, all on the same simulated work. Returns the figures as plain JSON.
 */
import os from 'node:os';

import { kieCredentials, runWorkflow } from '../harness';
import { startSimulator } from '../simulator';
import type { KieSimulator } from '../simulator';
import { kieWorkflow } from '../helpers/workflow';
import { mean } from '../helpers/mean';
import { BASELINE_POLL_MS, runBaselineItem, runBaselineSequential } from './baseline';
import { runReadCap } from './read-cap';
import { runColdStart, runOverClaim, runQueueModeBench } from './scale-scenarios';
import {
	answered429,
	createRequests,
	maxCreatesPerWindow,
	maxOverlap,
	perTaskLines,
	quantile,
	standardDeviation,
	timelines,
	type TaskTimeline,
} from './metrics';
import { seededRandom } from '../simulator/state';

export const BATCH = {
	items: 100,
	generationMs: 3000,
	limit: { max: 20, windowMs: 2000 },
	/** (100 − 20) / 20 · 2 s + 3 s: the last 20 creates cannot start before 8 s, then take 3 s. */
	lowerBoundMs: ((100 - 20) / 20) * 2000 + 3000,
	baselineItems: 10,
};

export const LATENCY = { items: 20, generationMs: 8000, spread: 0.25, seed: 20240611 };

const KEYS = {
	batch: 'bench-node-batch',
	cold: 'bench-node-latency-cold',
	warm: 'bench-node-latency-warm',
	baselineBatch: 'bench-baseline-batch',
	baselineLatency: 'bench-baseline-latency',
};

const MODEL = 'nano-banana-pro';
/** The kinds learned apart: model + resolution. The batch and the latency scenario differ. */
const BATCH_RESOLUTION = '1K';
const LATENCY_RESOLUTION = '2K';
const WORKFLOW_TIMEOUT_MS = 180_000;

const seconds = (ms: number) => Math.round(ms) / 1000;

interface NodeRun {
	wallMs: number;
	status: string;
	error?: string;
	items: number;
	itemErrors: number;
}

async function runNode(
	sim: KieSimulator,
	apiKey: string,
	prompts: string[],
	resolution: string,
): Promise<NodeRun> {
	const workflow = kieWorkflow(
		{
			resource: 'image',
			operation: 'generate',
			model: MODEL,
			prompt: '={{ $json.prompt }}',
			resolution,
		},
		{ items: prompts.map((prompt) => ({ json: { prompt } })) },
	);
	const startedAt = Date.now();
	const result = await runWorkflow(workflow, {
		credentials: {
			kieApi: kieCredentials(sim, {
				apiKey,
				maxNewTasks: BATCH.limit.max,
				maxNewTasksWindow: BATCH.limit.windowMs / 1000,
			}),
		},
		timeoutMs: WORKFLOW_TIMEOUT_MS,
	});
	const wallMs = Date.now() - startedAt;
	if (result.status !== 'success') {
		return {
			wallMs,
			status: result.status,
			error: result.error?.message,
			items: 0,
			itemErrors: prompts.length,
		};
	}
	const items = result.outputOf('Kie');
	const itemErrors = items.filter(
		(item, index) =>
			item.json.error !== undefined ||
			item.json.state !== 'success' ||
			!item.binary?.data ||
			(item.pairedItem as { item: number } | undefined)?.item !== index,
	).length;
	return {
		wallMs,
		status: result.status,
		items: items.length,
		itemErrors: itemErrors + prompts.length - items.length,
	};
}

/**
 * Latency figures per task, from the simulator's record:
 * seen = the first poll answered with the final state − the moment the task became final;
 * emitted = the download of the task's results started + the transfer time (measured by the
 * baseline's identical downloads in the same run) − the moment the task became final.
 */
function latencyFigures(tasks: TaskTimeline[], transferMs: number) {
	const seen = tasks.map((task) => (task.seenAt ?? NaN) - task.finishedAt);
	const emitted = tasks.map(
		(task) => (task.downloadStartedAt ?? NaN) + transferMs - task.finishedAt,
	);
	return {
		tasks: tasks.length,
		emittedOverheadMedianS: seconds(quantile(emitted, 0.5)),
		emittedOverheadP95S: seconds(quantile(emitted, 0.95)),
		emittedOverheadMaxS: seconds(Math.max(...emitted)),
		seenOverheadMedianS: seconds(quantile(seen, 0.5)),
		seenOverheadP95S: seconds(quantile(seen, 0.95)),
		pollsPerTask: Math.round(mean(tasks.map((task) => task.polls)) * 100) / 100,
		perTask: perTaskLines(tasks),
	};
}

function log(message: string): void {
	process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function runClassic() {
	const latencyDurations = new Map<string, number>();
	const random = seededRandom(LATENCY.seed);
	const latencyPrompts = Array.from({ length: LATENCY.items }, (_, index) => {
		const prompt = `Latency picture ${index}`;
		const factor = 1 - LATENCY.spread + 2 * LATENCY.spread * random();
		latencyDurations.set(prompt, Math.round(LATENCY.generationMs * factor));
		return prompt;
	});
	const batchPrompts = Array.from({ length: BATCH.items }, (_, index) => `Batch picture ${index}`);

	const sim = await startSimulator({
		apiKeys: Object.values(KEYS),
		createLimit: BATCH.limit,
		generationMs: ({ input }) => latencyDurations.get(String(input.prompt)) ?? BATCH.generationMs,
		credits: 10_000_000,
	});
	const loadBefore = os.loadavg()[0];
	try {
		// (b) first, in a process that has learned nothing; then the same work again, warm.
		log('latency, cold: 20 items, 8 s ± 25 %');
		const cold = await runNode(sim, KEYS.cold, latencyPrompts, LATENCY_RESOLUTION);
		log(`  ${seconds(cold.wallMs)} s`);
		log('latency, warm: the same 20 items again');
		const warm = await runNode(sim, KEYS.warm, latencyPrompts, LATENCY_RESOLUTION);
		log(`  ${seconds(warm.wallMs)} s`);

		log('batch: 100 items, 3 s, 20 creates per 2 s');
		const batch = await runNode(sim, KEYS.batch, batchPrompts, BATCH_RESOLUTION);
		log(`  ${seconds(batch.wallMs)} s`);

		log(
			`baselines: ${BATCH.baselineItems} batch items one after another; the 20 latency items side by side`,
		);
		const body = (prompt: string, resolution: string) => ({
			model: MODEL,
			input: { prompt, resolution, aspect_ratio: '1:1', output_format: 'png' },
		});
		const baselineStartedAt = Date.now();
		const [baselineBatch, baselineLatency] = await Promise.all([
			runBaselineSequential(
				sim.baseUrl,
				KEYS.baselineBatch,
				batchPrompts.slice(0, BATCH.baselineItems).map((prompt) => body(prompt, BATCH_RESOLUTION)),
			),
			Promise.all(
				latencyPrompts.map(
					async (prompt) =>
						await runBaselineItem(
							sim.baseUrl,
							KEYS.baselineLatency,
							body(prompt, LATENCY_RESOLUTION),
						),
				),
			),
		]);
		log(`  ${seconds(Date.now() - baselineStartedAt)} s`);

		const transferMs = quantile(
			[...baselineBatch, ...baselineLatency].map((item) => item.downloadMs),
			0.5,
		);
		const batchTasks = timelines(sim, KEYS.batch);
		const baselineBatchTasks = timelines(sim, KEYS.baselineBatch);
		const baselineItemMs = baselineBatch.map((item) => item.itemMs);
		const baselineWallExtrapolatedMs = mean(baselineItemMs) * BATCH.items;
		const inFlight = (tasks: TaskTimeline[]) =>
			maxOverlap(
				tasks.map((task) => ({ from: task.createdAt, to: task.seenAt ?? task.finishedAt })),
			);

		const coldFigures = latencyFigures(timelines(sim, KEYS.cold), transferMs);
		const warmFigures = latencyFigures(timelines(sim, KEYS.warm), transferMs);
		const baselineLatencyFigures = latencyFigures(timelines(sim, KEYS.baselineLatency), transferMs);
		const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

		return {
			machine: {
				cpus: os.cpus().length,
				loadAverage1mBefore: Math.round(loadBefore * 100) / 100,
				node: process.version,
			},
			batch: {
				node: {
					status: batch.status,
					error: batch.error,
					wallS: seconds(batch.wallMs),
					lowerBoundS: seconds(BATCH.lowerBoundMs),
					ratioToLowerBound: ratio(batch.wallMs, BATCH.lowerBoundMs),
					items: batch.items,
					itemErrors: batch.itemErrors,
					answered429: answered429(sim, KEYS.batch),
					createRequests: createRequests(sim, KEYS.batch),
					maxCreatesPerWindow: maxCreatesPerWindow(sim, KEYS.batch, BATCH.limit.windowMs),
					maxTasksInFlight: inFlight(batchTasks),
					pollsPerTask: Math.round(mean(batchTasks.map((task) => task.polls)) * 100) / 100,
					seenOverheadMedianS: seconds(
						quantile(
							batchTasks.map((task) => (task.seenAt ?? NaN) - task.finishedAt),
							0.5,
						),
					),
				},
				baseline: {
					itemsRun: baselineBatch.length,
					itemErrors: baselineBatch.filter((item) => item.error).length,
					wallMeasuredS: seconds(baselineItemMs.reduce((sum, ms) => sum + ms, 0)),
					wallS: seconds(baselineWallExtrapolatedMs),
					wallIsExtrapolated: `${BATCH.baselineItems} of ${BATCH.items} items run one after another; wall = their mean item time × ${BATCH.items}`,
					ratioToLowerBound: ratio(baselineWallExtrapolatedMs, BATCH.lowerBoundMs),
					answered429: answered429(sim, KEYS.baselineBatch),
					maxCreatesPerWindow: maxCreatesPerWindow(sim, KEYS.baselineBatch, BATCH.limit.windowMs),
					maxTasksInFlight: inFlight(baselineBatchTasks),
					pollsPerTask: Math.round(mean(baselineBatchTasks.map((task) => task.polls)) * 100) / 100,
				},
				nodeWallOverBaselineWall: ratio(batch.wallMs, baselineWallExtrapolatedMs),
			},
			latency: {
				cold: { wallS: seconds(cold.wallMs), itemErrors: cold.itemErrors, ...coldFigures },
				warm: { wallS: seconds(warm.wallMs), itemErrors: warm.itemErrors, ...warmFigures },
				baseline: {
					itemErrors: baselineLatency.filter((item) => item.error).length,
					ranSideBySide:
						'each item is create → poll every 5 s → download, independent of the others; run side by side to keep the bench short (per-item figures equal the one-after-another run)',
					...baselineLatencyFigures,
				},
				baselineOverNode: {
					coldMedian: ratio(
						baselineLatencyFigures.emittedOverheadMedianS,
						coldFigures.emittedOverheadMedianS,
					),
					warmMedian: ratio(
						baselineLatencyFigures.emittedOverheadMedianS,
						warmFigures.emittedOverheadMedianS,
					),
					coldP95: ratio(
						baselineLatencyFigures.emittedOverheadP95S,
						coldFigures.emittedOverheadP95S,
					),
					warmP95: ratio(
						baselineLatencyFigures.emittedOverheadP95S,
						warmFigures.emittedOverheadP95S,
					),
				},
			},
			noise: {
				what: `the same baseline item (create, wait ${BASELINE_POLL_MS / 1000} s, poll, download; 3 s generation) repeated ${baselineBatch.length} times`,
				baselineItemMinS: seconds(Math.min(...baselineItemMs)),
				baselineItemMaxS: seconds(Math.max(...baselineItemMs)),
				baselineItemSpreadMs: Math.max(...baselineItemMs) - Math.min(...baselineItemMs),
				baselineItemStdDevMs: Math.round(standardDeviation(baselineItemMs) * 10) / 10,
				downloadTransferMedianMs: Math.round(transferMs * 10) / 10,
			},
		};
	} finally {
		await sim.stop();
	}
}

export const SCENARIOS = ['cold', 'classic', 'readcap', 'overclaim', 'queue'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** The selected scenarios; the cold start first, while the process has learned nothing. */
export async function runOnce(selected: readonly ScenarioName[] = SCENARIOS) {
	const has = (name: ScenarioName) => selected.includes(name);
	const run: Record<string, unknown> = {};
	if (has('cold')) {
		log('cold start: three 6 s tasks in a fresh process');
		run.coldStart = await runColdStart();
	}
	if (has('classic')) Object.assign(run, await runClassic());
	if (has('readcap')) run.readCap = await runReadCap(log);
	if (has('overclaim')) {
		log('over-claim: 60 items, account 5 per 2 s, credential 20 per 2 s, 1 s generation');
		run.overClaim = await runOverClaim();
	}
	if (has('queue')) run.queueMode = await runQueueModeBench(log);
	run.machine ??= {
		cpus: os.cpus().length,
		loadAverage1mBefore: Math.round(os.loadavg()[0] * 100) / 100,
		node: process.version,
	};
	return run;
}

export type BenchRun = Awaited<ReturnType<typeof runOnce>>;
