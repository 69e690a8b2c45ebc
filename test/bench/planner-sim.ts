/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * `node build-test/test/bench/planner-sim.js [--seeds 100] [--only 0,3]`: the poll planner alone,
 * in virtual time (a manual clock), on the shapes of work the benches run in real time: many
 * seeds in seconds, so a change to the planner can be judged before the real benches confirm it.
 * Each task is waited for by the real `pollUntilFinal` with process-wide learned times; a task is
 * seen finished at the first poll arriving at or after its finish. Creates go out as the create
 * limiter sends a burst (a quarter at once, then one after another) and each request takes
 * `LEG=1,4` ms each way, as in the local benches (without these, every task had the same age and
 * runs were luckier than the benches). Prints, per scenario, the spread over seeds
 * (p10 / median / p90) of each seed's median and p95 lateness and mean polls per task, and the
 * share of seeds over the benches' targets (and over 0.45 s, the margin a real run needs).
 * Environment: `PLAN='{"growth":0.5}'` tries other planner options; `DEBUG=1.5` prints each task
 * (duration: lateness / polls) of seeds whose p95 lateness exceeds 1.5 s, `DEBUG_POLLS=6` of
 * seeds averaging more than 6 polls; `TRACE=1` every poll (task@s) and each task seen final
 * (SEENtask:duration@s); `FROM=7` starts at seed 7. Not a benchmark of the node: n8n and
 * downloads are left out.
 */
import type { KieTask } from '../../nodes/Kie/client';
import { GenerationTimes } from '../../nodes/Kie/client/waitForTask';
import { DEFAULT_POLL_PLAN } from '../../nodes/Kie/client/pollSchedule';
import { pollUntilFinal } from '../../nodes/Kie/client/waitForTask';
import type { Transport } from '../../nodes/Kie/client/requestPolicy';
import { fakeStatusTransport } from '../helpers/fakeStatusTransport';
import { ManualClock } from '../helpers/manualClock';
import { mean } from '../helpers/mean';
import { quantile, seedSpread } from './metrics';
import { seededRandom } from '../simulator/state';

/** The planner's options, with overrides from `PLAN='{"growth":0.5}'` to try variants. */
const PLAN = { ...DEFAULT_POLL_PLAN, ...(JSON.parse(process.env.PLAN ?? '{}') as object) };

/** The client's status-request limit (the credential's default: Kie's 10 per second). */
const STATUS_REQUESTS_PER_SECOND = Number(process.env.STATUS_PER_SECOND ?? 10);

/** One way of a request, ms (`LEG=1,4`: uniform between): the local simulator through n8n. */
const LEG_MS = (process.env.LEG ?? '1,4').split(',').map(Number);

/**
 * When each create is sent (ms after the first), as the create limiter sends a burst at 20 per
 * window: a quarter at once, then one at a time, each after the previous one's answer.
 */
function createOffsets(count: number, random: () => number, windowMs = 2000): number[] {
	const atOnce = 5;
	const offsets: number[] = [];
	let at = 0;
	for (let index = 0; index < count; index++) {
		// Beyond 20, the next window's burst (the read-cap scenario: 60 creates at 20 per 2 s).
		if (index % 20 === 0 && index > 0) at = (index / 20) * windowMs;
		else if (index % 20 >= atOnce) at += 2 * (LEG_MS[0] + (LEG_MS[1] - LEG_MS[0]) * random()) + 2;
		offsets.push(at);
	}
	return offsets;
}

interface Scenario {
	name: string;
	/** Durations of the tasks (ms) for one seed; all created at once. */
	durations(random: () => number): number[];
	kind: string;
	expectedMs?: number;
	/** Run the same work this many times in one process (the second run is "warm"). */
	rounds?: number;
	targets: string;
}

const uniform = (count: number, meanMs: number, spread: number) => (random: () => number) =>
	Array.from({ length: count }, () => Math.round(meanMs * (1 - spread + 2 * spread * random())));

/** The benches' own durations (their seeds), so only the phases vary from seed to seed here. */
const benchDurations = (seed: number, count: number, meanMs: number, spread: number) => () =>
	uniform(count, meanMs, spread)(seededRandom(seed));

