/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * A throw-away PostgreSQL for the queue-mode run (n8n supports queue mode on Postgres, not on
 * SQLite): Debian's `postgresql` package (apt-get installed when absent and we are root), a
 * cluster made by initdb in a temporary folder, started on a free loopback port, trusted local
 * connections, no durability (fsync off: the data lives for one run). As root, the server runs as
 * the `postgres` user (initdb refuses root). The process is tracked by processes.ts, so
 * stopAllProcesses ends it with the n8n processes; `remove()` deletes the folder afterwards.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freePort } from './n8n';
import { runCommand, startService, tail } from './processes';

export interface Postgres {
	port: number;
	/** What n8n needs to use it (DB_TYPE and DB_POSTGRESDB_*). */
	n8nEnv: Record<string, string>;
	/** Runs one SQL statement with psql; its rows, one per line, fields separated by '|'. */
	query(sql: string): Promise<string[]>;
	/** Deletes the data folder (after the server stopped). */
	remove(): Promise<void>;
}

const DATABASE = 'n8n';
const ROLE = 'n8n';

/** The folder of initdb/postgres/createdb of the newest installed major version, if any. */
function findBinaries(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter((name) => existsSync(path.join(root, name, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length > 0 ? path.join(root, versions[0], 'bin') : undefined;
}

/** The PostgreSQL binaries; installs Debian's package when missing and we are root. */
export function ensurePostgres(): string {
	let binaries = findBinaries();
	if (binaries) return binaries;
	if (process.getuid?.() !== 0) {
		throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
	}
	process.stdout.write('  installing postgresql (apt-get)\n');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'postgresql']]) {
		const run = spawnSync('apt-get', args, { env, encoding: 'utf8' });
		if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${tail(run.stderr)}`);
	}
	binaries = findBinaries();
	if (!binaries) throw new Error('apt-get installed postgresql, but no initdb was found');
	return binaries;
}

/** Runs `binary` as the postgres user when we are root (initdb and postgres refuse root). */
function asServerUser(binary: string, args: string[]): [string, string[]] {
	if (process.getuid?.() !== 0) return [binary, args];
	return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', binary, ...args]];
}

export async function startPostgres(): Promise<Postgres> {
	const binaries = ensurePostgres();
	const folder = await mkdtemp(path.join(tmpdir(), 'n8n-kie-postgres-'));
	if (process.getuid?.() === 0) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
		await chown(folder, uid, gid);
	}
	const data = path.join(folder, 'data');
	const env = { ...process.env, LC_ALL: 'C.UTF-8' };
	const [initCommand, initArgs] = asServerUser(path.join(binaries, 'initdb'), [
		`--pgdata=${data}`,
		'--auth=trust',
		`--username=${ROLE}`,
		'--encoding=UTF8',
		'--no-sync',
		'--no-instructions',
	]);
	const init = await runCommand(initCommand, initArgs, { cwd: folder, env, timeoutMs: 120_000 });
	if (init.code !== 0) throw new Error(`initdb failed:\n${tail(`${init.stdout}\n${init.stderr}`)}`);

	const port = await freePort();
	const [serverCommand, serverArgs] = asServerUser(path.join(binaries, 'postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-h',
		'127.0.0.1',
		'-k',
		folder,
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
	]);
	const server = startService(serverCommand, serverArgs, { cwd: folder, env });
	await server.waitFor(/database system is ready to accept connections/, 60_000);

	const [createCommand, createArgs] = asServerUser(path.join(binaries, 'createdb'), [
		'-h',
		'127.0.0.1',
		'-p',
		String(port),
		'-U',
		ROLE,
		DATABASE,
	]);
	const created = await runCommand(createCommand, createArgs, { cwd: folder, env });
	if (created.code !== 0) throw new Error(`createdb failed:\n${tail(created.stderr)}`);

	return {
		port,
		n8nEnv: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: DATABASE,
			DB_POSTGRESDB_USER: ROLE,
			DB_POSTGRESDB_PASSWORD: '',
		},
		query: async (sql) => {
			const [command, args] = asServerUser(path.join(binaries, 'psql'), [
				...['-h', '127.0.0.1', '-p', String(port), '-U', ROLE, '-d', DATABASE],
				...['-At', '-v', 'ON_ERROR_STOP=1', '-c', sql],
			]);
			const result = await runCommand(command, args, { cwd: folder, env });
			if (result.code !== 0) throw new Error(`psql failed:\n${tail(result.stderr)}`);
			return result.stdout.split('\n').filter((line) => line !== '');
		},
		remove: async () => await rm(folder, { recursive: true, force: true }),
	};
}
