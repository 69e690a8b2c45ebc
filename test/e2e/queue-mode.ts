/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * n8n queue mode, end to end, set up as n8n supports it: PostgreSQL (postgres.ts) and Redis
 * (Debian's packages, installed when absent), an n8n main (`n8n start`, EXECUTIONS_MODE=queue) and
 * `n8n worker` processes sharing one user folder and database, binary data in the database (the
 * mode n8n supports for queue mode besides S3), the packed package installed as a community
 * package, production executions started by POSTs to the webhook of
 * examples/queue-mode-batch-webhook.json. The simulator's record says what Kie saw: creates per
 * window, 429s, duplicates, tasks no item reports. With `fileRoundTrip`, one more webhook
 * generates an image with Download Results on and answers with the file: written to the
 * database by a worker, read back by the main.
 *
 * `node build-test/test/e2e/queue-mode.js` (from .ci/run) runs a small batch and checks it;
 * test/bench uses runQueueMode with the benchmark's sizes (preparePackage: the previous create
 * limiter, a trace; inspect: the simulator's record).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startSimulator, type KieSimulatorApi } from '../simulator';
import { answeredRateLimit } from '../simulator/record';
import { Checks } from './checks';
import { installAsCommunityPackage, packPackage, type PackedPackage } from './community-package';
import { ensureN8n, freePort, n8nEnvironment, N8nCli } from './n8n';
import { startPostgres, type Postgres } from './postgres';
import { startService, stopAllProcesses, tail, type Service } from './processes';

export const QUEUE_EXAMPLE = 'queue-mode-batch-webhook.json';
export const QUEUE_WEBHOOK_PATH = 'webhook/kie-batch';
const WORKFLOW_ID = 'kieE2eQueue00001';
const FILE_WORKFLOW_ID = 'kieE2eQueueFile1';
const FILE_WEBHOOK_PATH = 'webhook/kie-file';
/** The round trip's result file: large enough to be streamed in many chunks. */
const ROUND_TRIP_FILE_BYTES = 3 * 1024 * 1024;

/** POST {prompt} → one image, downloaded on the worker → answered with the file by the main. */
function fileRoundTripWorkflow(): Record<string, unknown> {
	return {
		id: FILE_WORKFLOW_ID,
		name: 'Kie file round trip (e2e)',
		active: false,
		settings: {},
		nodes: [
			{
				id: 'f1',
				name: 'POST /webhook/kie-file',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'c5a1f6a0-2f7e-4d8e-9a51-7f1f3c0e9b21',
				parameters: {
					httpMethod: 'POST',
					path: 'kie-file',
					responseMode: 'lastNode',
					responseData: 'firstEntryBinary',
					options: {},
				},
			},
			{
				id: 'f2',
				name: 'Generate and download',
				type: 'n8n-nodes-kie.kie',
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'image',
					operation: 'generate',
					model: 'nano-banana-pro',
					prompt: '={{ $json.body.prompt }}',
					downloadResults: true,
					options: { pollInterval: 0.5 },
				},
				credentials: { kieApi: { id: 'kieQueueCredential', name: 'Kie.ai account' } },
			},
		],
		connections: {
			'POST /webhook/kie-file': {
				main: [[{ node: 'Generate and download', type: 'main', index: 0 }]],
			},
		},
	};
}

