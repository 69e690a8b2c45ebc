/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * `node build-test/test/bench/pacing-sim.js [--seeds 40]`: the create limiter alone, in virtual
 * time (a manual clock), on the shapes of work the benches run in real time: processes with their
 * own limiters sharing one simulated account (test/helpers/simulatedAccount.ts). Many seeds in
 * seconds, so a pacing change can be judged before the real benches (queue mode takes minutes a
 * run) confirm it. Prints, per scenario, p10 / median / p90 over seeds of the share of creates
 * answered 429, the refusals in the first window, and when the last create was accepted.
 * Environment: `PACING='{"decrease":0.7}'` tries other pacing options; `LEG='2,8'` the one-way
 * delay range (ms) of a create (default 1–6 ms, about what the local benches see).
 * Not a benchmark of the node: n8n, polls and downloads are left out.
 */
import { DEFAULT_CREATE_PACING } from '../../nodes/Kie/client/pacing';
import { PacedLimiter } from '../../nodes/Kie/client/pacedLimiter';
import { ManualClock } from '../helpers/manualClock';
import { runProcesses, SimulatedAccount } from '../helpers/simulatedAccount';
import { seedSpread } from './metrics';
import { seededRandom } from '../simulator/state';

const PACING = { ...DEFAULT_CREATE_PACING, ...(JSON.parse(process.env.PACING ?? '{}') as object) };
const [LEG_MIN, LEG_MAX] = (process.env.LEG ?? '1,6').split(',').map(Number);
const WINDOW_MS = 2000;

interface Scenario {
	name: string;
	account: number;
	credential: number;
	/** Items per process, and when each process starts (ms). */
	items: number[];
	startsAt: (random: () => number) => number[];
	/** When the last create can be accepted at the earliest (ms). */
	boundMs: number;
}

const SCENARIOS: Scenario[] = [
	{
		name: 'queue mode: 2 processes × 100, 20 per 2 s, starting within 10 ms',
		account: 20,
		credential: 20,
		items: [100, 100],
		startsAt: (random) => [0, random() * 10],
		boundMs: ((200 - 20) / 20) * WINDOW_MS,
	},
	{
		name: 'queue mode: 2 processes × 100, the second 200–400 ms later',
		account: 20,
		credential: 20,
		items: [100, 100],
		startsAt: (random) => [0, 200 + random() * 200],
		boundMs: ((200 - 20) / 20) * WINDOW_MS,
	},
	{
		name: 'alone (issue 4 (a)): 1 process × 100, 20 per 2 s',
		account: 20,
		credential: 20,
		items: [100],
		startsAt: () => [0],
		boundMs: ((100 - 20) / 20) * WINDOW_MS,
	},
	{
		name: 'alone, a small batch: 1 process × 20',
		account: 20,
		credential: 20,
		items: [20],
		startsAt: () => [0],
		boundMs: 0,
	},
	{
		name: 'over-claim: 1 process × 60, account 5 per 2 s, credential 20',
		account: 5,
		credential: 20,
		items: [60],
		startsAt: () => [0],
		boundMs: ((60 - 5) / 5) * WINDOW_MS,
	},
	{
		name: 'four processes × 50, 20 per 2 s, starting within 50 ms',
		account: 20,
		credential: 20,
		items: [50, 50, 50, 50],
		startsAt: (random) => [0, random() * 50, random() * 50, random() * 50],
		boundMs: ((200 - 20) / 20) * WINDOW_MS,
	},
];

async function main() {
	const seedsArg = process.argv.indexOf('--seeds');
	const seeds = seedsArg > 0 ? Number(process.argv[seedsArg + 1]) : 40;
	for (const scenario of SCENARIOS) {
		const share: number[] = [];
		const firstWindow: number[] = [];
		const lastAccepted: number[] = [];
		for (let seed = 1; seed <= seeds; seed++) {
			const random = seededRandom(seed * 7919);
			const clock = new ManualClock(0);
			const account = new SimulatedAccount(scenario.account, WINDOW_MS);
			const starts = scenario.startsAt(random);
			const runs = await runProcesses(
				clock,
				account,
				scenario.items.map((items, index) => ({
					limiter: new PacedLimiter(scenario.credential, WINDOW_MS, clock, undefined, PACING),
					items,
					startAt: starts[index],
				})),
				() => LEG_MIN + random() * (LEG_MAX - LEG_MIN),
			);
			if (process.env.DEBUG && seed === 1) {
				const perWindow = (index: number, accepted: boolean) =>
					Array.from(
						{ length: 13 },
						(_, w) =>
							account.creates.filter(
								(c) =>
									c.process === index &&
									c.accepted === accepted &&
									Math.floor(c.arrivedAt / WINDOW_MS) === w,
							).length,
					).join(' ');
				scenario.items.forEach((_, index) =>
					console.log(
						`   process ${index}: accepted ${perWindow(index, true)} | refused ${perWindow(index, false)}`,
					),
				);
			}
			share.push(account.refusedShare());
			firstWindow.push(
				account.creates.filter((c) => !c.accepted && c.arrivedAt < WINDOW_MS).length,
			);
			lastAccepted.push(Math.max(...runs.flatMap((run) => run.done)) / 1000);
		}
		console.log(`${scenario.name}   [bound ${(scenario.boundMs / 1000).toFixed(1)} s]`);
		console.log(
			`   429 share ${seedSpread(share)} | first-window 429s ${seedSpread(firstWindow, 0)} | last accepted (s) ${seedSpread(lastAccepted)}   (p10 / median / p90 over ${seeds} seeds)`,
		);
	}
}

void main();
