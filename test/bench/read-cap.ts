/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * The read cap (issue 25): 60 images of 6 s ± 25 % (seeded), 20 creates per 2 s on simulator and
 * credential, the credential at Kie's 10 status requests per second. Run twice in one process,
 * each on its own simulator and kind (so neither learns from the other): with the simulator
 * enforcing Kie's cap (10 status requests per second per key) and without it.
 *
 * Figures per run: items, status requests and how many were answered 429, the most accepted in
 * any 1 s (sliding, which bounds any fixed-second count too), lateness (item emitted − task
 * finished, where emitted = the download of its result started: the transfer is a few ms here),
 * and wall time against the create bound (the earliest each task can finish at 20 creates per
 * 2 s: its window's start + its generation time, the latest of them).
 */
import os from 'node:os';

import { kieCredentials, runWorkflow } from '../harness';
import { KIE_STATUS_LIMIT, startSimulator } from '../simulator';
import { seededRandom } from '../simulator/state';
import { kieWorkflow } from '../helpers/workflow';
import { mean } from '../helpers/mean';
import { perTaskLines, quantile, timelines } from './metrics';

export const READ_CAP = {
	items: 60,
	generationMs: 6000,
	spread: 0.25,
	seed: 20261204,
	createLimit: { max: 20, windowMs: 2000 },
	statusRequestsPerSecond: 10,
	model: 'nano-banana-2',
};
const KEY = 'bench-read-cap';

const seconds = (ms: number) => Math.round(ms) / 1000;
const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

function durations(): number[] {
	const random = seededRandom(READ_CAP.seed);
	return Array.from({ length: READ_CAP.items }, () =>
		Math.round(READ_CAP.generationMs * (1 - READ_CAP.spread + 2 * READ_CAP.spread * random())),
	);
}

/** The earliest the last task can finish: creates in windows of 20, each then its generation. */
export function createBoundMs(taskDurations: readonly number[]): number {
	const { max, windowMs } = READ_CAP.createLimit;
	return Math.max(
		...taskDurations.map((duration, index) => Math.floor(index / max) * windowMs + duration),
	);
}

async function runOne(capped: boolean, resolution: string) {
	const loadAverage1mBefore = Math.round(os.loadavg()[0] * 100) / 100;
	const taskDurations = durations();
	const byPrompt = new Map(taskDurations.map((duration, index) => [`Read cap ${index}`, duration]));
	const sim = await startSimulator({
		apiKeys: [KEY],
		createLimit: READ_CAP.createLimit,
		statusLimit: capped ? KIE_STATUS_LIMIT : undefined,
		generationMs: ({ input }) => byPrompt.get(String(input.prompt)) ?? READ_CAP.generationMs,
		credits: 10_000_000,
	});
	try {
		const prompts = [...byPrompt.keys()];
		const workflow = kieWorkflow(
			{
				resource: 'image',
				operation: 'generate',
				model: READ_CAP.model,
				prompt: '={{ $json.prompt }}',
				resolution,
				// All 60 in flight, as the create bound assumes (the default 50 holds the last 10
				// until the first finish, about 6 s: that, not reads, would set the wall).
				options: { maxConcurrentTasks: READ_CAP.items },
			},
			{ items: prompts.map((prompt) => ({ json: { prompt } })) },
		);
		const startedAt = Date.now();
		const result = await runWorkflow(workflow, {
			credentials: {
				kieApi: kieCredentials(sim, {
					apiKey: KEY,
					maxNewTasks: READ_CAP.createLimit.max,
					maxNewTasksWindow: READ_CAP.createLimit.windowMs / 1000,
					maxStatusRequests: READ_CAP.statusRequestsPerSecond,
				}),
			},
			timeoutMs: 300_000,
		});
		const wallMs = Date.now() - startedAt;
		const items = result.status === 'success' ? result.outputOf('Kie') : [];
		const succeeded = items.filter(
			(item) => item.json.state === 'success' && item.json.error === undefined && item.binary?.data,
		).length;
		const tasks = timelines(sim, KEY);
		const firstCreate = Math.min(...tasks.map((task) => task.createdAt));
		const emitted = tasks.map((task) => (task.downloadStartedAt ?? NaN) - task.finishedAt);
		const statusRequests = sim.record.count('recordInfo');
		const refused = sim.record.statusRateLimitedCount();
		const boundMs = createBoundMs(taskDurations);
		return {
			status: result.status,
			error: result.error?.message,
			items: succeeded,
			itemErrors: READ_CAP.items - succeeded,
			wallS: seconds(wallMs),
			createBoundS: seconds(boundMs),
			ratioToCreateBound: ratio(wallMs, boundMs),
			// From the first create's arrival to the last download's: the engine's start-up left out.
			simWallS: seconds(
				Math.max(...tasks.map((task) => task.downloadStartedAt ?? NaN)) - firstCreate,
			),
			statusRequests,
			statusAnswered429: refused,
			statusShare429: ratio(refused, statusRequests),
			maxStatusAcceptedInAnySecond: sim.record.maxStatusRequestsInAnyWindow(1000),
			emittedOverheadMedianS: seconds(quantile(emitted, 0.5)),
			emittedOverheadP95S: seconds(quantile(emitted, 0.95)),
			emittedOverheadMaxS: seconds(Math.max(...emitted)),
			pollsPerTask: Math.round(mean(tasks.map((task) => task.polls)) * 100) / 100,
			loadAverage1mBefore,
			perTask: perTaskLines(tasks),
		};
	} finally {
		await sim.stop();
	}
}

/** The capped run first, then the same work on a simulator without the cap. */
export async function runReadCap(log: (message: string) => void) {
	log('read cap: 60 images, 6 s ± 25 %, simulator enforcing 10 status requests per second');
	const capped = await runOne(true, '1K');
	log(
		`  ${capped.wallS} s, ${capped.statusAnswered429} of ${capped.statusRequests} status requests answered 429`,
	);
	log('read cap: the same work, simulator without the cap');
	const uncapped = await runOne(false, '2K');
	log(`  ${uncapped.wallS} s`);
	return { capped, uncapped };
}
