/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * The packed package changed for the queue-mode bench (runQueueMode's preparePackage): the
 * previous create limiter in place of the shipped one, or a trace of what each worker's client
 * did (queue-trace.ts reads it). Both edit the compiled files of an unpacked copy and pack it again.
 */
import { readFileSync } from 'node:fs';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { PackedPackage } from '../e2e/community-package';
import { runCommand } from '../e2e/processes';

async function repack(
	packed: PackedPackage,
	work: string,
	name: string,
	edit: (packageDir: string) => Promise<void>,
): Promise<PackedPackage> {
	const folder = path.join(work, name);
	await mkdir(folder, { recursive: true });
	const untar = await runCommand('tar', ['-xzf', packed.tarball, '-C', folder]);
	if (untar.code !== 0) throw new Error(`tar: ${untar.stderr}`);
	await edit(path.join(folder, 'package'));
	const tarball = path.join(work, `${name}.tgz`);
	const retar = await runCommand('tar', ['-czf', tarball, '-C', folder, 'package']);
	if (retar.code !== 0) throw new Error(`tar: ${retar.stderr}`);
	return { ...packed, tarball };
}

const clientDir = (packageDir: string) => path.join(packageDir, 'dist', 'nodes', 'Kie', 'client');

/**
 * The previous create limiter (test/helpers/legacyCreateLimiter.ts) as the account's create
 * limiter: accountLimiters.js hands it out instead (requestPolicy reads the export at each call).
 */
export async function previousLimiterPackage(
	packed: PackedPackage,
	work: string,
): Promise<PackedPackage> {
	return await repack(packed, work, 'previous-limiter', async (packageDir) => {
		const client = clientDir(packageDir);
		const legacy = readFileSync(
			path.join(__dirname, '..', 'helpers', 'legacyCreateLimiter.js'),
			'utf8',
		)
			.split('../../nodes/Kie/client/')
			.join('./');
		await writeFile(path.join(client, 'legacyCreateLimiter.js'), legacy);
		await appendFile(
			path.join(client, 'accountLimiters.js'),
			"\n;exports.taskCreateLimiterFor = require('./legacyCreateLimiter').legacyCreateLimiterFor;\n",
		);
	});
}

/**
 * Appended to requestPolicy.js: one JSON line per event to TRACE_FILE, from every worker (pid).
 *   create: a create's call and its accepted send (prompt, taskId);
 *   grant:  a limiter's permit (status or create): when asked, when granted, the queue then, the
 *           limiter's rate, the poll's likely-done ramp; the status request's taskId;
 *   refused: a 429 told to a limiter, and its rate after.
 */
const REQUEST_POLICY_TRACE = `
;(() => {
	const fs = require('fs');
	const file = TRACE_FILE;
	const line = (event) => fs.appendFileSync(file, JSON.stringify({ pid: process.pid, ...event }) + '\\n');
	const { PacedLimiter } = require('./pacedLimiter');
	const acquire = PacedLimiter.prototype.acquire;
	const taskOfRamp = new WeakMap();
	let current;
	PacedLimiter.prototype.acquire = function (signal, likelyDone) {
		const limiter = this.windowMs === 1000 ? 'status' : 'create';
		if (likelyDone && current) taskOfRamp.set(likelyDone, current);
		const task = current ?? (likelyDone ? taskOfRamp.get(likelyDone) : undefined);
		const askedAt = Date.now();
		const queued = this.queue.length;
		return acquire.call(this, signal, likelyDone).then((permit) => {
			line({ e: 'grant', limiter, task, askedAt, at: Date.now(), queued, rate: this.rate,
				from: likelyDone?.from, to: likelyDone?.to });
			const rateLimited = permit.rateLimited;
			permit.rateLimited = (retryAfterMs) => {
				rateLimited(retryAfterMs);
				line({ e: 'refused', limiter, task, at: Date.now(), rate: this.rate });
			};
			return permit;
		});
	};
	const send = exports.send;
	exports.send = function (transport, name, parts, options) {
		current = parts && parts.qs ? parts.qs.taskId : undefined;
		try { return send.apply(this, arguments); } finally { current = undefined; }
	};
	const sendCreate = exports.sendCreate;
	exports.sendCreate = function (transport, name, body) {
		const calledAt = Date.now();
		const prompt = body && body.input ? body.input.prompt : undefined;
		const sent = sendCreate.apply(this, arguments);
		sent.then((created) => line({ e: 'create', prompt, calledAt, sentAt: created.sentAt, at: Date.now(), task: created.taskId }), () => undefined);
		return sent;
	};
})();
`;

/** Appended to Kie.node.js: when each run of the node started and returned. */
const NODE_TRACE = `
;(() => {
	const fs = require('fs');
	const execute = exports.Kie.prototype.execute;
	exports.Kie.prototype.execute = async function () {
		const startedAt = Date.now();
		const items = this.getInputData().length;
		try { return await execute.apply(this, arguments); }
		finally { fs.appendFileSync(TRACE_FILE, JSON.stringify({ pid: process.pid, e: 'node', items, startedAt, at: Date.now() }) + '\\n'); }
	};
})();
`;

/** The shipped package, each worker appending its trace to `traceFile`. */
export function tracedPackage(traceFile: string) {
	return async (packed: PackedPackage, work: string): Promise<PackedPackage> =>
		await repack(packed, work, 'traced', async (packageDir) => {
			const at = JSON.stringify(traceFile);
			await appendFile(
				path.join(clientDir(packageDir), 'requestPolicy.js'),
				REQUEST_POLICY_TRACE.replace('TRACE_FILE', at),
			);
			await appendFile(
				path.join(packageDir, 'dist', 'nodes', 'Kie', 'Kie.node.js'),
				NODE_TRACE.replace('TRACE_FILE', at),
			);
		});
}
