/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * `node build-test/test/bench/read-pacing-sim.js [--seeds 12] [--only <words of a scenario's name>]`: status pacing across processes
 * that share one key (n8n queue mode's workers), in virtual time (a manual clock). Each process
 * has its own status limiter (the shipped PacedLimiter with DEFAULT_STATUS_PACING, 10 per
 * second) and its own learned times; the account is a simulated Kie counting status requests on
 * arrival, 10 in any second, refusing the rest with 429 (test/helpers/simulatedAccount.ts).
 *
 * Scenarios:
 * - queue bench: the shape of `npm run bench -- --only queue` (200 items on 2 workers, 20
 *   creates per 2 s shared, 3 s generation): each task waited for by the real pollUntilFinal.
 *   Wall = the last task seen final, against the bound (the last create window + 3 s = 21 s).
 *   Again with 150 + 50 tasks (n8n gave one worker 3 of the 4 executions).
 *   Again with the second worker's executions 3 s later (n8n's hand-over: it joins a key the
 *   first already fills, as traced in the real queue bench).
 * - backlog: two processes with 150 polls each waiting at once (more than the account's budget
 *   for 30 s), each poll sent again on 429 until accepted: the bare limiter. Again staggered:
 *   120 polls, and 300 from 3 s on (the late one's share, and its pace once the first is done).
 * Prints p10 / median / p90 over seeds of the share of status requests answered 429, the most
 * accepted in any 1 s, wall ÷ bound, (queue bench) the median lateness, and the 429s in the
 * first 2 s (the processes meeting). `DEBUG=1` prints each run's accepted/refused per second.
 * Environment: `PACING='{"decrease":0.7}'` tries other status pacing options; `LEG='1,4'` the
 * one-way delay range (ms) of a request. Not a benchmark of the node: n8n is left out.
 */
import { readFileSync } from 'node:fs';

import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { KieTask } from '../../nodes/Kie/client';
import { GenerationTimes } from '../../nodes/Kie/client/waitForTask';
import { PacedLimiter } from '../../nodes/Kie/client/pacedLimiter';
import { DEFAULT_STATUS_PACING } from '../../nodes/Kie/client/pacing';
import { DEFAULT_POLL_PLAN } from '../../nodes/Kie/client/pollSchedule';
import type { Transport } from '../../nodes/Kie/client/requestPolicy';
import { pollUntilFinal } from '../../nodes/Kie/client/waitForTask';
import { ManualClock } from '../helpers/manualClock';
import { runProcesses, SimulatedAccount } from '../helpers/simulatedAccount';
import { maxInAnyWindow } from '../simulator/record';
import { seededRandom } from '../simulator/state';
import { onePollFloor, quantile, seedSpread } from './metrics';

const OVERRIDES = JSON.parse(process.env.PACING ?? '{}') as object;
const PACING = { ...DEFAULT_STATUS_PACING, ...OVERRIDES };
const [LEG_MIN, LEG_MAX] = (process.env.LEG ?? '1,4').split(',').map(Number);
const PER_SECOND = 10;

let accounts = 0;

/** A worker's transport: its status requests arrive at the shared account after `leg()`. */
function workerTransport(
	clock: ManualClock,
	worker: number,
	account: SimulatedAccount,
	tasks: Map<string, (now: number) => KieTask>,
	leg: () => number,
): Transport {
	const ctx = {
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => {
				await clock.sleep(leg());
				const accepted = account.arrive(worker, clock.now());
				const task = tasks.get(String(request.qs?.taskId))!(clock.now());
				await clock.sleep(leg());
				if (!accepted)
					return {
						statusCode: 429,
						headers: {},
						body: JSON.stringify({ code: 429, msg: 'Rate limit exceeded' }),
					};
				return {
					statusCode: 200,
					headers: {},
					body: JSON.stringify({
						code: 200,
						msg: 'success',
						data: {
							taskId: task.taskId,
							model: task.model,
							state: task.state,
							param: '',
							resultJson: task.state === 'success' ? JSON.stringify({ resultUrls: [] }) : '',
							failCode: '',
							failMsg: '',
							costTime: task.costTime,
							createTime: task.createTime,
							completeTime: task.completeTime,
						},
					}),
				};
			},
		},
	} as unknown as IExecuteFunctions;
	return {
		ctx,
		clock,
		account: {
			baseUrl: 'http://kie.invalid',
			uploadBaseUrl: 'http://upload.kie.invalid',
			maxNewTasks: 20,
			maxNewTasksWindowMs: 2000,
			maxStatusRequestsPerSecond: PER_SECOND,
			webhookHmacKey: '',
			// Its own limiter per worker and seed: the process-wide registry is keyed by account.
			accountId: `read-pacing-sim-${++accounts}`,
			withoutKey: (text) => text,
		},
	};
}

