/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * End-to-end test in a real n8n (npm run test:e2e):
 *
 *   1. scripts/ensure-n8n.sh: the cached n8n 1.123.81 install (created on first use).
 *   2. `npm pack` this package; install the tarball into a fresh user folder as n8n's
 *      community-package installer does; check no dependency came along.
 *   3. Start the Kie simulator; `n8n import:credentials` a kieApi credential pointed at it and
 *      `n8n import:workflow` every example of examples/ (credentials linked by name, as shipped).
 *   4. `n8n execute --id … --rawOutput` each example and check its output, the files it wrote and
 *      what the simulator was asked to do.
 *
 * Steps 3 and 4 run in E2E_LANES lanes at once (default 4): each lane has its own n8n user
 * folder (database, installed package), files folder, Kie and chat simulators, so a scenario's
 * checks see only its own requests and files. Most of an example's time is spent waiting (n8n's
 * start, the node's polls), so lanes overlap the waits; the lanes take the next example from one
 * queue. One lane runs the examples that need `n8n start` (webhooks) first.
 *
 * Prints timings per step and per workflow; exits 1 on any failure. Keeps the temporary folder
 * of a failed run for inspection (E2E_KEEP=1 keeps it always).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type ChatSimulator, startChatSimulator } from '../chat-simulator';
import { startSimulator, type KieSimulatorApi } from '../simulator';
import { Checks } from './checks';
import { installAsCommunityPackage, type PackedPackage, packPackage } from './community-package';
import { ensureN8n, freePort, n8nEnvironment, N8nCli, N8nDatabase } from './n8n';
import { stopAllProcesses, stopProcess } from './processes';
import { OPENAI_CREDENTIAL_NAME } from './scenarios-agent';
import { chatModelCredentials } from './scenarios-chat';
import { prepareWorkflowFile, type Scenario, type ScenarioContext, scenarios } from './scenarios';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** E2E_EXAMPLES_DIR: try edited copies of the examples without touching examples/. */
const examplesFolder = process.env.E2E_EXAMPLES_DIR
	? path.resolve(process.env.E2E_EXAMPLES_DIR)
	: path.join(repoRoot, 'examples');
const CREDENTIAL_ID = 'kieE2eCredential';
const CREDENTIAL_NAME = 'Kie.ai account';
const WEBHOOK_HMAC_KEY = 'e2e-webhook-hmac-key';

const timings: Array<{ what: string; ms: number }> = [];

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

async function step<T>(what: string, work: () => Promise<T> | T): Promise<T> {
	const started = Date.now();
	const result = await work();
	const ms = Date.now() - started;
	timings.push({ what, ms });
	process.stdout.write(`  ${seconds(ms).padStart(8)}  ${what}\n`);
	return result;
}

/** examples/*.json (the trigger examples included) that have no scenario fail the run. */
function uncoveredExamples(): string[] {
	const covered = new Set(scenarios.map((scenario) => scenario.file));
	return readdirSync(examplesFolder).filter((file) => file.endsWith('.json') && !covered.has(file));
}

/** One n8n user folder with its own simulators and files: scenarios in it run one at a time. */
interface Lane {
	name: string;
	context: ScenarioContext;
	n8n: N8nCli;
	serverPort: number;
}

function credentialsFor(sim: KieSimulatorApi, chat: ChatSimulator): unknown[] {
	return [
		{
			id: CREDENTIAL_ID,
			name: CREDENTIAL_NAME,
			type: 'kieApi',
			data: {
				apiKey: 'sim-key',
				baseUrl: sim.baseUrl,
				uploadBaseUrl: sim.uploadBaseUrl,
				webhookHmacKey: WEBHOOK_HMAC_KEY,
				maxNewTasks: 20,
				maxNewTasksWindow: 10,
			},
		},
		{
			id: 'openAiE2eCredential',
			name: OPENAI_CREDENTIAL_NAME,
			type: 'openAiApi',
			data: { apiKey: 'sim-openai-key', url: chat.baseUrl },
		},
		...chatModelCredentials(sim),
	];
}

/**
 * A lane ready to execute: the package installed in its user folder, its simulators started,
 * the credentials (pointed at its simulators) and every example imported, `toActivate` active.
 */