/**
 * The catalogue's prior for an image (catalogue/request.ts): every image create carries it, so the
 * image scenarios do too (`PRIOR=0` leaves it out, as before version 1's images had one).
 */
const IMAGE_PRIOR_MS = Number(process.env.PRIOR ?? 30_000) || undefined;

const SCENARIOS: Scenario[] = [
	{
		name: 'read cap: 60 × 6 s ± 25 %, 20 creates per 2 s, 10 status requests per s',
		durations: uniform(60, 6000, 0.25),
		kind: 'nano-banana-2|1K',
		expectedMs: IMAGE_PRIOR_MS,
		targets: 'median ≤ 1.5 s, all seen by 13.3 s',
	},
	{
		name: 'video: 20 × 60 s ± 25 %, prior 90 s',
		durations: uniform(20, 60_000, 0.25),
		kind: 'veo3_fast|720p',
		expectedMs: 90_000,
		targets: 'median ≤ 1.2 s (2 %), polls ≤ 12',
	},
	{
		name: 'cold start: 3 × 6 s',
		durations: () => [6000, 6000, 6000],
		kind: 'nano-banana-pro|4K',
		expectedMs: IMAGE_PRIOR_MS,
		targets: 'median ≤ 0.5 s, polls ≤ 6',
	},
	{
		name: 'latency (b): 20 × 8 s ± 25 %, cold then warm',
		durations: uniform(20, 8000, 0.25),
		kind: 'nano-banana-pro|2K',
		expectedMs: IMAGE_PRIOR_MS,
		rounds: 2,
		targets: 'median ≤ 0.5 s, p95 ≤ 1.5 s, polls ≤ 6',
	},
	{
		name: 'video bench (its durations)',
		durations: benchDurations(20261201, 20, 60_000, 0.25),
		kind: 'veo3_fast|720p',
		expectedMs: 90_000,
		targets: 'median ≤ 1.2 s (2 %), polls ≤ 12',
	},
	{
		name: 'latency (b) bench (its durations)',
		durations: benchDurations(20240611, 20, 8000, 0.25),
		kind: 'nano-banana-pro|2K',
		expectedMs: IMAGE_PRIOR_MS,
		rounds: 2,
		targets: 'median ≤ 0.5 s, p95 ≤ 1.5 s, polls ≤ 6',
	},
	{
		name: 'video: 20 × 180 s ± 25 %, prior 180 s',
		durations: uniform(20, 180_000, 0.25),
		kind: 'veo3|720p',
		expectedMs: 180_000,
		targets: '(a 3-minute video)',
	},
];

async function runRound(
	clock: ManualClock,
	transport: { of: Transport; answers: Map<string, () => Promise<KieTask>> },
	generationTimes: GenerationTimes,
	scenario: Scenario,
	durations: number[],
	random: () => number,
) {
	const phaseStart = random();
	const start = clock.now();
	const trace: string[] = [];
	const offsets = createOffsets(durations.length, random);
	const leg = () => LEG_MS[0] + (LEG_MS[1] - LEG_MS[0]) * random();
	const waits = durations.map(async (duration, index) => {
		await clock.sleep(offsets[index]);
		const createdAt = clock.now();
		// Kie's clock starts at the create's arrival.
		const taskStart = createdAt + leg();
		const finishAt = taskStart + duration;
		const task = (state: KieTask['state']): KieTask => ({
			taskId: `t${index}`,
			api: 'market',
			model: 'm',
			state,
			resultUrls: [],
			failCode: null,
			failMsg: null,
			costTime: state === 'success' ? duration : null,
			createTime: taskStart,
			completeTime: state === 'success' ? finishAt : null,
			creditsConsumed: null,
			param: null,
		});
		let seenAt = NaN;
		transport.answers.set(`t${index}`, async () => {
			await clock.sleep(leg());
			const answer = answerPoll();
			await clock.sleep(leg());
			return answer;
		});
		const result = await pollUntilFinal(
			{
				transport: transport.of,
				generationTimes,
				pollPlan: PLAN,
			},
			{
				task: task('waiting'),
				seen: false,
				createdAt,
				kind: scenario.kind,
				expectedMs: scenario.expectedMs,
			},
			// What evenlySpread() gives the node, from a seeded start so a seed replays exactly.
			{ timeoutMs: 3_600_000, pollPhase: (phaseStart + (index + 1) * 0.6180339887498949) % 1 },
		);
		return { lateness: seenAt - finishAt, polls: result.polls };

		function answerPoll(): KieTask {
			if (process.env.TRACE) trace.push(`${index}@${((clock.now() - start) / 1000).toFixed(2)}`);
			if (clock.now() < finishAt) return task('generating');
			seenAt = clock.now();
			if (process.env.TRACE)
				trace.push(`SEEN${index}:${duration}@${((clock.now() - start) / 1000).toFixed(2)}`);
			return task('success');
		}
	});
	const result = await clock.runUntilSettled(Promise.all(waits));
	if (process.env.TRACE) console.log(trace.join(' '));
	return result;
}