interface Figures {
	share429: number;
	maxPerSecond: number;
	ratio: number;
	medianLatenessS?: number;
	/** A replay: the last task seen if one process polled each task once, at its finish, at 10 per second. */
	floorRatio?: number;
	/** 429s among the requests arriving in the first 2 s (the processes meeting). */
	early429: number;
}

function early429(account: SimulatedAccount): number {
	if (process.env.DEBUG) {
		const perSecond: string[] = [];
		for (let second = 0; ; second++) {
			const inSecond = account.creates.filter((r) => Math.floor(r.arrivedAt / 1000) === second);
			if (inSecond.length === 0 && !account.creates.some((r) => r.arrivedAt >= second * 1000))
				break;
			const of = (process: number) => {
				const mine = inSecond.filter((r) => r.process === process);
				const refused = mine.filter((r) => !r.accepted).length;
				return `${mine.length - refused}${refused ? `/${refused}` : ''}`;
			};
			perSecond.push(`${of(0)}+${of(1)}`);
		}
		console.log(`   accepted/refused per second, process 0 + 1: ${perSecond.join(' ')}`);
	}
	return account.creates.filter((request) => !request.accepted && request.arrivedAt < 2000).length;
}

/** A task of a real queue run (queue-trace.ts --out): when it was created and finished, by whom. */
interface ReplayedTask {
	createdAt: number;
	finishedAt: number;
	worker: number;
}