async function openLane(
	name: string,
	work: string,
	packed: PackedPackage,
	n8nBinary: string,
	toActivate: Scenario[],
	simulators: Array<{ stop(): Promise<void> }>,
): Promise<Lane> {
	const folder = path.join(work, name);
	const userFolder = path.join(folder, 'user');
	const filesFolder = path.join(folder, 'files');
	await mkdir(filesFolder, { recursive: true });
	await step(`${name}: install the tarball as n8n community package`, () =>
		installAsCommunityPackage(packed, userFolder),
	);
	const sim = await startSimulator({ generationMs: 400, webhookHmacKey: WEBHOOK_HMAC_KEY });
	simulators.push(sim);
	const chat = await startChatSimulator();
	simulators.push(chat);
	const serverPort = await freePort();
	const serverUrl = `http://127.0.0.1:${serverPort}/`;
	const context: ScenarioContext = {
		sim,
		filesFolder,
		examplesFolder,
		serverUrl,
		webhookHmacKey: WEBHOOK_HMAC_KEY,
		database: new N8nDatabase(n8nBinary, userFolder),
		chat,
	};
	// WEBHOOK_URL for every process: `execute` builds $execution.resumeUrl from it.
	const n8n = new N8nCli(
		n8nBinary,
		n8nEnvironment({ userFolder, filesFolder, extra: { WEBHOOK_URL: serverUrl } }),
	);
	const credentialFile = path.join(folder, 'credentials.json');
	await writeFile(credentialFile, JSON.stringify(credentialsFor(sim, chat)));
	const credentialImport = await step(
		`${name}: n8n import:credentials (first start: database migrations)`,
		() => n8n.importCredentials(credentialFile),
	);
	// n8n logs a community package it cannot load and goes on without it: make that fatal.
	const loadErrors = `${credentialImport.stdout}\n${credentialImport.stderr}`
		.split('\n')
		.filter((line) => line.includes(packed.manifest.name) && /error|cannot|failed/i.test(line));
	if (loadErrors.length > 0) {
		throw new Error(`n8n could not load ${packed.manifest.name}:\n${loadErrors.join('\n')}`);
	}
	const workflowsFolder = path.join(folder, 'workflows');
	await mkdir(workflowsFolder);
	for (const scenario of scenarios) {
		// By id: several scenarios may run one example (each imported as its own workflow).
		const destination = path.join(workflowsFolder, `${scenario.workflowId}.json`);
		await prepareWorkflowFile(context, scenario, destination);
	}
	await step(`${name}: n8n import:workflow (${scenarios.length} examples)`, () =>
		n8n.importWorkflows(workflowsFolder),
	);
	if (toActivate.length > 0) {
		await step(
			`${name}: n8n update:workflow --active=true (${toActivate.map((s) => s.file).join(', ')})`,
			async () => {
				for (const scenario of toActivate) await n8n.activate(scenario.workflowId);
			},
		);
	}
	return { name, context, n8n, serverPort };
}

interface ScenarioResult {
	file: string;
	lane: string;
	ms: number;
	failures: string[];
}

async function runScenario(lane: Lane, scenario: Scenario): Promise<ScenarioResult> {
	const { context, n8n } = lane;
	context.sim.reset();
	const checks = new Checks();
	let ms = 0;
	const started = Date.now();
	try {
		await scenario.prepare?.(context);
		if (scenario.startedByWebhook) {
			// Production executions only: the check calls the webhook itself.
			await scenario.check(context, { data: { resultData: { runData: {} } } }, checks);
			ms = Date.now() - started;
		} else {
			const { execution, durationMs } = await n8n.execute(
				scenario.workflowId,
				scenario.expectedStatus,
			);
			ms = durationMs;
			checks.equal(execution.status, scenario.expectedStatus ?? 'success', 'execution status');
			await scenario.check(context, execution, checks);
		}
	} catch (error) {
		checks.failures.push((error as Error).message);
	}
	const what = `${lane.name}: execute examples/${scenario.file}`;
	timings.push({ what, ms: Date.now() - started });
	const verdict =
		checks.failures.length === 0
			? '    ✓ all checks passed\n'
			: checks.failures.map((failure) => `    ✗ ${failure}\n`).join('');
	// One write: the lanes' lines do not interleave.
	process.stdout.write(`  ${seconds(Date.now() - started).padStart(8)}  ${what}\n${verdict}`);
	return { file: scenario.file, lane: lane.name, ms, failures: checks.failures };
}

/** The server-phase scenarios beside an `n8n start` of the lane's user folder. */
async function runServerScenarios(
	lane: Lane,
	serverScenarios: Scenario[],
): Promise<ScenarioResult[]> {
	const results: ScenarioResult[] = [];
	const server = await step(
		`${lane.name}: n8n start on ${lane.context.serverUrl} (webhooks for the callback examples)`,
		() => lane.n8n.startServer(lane.serverPort),
	);
	try {
		for (const scenario of serverScenarios) results.push(await runScenario(lane, scenario));
	} catch (error) {
		process.stdout.write(`--- n8n start output ---\n${server.output()}\n`);
		throw error;
	}
	if (results.some((result) => result.failures.length > 0)) {
		process.stdout.write(
			`--- n8n start output (last lines) ---\n${server.output().split('\n').slice(-40).join('\n')}\n`,
		);
	}
	await step(`${lane.name}: stop n8n start`, () => stopProcess(server.child));
	return results;
}

