/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Child processes for the end-to-end run and for `npm run dev`: every process is started in its
 * own process group, remembered, and killed (group and all) by `stopAllProcesses`, so nothing
 * outlives the runner, whether it ends normally, fails or is interrupted.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export interface CommandResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	durationMs: number;
	timedOut: boolean;
}

export interface CommandOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Killed (whole process group) after this long. Default 10 minutes. */
	timeoutMs?: number;
	/** Also copy the child's output to ours as it arrives. */
	echo?: boolean;
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// Already gone.
	}
}

/** Spawns in its own process group, output piped, known to `stopAllProcesses` until it ends. */
function spawnTracked(
	command: string,
	args: readonly string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv },
): ChildProcess {
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	running.add(child);
	child.once('exit', () => running.delete(child));
	return child;
}

/** Runs a command to completion and collects its output; never rejects for a non-zero exit. */
export function runCommand(
	command: string,
	args: readonly string[],
	options: CommandOptions = {},
): Promise<CommandResult> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawnTracked(command, args, options);
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout?.on('data', (chunk: Buffer) => {
			stdout.push(chunk);
			if (options.echo) process.stdout.write(chunk);
		});
		child.stderr?.on('data', (chunk: Buffer) => {
			stderr.push(chunk);
			if (options.echo) process.stderr.write(chunk);
		});
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child, 'SIGKILL');
		}, options.timeoutMs ?? 600_000);
		child.once('error', (error) => {
			clearTimeout(timer);
			running.delete(child); // a process that never started emits no 'exit'
			reject(new Error(`could not start ${command}: ${error.message}`));
		});
		child.once('close', (code, signal) => {
			clearTimeout(timer);
			resolve({
				code,
				signal,
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8'),
				durationMs: Date.now() - started,
				timedOut,
			});
		});
	});
}

export interface Service {
	child: ChildProcess;
	/** Everything the process printed so far (stdout and stderr, interleaved). */
	output(): string;
	/** Resolves once the output matches; rejects if the process exits first or after `timeoutMs`. */
	waitFor(pattern: RegExp, timeoutMs: number): Promise<void>;
}

/** Starts a long-running process whose output is collected (and optionally echoed). */
export function startService(
	command: string,
	args: readonly string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; echo?: boolean } = {},
): Service {
	const child = spawnTracked(command, args, options);
	let output = '';
	const listeners = new Set<() => void>();
	const collect = (chunk: Buffer) => {
		output += chunk.toString('utf8');
		if (options.echo) process.stdout.write(chunk);
		for (const listener of listeners) listener();
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	return {
		child,
		output: () => output,
		waitFor: (pattern, timeoutMs) =>
			new Promise<void>((resolve, reject) => {
				const finish = (error?: Error) => {
					clearTimeout(timer);
					listeners.delete(check);
					child.off('exit', exited);
					if (error) reject(error);
					else resolve();
				};
				const check = () => {
					if (pattern.test(output)) finish();
				};
				const exited = (code: number | null) =>
					finish(
						new Error(`${command} exited (${code}) before printing ${pattern}:\n${tail(output)}`),
					);
				const timer = setTimeout(
					() =>
						finish(
							new Error(
								`${command} did not print ${pattern} within ${timeoutMs} ms:\n${tail(output)}`,
							),
						),
					timeoutMs,
				);
				listeners.add(check);
				child.once('exit', exited);
				check();
			}),
	};
}

/** SIGTERM to every process group still running, SIGKILL to those left after `graceMs`. */
export async function stopAllProcesses(graceMs = 5_000): Promise<void> {
	const children = [...running];
	if (children.length === 0) return;
	const exited = children.map(
		(child) =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) resolve();
				else child.once('exit', () => resolve());
			}),
	);
	for (const child of children) killGroup(child, 'SIGTERM');
	let timer: NodeJS.Timeout | undefined;
	const graceOver = new Promise<'timeout'>((resolve) => {
		timer = setTimeout(() => resolve('timeout'), graceMs);
	});
	const outcome = await Promise.race([Promise.all(exited), graceOver]);
	clearTimeout(timer);
	if (outcome === 'timeout') {
		for (const child of children) killGroup(child, 'SIGKILL');
		await Promise.all(exited);
	}
	running.clear();
}

/** The last `lines` lines of a process's output, for failure messages. */
export function tail(text: string, lines = 40): string {
	const all = text.trimEnd().split('\n');
	return all.slice(-lines).join('\n');
}

/** SIGTERM to one process's group, SIGKILL after `graceMs` if it is still running. */
export async function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	killGroup(child, 'SIGTERM');
	let timer: NodeJS.Timeout | undefined;
	const graceOver = new Promise<'timeout'>((resolve) => {
		timer = setTimeout(() => resolve('timeout'), graceMs);
	});
	const outcome = await Promise.race([exited, graceOver]);
	clearTimeout(timer);
	if (outcome === 'timeout') {
		killGroup(child, 'SIGKILL');
		await exited;
	}
}
