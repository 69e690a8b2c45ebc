/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * The real n8n (the cached install made by scripts/ensure-n8n.sh) driven through its CLI:
 * `import:credentials`, `import:workflow`, `execute --id … --rawOutput`, `start`.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';

import { type CommandResult, runCommand, type Service, startService, tail } from './processes';

/** Fixed so the credentials imported by one command decrypt in the next. */
export const E2E_ENCRYPTION_KEY = 'n8n-nodes-kie-e2e-not-a-secret';

/** Creates or reuses the cached n8n install; returns the path of its `n8n` binary. */
export function ensureN8n(repoRoot: string): string {
	const script = path.join(repoRoot, 'scripts', 'ensure-n8n.sh');
	const result = spawnSync('bash', [script], {
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
	});
	if (result.status !== 0) {
		throw new Error(
			`${script} failed (exit ${result.status ?? result.signal}); see its output above`,
		);
	}
	const cacheDir = result.stdout.trim().split('\n').pop() ?? '';
	return path.join(cacheDir, 'node_modules', '.bin', 'n8n');
}

export interface N8nEnvOptions {
	userFolder: string;
	/** Folder the Read/Write Files from Disk node may use (N8N_RESTRICT_FILE_ACCESS_TO). */
	filesFolder: string;
	encryptionKey?: string;
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
	extra?: Record<string, string>;
}

/**
 * A clean environment: nothing inherited that could change n8n's behaviour (N8N_*, DB_*, npm
 * config, proxies for 127.0.0.1), telemetry and update checks off, SQLite in the user folder.
 */
export function n8nEnvironment(options: N8nEnvOptions): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(N8N_|DB_|QUEUE_|EXECUTIONS_|GENERIC_|WEBHOOK_URL$|npm_|NODE_OPTIONS$)/i.test(key))
			continue;
		env[key] = value;
	}
	const noProxy = ['127.0.0.1', 'localhost', env.NO_PROXY ?? env.no_proxy]
		.filter(Boolean)
		.join(',');
	return {
		...env,
		NO_PROXY: noProxy,
		no_proxy: noProxy,
		N8N_USER_FOLDER: options.userFolder,
		N8N_ENCRYPTION_KEY: options.encryptionKey ?? E2E_ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		// `execute --rawOutput` prints the execution through the logger at level info
		N8N_LOG_LEVEL: options.logLevel ?? 'info',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// the list of verified packages comes from api.n8n.io: not needed, and offline here
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_RESTRICT_FILE_ACCESS_TO: options.filesFolder,
		// What 1.123 recommends instead of its deprecated defaults (it warns at every start otherwise):
		// a pool of read connections (SQLite in WAL mode, also better for `execute` beside `start`),
		// task runners for Code nodes, no environment access from expressions, no bare git repos.
		DB_SQLITE_POOL_SIZE: '2',
		N8N_RUNNERS_ENABLED: 'true',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
		...options.extra,
	};
}

/** One item of a node's output as `execute --rawOutput` prints it. */
export interface OutputItem {
	json: Record<string, unknown>;
	binary?: Record<
		string,
		{
			mimeType: string;
			fileName?: string;
			fileExtension?: string;
			data: string;
			fileSize?: string;
			id?: string;
		}
	>;
	pairedItem?: { item: number } | Array<{ item: number }>;
}

interface TaskRun {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: { main?: Array<OutputItem[] | null> };
}

export interface ExecutionResult {
	status?: string;
	finished?: boolean;
	data: { resultData: { runData: Record<string, TaskRun[]>; error?: { message?: string } } };
}

export class N8nCli {
	constructor(
		private readonly n8nBinary: string,
		private readonly env: NodeJS.ProcessEnv,
	) {}

	/** Each n8n process gets its own task broker port (1.123 binds 5679 otherwise, one process only). */
	private async processEnv(extra: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
		return { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...extra };
	}

	async run(args: string[], timeoutMs = 180_000): Promise<CommandResult> {
		return await runCommand(this.n8nBinary, args, { env: await this.processEnv(), timeoutMs });
	}

	private async runOrThrow(args: string[]): Promise<CommandResult> {
		const result = await this.run(args);
		if (result.code !== 0 || result.timedOut) {
			throw new Error(
				`n8n ${args.join(' ')} failed (${result.timedOut ? 'timed out' : `exit ${result.code}`}):\n` +
					tail(`${result.stdout}\n${result.stderr}`),
			);
		}
		return result;
	}