async function main() {
	const seedsArg = process.argv.indexOf('--seeds');
	const seeds = seedsArg > 0 ? Number(process.argv[seedsArg + 1]) : 100;
	const onlyArg = process.argv.indexOf('--only');
	const only = onlyArg > 0 ? process.argv[onlyArg + 1].split(',').map(Number) : undefined;
	for (const [index, scenario] of SCENARIOS.entries()) {
		if (only && !only.includes(index)) continue;
		const rounds = scenario.rounds ?? 1;
		const perRound = Array.from({ length: rounds }, () => ({
			median: [] as number[],
			p95: [] as number[],
			polls: [] as number[],
		}));
		for (let seed = Number(process.env.FROM ?? 1); seed <= seeds; seed++) {
			const random = seededRandom(seed * 7919);
			const clock = new ManualClock();
			const generationTimes = new GenerationTimes();
			const answers = new Map<string, () => Promise<KieTask>>();
			const transport = {
				of: fakeStatusTransport(clock, async (taskId) => await answers.get(taskId)!(), {
					statusRequestsPerSecond: STATUS_REQUESTS_PER_SECOND,
				}),
				answers,
			};
			const durations = scenario.durations(random);
			for (let round = 0; round < rounds; round++) {
				const tasks = await runRound(
					clock,
					transport,
					generationTimes,
					scenario,
					durations,
					random,
				);
				const lateness = tasks.map((task) => task.lateness / 1000);
				const polls = mean(tasks.map((task) => task.polls));
				if (
					(process.env.DEBUG && quantile(lateness, 0.95) > Number(process.env.DEBUG)) ||
					(process.env.DEBUG_POLLS && polls > Number(process.env.DEBUG_POLLS))
				)
					console.log(
						seed,
						round,
						durations
							.map((d, i) => `${d}:${lateness[i].toFixed(2)}/${tasks[i].polls}`)
							.sort()
							.join(' '),
					);
				perRound[round].median.push(quantile(lateness, 0.5));
				perRound[round].p95.push(quantile(lateness, 0.95));
				perRound[round].polls.push(polls);
				await clock.advance(5000);
			}
		}
		console.log(`${scenario.name}   [targets: ${scenario.targets}]`);
		perRound.forEach((figures, round) => {
			const label = rounds > 1 ? (round === 0 ? '  cold' : '  warm') : '  ';
			const over = (values: number[], limit: number) =>
				`${Math.round((values.filter((value) => value > limit).length / values.length) * 100)} %`;
			console.log(
				`${label} lateness median (s) ${seedSpread(figures.median)} | p95 ${seedSpread(figures.p95)} | polls ${seedSpread(figures.polls)}   (p10 / median / p90 over ${seeds} seeds)`,
			);
			console.log(
				`${label} seeds over: median 0.45 s ${over(figures.median, 0.45)}, 0.5 s ${over(figures.median, 0.5)} | p95 1.5 s ${over(figures.p95, 1.5)} | polls 6 ${over(figures.polls, 6)}`,
			);
		});
	}
}

void main();
