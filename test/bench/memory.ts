/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * `npm run bench -- --only memory [--runs 3] [--package <tgz>]`: the n8n process's peak memory
 * while the node downloads large results, in n8n's filesystem binary mode (n8n 2.x's default).
 *
 *   images: 40 items, each a ~10 MB PNG result
 *   videos: 3 items, each a ~150 MB MP4 result
 *
 * Each case runs `n8n execute` of the same workflow twice, Download Results on and off, and the
 * figure is the difference of the two peak RSS values (GNU time's %M: the process's high-water
 * mark, so nothing between two samples is missed). The package is packed from this checkout, or
 * `--package` names a tarball (e.g. an earlier commit's `npm pack`) for a before/after. The
 * machine is shared: `uptime` is printed before and after, and every run's figures are in
 * bench-output/bench-memory.json. Nothing here is asserted.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
	installAsCommunityPackage,
	packPackage,
	type PackageManifest,
	type PackedPackage,
} from '../e2e/community-package';
import {
	ensureN8n,
	freePort,
	n8nEnvironment,
	N8nCli,
	nodeOutput,
	parseExecution,
} from '../e2e/n8n';
import { runCommand, tail } from '../e2e/processes';
import { startSimulator } from '../simulator';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const MB = 1024 * 1024;

interface MemoryCase {
	name: 'images' | 'videos';
	items: number;
	fileBytes: number;
	/** Peak RSS with downloads minus without, at most (the issue's target), MB. */
	targetMb: number;
	parameters: Record<string, unknown>;
}

const CASES: MemoryCase[] = [
	{
		name: 'images',
		items: 40,
		fileBytes: 10 * MB,
		targetMb: 150,
		parameters: { resource: 'image', operation: 'generate', model: 'nano-banana-pro' },
	},
	{
		name: 'videos',
		items: 3,
		fileBytes: 150 * MB,
		targetMb: 100,
		parameters: { resource: 'video', operation: 'generate', model: 'veo3_fast' },
	},
];

function workflowId(memoryCase: MemoryCase, download: boolean): string {
	return `kieMem${memoryCase.name === 'images' ? 'Img' : 'Vid'}${download ? 'On0' : 'Off'}`.padEnd(
		16,
		'0',
	);
}

/** Manual trigger → the prompts as items → the Kie node, downloads on or off. */
function workflow(memoryCase: MemoryCase, download: boolean): Record<string, unknown> {
	const prompts = Array.from({ length: memoryCase.items }, (_, i) => `memory ${i}`);
	return {
		id: workflowId(memoryCase, download),
		name: `memory ${memoryCase.name} downloads ${download ? 'on' : 'off'}`,
		active: false,
		settings: {},
		connections: {
			Start: { main: [[{ node: 'Prompts', type: 'main', index: 0 }]] },
			Prompts: { main: [[{ node: 'One item per prompt', type: 'main', index: 0 }]] },
			'One item per prompt': { main: [[{ node: 'Kie', type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: 'm1',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'm2',
				name: 'Prompts',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [200, 0],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ prompts }) },
			},
			{
				id: 'm3',
				name: 'One item per prompt',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [400, 0],
				parameters: { fieldToSplitOut: 'prompts', options: { destinationFieldName: 'prompt' } },
			},
			{
				id: 'm4',
				name: 'Kie',
				type: 'n8n-nodes-kie.kie',
				typeVersion: 1,
				position: [600, 0],
				parameters: {
					...memoryCase.parameters,
					prompt: '={{ $json.prompt }}',
					downloadResults: download,
					options: { pollInterval: 0.5 },
				},
				credentials: { kieApi: { id: 'kieMemCredential', name: 'Kie.ai account' } },
			},
		],
	};
}

interface CaseRun {
	peakRssMbWithDownloads: number;
	peakRssMbWithout: number;
	extraMb: number;
	itemsWithFile: number;
	filesStored: number;
}

function uptime(): string {
	return execFileSync('uptime', { encoding: 'utf8' }).trim();
}

/** `n8n execute` under GNU time: peak RSS (MB) and the Kie node's items. */
async function executeMeasured(
	n8nBinary: string,
	env: NodeJS.ProcessEnv,
	id: string,
): Promise<{ peakRssMb: number; items: ReturnType<typeof nodeOutput> }> {
	const result = await runCommand(
		'/usr/bin/time',
		['-f', 'peak-rss-kb %M', n8nBinary, 'execute', `--id=${id}`, '--rawOutput'],
		{ env: { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) }, timeoutMs: 600_000 },
	);
	const peak = /peak-rss-kb (\d+)/.exec(result.stderr);
	const execution = parseExecution(result.stdout);
	if (!peak || !execution) {
		throw new Error(
			`n8n execute --id=${id} (exit ${result.code}):\n${tail(`${result.stdout}\n${result.stderr}`)}`,
		);
	}
	return { peakRssMb: Number(peak[1]) / 1024, items: nodeOutput(execution, 'Kie') };
}

function spread(values: number[]): string {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = (sorted.length - 1) / 2;
	const median = (sorted[Math.floor(middle)] + sorted[Math.ceil(middle)]) / 2;
	const format = (value: number) => value.toFixed(0);
	return sorted.length === 1
		? format(median)
		: `${format(sorted[0])} / ${format(median)} / ${format(sorted[sorted.length - 1])}`;
}