async function main(): Promise<number> {
	const started = Date.now();
	if (!existsSync(path.join(repoRoot, 'dist', 'nodes'))) {
		throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does)');
	}
	const uncovered = uncoveredExamples();
	if (uncovered.length > 0) {
		throw new Error(
			`examples without an e2e scenario (add one to test/e2e/scenarios.ts): ${uncovered.join(', ')}`,
		);
	}

	const n8nBinary = await step('n8n install (scripts/ensure-n8n.sh)', () => ensureN8n(repoRoot));
	const work = await mkdtemp(path.join(tmpdir(), 'n8n-kie-e2e-'));
	const simulators: Array<{ stop(): Promise<void> }> = [];
	let failed = true;

	const interrupted = (signal: NodeJS.Signals) => {
		process.stderr.write(`\n${signal}: stopping n8n and the simulators\n`);
		void stopAllProcesses(1_000)
			.then(() => Promise.all(simulators.map((sim) => sim.stop())))
			.finally(() => process.exit(130));
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);

	try {
		const packed = await step('npm pack', () => packPackage(repoRoot, work));
		process.stdout.write(
			`  ${path.basename(packed.tarball)}: ${packed.files.length} files, no runtime dependencies\n`,
		);

		// E2E_ONLY=<part of a file name>[,<part>…]: run only the matching examples (all are still
		// imported; only theirs activated).
		const only = process.env.E2E_ONLY?.split(',').filter(Boolean) ?? [];
		const selected = scenarios.filter(
			(s) => only.length === 0 || only.some((part) => s.file.includes(part)),
		);
		const serverScenarios = selected.filter((s) => s.phase === 'server');
		const queue = selected.filter((s) => (s.phase ?? 'cli') === 'cli');
		const laneCount = Math.max(
			1,
			Math.min(Number(process.env.E2E_LANES ?? 4) || 1, selected.length),
		);
		process.stdout.write(`  ${selected.length} examples in ${laneCount} lane(s)\n`);

		const results: ScenarioResult[] = [];
		const runLane = async (index: number) => {
			const name = `lane ${index + 1}`;
			const serverPart = index === 0 ? serverScenarios : [];
			const lane = await openLane(
				name,
				work,
				packed,
				n8nBinary,
				serverPart.filter((scenario) => scenario.activate),
				simulators,
			);
			if (serverPart.length > 0) results.push(...(await runServerScenarios(lane, serverPart)));
			for (let scenario = queue.shift(); scenario; scenario = queue.shift()) {
				results.push(await runScenario(lane, scenario));
			}
		};
		await Promise.all(Array.from({ length: laneCount }, (_, index) => runLane(index)));

		const total = Date.now() - started;
		process.stdout.write('\nTimings (lanes run at once)\n');
		for (const { what, ms } of timings)
			process.stdout.write(`  ${seconds(ms).padStart(8)}  ${what}\n`);
		process.stdout.write(
			`  ${seconds(total).padStart(8)}  total\n\nWorkflows (n8n execute, process start to exit)\n`,
		);
		for (const result of results) {
			const verdict = result.failures.length === 0 ? 'ok  ' : 'FAIL';
			process.stdout.write(
				`  ${verdict} ${seconds(result.ms).padStart(8)}  ${result.lane}  examples/${result.file}\n`,
			);
			for (const failure of result.failures) {
				process.stdout.write(`${failure.replace(/^/gm, '         │ ')}\n`);
			}
		}
		const failing = results.filter((result) => result.failures.length > 0);
		failed = failing.length > 0 || results.length !== selected.length;
		process.stdout.write(
			failed
				? `\nE2E FAILED: ${failing.length} of ${results.length} workflows (details above; files kept in ${work})\n`
				: `\nE2E PASSED: ${results.length} workflows in a real n8n\n`,
		);
		return failed ? 1 : 0;
	} finally {
		await stopAllProcesses();
		await Promise.all(simulators.map((sim) => sim.stop()));
		if (!failed && process.env.E2E_KEEP !== '1') await rm(work, { recursive: true, force: true });
		else process.stdout.write(`(kept ${work})\n`);
	}
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		process.stderr.write(`\nE2E FAILED: ${error.message}\n`);
		void stopAllProcesses().finally(() => process.exit(1));
	},
);
