/** What the benchmark reads from the simulator's own record, and the small statistics it needs. */
import { answeredRateLimit, maxInAnyWindow } from '../simulator/record';
import type { KieSimulatorApi } from '../simulator';
import { mean } from '../helpers/mean';

/** Linear-interpolation quantile of unsorted values (q = 0.5 median, 0.95 p95). */
export function quantile(values: readonly number[], q: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const position = (sorted.length - 1) * q;
	const lower = Math.floor(position);
	const upper = Math.ceil(position);
	return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** p10 / median / p90 of per-seed figures, as the sims print them. */
export function seedSpread(values: readonly number[], digits = 2): string {
	return [0.1, 0.5, 0.9].map((q) => quantile(values, q).toFixed(digits)).join(' / ');
}

export function standardDeviation(values: readonly number[]): number {
	const average = mean(values);
	return Math.sqrt(mean(values.map((value) => (value - average) ** 2)));
}

/** One task as the simulator saw it (all times are ms since epoch, on the simulator's clock). */
export interface TaskTimeline {
	taskId: string;
	prompt: string;
	createdAt: number;
	/** When the task reached its final state. */
	finishedAt: number;
	/** Arrival of the first poll that was answered with the final state. */
	seenAt?: number;
	/** Arrival of the request for the task's last result file (the download started). */
	downloadStartedAt?: number;
	polls: number;
	/** Arrivals of its polls. */
	pollTimes: readonly number[];
}

/** The tasks created with `apiKey`, in creation order. */
export function timelines(sim: KieSimulatorApi, apiKey: string): TaskTimeline[] {
	const downloads = new Map<string, number>();
	for (const request of sim.record.requests) {
		if (request.endpoint !== 'file') continue;
		const match = /\/files\/results\/([0-9a-f]+)_\d+\./.exec(request.path);
		if (match) downloads.set(match[1], Math.max(downloads.get(match[1]) ?? 0, request.arrivedAt));
	}
	return [...sim.record.tasks.values()]
		.filter((task) => task.apiKey === apiKey)
		.sort((a, b) => a.createdAt - b.createdAt)
		.map((task) => ({
			taskId: task.taskId,
			prompt: String(task.input.prompt ?? ''),
			createdAt: task.createdAt,
			finishedAt: task.finishAt,
			seenAt: task.pollTimes.find((time) => time >= task.finishAt),
			downloadStartedAt: downloads.get(task.taskId),
			polls: task.polls,
			pollTimes: task.pollTimes,
		}));
}

/** The most intervals [from, to] open at one moment. */
export function maxOverlap(intervals: ReadonlyArray<{ from: number; to: number }>): number {
	const edges: Array<[number, number]> = [];
	for (const { from, to } of intervals) edges.push([from, 1], [to, -1]);
	// At equal times a task that ends is closed before one that starts is opened.
	edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let open = 0;
	let most = 0;
	for (const [, change] of edges) most = Math.max(most, (open += change));
	return most;
}

/** Creates made with `apiKey` answered 429 (HTTP status or Kie's body code). */
export function answered429(sim: KieSimulatorApi, apiKey: string): number {
	return sim.record.requests.filter(
		(request) =>
			request.endpoint === 'createTask' &&
			request.headers.authorization === `Bearer ${apiKey}` &&
			answeredRateLimit(request),
	).length;
}

/** createTask requests made with `apiKey`. */
export function createRequests(sim: KieSimulatorApi, apiKey: string): number {
	return sim.record.requests.filter(
		(request) =>
			request.endpoint === 'createTask' && request.headers.authorization === `Bearer ${apiKey}`,
	).length;
}

/**
 * The most accepted creates of `apiKey` arriving in any window: the simulator's own count
 * (record.maxCreatesInAnyWindow) restricted to one key, from the same arrival times.
 */
export function maxCreatesPerWindow(
	sim: KieSimulatorApi,
	apiKey: string,
	windowMs: number,
): number {
	const arrivals = sim.record.requests
		.filter(
			(request) =>
				request.endpoint === 'createTask' &&
				request.headers.authorization === `Bearer ${apiKey}` &&
				request.status === 200 &&
				request.bodyCode === 200,
		)
		.map((request) => request.arrivedAt)
		.sort((a, b) => a - b);
	return maxInAnyWindow(arrivals, windowMs);
}

/**
 * Each task in one line, for reading a run's outlier: its create (ms after the first create),
 * duration, lateness (seen − final) and its polls' ages (s).
 */
export function perTaskLines(tasks: TaskTimeline[]): string[] {
	const first = Math.min(...tasks.map((task) => task.createdAt));
	return tasks.map((task) => {
		const ages = task.pollTimes.map((time) => ((time - task.createdAt) / 1000).toFixed(2));
		const late = task.seenAt === undefined ? '?' : String(task.seenAt - task.finishedAt);
		return `+${task.createdAt - first} ms, ${task.finishedAt - task.createdAt} ms: late ${late} ms, polls at ${ages.join(' ')}`;
	});
}

/**
 * When the last of these tasks would be seen if one process polled each exactly once, from its
 * finish, `perSecond` in any second (ms, as the finishes): the status budget's floor for a run.
 */
export function onePollFloor(finishes: readonly number[], perSecond: number): number {
	const seen: number[] = [];
	[...finishes]
		.sort((a, b) => a - b)
		.forEach((finish, index) =>
			seen.push(index < perSecond ? finish : Math.max(finish, seen[index - perSecond] + 1000)),
		);
	return Math.max(...seen);
}