async function givenPackage(tarball: string): Promise<PackedPackage> {
	const manifest = JSON.parse(
		execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
	) as PackageManifest;
	return { tarball, manifest, files: [] };
}

export async function runMemoryBench(runs: number, tarball?: string): Promise<void> {
	const uptimeBefore = uptime();
	process.stdout.write(`memory bench, ${runs} run(s); uptime before: ${uptimeBefore}\n`);
	const n8nBinary = ensureN8n(repoRoot);
	const work = await mkdtemp(path.join(tmpdir(), 'kie-bench-memory-'));
	const sim = await startSimulator({
		generationMs: 1000,
		createLimit: { max: 1000, windowMs: 1000 },
	});
	try {
		const userFolder = path.join(work, 'user');
		const packed = tarball ? await givenPackage(tarball) : await packPackage(repoRoot, work);
		await installAsCommunityPackage(packed, userFolder);
		const env = n8nEnvironment({
			userFolder,
			filesFolder: path.join(work, 'files'),
			extra: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' },
		});
		const n8n = new N8nCli(n8nBinary, env);
		const credentialFile = path.join(work, 'credentials.json');
		await writeFile(
			credentialFile,
			JSON.stringify([
				{
					id: 'kieMemCredential',
					name: 'Kie.ai account',
					type: 'kieApi',
					data: {
						apiKey: 'sim-key',
						baseUrl: sim.baseUrl,
						uploadBaseUrl: sim.uploadBaseUrl,
						maxNewTasks: 1000,
						maxNewTasksWindow: 1,
					},
				},
			]),
		);
		await n8n.importCredentials(credentialFile);
		const workflows = path.join(work, 'workflows');
		await mkdir(workflows);
		for (const memoryCase of CASES) {
			for (const download of [false, true]) {
				await writeFile(
					path.join(workflows, `${workflowId(memoryCase, download)}.json`),
					JSON.stringify(workflow(memoryCase, download)),
				);
			}
		}
		await n8n.importWorkflows(workflows);

		const results: Record<string, CaseRun[]> = { images: [], videos: [] };
		for (let run = 0; run < runs; run++) {
			for (const memoryCase of CASES) {
				sim.configure({ resultFileBytes: memoryCase.fileBytes });
				const without = await executeMeasured(n8nBinary, env, workflowId(memoryCase, false));
				const withDownloads = await executeMeasured(n8nBinary, env, workflowId(memoryCase, true));
				const files = withDownloads.items.flatMap((item) => Object.values(item.binary ?? {}));
				const caseRun: CaseRun = {
					peakRssMbWithDownloads: withDownloads.peakRssMb,
					peakRssMbWithout: without.peakRssMb,
					extraMb: withDownloads.peakRssMb - without.peakRssMb,
					itemsWithFile: withDownloads.items.filter((item) => item.binary?.data).length,
					filesStored: files.length,
				};
				results[memoryCase.name].push(caseRun);
				process.stdout.write(
					`  run ${run + 1} ${memoryCase.name}: peak RSS ${without.peakRssMb.toFixed(0)} MB without downloads, ` +
						`${withDownloads.peakRssMb.toFixed(0)} MB with (${caseRun.extraMb.toFixed(0)} MB more); ` +
						`${caseRun.itemsWithFile}/${memoryCase.items} items with their file\n`,
				);
			}
		}
		const uptimeAfter = uptime();
		const outputDir = path.join(repoRoot, 'bench-output');
		await mkdir(outputDir, { recursive: true });
		await writeFile(
			path.join(outputDir, 'bench-memory.json'),
			`${JSON.stringify({ date: new Date().toISOString(), package: tarball ?? 'this checkout', uptimeBefore, uptimeAfter, results }, null, '\t')}\n`,
		);
		const rows = CASES.map((memoryCase) => {
			const caseRuns = results[memoryCase.name];
			return [
				`${memoryCase.name}: ${memoryCase.items} × ${memoryCase.fileBytes / MB} MB`,
				spread(caseRuns.map((r) => r.peakRssMbWithout)),
				spread(caseRuns.map((r) => r.peakRssMbWithDownloads)),
				spread(caseRuns.map((r) => r.extraMb)),
				`≤ ${memoryCase.targetMb}`,
				spread(caseRuns.map((r) => r.itemsWithFile)),
			];
		});
		const header = [
			'case (filesystem mode)',
			'peak RSS off (MB)',
			'peak RSS on (MB)',
			'on − off (MB)',
			'target',
			'items with file',
		];
		const widths = header.map((cell, i) =>
			Math.max(cell.length, ...rows.map((row) => row[i].length)),
		);
		const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
		process.stdout.write(
			[
				'',
				`n8n process peak memory, Download Results on vs off (${runs === 1 ? '1 run' : `${runs} runs: min / median / max`})`,
				line(header),
				widths.map((width) => '-'.repeat(width)).join('  '),
				...rows.map(line),
				`package: ${tarball ?? 'this checkout'}`,
				`uptime before: ${uptimeBefore}`,
				`uptime after:  ${uptimeAfter}`,
				'',
			].join('\n'),
		);
	} finally {
		await sim.stop();
		if (existsSync(work)) await rm(work, { recursive: true, force: true });
	}
}
