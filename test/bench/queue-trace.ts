/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * `node build-test/test/bench/queue-trace.js [--generation-ms 3000] [--out file.json]`: one run of
 * the queue-mode bench (QUEUE in scale-scenarios.ts) with every worker's client traced
 * (queue-packages.ts), joined with the simulator's record: per task its execution and worker,
 * create, finish, each status request (asked by the poll loop, granted by the limiter, arrived,
 * answered), when it was seen final, when its node run returned and its execution was answered.
 * Prints where the wall goes (first POST → first create, → last create, → last finish, → last
 * seen, → node returned, → answered) and the tail's tasks. `--generation-ms 1` gives near-instant
 * tasks: what is left is creates and n8n's own overhead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir, loadavg } from 'node:os';
import path from 'node:path';

import { runQueueMode } from '../e2e/queue-mode';
import type { KieSimulatorApi } from '../simulator';
import { answeredRateLimit } from '../simulator/record';
import { onePollFloor } from './metrics';
import { tracedPackage } from './queue-packages';
import { QUEUE } from './scale-scenarios';

interface TraceLine {
	pid: number;
	e: 'grant' | 'refused' | 'create' | 'node';
	limiter?: 'status' | 'create';
	task?: string;
	prompt?: string;
	askedAt?: number;
	at: number;
	calledAt?: number;
	sentAt?: number;
	queued?: number;
	rate?: number;
	from?: number;
	to?: number;
	items?: number;
	startedAt?: number;
}

function argument(name: string): string | undefined {
	const index = process.argv.indexOf(name);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

const s = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '–');