	async importCredentials(file: string): Promise<CommandResult> {
		return await this.runOrThrow(['import:credentials', `--input=${file}`]);
	}

	/** Imports every *.json of `folder` (one workflow per file) in one process. */
	async importWorkflows(folder: string): Promise<CommandResult> {
		return await this.runOrThrow(['import:workflow', '--separate', `--input=${folder}`]);
	}

	/** Marks a workflow active; `n8n start` then registers its production webhooks. */
	async activate(workflowId: string): Promise<CommandResult> {
		return await this.runOrThrow(['update:workflow', `--id=${workflowId}`, '--active=true']);
	}

	/**
	 * `n8n start` on 127.0.0.1:`port` (the environment must carry WEBHOOK_URL for that port);
	 * resolves once the active workflows are activated and the editor is up.
	 */
	async startServer(port: number, timeoutMs = 120_000): Promise<Service> {
		const service = startService(this.n8nBinary, ['start'], {
			env: await this.processEnv({
				N8N_PORT: String(port),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_HOST: '127.0.0.1',
			}),
		});
		await service.waitFor(/Editor is now accessible via/, timeoutMs);
		return service;
	}

	/** `n8n worker` (queue mode: the environment carries EXECUTIONS_MODE and Redis); resolves when ready. */
	async startWorker(concurrency = 10, timeoutMs = 180_000): Promise<Service> {
		const service = startService(this.n8nBinary, ['worker', `--concurrency=${concurrency}`], {
			env: await this.processEnv(),
		});
		await service.waitFor(/n8n worker is now ready/, timeoutMs);
		return service;
	}

	/**
	 * `n8n execute --id … --rawOutput`; the run data, or an error with n8n's own explanation.
	 * n8n exits 1 for an execution that ends in error: with `expectedStatus` 'error' that execution
	 * is returned for its checks.
	 */
	async execute(
		workflowId: string,
		expectedStatus = 'success',
	): Promise<{ execution: ExecutionResult; durationMs: number }> {
		const result = await this.run(['execute', `--id=${workflowId}`, '--rawOutput']);
		const execution = parseExecution(result.stdout);
		if (expectedStatus === 'error' && result.code === 1 && execution?.status === 'error') {
			return { execution, durationMs: result.durationMs };
		}
		// Seen under load: n8n execute printed the whole execution, then was ended by a signal
		// during its own shutdown (code null). The run data is complete, so it is checked as usual.
		const endedAfterOutput = result.code === null && !result.timedOut && execution !== undefined;
		if (endedAfterOutput) {
			process.stderr.write(
				`  note: n8n execute --id=${workflowId} was ended by ${result.signal ?? 'a signal'} after printing its execution\n`,
			);
		}
		if ((result.code !== 0 && !endedAfterOutput) || result.timedOut || !execution) {
			const nodeErrors = execution ? describeNodeErrors(execution) : '';
			throw new Error(
				`n8n execute --id=${workflowId} ${result.timedOut ? 'timed out' : `exited ${result.code} (signal ${result.signal ?? 'none'})`}` +
					(nodeErrors ? `\n${nodeErrors}` : '') +
					`\n--- n8n output (last lines) ---\n${tail(`${result.stdout}\n${result.stderr}`, 60)}`,
			);
		}
		return { execution, durationMs: result.durationMs };
	}
}

/**
 * `--rawOutput` prints the execution as pretty JSON, but n8n's logger may print lines before it:
 * take the first line that is exactly "{" from which the rest (or up to a line "}") parses.
 */
export function parseExecution(stdout: string): ExecutionResult | undefined {
	const lines = stdout.split('\n');
	for (let index = 0; index < lines.length; index++) {
		if (lines[index] !== '{') continue;
		// The logger may also print after it (e.g. "Registered runner …"): end at a line "}".
		for (let end = lines.length; end > index; end--) {
			if (end < lines.length && lines[end - 1] !== '}') continue;
			try {
				const parsed = JSON.parse(lines.slice(index, end).join('\n')) as ExecutionResult;
				if (parsed?.data?.resultData) return parsed;
			} catch {
				// Not the execution's JSON; keep looking.
			}
		}
	}
	return undefined;
}