/** The round trip: the webhook's answer is the task's result file, byte for byte. */
async function checkFileRoundTrip(
	sim: KieSimulatorApi,
	serverUrl: string,
	postgres: Postgres,
	checks: Checks,
): Promise<void> {
	const prompt = 'Queue file round trip';
	sim.configure({ resultFileBytes: ROUND_TRIP_FILE_BYTES });
	const response = await fetch(`${serverUrl}${FILE_WEBHOOK_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ prompt }),
		signal: AbortSignal.timeout(120_000),
	});
	const answered = Buffer.from(await response.arrayBuffer());
	const task = [...sim.record.tasks.values()].find((one) => one.input.prompt === prompt);
	checks.that(task !== undefined, 'file round trip: the simulator made its task');
	if (!task) return;
	const original = Buffer.from(await (await fetch(task.resultUrls[0])).arrayBuffer());
	checks.equal(response.status, 200, 'file round trip: HTTP status');
	checks.equal(
		response.headers.get('content-type')?.split(';')[0],
		'image/png',
		'file round trip: Content-Type',
	);
	checks.equal(answered.length, ROUND_TRIP_FILE_BYTES, 'file round trip: bytes answered');
	checks.that(answered.equals(original), 'file round trip: the answer is the result file');
	// Where the worker put it: n8n's binary_data table, not a worker's disk.
	const stored = await postgres.query(
		`SELECT "mimeType", "fileName" FROM binary_data WHERE "fileSize" = ${ROUND_TRIP_FILE_BYTES}`,
	);
	checks.equal(
		stored.join(', '),
		`image/png|${task.taskId}_0.png`,
		'file round trip: the file in the binary_data table',
	);
}
const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** One answer item of the batch webhook (the Kie node's output item). */
export interface BatchAnswerItem {
	taskId?: string;
	state?: string;
	resultUrls?: string[];
	error?: unknown;
}

/** POSTs the prompts to the batch webhook; the answer is one item per prompt. */
export async function postBatch(serverUrl: string, prompts: string[]): Promise<BatchAnswerItem[]> {
	const response = await fetch(`${serverUrl}${QUEUE_WEBHOOK_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ prompts }),
		signal: AbortSignal.timeout(300_000),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`POST ${QUEUE_WEBHOOK_PATH} answered ${response.status}: ${text}`);
	const parsed = JSON.parse(text) as BatchAnswerItem[] | BatchAnswerItem;
	return Array.isArray(parsed) ? parsed : [parsed];
}

/** Every prompt's item succeeded with its own task (the one the simulator made for that prompt). */
export function checkBatchAnswer(
	sim: KieSimulatorApi,
	prompts: string[],
	answer: BatchAnswerItem[],
	checks: Checks,
	label: string,
): void {
	checks.equal(answer.length, prompts.length, `${label}: items answered`);
	answer.forEach((item, index) => {
		const task = item.taskId ? sim.record.tasks.get(item.taskId) : undefined;
		checks.that(
			item.state === 'success' && item.error === undefined,
			`${label} item ${index}: state ${item.state}${item.error ? ` (error ${JSON.stringify(item.error)})` : ''}`,
		);
		checks.equal(task?.input.prompt, prompts[index], `${label} item ${index}: the task's prompt`);
		checks.that(
			(item.resultUrls ?? []).length > 0 &&
				(item.resultUrls ?? []).every((url) => url.startsWith(`${sim.baseUrl}/files/results/`)),
			`${label} item ${index}: resultUrls ${JSON.stringify(item.resultUrls)}`,
		);
	});
}

/** The redis-server binary; installs Debian's package when it is missing and we are root. */
export function ensureRedisServer(): string {
	const find = () => spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	let found = find();
	if (found.status !== 0) {
		if (process.getuid?.() !== 0) {
			throw new Error('redis-server is not installed (apt-get install redis-server)');
		}
		process.stdout.write('  installing redis-server (apt-get)\n');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		for (const args of [['update'], ['install', '-y', 'redis-server']]) {
			const run = spawnSync('apt-get', args, { env, encoding: 'utf8' });
			if (run.status !== 0)
				throw new Error(`apt-get ${args.join(' ')} failed:\n${tail(run.stderr)}`);
		}
		found = find();
	}
	return found.stdout.trim();
}

export interface QueueModeOptions {
	executions: number;
	itemsPerExecution: number;
	generationMs: number;
	/** Enforced by the simulator and claimed by the credential. */
	limit: { max: number; windowMs: number };
	/** Status requests the simulator allows per key (default: no cap). */
	statusLimit?: { max: number; windowMs: number };
	workers: number;
	/** Changes the packed package before it is installed (the bench: another limiter, a trace). */
	preparePackage?: (packed: PackedPackage, work: string) => Promise<PackedPackage>;
	/** Called with the simulator and when the first POST was sent, before the simulator stops. */
	inspect?: (sim: KieSimulatorApi, sentAt: number) => void;
	/** Also generate one image with its file downloaded on a worker and answered by the main. */
	fileRoundTrip?: boolean;
	log?: (message: string) => void;
}

