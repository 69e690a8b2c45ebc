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
import { installAsCommunityPackage, packPackage } from './community-package';
import { ensureN8n, freePort, n8nEnvironment, N8nCli, N8nDatabase } from './n8n';
import { stopAllProcesses } from './processes';
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
	process.stdout.write(`▶ ${what}\n`);
	const result = await work();
	const ms = Date.now() - started;
	timings.push({ what, ms });
	process.stdout.write(`  done in ${seconds(ms)}\n`);
	return result;
}

/** examples/*.json (the trigger examples included) that have no scenario fail the run. */
function uncoveredExamples(): string[] {
	const covered = new Set(scenarios.map((scenario) => scenario.file));
	return readdirSync(examplesFolder).filter((file) => file.endsWith('.json') && !covered.has(file));
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
	const userFolder = path.join(work, 'user');
	const filesFolder = path.join(work, 'files');
	await mkdir(filesFolder, { recursive: true });
	let sim: KieSimulatorApi | undefined;
	let chat: ChatSimulator | undefined;
	let failed = true;

	const interrupted = (signal: NodeJS.Signals) => {
		process.stderr.write(`\n${signal}: stopping n8n and the simulator\n`);
		void stopAllProcesses(1_000)
			.then(() => sim?.stop())
			.finally(() => process.exit(130));
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);

	try {
		const packed = await step('npm pack', () => packPackage(repoRoot, work));
		process.stdout.write(
			`  ${path.basename(packed.tarball)}: ${packed.files.length} files, no runtime dependencies\n`,
		);
		const installedAt = await step('install the tarball as n8n community package', () =>
			installAsCommunityPackage(packed, userFolder),
		);
		process.stdout.write(`  ${installedAt}\n`);

		sim = await step('start the Kie simulator', () =>
			startSimulator({ generationMs: 400, webhookHmacKey: WEBHOOK_HMAC_KEY }),
		);
		const simulator = sim;
		chat = await step('start the chat-completions simulator (the agent example)', () =>
			startChatSimulator(),
		);
		const serverPort = await freePort();
		const serverUrl = `http://127.0.0.1:${serverPort}/`;
		const context: ScenarioContext = {
			sim: simulator,
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

		const credentialFile = path.join(work, 'credentials.json');
		await writeFile(
			credentialFile,
			JSON.stringify([
				{
					id: CREDENTIAL_ID,
					name: CREDENTIAL_NAME,
					type: 'kieApi',
					data: {
						apiKey: 'sim-key',
						baseUrl: simulator.baseUrl,
						uploadBaseUrl: simulator.uploadBaseUrl,
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
				...chatModelCredentials(simulator),
			]),
		);
		const credentialImport = await step(
			'n8n import:credentials (first start: database migrations)',
			() => n8n.importCredentials(credentialFile),
		);
		// n8n logs a community package it cannot load and goes on without it: make that fatal.
		const loadErrors = `${credentialImport.stdout}\n${credentialImport.stderr}`
			.split('\n')
			.filter((line) => line.includes(packed.manifest.name) && /error|cannot|failed/i.test(line));
		if (loadErrors.length > 0) {
			throw new Error(`n8n could not load ${packed.manifest.name}:\n${loadErrors.join('\n')}`);
		}

		const workflowsFolder = path.join(work, 'workflows');
		await mkdir(workflowsFolder);
		for (const scenario of scenarios) {
			// By id: several scenarios may run one example (each imported as its own workflow).
			const destination = path.join(workflowsFolder, `${scenario.workflowId}.json`);
			await prepareWorkflowFile(context, scenario, destination);
		}
		await step(`n8n import:workflow (${scenarios.length} examples)`, () =>
			n8n.importWorkflows(workflowsFolder),
		);
		// E2E_ONLY=<part of a file name>[,<part>…]: run only the matching examples (all are still
		// imported; only theirs activated).
		const only = process.env.E2E_ONLY?.split(',').filter(Boolean) ?? [];
		const selected = scenarios.filter(
			(s) => only.length === 0 || only.some((part) => s.file.includes(part)),
		);
		const toActivate = selected.filter((scenario) => scenario.activate);
		if (toActivate.length > 0) {
			await step(
				`n8n update:workflow --active=true (${toActivate.map((s) => s.file).join(', ')})`,
				async () => {
					for (const scenario of toActivate) await n8n.activate(scenario.workflowId);
				},
			);
		}

		const results: Array<{ file: string; ms: number; failures: string[] }> = [];
		const runScenario = async (scenario: Scenario) => {
			simulator.reset();
			const checks = new Checks();
			let ms = 0;
			await step(`execute examples/${scenario.file}`, async () => {
				try {
					await scenario.prepare?.(context);
					if (scenario.startedByWebhook) {
						// Production executions only: the check calls the webhook itself.
						const checkStarted = Date.now();
						await scenario.check(context, { data: { resultData: { runData: {} } } }, checks);
						ms = Date.now() - checkStarted;
						return;
					}
					const { execution, durationMs } = await n8n.execute(
						scenario.workflowId,
						scenario.expectedStatus,
					);
					ms = durationMs;
					checks.equal(execution.status, scenario.expectedStatus ?? 'success', 'execution status');
					await scenario.check(context, execution, checks);
				} catch (error) {
					checks.failures.push((error as Error).message);
				}
			});
			results.push({ file: scenario.file, ms, failures: checks.failures });
			for (const failure of checks.failures) process.stdout.write(`  ✗ ${failure}\n`);
			if (checks.failures.length === 0) process.stdout.write('  ✓ all checks passed\n');
		};

		for (const scenario of selected.filter((s) => (s.phase ?? 'cli') === 'cli'))
			await runScenario(scenario);
		const serverScenarios = selected.filter((s) => s.phase === 'server');
		if (serverScenarios.length > 0) {
			const server = await step(
				`n8n start on ${serverUrl} (webhooks for the callback examples)`,
				() => n8n.startServer(serverPort),
			);
			try {
				for (const scenario of serverScenarios) await runScenario(scenario);
			} catch (error) {
				process.stdout.write(`--- n8n start output ---\n${server.output()}\n`);
				throw error;
			}
			if (results.some((result) => result.failures.length > 0)) {
				process.stdout.write(
					`--- n8n start output (last lines) ---\n${server.output().split('\n').slice(-40).join('\n')}\n`,
				);
			}
			await step('stop n8n', () => stopAllProcesses());
		}

		const total = Date.now() - started;
		process.stdout.write('\nTimings\n');
		for (const { what, ms } of timings)
			process.stdout.write(`  ${seconds(ms).padStart(8)}  ${what}\n`);
		process.stdout.write(
			`  ${seconds(total).padStart(8)}  total\n\nWorkflows (n8n execute, process start to exit)\n`,
		);
		for (const result of results) {
			const verdict = result.failures.length === 0 ? 'ok  ' : 'FAIL';
			process.stdout.write(
				`  ${verdict} ${seconds(result.ms).padStart(8)}  examples/${result.file}\n`,
			);
			for (const failure of result.failures) {
				process.stdout.write(`${failure.replace(/^/gm, '         │ ')}\n`);
			}
		}
		const failing = results.filter((result) => result.failures.length > 0);
		failed = failing.length > 0;
		process.stdout.write(
			failed
				? `\nE2E FAILED: ${failing.length} of ${results.length} workflows (details above; files kept in ${work})\n`
				: `\nE2E PASSED: ${results.length} workflows in a real n8n\n`,
		);
		return failed ? 1 : 0;
	} finally {
		await stopAllProcesses();
		await sim?.stop();
		await chat?.stop();
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