export function describeNodeErrors(execution: ExecutionResult): string {
	const messages: string[] = [];
	const topLevel = execution.data.resultData.error?.message;
	if (topLevel) messages.push(`execution error: ${topLevel}`);
	for (const [nodeName, runs] of Object.entries(execution.data.resultData.runData)) {
		for (const run of runs) {
			if (run.error) {
				messages.push(
					`node "${nodeName}": ${run.error.message ?? 'error'}${run.error.description ? ` (${run.error.description})` : ''}`,
				);
			}
		}
	}
	return messages.join('\n');
}

/** The items a node put on its first output in its first run. */
export function nodeOutput(execution: ExecutionResult, nodeName: string): OutputItem[] {
	const runs = execution.data.resultData.runData[nodeName];
	if (!runs || runs.length === 0) {
		const ran = Object.keys(execution.data.resultData.runData).join(', ');
		throw new Error(`node "${nodeName}" did not run (nodes that ran: ${ran})`);
	}
	return runs[0].data?.main?.[0] ?? [];
}

/** A free TCP port on 127.0.0.1 (free when asked; n8n binds it a few seconds later). */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export interface StoredExecution {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	/** The run data (execution_data.data, stored with `flatted`). */
	data?: ExecutionResult['data'];
}

interface SqliteDatabase {
	all(
		sql: string,
		params: unknown[],
		callback: (error: Error | null, rows: unknown[]) => void,
	): void;
	close(callback?: (error: Error | null) => void): void;
}

/**
 * Reads executions straight from n8n's SQLite database (read-only), with the sqlite3 and flatted
 * modules of the n8n install, for executions that finish inside `n8n start` (webhooks, Wait).
 */
export class N8nDatabase {
	private readonly requireFromN8n: NodeJS.Require;

	constructor(
		n8nBinary: string,
		private readonly userFolder: string,
	) {
		// <cache>/node_modules/.bin/n8n → resolve modules as if from <cache>/
		this.requireFromN8n = createRequire(
			path.join(path.dirname(n8nBinary), '..', '..', 'package.json'),
		);
	}

	async executions(where: { workflowId?: string; id?: string }): Promise<StoredExecution[]> {
		const sqlite3 = this.requireFromN8n('sqlite3') as {
			Database: new (
				file: string,
				mode: number,
				callback: (error: Error | null) => void,
			) => SqliteDatabase;
			OPEN_READONLY: number;
		};
		const flatted = this.requireFromN8n('flatted') as { parse(text: string): unknown };
		const file = path.join(this.userFolder, '.n8n', 'database.sqlite');
		const database = await new Promise<SqliteDatabase>((resolve, reject) => {
			const opened: SqliteDatabase = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) =>
				error ? reject(error) : resolve(opened),
			);
		});
		try {
			const conditions: string[] = [];
			const params: unknown[] = [];
			if (where.workflowId !== undefined) {
				conditions.push('e.workflowId = ?');
				params.push(where.workflowId);
			}
			if (where.id !== undefined) {
				conditions.push('e.id = ?');
				params.push(Number(where.id));
			}
			const rows = await new Promise<unknown[]>((resolve, reject) =>
				database.all(
					`SELECT e.id, e.workflowId, e.mode, e.status, d.data FROM execution_entity e
					 LEFT JOIN execution_data d ON d.executionId = e.id
					 ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY e.id`,
					params,
					(error, result) => (error ? reject(error) : resolve(result)),
				),
			);
			return (
				rows as Array<{
					id: number;
					workflowId: string;
					mode: string;
					status: string;
					data: string | null;
				}>
			).map((row) => ({
				id: String(row.id),
				workflowId: row.workflowId,
				mode: row.mode,
				status: row.status,
				data: row.data ? (flatted.parse(row.data) as ExecutionResult['data']) : undefined,
			}));
		} finally {
			await new Promise<void>((resolve) => database.close(() => resolve()));
		}
	}
}

/** Polls `probe` every 250 ms until it returns a value, or throws after `timeoutMs`. */
export async function eventually<T>(
	what: string,
	timeoutMs: number,
	probe: () => Promise<T | undefined>,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: Error | undefined;
	for (;;) {
		try {
			const value = await probe();
			if (value !== undefined) return value;
		} catch (error) {
			lastError = error as Error;
		}
		if (Date.now() > deadline) {
			throw new Error(
				`${what}: not within ${timeoutMs / 1000} s${lastError ? ` (last error: ${lastError.message})` : ''}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