/** The tasks of a queue-trace file, times from its first create. */
function replayOf(file: string): ReplayedTask[] {
	const rows = (
		JSON.parse(readFileSync(file, 'utf8')) as {
			rows: { created: number; finished: number; worker: string }[];
		}
	).rows;
	const start = Math.min(...rows.map((row) => row.created));
	return rows
		.map((row) => ({
			createdAt: row.created - start,
			finishedAt: row.finished - start,
			worker: row.worker === 'w1' ? 0 : 1,
		}))
		.sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * The queue bench's shape: 200 tasks of 3 s, 20 created per 2 s, `firstShare` of them on the
 * first worker (n8n hands each worker whole executions: 2 + 2 of the 4, or 3 + 1).
 */
async function queueBench(
	seed: number,
	firstShare = 0.5,
	joinAtMs = 0,
	replay?: ReplayedTask[],
): Promise<Figures> {
	const random = seededRandom(seed * 7919);
	const leg = () => LEG_MIN + random() * (LEG_MAX - LEG_MIN);
	const clock = new ManualClock(0);
	const account = new SimulatedAccount(PER_SECOND, 1000);
	const tasks = new Map<string, (now: number) => KieTask>();
	const workers = [0, 1].map((worker) => ({
		transport: workerTransport(clock, worker, account, tasks, leg),
		generationTimes: new GenerationTimes(),
	}));
	const items = replay?.length ?? 200;
	const generationMs = 3000;
	const boundMs = ((items - 20) / 20) * 2000 + generationMs;
	const lateness: number[] = [];
	let lastSeen = 0;
	const waits = Array.from({ length: items }, async (_, index) => {
		// A create window's 20: five at once, then one after another (the create limiter's burst).
		const window = Math.floor(index / 20);
		const inWindow = index % 20;
		const offset = replay
			? replay[index].createdAt
			: window * 2000 + (inWindow < 5 ? 0 : (inWindow - 4) * 12) + random() * 20;
		await clock.sleep(offset);
		const first = replay
			? replay[index].worker === 0
			: offset < joinAtMs || (index * firstShare) % 1 < firstShare - 1e-9;
		const worker = workers[first ? 0 : 1];
		const createdAt = clock.now();
		const taskStart = createdAt + leg();
		const finishAt = replay ? replay[index].finishedAt : taskStart + generationMs;
		const taskId = `t${index}`;
		let seenAt = NaN;
		const task = (now: number): KieTask => {
			const done = now >= finishAt;
			if (done && Number.isNaN(seenAt)) seenAt = now;
			return {
				taskId,
				api: 'market',
				model: 'nano-banana-pro',
				state: done ? 'success' : 'generating',
				resultUrls: [],
				failCode: null,
				failMsg: null,
				costTime: done ? generationMs : null,
				createTime: taskStart,
				completeTime: done ? finishAt : null,
				creditsConsumed: null,
				param: null,
			};
		};
		tasks.set(taskId, task);
		await pollUntilFinal(
			{
				transport: worker.transport,
				generationTimes: worker.generationTimes,
				pollPlan: DEFAULT_POLL_PLAN,
			},
			{
				task: { ...task(createdAt), state: 'waiting' },
				seen: false,
				createdAt,
				kind: 'nano-banana-pro|1K',
			},
			{ timeoutMs: 600_000, pollPhase: (index * 0.6180339887498949) % 1 },
		);
		lateness.push(clock.now() - finishAt);
		lastSeen = Math.max(lastSeen, seenAt);
	});
	await clock.runUntilSettled(Promise.all(waits));
	return {
		share429: account.refusedShare(),
		maxPerSecond: account.maxAcceptedInAnyWindow(),
		// A replayed run: from its first create, as the bound is (the bench's wall adds n8n's
		// hand-over before it and the answer after).
		ratio: lastSeen / (replay ? 21_000 : boundMs),
		medianLatenessS: quantile(lateness, 0.5) / 1000,
		floorRatio: replay
			? onePollFloor(
					replay.map((task) => task.finishedAt),
					PER_SECOND,
				) / 21_000
			: undefined,
		early429: early429(account),
	};
}

/**
 * Two processes, `polls` waiting in each from the start (the second from `joinAtMs` on), each
 * sent again on 429.
 */
async function backlog(seed: number, polls = [150, 150], joinAtMs = 0): Promise<Figures> {
	const random = seededRandom(seed * 7919);
	const clock = new ManualClock(0);
	const account = new SimulatedAccount(PER_SECOND, 1000);
	const runs = await runProcesses(
		clock,
		account,
		[0, 1].map((index) => ({
			limiter: new PacedLimiter(PER_SECOND, 1000, clock, undefined, PACING),
			items: polls[index],
			startAt: index === 0 ? 0 : joinAtMs + random() * 300,
		})),
		() => LEG_MIN + random() * (LEG_MAX - LEG_MIN),
	);
	const boundMs = ((polls[0] + polls[1] - PER_SECOND) / PER_SECOND) * 1000;
	return {
		share429: account.refusedShare(),
		maxPerSecond: maxInAnyWindow(account.acceptedTimes(), 1000),
		ratio: Math.max(...runs.flatMap((run) => run.done)) / boundMs,
		early429: early429(account),
	};
}

async function main() {
	const seedsArg = process.argv.indexOf('--seeds');
	const seeds = seedsArg > 0 ? Number(process.argv[seedsArg + 1]) : 12;
	if (Object.keys(OVERRIDES).length > 0) {
		// The queue bench's limiters come from the process-wide registry, built with the defaults.
		Object.assign(DEFAULT_STATUS_PACING, OVERRIDES);
	}
	const scenarios: [string, (seed: number) => Promise<Figures>][] = [
		['queue bench: 2 workers × 100 tasks of 3 s, 20 creates per 2 s, 10 status per s', queueBench],
		[
			'queue bench, 150 + 50: the executions 3 + 1 on the workers',
			(seed) => queueBench(seed, 0.75),
		],
		[
			'queue bench, the second worker 3 s later (its first executions start when the first worker already polls)',
			(seed) => queueBench(seed, 0.5, 3000),
		],
		['backlog: 2 processes × 150 polls waiting, 10 status per s', (seed) => backlog(seed)],
		[
			'backlog, staggered: 120 polls, and 300 from 3 s on',
			(seed) => backlog(seed, [120, 300], 3000),
		],
	];
	const replayArg = process.argv.indexOf('--replay');
	if (replayArg > 0) {
		// Each file's own creates and finishes (a seed: the legs' draws); wall from its first create.
		for (const file of process.argv[replayArg + 1].split(',')) {
			const tasks = replayOf(file);
			scenarios.push([`replay ${file}`, async (seed) => await queueBench(seed, 0.5, 0, tasks)]);
		}
	}
	const onlyArg = process.argv.indexOf('--only');
	const only = onlyArg > 0 ? process.argv[onlyArg + 1] : '';
	for (const [name, run] of scenarios) {
		if (!name.includes(only)) continue;
		const all: Figures[] = [];
		for (let seed = 1; seed <= seeds; seed++) all.push(await run(seed));
		const spread = (pick: (f: Figures) => number | undefined, digits = 2) =>
			seedSpread(
				all.map(pick).filter((v): v is number => v !== undefined),
				digits,
			);
		console.log(name);
		console.log(
			`   status 429 share ${spread((f) => f.share429, 3)} | most accepted in 1 s ${spread((f) => f.maxPerSecond, 0)} | wall ÷ bound ${spread((f) => f.ratio)}` +
				(all[0].medianLatenessS !== undefined
					? ` | median lateness (s) ${spread((f) => f.medianLatenessS)}`
					: '') +
				(all[0].floorRatio !== undefined
					? ` | one-poll floor ${spread((f) => f.floorRatio)}`
					: '') +
				` | 429s in the first 2 s ${spread((f) => f.early429, 0)}   (p10 / median / p90 over ${seeds} seeds)`,
		);
	}
}

void main();