export interface QueueModeRun {
	/** First POST sent → last answer received. */
	wallMs: number;
	startupMs: number;
	items: number;
	itemErrors: number;
	createRequests: number;
	answered429: number;
	maxCreatesPerWindow: number;
	statusRequests: number;
	statusAnswered429: number;
	/** Accepted status requests in the busiest second (sliding). */
	maxStatusRequestsPerSecond: number;
	/** Prompts with more than one task. */
	duplicates: number;
	/** Tasks the simulator created that no answered item names. */
	lostTasks: number;
	/** Executions each worker started (from its log). */
	executionsPerWorker: number[];
	/** From the simulator's record, ms after the first POST was sent. */
	record: {
		firstCreateArrivedMs: number;
		lastCreateAcceptedMs: number;
		lastTaskFinishedMs: number;
		/** The last task's first poll answered with its final state. */
		lastTaskSeenMs: number;
		/** Per window from the first create's arrival: accepted and refused creates. */
		acceptedPerWindow: number[];
		refusedPerWindow: number[];
		/** When each execution's answer was received (in POST order). */
		answeredMs: number[];
	};
	failures: string[];
}

function recordFigures(sim: KieSimulatorApi, sentAt: number, windowMs: number) {
	const creates = sim.record.requests.filter((request) => request.endpoint === 'createTask');
	const tasks = [...sim.record.tasks.values()];
	const first = Math.min(...creates.map((request) => request.arrivedAt));
	const acceptedPerWindow: number[] = [];
	const refusedPerWindow: number[] = [];
	for (const request of creates) {
		const index = Math.floor((request.arrivedAt - first) / windowMs);
		while (acceptedPerWindow.length <= index) {
			acceptedPerWindow.push(0);
			refusedPerWindow.push(0);
		}
		if (answeredRateLimit(request)) refusedPerWindow[index]++;
		else acceptedPerWindow[index]++;
	}
	// QUEUE_TRACE=N: the first N windows' creates (ms after the first, execution, answer).
	if (process.env.QUEUE_TRACE) {
		const early = creates.filter(
			(request) => request.arrivedAt - first < Number(process.env.QUEUE_TRACE) * windowMs,
		);
		const line = early.map((request) => {
			const prompt = String((request.body as { input?: { prompt?: string } })?.input?.prompt);
			const refused = answeredRateLimit(request) ? '×' : '';
			return `${request.arrivedAt - first}:e${/batch (\d+)/.exec(prompt)?.[1]}${refused}`;
		});
		process.stdout.write(`  first creates: ${line.join(' ')}\n`);
	}
	return {
		firstCreateArrivedMs: first - sentAt,
		lastCreateAcceptedMs: Math.max(...tasks.map((task) => task.createdAt)) - sentAt,
		lastTaskFinishedMs: Math.max(...tasks.map((task) => task.finishAt)) - sentAt,
		lastTaskSeenMs:
			Math.max(
				...tasks.map((task) => task.pollTimes.find((time) => time >= task.finishAt) ?? NaN),
			) - sentAt,
		acceptedPerWindow,
		refusedPerWindow,
	};
}

function workerExecutions(worker: Service): number {
	return (worker.output().match(/Worker started execution/g) ?? []).length;
}