async function main(): Promise<void> {
	const generationMs = Number(argument('--generation-ms') ?? QUEUE.generationMs);
	const traceFile = path.join(
		await mkdtemp(path.join(tmpdir(), 'kie-queue-trace-')),
		'trace.jsonl',
	);
	const loadBefore = loadavg()[0];
	let sim: KieSimulatorApi | undefined;
	let sentAt = 0;
	let tasks: ReturnType<typeof taskRows> = [];
	const run = await runQueueMode({
		...QUEUE,
		generationMs,
		preparePackage: tracedPackage(traceFile),
		inspect: (simulator, firstPostAt) => {
			sim = simulator;
			sentAt = firstPostAt;
			tasks = taskRows(simulator, firstPostAt);
		},
	});
	if (!sim) throw new Error('no record');
	const trace = readFileSync(traceFile, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((text) => JSON.parse(text) as TraceLine);
	const rel = (time: number | undefined) => (time === undefined ? NaN : time - sentAt);

	// Worker of each task: the process whose create made it; the execution from the prompt.
	const workerOf = new Map<string, number>();
	for (const line of trace) if (line.e === 'create' && line.task) workerOf.set(line.task, line.pid);
	const pids = [...new Set(trace.map((line) => line.pid))].sort();
	const workerName = (pid: number | undefined) =>
		pid === undefined ? '?' : `w${pids.indexOf(pid) + 1}`;
	const grants = trace.filter((line) => line.e === 'grant' && line.limiter === 'status');
	const nodeRuns = trace.filter((line) => line.e === 'node');

	const rows = tasks.map((task) => {
		const polls = grants
			.filter((grant) => grant.task === task.taskId)
			.map((grant) => ({
				asked: rel(grant.askedAt),
				granted: rel(grant.at),
				queued: grant.queued,
				rate: grant.rate,
				ramp: [rel(grant.from), rel(grant.to)],
			}));
		return { ...task, worker: workerName(workerOf.get(task.taskId)), polls };
	});
	const byExecution = new Map<number, typeof rows>();
	for (const row of rows)
		byExecution.set(row.execution, [...(byExecution.get(row.execution) ?? []), row]);

	const lines: string[] = [];
	const say = (text: string) => lines.push(text);
	say(
		`queue trace: 200 items, generation ${generationMs} ms, load before ${loadBefore.toFixed(2)}`,
	);
	say(
		`wall ${s(run.wallMs)} s (${(run.wallMs / QUEUE.lowerBoundMs).toFixed(2)} × ${s(QUEUE.lowerBoundMs)} s); ` +
			`creates ${run.createRequests} (${run.answered429} 429); status ${run.statusRequests} (${run.statusAnswered429} 429); ` +
			`executions per worker ${run.executionsPerWorker.join(' + ')}; failed checks ${run.failures.length}`,
	);
	say(
		`first create arrived ${s(run.record.firstCreateArrivedMs)} s, last create accepted ${s(run.record.lastCreateAcceptedMs)} s, ` +
			`last finish ${s(run.record.lastTaskFinishedMs)} s, last seen ${s(run.record.lastTaskSeenMs)} s`,
	);
	say(
		'per execution: worker, created first/last, finished last, seen last, node returned, answered',
	);
	for (const [execution, list] of [...byExecution].sort((a, b) => a[0] - b[0])) {
		const worker = list[0].worker;
		const pid = pids[Number(worker.slice(1)) - 1];
		const run_ = nodeRuns.find(
			(one) =>
				one.pid === pid &&
				list.length === one.items &&
				Math.abs(rel(one.at) - Math.max(...list.map((r) => r.seen))) < 30_000,
		);
		say(
			`  e${execution} ${worker}: created ${s(Math.min(...list.map((r) => r.created)))}–${s(Math.max(...list.map((r) => r.created)))}, ` +
				`finished ≤ ${s(Math.max(...list.map((r) => r.finished)))}, seen ≤ ${s(Math.max(...list.map((r) => r.seen)))}, ` +
				`node ${s(rel(run_?.startedAt))}→${s(rel(run_?.at))}, answered ${s(run.record.answeredMs[execution])}`,
		);
	}
	// Status requests per second per worker (granted by its limiter), and its rate then.
	say(
		'status requests granted per second (w1 | w2), and the limiter rate at the last grant of that second',
	);
	const seconds = Math.ceil(Math.max(...grants.map((grant) => rel(grant.at))) / 1000);
	for (let second = 0; second <= seconds; second++) {
		const cells = pids.map((pid) => {
			const inSecond = grants.filter(
				(grant) => grant.pid === pid && Math.floor(rel(grant.at) / 1000) === second,
			);
			const rate = inSecond.length ? inSecond[inSecond.length - 1].rate!.toFixed(1) : '';
			const maxQueued = inSecond.length ? Math.max(...inSecond.map((g) => g.queued ?? 0)) : 0;
			return `${String(inSecond.length).padStart(2)} r${rate.padEnd(4)} q${maxQueued}`;
		});
		const refused = trace.filter(
			(line) =>
				line.e === 'refused' &&
				line.limiter === 'status' &&
				Math.floor(rel(line.at) / 1000) === second,
		).length;
		const finished = tasks.filter((task) => Math.floor(task.finished / 1000) === second).length;
		say(
			`  ${String(second).padStart(3)} s: ${cells.join(' | ')}  429s ${refused}  tasks finishing ${finished}`,
		);
	}
	const tail = [...rows].sort((a, b) => b.seen - a.seen).slice(0, 12);
	say(
		'the 12 tasks seen last: execution worker created finished seen late | polls: asked→granted (queue, rate, ramp) → answer',
	);
	for (const row of tail) {
		say(
			`  e${row.execution} ${row.worker} created ${s(row.created)} finished ${s(row.finished)} seen ${s(row.seen)} late ${s(row.seen - row.finished)}`,
		);
		for (const [index, poll] of row.polls.entries()) {
			const answer = row.answers[index];
			say(
				`     ${s(poll.asked)}→${s(poll.granted)} q${poll.queued} r${poll.rate?.toFixed(1)} ramp ${s(poll.ramp[0])}..${s(poll.ramp[1])} → ${answer ? `${s(answer.arrived)} ${answer.what}` : '?'}`,
			);
		}
	}
	const lateness = rows.map((row) => row.seen - row.finished).sort((a, b) => a - b);
	say(
		`seen − finished: median ${s(lateness[Math.floor(lateness.length / 2)])} s, p90 ${s(lateness[Math.floor(lateness.length * 0.9)])} s, max ${s(lateness[lateness.length - 1])} s`,
	);
	// The status budget's floor: each task polled once from its finish, 10 in any second; and the
	// share of the key the run used from the first finish to the last seen.
	const finishes = rows.map((row) => row.finished);
	const firstFinish = Math.min(...finishes);
	const lastSeen = Math.max(...rows.map((row) => row.seen));
	const accepted = rows
		.flatMap((row) => row.answers)
		.filter(
			(answer) =>
				answer.what !== '429' && answer.arrived >= firstFinish && answer.arrived <= lastSeen,
		).length;
	say(
		`one poll per task from its finish, 10 a second: last seen ${s(onePollFloor(finishes, 10))} s (the run: ${s(lastSeen)} s); ` +
			`key used from the first finish to the last seen ${((100 * accepted) / (((lastSeen - firstFinish) / 1000) * 10)).toFixed(0)} %`,
	);
	process.stdout.write(`${lines.join('\n')}\n`);
	const out = argument('--out');
	if (out)
		writeFileSync(
			out,
			JSON.stringify(
				{ run, rows, trace: trace.map((line) => ({ ...line, at: rel(line.at) })) },
				null,
				1,
			),
		);
}

/** Per task from the simulator: execution, created, finished, seen (ms after the first POST). */
function taskRows(sim: KieSimulatorApi, sentAt: number) {
	const statusRequests = sim.record.requests.filter((request) => request.endpoint === 'recordInfo');
	return [...sim.record.tasks.values()].map((task) => {
		const execution = Number(/batch (\d+)/.exec(String(task.input.prompt))?.[1] ?? -1);
		const answers = statusRequests
			.filter((request) => request.taskId === task.taskId || request.query.taskId === task.taskId)
			.map((request) => ({
				arrived: request.arrivedAt - sentAt,
				what: answeredRateLimit(request) ? '429' : String(request.taskState ?? request.status),
			}));
		const seenAt = task.pollTimes.find((time) => time >= task.finishAt);
		return {
			taskId: task.taskId,
			execution,
			created: task.createdAt - sentAt,
			finished: task.finishAt - sentAt,
			seen: (seenAt ?? NaN) - sentAt,
			answers,
		};
	});
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
