/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * `npm run dev` (scripts/dev.sh builds first, then runs this): a real n8n with this package
 * linked, a credential named "Kie.ai account" and the examples imported, on http://localhost:5678.
 *
 *   - Without KIE_API_KEY: the Kie simulator runs alongside (ports 5690/5691, tasks take ~8 s,
 *     callbacks signed) and the credential points at it. Nothing leaves the machine.
 *   - With KIE_API_KEY=<key>: the credential targets the real API (https://api.kie.ai) and no
 *     simulator starts. Real generations cost credits. KIE_WEBHOOK_HMAC_KEY fills the
 *     credential's webhook key; KIE_DEV_PUBLIC_URL (e.g. a tunnel to port 5678) becomes
 *     WEBHOOK_URL so Kie.ai can reach the callback examples.
 *   - The agent examples' chat credentials, "Kie.ai chat (Anthropic)" and "Kie.ai chat (OpenAI)",
 *     point at Kie's chat endpoints (the simulator's, or Kie's with KIE_API_KEY). With
 *     OPENAI_API_KEY, an "OpenAI account" credential too (agent-image-tool.json's agent model).
 *
 * The package is linked, not copied: <folder>/.n8n/nodes/node_modules/n8n-nodes-kie/dist is a
 * symlink to dist/, so `npm run build` and a restart of `npm run dev` pick up changes.
 * The user folder (default ~/.n8n-kie-dev, KIE_DEV_FOLDER to change, KIE_DEV_RESET=1 to start
 * afresh) keeps workflows and executions between runs; examples are imported on first start.
 * An owner account is created on first start and printed, so the editor opens straight away.
 * KIE_DEV_BARE=1 imports neither the credential nor the examples (n8n is up sooner; for
 * scripts/nodes-panel-check.mjs).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

import { startSimulator, type KieSimulatorApi } from '../simulator';
import { linkForDevelopment } from './community-package';
import { ensureN8n, freePort, n8nEnvironment, N8nCli } from './n8n';
import { startService, stopAllProcesses } from './processes';
import { copySampleInputs, EXAMPLES_FILES_FOLDER, EXAMPLES_PUBLIC_URL } from './scenarios';
import { chatModelCredentials } from './scenarios-chat';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const examplesFolder = path.join(repoRoot, 'examples');

export const DEV_OWNER = {
	email: 'dev@n8n-nodes-kie.local',
	firstName: 'Kie',
	lastName: 'Developer',
	password: 'KieDev-2025',
};

/**
 * fetch, repeated for up to a minute while n8n answers 503 "Database is not ready!": on a busy
 * machine its database health check lags behind "Editor is now accessible".
 */
async function fetchOnceDatabaseReady(url: string, init?: RequestInit): Promise<Response> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const response = await fetch(url, init);
		if (response.status !== 503 || Date.now() > deadline) return response;
		await response.arrayBuffer();
		await new Promise((resolve) => setTimeout(resolve, 1_000));
	}
}