/** One queue-mode session: Redis, main, workers, the batch POSTs, the simulator's figures. */
export async function runQueueMode(options: QueueModeOptions): Promise<QueueModeRun> {
	const log = options.log ?? ((message: string) => process.stdout.write(`  ${message}\n`));
	const started = Date.now();
	const n8nBinary = ensureN8n(repoRoot);
	const redisServer = ensureRedisServer();
	const work = await mkdtemp(path.join(tmpdir(), 'n8n-kie-queue-'));
	let postgres: Postgres | undefined;
	const userFolder = path.join(work, 'user');
	const filesFolder = path.join(work, 'files');
	await mkdir(filesFolder, { recursive: true });
	const sim = await startSimulator({
		generationMs: options.generationMs,
		createLimit: options.limit,
		statusLimit: options.statusLimit,
	});
	const checks = new Checks();
	try {
		let packed = await packPackage(repoRoot, work);
		if (options.preparePackage) packed = await options.preparePackage(packed, work);
		await installAsCommunityPackage(packed, userFolder);

		const redisPort = await freePort();
		const redis = startService(redisServer, [
			'--port',
			String(redisPort),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
		]);
		[postgres] = await Promise.all([
			startPostgres(),
			redis.waitFor(/Ready to accept connections/, 30_000),
		]);

		const serverPort = await freePort();
		const serverUrl = `http://127.0.0.1:${serverPort}/`;
		const n8n = new N8nCli(
			n8nBinary,
			n8nEnvironment({
				userFolder,
				filesFolder,
				extra: {
					...postgres.n8nEnv,
					WEBHOOK_URL: serverUrl,
					EXECUTIONS_MODE: 'queue',
					QUEUE_BULL_REDIS_HOST: '127.0.0.1',
					QUEUE_BULL_REDIS_PORT: String(redisPort),
					// Workers write result files where the main can read them back.
					N8N_AVAILABLE_BINARY_DATA_MODES: 'filesystem,database',
					N8N_DEFAULT_BINARY_DATA_MODE: 'database',
				},
			}),
		);
		const credentialFile = path.join(work, 'credentials.json');
		await writeFile(
			credentialFile,
			JSON.stringify([
				{
					id: 'kieQueueCredential',
					name: 'Kie.ai account',
					type: 'kieApi',
					data: {
						apiKey: 'sim-key',
						baseUrl: sim.baseUrl,
						uploadBaseUrl: sim.uploadBaseUrl,
						maxNewTasks: options.limit.max,
						maxNewTasksWindow: options.limit.windowMs / 1000,
					},
				},
			]),
		);
		await n8n.importCredentials(credentialFile);
		const workflows = path.join(work, 'workflows');
		await mkdir(workflows);
		const workflow = JSON.parse(
			await readFile(path.join(repoRoot, 'examples', QUEUE_EXAMPLE), 'utf8'),
		) as Record<string, unknown>;
		workflow.id = WORKFLOW_ID;
		await writeFile(path.join(workflows, QUEUE_EXAMPLE), JSON.stringify(workflow));
		if (options.fileRoundTrip) {
			await writeFile(
				path.join(workflows, 'file-round-trip.json'),
				JSON.stringify(fileRoundTripWorkflow()),
			);
		}
		await n8n.importWorkflows(workflows);
		// One n8n start-up for both workflows (each CLI command is a whole start of n8n).
		if (options.fileRoundTrip) {
			const activated = await n8n.run(['update:workflow', '--all', '--active=true']);
			if (activated.code !== 0) {
				throw new Error(`n8n update:workflow --all failed:\n${tail(activated.stderr)}`);
			}
		} else await n8n.activate(WORKFLOW_ID);

		// Main and workers start side by side (each loads n8n, the longest part of a start-up).
		const [main, ...workers] = await Promise.all([
			n8n.startServer(serverPort, 180_000),
			...Array.from({ length: options.workers }, async () => await n8n.startWorker()),
		]);
		const startupMs = Date.now() - started;
		log(`main and ${options.workers} workers up after ${(startupMs / 1000).toFixed(1)} s`);

		const batches = Array.from({ length: options.executions }, (_, execution) =>
			Array.from(
				{ length: options.itemsPerExecution },
				(_, item) => `Queue batch ${execution} picture ${item}`,
			),
		);
		const sentAt = Date.now();
		const answeredMs: number[] = [];
		const answers = await Promise.all(
			batches.map(async (prompts, index) => {
				try {
					return await postBatch(serverUrl, prompts);
				} catch (error) {
					checks.failures.push(`execution ${index}: ${(error as Error).message}`);
					return [];
				} finally {
					answeredMs[index] = Date.now() - sentAt;
				}
			}),
		);
		const wallMs = Date.now() - sentAt;
		answers.forEach((answer, index) =>
			checkBatchAnswer(sim, batches[index], answer, checks, `execution ${index}`),
		);
		const batchRecord = { ...recordFigures(sim, sentAt, options.limit.windowMs), answeredMs };
		options.inspect?.(sim, sentAt);
		if (options.fileRoundTrip) await checkFileRoundTrip(sim, serverUrl, postgres, checks);

		const prompts = batches.flat();
		const batchPrompts = new Set(prompts);
		const creates = sim.record.requests.filter(
			(request) =>
				request.endpoint === 'createTask' &&
				batchPrompts.has(String((request.body as { input?: { prompt?: string } })?.input?.prompt)),
		);
		const tasks = [...sim.record.tasks.values()].filter((task) =>
			batchPrompts.has(String(task.input.prompt)),
		);
		const tasksPerPrompt = new Map<string, number>();
		for (const task of tasks) {
			const prompt = String(task.input.prompt);
			tasksPerPrompt.set(prompt, (tasksPerPrompt.get(prompt) ?? 0) + 1);
		}
		const answered = new Set(answers.flat().map((item) => item.taskId));
		const executionsPerWorker = workers.map(workerExecutions);
		const run: QueueModeRun = {
			wallMs,
			startupMs,
			items: prompts.length,
			itemErrors:
				answers.flat().filter((item) => item.state !== 'success').length +
				prompts.length -
				answers.flat().length,
			createRequests: creates.length,
			answered429: creates.filter(answeredRateLimit).length,
			maxCreatesPerWindow: sim.record.maxCreatesInAnyWindow(options.limit.windowMs),
			statusRequests: sim.record.count('recordInfo'),
			statusAnswered429: sim.record.statusRateLimitedCount(),
			maxStatusRequestsPerSecond: sim.record.maxStatusRequestsInAnyWindow(1000),
			duplicates: [...tasksPerPrompt.values()].filter((count) => count > 1).length,
			lostTasks: tasks.filter((task) => !answered.has(task.taskId)).length,
			executionsPerWorker,
			record: batchRecord,
			failures: checks.failures,
		};
		checks.equal(run.duplicates, 0, 'prompts with more than one task');
		checks.equal(run.lostTasks, 0, 'tasks no item reports');
		checks.equal(tasks.length, prompts.length, 'tasks the simulator created');
		checks.that(
			run.maxCreatesPerWindow <= options.limit.max,
			`${run.maxCreatesPerWindow} creates accepted in one window (limit ${options.limit.max})`,
		);
		checks.equal(
			executionsPerWorker.reduce((sum, count) => sum + count, 0),
			options.executions + (options.fileRoundTrip ? 1 : 0),
			'executions the workers started',
		);
		checks.that(
			!/Worker started execution/.test(main.output()),
			'the main process ran an execution itself',
		);
		if (checks.failures.length > 0) {
			log(`--- main (last lines) ---\n${tail(main.output(), 30)}`);
			workers.forEach((worker, index) =>
				log(`--- worker ${index + 1} (last lines) ---\n${tail(worker.output(), 30)}`),
			);
		}
		return run;
	} finally {
		await stopAllProcesses();
		await postgres?.remove();
		await sim.stop();
		if (checks.failures.length === 0 && process.env.E2E_KEEP !== '1') {
			await rm(work, { recursive: true, force: true });
		} else log(`(kept ${work})`);
	}
}

