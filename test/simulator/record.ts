import {
	CREATE_ENDPOINTS,
	STATUS_ENDPOINTS,
	type Endpoint,
	type RecordedCallback,
	type RecordedRequest,
	type SimulatedTask,
	type SimulatorRecord,
} from './types';

/** Whether the simulator refused this request for the rate limit (HTTP 429 or Kie's body code). */
export function answeredRateLimit(request: RecordedRequest): boolean {
	return request.status === 429 || request.bodyCode === 429;
}

/** The largest number of `times` (sorted ascending) inside any half-open window of `windowMs`. */
export function maxInAnyWindow(times: number[], windowMs: number): number {
	let best = 0;
	let start = 0;
	for (let end = 0; end < times.length; end++) {
		while (times[end] - times[start] >= windowMs) start++;
		best = Math.max(best, end - start + 1);
	}
	return best;
}

export class SimulatorRecordImpl implements SimulatorRecord {
	requests: RecordedRequest[] = [];
	tasks = new Map<string, SimulatedTask>();
	callbacks: RecordedCallback[] = [];
	/** Arrival times of accepted creates, per API key, sorted ascending. */
	readonly acceptedCreateArrivals = new Map<string, number[]>();
	/** Arrival times of accepted status requests, per API key, sorted ascending. */
	readonly acceptedStatusArrivals = new Map<string, number[]>();

	constructor(private readonly configuredWindowMs: () => number) {}

	count(endpoint: Endpoint): number {
		return this.requests.filter((request) => request.endpoint === endpoint).length;
	}

	createdTaskCount(): number {
		return this.tasks.size;
	}

	rateLimitedCount(): number {
		return this.requests.filter(
			(request) =>
				(CREATE_ENDPOINTS as readonly string[]).includes(request.endpoint) &&
				answeredRateLimit(request),
		).length;
	}

	statusRateLimitedCount(): number {
		return this.requests.filter(
			(request) =>
				(STATUS_ENDPOINTS as readonly string[]).includes(request.endpoint) &&
				answeredRateLimit(request),
		).length;
	}

	maxStatusRequestsInAnyWindow(windowMs: number): number {
		const byKey = new Map<unknown, number[]>();
		for (const request of this.requests) {
			if (!(STATUS_ENDPOINTS as readonly string[]).includes(request.endpoint)) continue;
			if (request.status === 0 || answeredRateLimit(request)) continue;
			const key = request.headers.authorization;
			byKey.set(key, [...(byKey.get(key) ?? []), request.arrivedAt]);
		}
		let best = 0;
		for (const times of byKey.values()) {
			best = Math.max(best, maxInAnyWindow(times, windowMs));
		}
		return best;
	}

	maxCreatesInAnyWindow(windowMs: number = this.configuredWindowMs()): number {
		let best = 0;
		for (const times of this.acceptedCreateArrivals.values()) {
			best = Math.max(best, maxInAnyWindow(times, windowMs));
		}
		return best;
	}

	maxTasksInFlight(): number {
		const inFlight = new Set<string>();
		const done = new Set<string>();
		let best = 0;
		for (const request of this.requests) {
			if (!request.taskId || done.has(request.taskId)) continue;
			if (request.endpoint === 'createTask') {
				inFlight.add(request.taskId);
				best = Math.max(best, inFlight.size);
			} else if (
				request.endpoint === 'recordInfo' &&
				(request.taskState === 'success' || request.taskState === 'fail')
			) {
				inFlight.delete(request.taskId);
				done.add(request.taskId);
			}
		}
		return best;
	}

	addAcceptedCreate(apiKey: string, arrivedAt: number): void {
		insertSorted(this.acceptedCreateArrivals, apiKey, arrivedAt);
	}

	/** Whether one more create arriving at `arrivedAt` keeps every window at or under `max`. */
	createFits(apiKey: string, arrivedAt: number, max: number, windowMs: number): boolean {
		return fitsWindow(this.acceptedCreateArrivals.get(apiKey) ?? [], arrivedAt, max, windowMs);
	}

	/**
	 * Takes a status request arriving at `arrivedAt` if it keeps every window of `windowMs` at or
	 * under `max` (then it counts); false: it is refused and does not count.
	 */
	takeStatusRequest(apiKey: string, arrivedAt: number, max: number, windowMs: number): boolean {
		if (!fitsWindow(this.acceptedStatusArrivals.get(apiKey) ?? [], arrivedAt, max, windowMs))
			return false;
		insertSorted(this.acceptedStatusArrivals, apiKey, arrivedAt);
		return true;
	}

	clear(): void {
		this.requests = [];
		this.tasks = new Map();
		this.callbacks = [];
		this.acceptedCreateArrivals.clear();
		this.acceptedStatusArrivals.clear();
	}
}

function insertSorted(arrivals: Map<string, number[]>, apiKey: string, arrivedAt: number): void {
	const times = arrivals.get(apiKey) ?? [];
	let index = times.length;
	while (index > 0 && times[index - 1] > arrivedAt) index--;
	times.splice(index, 0, arrivedAt);
	arrivals.set(apiKey, times);
}

function fitsWindow(times: number[], arrivedAt: number, max: number, windowMs: number): boolean {
	const nearby = times.filter((time) => Math.abs(time - arrivedAt) < windowMs);
	return (
		maxInAnyWindow(
			[...nearby, arrivedAt].sort((a, b) => a - b),
			windowMs,
		) <= max
	);
}
