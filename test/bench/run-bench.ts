/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * `npm run bench [-- --runs 3]`: the node against a naive baseline on the same simulated Kie work.
 *
 *   (a) batch: 100 items, 3 s generation, 20 creates per 2 s on simulator and credential
 *       (Kie's 20 per 10 s scaled 5×): wall time against the lower bound (11 s), 429s answered,
 *       the simulator's most creates per window, most tasks in flight.
 *   read cap: 60 images against a simulator enforcing Kie's 10 status requests per second, beside
 *       the same without the cap (see read-cap.ts; `--only readcap` runs it alone).
 *   (b) latency: 20 items, 8 s ± 25 % (uniform, seeded): how long after a task became final the
 *       node had its item, and polls per task; cold (a process that learned nothing) and warm
 *       (right after a batch of the same kind: what learned generation times are for).
 *
 * Each run is a fresh child process (so "cold" is cold); figures come from the simulator's own
 * record. Prints a table (min / median / max over the runs) and writes every run's JSON to
 * bench-output/bench.json. No figure here is asserted: timing lives in benchmarks, not tests.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A run that takes longer than this is stopped (the bench always ends by itself). */
const RUN_LIMIT_MS = 15 * 60_000;

const packageRoot = path.resolve(__dirname, '..', '..', '..');

/** `--video`: the video bench (see video.ts) instead of the image batch and latency benches. */
const VIDEO_BENCH = process.argv.includes('--video');

function argument(name: string): string | undefined {
	const index = process.argv.indexOf(name);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

async function child(outFile: string): Promise<void> {
	// Loaded only here: the harness and n8n-core belong to the measured process.
	if (VIDEO_BENCH) {
		writeFileSync(outFile, JSON.stringify(await (await import('./video')).runVideoOnce()));
		return;
	}
	const { runOnce, SCENARIOS } = await import('./scenarios');
	const only = argument('--only')?.split(',');
	const unknown = only?.filter((name) => !(SCENARIOS as readonly string[]).includes(name)) ?? [];
	if (unknown.length > 0)
		throw new Error(`--only: unknown ${unknown.join(', ')} (${SCENARIOS.join(', ')})`);
	const run = await runOnce(only as (typeof SCENARIOS)[number][] | undefined);
	writeFileSync(outFile, JSON.stringify(run));
}

async function runInChild(index: number, total: number): Promise<unknown> {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'kie-bench-'));
	const outFile = path.join(folder, 'run.json');
	process.stderr.write(`\nRun ${index + 1} of ${total}\n`);
	try {
		await new Promise<void>((resolve, reject) => {
			const only = argument('--only');
			const runner = spawn(
				process.execPath,
				[
					__filename,
					'--child',
					outFile,
					...(VIDEO_BENCH ? ['--video'] : []),
					...(only ? ['--only', only] : []),
				],
				{
					stdio: ['ignore', 'inherit', 'inherit'],
				},
			);
			const timer = setTimeout(() => {
				runner.kill('SIGKILL');
				reject(
					new Error(`Run ${index + 1} took more than ${RUN_LIMIT_MS / 1000} s and was stopped`),
				);
			}, RUN_LIMIT_MS);
			runner.on('exit', (code) => {
				clearTimeout(timer);
				if (code === 0) resolve();
				else reject(new Error(`Run ${index + 1} failed (exit code ${code})`));
			});
		});
		return JSON.parse(readFileSync(outFile, 'utf8')) as unknown;
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

/** Every numeric leaf as "a.b.c" → value. */
function numericLeaves(
	value: Json,
	prefix = '',
	into = new Map<string, number>(),
): Map<string, number> {
	if (typeof value === 'number') into.set(prefix, value);
	else if (value && typeof value === 'object' && !Array.isArray(value)) {
		for (const [key, child] of Object.entries(value)) {
			numericLeaves(child, prefix ? `${prefix}.${key}` : key, into);
		}
	}
	return into;
}

interface Spread {
	min: number;
	median: number;
	max: number;
}

function summarize(runs: Json[]): Record<string, Spread> {
	const byPath = new Map<string, number[]>();
	for (const run of runs) {
		for (const [key, value] of numericLeaves(run))
			byPath.set(key, [...(byPath.get(key) ?? []), value]);
	}
	const summary: Record<string, Spread> = {};
	for (const [key, values] of byPath) {
		const sorted = [...values].sort((a, b) => a - b);
		const middle = (sorted.length - 1) / 2;
		summary[key] = {
			min: sorted[0],
			median: (sorted[Math.floor(middle)] + sorted[Math.ceil(middle)]) / 2,
			max: sorted[sorted.length - 1],
		};
	}
	return summary;
}

function table(title: string, header: string[], rows: string[][]): string {
	const widths = header.map((cell, i) =>
		Math.max(cell.length, ...rows.map((row) => row[i].length)),
	);
	const line = (cells: string[]) =>
		cells
			.map((cell, i) => cell.padEnd(widths[i]))
			.join('  ')
			.trimEnd();
	return [
		title,
		line(header),
		widths.map((width) => '-'.repeat(width)).join('  '),
		...rows.map(line),
	].join('\n');
}

function report(summary: Record<string, Spread>, runs: number): string {
	const format = (value: number) =>
		Number.isInteger(value)
			? String(value)
			: Math.abs(value) >= 100
				? value.toFixed(0)
				: value.toFixed(2);
	const cell = (key: string) => {
		const spread = summary[key];
		if (!spread) return 'n/a';
		if (runs === 1 || spread.min === spread.max) return format(spread.median);
		return `${format(spread.min)} / ${format(spread.median)} / ${format(spread.max)}`;
	};
	const spreadNote = runs === 1 ? '1 run' : `${runs} runs: min / median / max`;

	const batchRows = [
		['wall time (s)', 'wallS', 'wallS', 'nodeWallOverBaselineWall', '≤ 13.2 (1.2 × 11 s)'],
		['wall ÷ lower bound 11 s', 'ratioToLowerBound', 'ratioToLowerBound', '', '≤ 1.2'],
		['item errors', 'itemErrors', 'itemErrors', '', '0'],
		['429s answered', 'answered429', 'answered429', '', '≤ 2'],
		['most creates in a 2 s window', 'maxCreatesPerWindow', 'maxCreatesPerWindow', '', '≤ 20'],
		['most tasks in flight', 'maxTasksInFlight', 'maxTasksInFlight', '', ''],
		['polls per task', 'pollsPerTask', 'pollsPerTask', '', ''],
	].map(([label, nodeKey, baselineKey, ratioKey, target]) => [
		label,
		cell(`batch.node.${nodeKey}`),
		cell(`batch.baseline.${baselineKey}`),
		ratioKey ? cell(`batch.${ratioKey}`) : '',
		target,
	]);

	const latencyRows = [
		['median (s): item had − task final', 'emittedOverheadMedianS', 'Median', '≤ 0.5'],
		['p95 (s): item had − task final', 'emittedOverheadP95S', 'P95', '≤ 1.5'],
		['median (s): poll saw final − task final', 'seenOverheadMedianS', '', ''],
		['polls per task', 'pollsPerTask', '', '≤ 6'],
		['item errors', 'itemErrors', '', '0'],
	].map(([label, key, ratioKey, target]) => [
		label,
		cell(`latency.cold.${key}`),
		cell(`latency.warm.${key}`),
		cell(`latency.baseline.${key}`),
		ratioKey
			? `${cell(`latency.baselineOverNode.cold${ratioKey}`)} | ${cell(`latency.baselineOverNode.warm${ratioKey}`)}`
			: '',
		target,
	]);

	const has = (prefix: string) => Object.keys(summary).some((key) => key.startsWith(prefix));
	const scale: string[] = [];
	if (has('coldStart.')) {
		scale.push(
			table(
				`cold start: three 6 s tasks in a fresh process (${spreadNote})`,
				['', 'node', 'target'],
				[
					['median (s): item had − task final', cell('coldStart.emittedOverheadMedianS'), '≤ 0.5'],
					['max (s): item had − task final', cell('coldStart.emittedOverheadMaxS'), ''],
					['polls per task (mean)', cell('coldStart.pollsPerTask'), '≤ 6'],
					['most polls of one task', cell('coldStart.mostPollsOfATask'), '≤ 6'],
					['item errors', cell('coldStart.itemErrors'), '0'],
				],
			),
			'',
		);
	}
	if (has('readCap.')) {
		const row = (label: string, key: string, target: string) => [
			label,
			cell(`readCap.capped.${key}`),
			cell(`readCap.uncapped.${key}`),
			target,
		];
		scale.push(
			table(
				`read cap: 60 images, 6 s ± 25 %, 20 creates per 2 s, credential 10 status requests per s (${spreadNote})`,
				['', 'simulator capped at 10/s', 'without the cap', 'target (capped)'],
				[
					row('items', 'items', '60'),
					row('status requests', 'statusRequests', ''),
					row('answered 429', 'statusAnswered429', ''),
					row('share answered 429', 'statusShare429', '≤ 0.02'),
					row('most accepted in any 1 s', 'maxStatusAcceptedInAnySecond', '≤ 10'),
					row('median (s): item had − task final', 'emittedOverheadMedianS', '≤ 1.5'),
					row('p95 (s): item had − task final', 'emittedOverheadP95S', ''),
					row('polls per task', 'pollsPerTask', ''),
					row('wall time (s)', 'wallS', ''),
					row('create bound (s)', 'createBoundS', ''),
					row('wall ÷ create bound', 'ratioToCreateBound', '≤ 1.2'),
					row('first create → last download (s)', 'simWallS', ''),
					row('load average (1 min) before', 'loadAverage1mBefore', ''),
				],
			),
			'',
		);
	}
	if (has('overClaim.')) {
		scale.push(
			table(
				`over-claim: 60 items, account 5 per 2 s, credential 20 per 2 s, 1 s generation (${spreadNote})`,
				['', 'node', 'target'],
				[
					['wall time (s)', cell('overClaim.wallS'), '≤ 29.9 (1.3 × 23 s)'],
					['wall ÷ lower bound 23 s', cell('overClaim.ratioToLowerBound'), '≤ 1.3'],
					['create requests', cell('overClaim.createRequests'), ''],
					['answered 429', cell('overClaim.answered429'), ''],
					['share answered 429', cell('overClaim.share429'), '≤ 0.25'],
					['most creates accepted in a 2 s window', cell('overClaim.maxCreatesPerWindow'), '≤ 5'],
					['item errors', cell('overClaim.itemErrors'), '0'],
					['tasks created', cell('overClaim.tasksCreated'), '60'],
				],
			),
			'',
		);
	}
	if (has('queueMode.')) {
		const row = (label: string, key: string, target: string) => [
			label,
			cell(`queueMode.shipped.${key}`),
			cell(`queueMode.previous.${key}`),
			target,
		];
		scale.push(
			table(
				`queue mode: 200 items, 4 webhook executions on 2 workers, 20 per 2 s on simulator and credential, status capped at 10 per s, 3 s generation (${spreadNote})`,
				['', 'shipped limiter', 'previous limiter', 'target (shipped)'],
				[
					row('wall time (s), first POST → last answer', 'wallS', '≤ 26.25 (1.25 × 21 s)'),
					row('wall ÷ lower bound 21 s', 'ratioToLowerBound', '≤ 1.25'),
					row('wall ÷ read-capped bound 22.9 s', 'ratioToReadCapBound', ''),
					row('items', 'items', '200'),
					row('item errors', 'itemErrors', '0'),
					row('create requests', 'createRequests', ''),
					row('answered 429', 'answered429', ''),
					row('share answered 429', 'share429', '≤ 0.15'),
					row('most creates accepted in a 2 s window', 'maxCreatesPerWindow', '≤ 20'),
					row('status requests', 'statusRequests', ''),
					row('status answered 429', 'statusAnswered429', ''),
					row('share of status answered 429', 'statusShare429', '≤ 0.02'),
					row('most status accepted in any 1 s', 'maxStatusRequestsPerSecond', '≤ 10'),
					row('duplicate creates', 'duplicates', '0'),
					row('lost tasks', 'lostTasks', '0'),
					row('executions on worker 1 (of 4)', 'executionsOnWorker1', ''),
					row('start-up (s): pack, install, import, main + workers', 'startupS', ''),
					row('failed checks', 'failedChecks', '0'),
				],
			),
			'',
		);
	}
	if (!has('batch.')) {
		return [
			...scale,
			`machine: load average (1 min) before ${cell('machine.loadAverage1mBefore')}`,
		].join('\n');
	}

	return [
		...scale,
		table(
			`(a) batch: 100 items, 3 s generation, 20 creates per 2 s on simulator and credential (${spreadNote})`,
			['', 'node', 'baseline (10 items run, × 10)', 'node ÷ baseline', 'target'],
			batchRows,
		),
		'',
		table(
			`(b) latency: 20 items, 8 s ± 25 % (${spreadNote})`,
			['', 'node cold', 'node warm', 'baseline', 'baseline ÷ node (cold | warm)', 'target'],
			latencyRows,
		),
		'',
		`machine noise: the identical baseline item (create, wait 5 s, poll, download) repeated 10× per run: ` +
			`spread ${cell('noise.baselineItemSpreadMs')} ms, std dev ${cell('noise.baselineItemStdDevMs')} ms; ` +
			`result download ${cell('noise.downloadTransferMedianMs')} ms`,
		'"item had" = the simulator received the download of the task\'s result + the measured transfer time; ' +
			'"task final" = the simulator\'s finish time; "in flight" = created and not yet seen final by a poll.',
	].join('\n');
}

async function main(): Promise<void> {
	const childOut = argument('--child');
	if (childOut) {
		await child(childOut);
		// The engine and the simulator's connection pool may keep timers alive; the run is done.
		process.exit(0);
	}

	const runs = Math.max(1, Math.min(5, Number(argument('--runs') ?? 1) || 1));
	// `--only memory`: the n8n process's peak memory with large downloads (memory.ts).
	if (argument('--only') === 'memory') {
		await (await import('./memory')).runMemoryBench(runs, argument('--package'));
		return;
	}
	const startedAt = Date.now();
	const results: Json[] = [];
	for (let index = 0; index < runs; index++) results.push((await runInChild(index, runs)) as Json);
	if (VIDEO_BENCH) {
		const { videoReport } = await import('./video');
		const outputDir = path.join(packageRoot, 'bench-output');
		mkdirSync(outputDir, { recursive: true });
		writeFileSync(
			path.join(outputDir, 'bench-video.json'),
			`${JSON.stringify(results, null, '\t')}\n`,
		);
		console.log(videoReport(results as unknown as Parameters<typeof videoReport>[0]));
		return;
	}
	const summary = summarize(results);
	const outputDir = path.join(packageRoot, 'bench-output');
	mkdirSync(outputDir, { recursive: true });
	const output = {
		date: new Date().toISOString(),
		runs: results.length,
		durationS: Math.round((Date.now() - startedAt) / 1000),
		definitions: {
			lowerBound: '(100 − 20) / 20 × 2 s + 3 s = 11 s',
			itemHad:
				"arrival at the simulator of the download of the task's (last) result file + the median transfer time of the same files in that run",
			taskFinal: "the simulator's finish time of the task (its state is final from then on)",
			seen: 'arrival of the first poll answered with the final state',
			inFlight:
				'most tasks of the run at one moment between their creation and the first poll that saw them final (simulator times)',
			maxCreatesPerWindow:
				'accepted creates by arrival time in any 2 s window, as the simulator counts',
			cold: 'a fresh process: nothing learned',
			warm: 'the same 20 items again right after the cold batch, in the same process (learned times are process-wide)',
			baselineBatch:
				'10 of the 100 items, one after another, each create → poll every 5 s → download; wall extrapolated × 10',
			baselineLatency:
				'the 20 items, each create → poll every 5 s → download, run side by side (per-item figures are those of a one-after-another run)',
			ratios: 'computed per run against the baseline measured in the same run',
		},
		summary,
		results,
	};
	writeFileSync(path.join(outputDir, 'bench.json'), `${JSON.stringify(output, null, '\t')}\n`);
	console.log(JSON.stringify({ summary }, null, '\t'));
	console.log(`\n${report(summary, results.length)}`);
	console.log(
		`\n${results.length} run(s) in ${output.durationS} s; every figure in bench-output/bench.json`,
	);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