/** .ci/run: a small queue-mode batch, checked; prints what the simulator counted. */
async function main(): Promise<number> {
	if (!existsSync(path.join(repoRoot, 'dist', 'nodes'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const started = Date.now();
	process.stdout.write(
		'▶ queue mode: Postgres, Redis, n8n main, 2 workers, 4 webhook executions and a file round trip\n',
	);
	const run = await runQueueMode({
		executions: 4,
		itemsPerExecution: 10,
		generationMs: 1000,
		limit: { max: 20, windowMs: 2000 },
		workers: 2,
		fileRoundTrip: true,
	});
	const share = run.createRequests > 0 ? run.answered429 / run.createRequests : 0;
	process.stdout.write(
		`  ${run.items} items: ${run.items - run.itemErrors} succeeded, ${run.duplicates} duplicates, ` +
			`${run.lostTasks} lost; ${run.createRequests} create requests, ${run.answered429} answered 429 ` +
			`(${(share * 100).toFixed(0)} %), at most ${run.maxCreatesPerWindow} creates per 2 s window; ` +
			`executions per worker ${run.executionsPerWorker.join(' + ')}; batch ${(run.wallMs / 1000).toFixed(1)} s, ` +
			`start-up ${(run.startupMs / 1000).toFixed(1)} s, total ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
	);
	for (const failure of run.failures) process.stdout.write(`  ✗ ${failure}\n`);
	process.stdout.write(
		run.failures.length === 0 ? 'QUEUE MODE E2E PASSED\n' : 'QUEUE MODE E2E FAILED\n',
	);
	return run.failures.length === 0 ? 0 : 1;
}

if (require.main === module) {
	const interrupted = () => void stopAllProcesses(1_000).finally(() => process.exit(130));
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);
	main().then(
		(code) => process.exit(code),
		(error: Error) => {
			process.stderr.write(`\nQUEUE MODE E2E FAILED: ${error.message}\n`);
			void stopAllProcesses().finally(() => process.exit(1));
		},
	);
}