/** Sets up n8n's owner account through the REST API unless one exists; returns whether it did. */
export async function ensureOwner(baseUrl: string): Promise<boolean> {
	const settings = (await (await fetchOnceDatabaseReady(`${baseUrl}rest/settings`)).json()) as {
		data?: { userManagement?: { showSetupOnFirstLoad?: boolean } };
	};
	if (settings.data?.userManagement?.showSetupOnFirstLoad === false) return false;
	const response = await fetchOnceDatabaseReady(`${baseUrl}rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(DEV_OWNER),
	});
	if (!response.ok)
		throw new Error(`POST /rest/owner/setup answered ${response.status}: ${await response.text()}`);
	return true;
}

/** A stable workflow id per example file, so a re-import updates instead of duplicating. */
function exampleWorkflowId(file: string): string {
	return `kieDev${createHash('sha1').update(file).digest('hex').slice(0, 10)}`;
}

async function main(): Promise<void> {
	const userFolder = path.resolve(
		process.env.KIE_DEV_FOLDER ?? path.join(homedir(), '.n8n-kie-dev'),
	);
	const port = Number(process.env.KIE_DEV_PORT ?? 5678);
	const apiKey = process.env.KIE_API_KEY;
	const openAiKey = process.env.OPENAI_API_KEY;
	const localUrl = `http://localhost:${port}/`;
	const publicUrl = process.env.KIE_DEV_PUBLIC_URL?.replace(/\/?$/, '/') ?? localUrl;
	const filesFolder = EXAMPLES_FILES_FOLDER.replace(/\/$/, '');

	const bare = process.env.KIE_DEV_BARE === '1';
	if (process.env.KIE_DEV_RESET === '1') await rm(userFolder, { recursive: true, force: true });
	const firstStart = !existsSync(path.join(userFolder, '.n8n', 'database.sqlite'));
	await mkdir(filesFolder, { recursive: true });
	await copySampleInputs(examplesFolder, filesFolder);

	const n8nBinary = ensureN8n(repoRoot);
	const linked = await linkForDevelopment(repoRoot, userFolder);
	console.log(`Linked ${linked}/dist → ${path.join(repoRoot, 'dist')}`);

	let sim: KieSimulatorApi | undefined;
	const webhookHmacKey = apiKey ? (process.env.KIE_WEBHOOK_HMAC_KEY ?? '') : 'dev-webhook-hmac-key';
	if (!apiKey) {
		sim = await startSimulator(
			{ generationMs: 8_000, webhookHmacKey },
			{
				port: Number(process.env.KIE_SIM_PORT ?? 5690),
				uploadPort: Number(process.env.KIE_SIM_UPLOAD_PORT ?? 5691),
			},
		);
	}

	const env = n8nEnvironment({
		userFolder,
		filesFolder,
		encryptionKey: process.env.N8N_ENCRYPTION_KEY ?? 'n8n-nodes-kie-dev-not-a-secret',
		extra: {
			WEBHOOK_URL: publicUrl,
			N8N_EDITOR_BASE_URL: localUrl,
			// package → dist symlink: resolve n8n-workflow from n8n, not from the repository
			NODE_OPTIONS: '--preserve-symlinks',
		},
	});
	const n8n = new N8nCli(n8nBinary, env);
	const work = await mkdtemp(path.join(tmpdir(), 'n8n-kie-dev-'));
	try {
		const credentialFile = path.join(work, 'credentials.json');
		await writeFile(
			credentialFile,
			JSON.stringify([
				{
					id: 'kieDevCredential',
					name: 'Kie.ai account',
					type: 'kieApi',
					data: {
						apiKey: apiKey ?? 'sim-key',
						baseUrl: sim?.baseUrl ?? 'https://api.kie.ai',
						uploadBaseUrl: sim?.uploadBaseUrl ?? 'https://kieai.redpandaai.co',
						webhookHmacKey,
						maxNewTasks: 20,
						maxNewTasksWindow: 10,
					},
				},
				// The agent examples' chat models: Kie's Claude and GPT endpoints, same key.
				...chatModelCredentials(sim ?? { baseUrl: 'https://api.kie.ai' }, apiKey ?? 'sim-key'),
				// agent-image-tool.json's agent thinks with OpenAI itself: only with a key of yours.
				...(openAiKey
					? [
							{
								id: 'kieDevOpenAi',
								name: 'OpenAI account',
								type: 'openAiApi',
								data: { apiKey: openAiKey },
							},
						]
					: []),
			]),
		);
		if (!bare) {
			console.log(
				`Importing the "Kie.ai account" credential (${apiKey ? 'real API: https://api.kie.ai' : `simulator: ${sim?.baseUrl}`})`,
			);
			await n8n.importCredentials(credentialFile);
		}

		if (firstStart && !bare) {
			const workflows = path.join(work, 'workflows');
			await mkdir(workflows);
			const files = readdirSync(examplesFolder).filter((file) => file.endsWith('.json'));
			for (const file of files) {
				const source = await readFile(path.join(examplesFolder, file), 'utf8');
				const workflow = JSON.parse(source.split(EXAMPLES_PUBLIC_URL).join(publicUrl)) as Record<
					string,
					unknown
				>;
				workflow.id = exampleWorkflowId(file);
				await writeFile(path.join(workflows, file), JSON.stringify(workflow));
			}
			console.log(`Importing ${files.length} example workflows`);
			await n8n.importWorkflows(workflows);
		}
	} finally {
		await rm(work, { recursive: true, force: true });
	}

	const server = startService(n8nBinary, ['start'], {
		env: {
			...env,
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		},
		echo: true,
	});
	let stopping = false;
	const stop = (code: number) => {
		if (stopping) return;
		stopping = true;
		void stopAllProcesses()
			.then(() => sim?.stop())
			.finally(() => process.exit(code));
	};
	process.once('SIGINT', () => stop(0));
	process.once('SIGTERM', () => stop(0));
	server.child.once('exit', (code) => {
		if (!stopping) console.error(`n8n exited (${code})`);
		stop(code ?? 1);
	});
	await server.waitFor(/Editor is now accessible via/, 180_000);
	const ownerCreated = await ensureOwner(`http://127.0.0.1:${port}/`);

	console.log('\n────────────────────────────────────────────────────────────');
	console.log(`n8n editor:   ${localUrl}`);
	console.log(
		ownerCreated || firstStart
			? `sign in:      ${DEV_OWNER.email} / ${DEV_OWNER.password}`
			: `sign in:      your owner account (created on first start: ${DEV_OWNER.email} / ${DEV_OWNER.password})`,
	);
	console.log(`user folder:  ${userFolder}   (KIE_DEV_RESET=1 starts afresh)`);
	console.log(`files:        ${filesFolder}   (the examples read and write here)`);
	if (sim) {
		console.log(
			`Kie API:      simulator ${sim.baseUrl} (upload ${sim.uploadBaseUrl}), key sim-key`,
		);
		console.log('              a prompt containing "[fail]" makes a task fail');
	} else {
		console.log('Kie API:      https://api.kie.ai with KIE_API_KEY (real credits are spent)');
		if (publicUrl === localUrl)
			console.log('              callbacks need KIE_DEV_PUBLIC_URL (a URL Kie.ai can reach)');
	}
	console.log('Stop with Ctrl+C. After code changes: npm run build, then restart npm run dev.');
	console.log('────────────────────────────────────────────────────────────\n');
}

main().catch((error: Error) => {
	console.error(`npm run dev failed: ${error.message}`);
	void stopAllProcesses().finally(() => process.exit(1));
});
