/**
 * What the process has learned about how long tasks take, per kind (model + resolution), and
 * which tasks of each kind are waiting now: shared by every execution in the process, and read by
 * the poll plan (pollSchedule.ts).
 */

/**
 * The kind a task's duration is learned under: its model, its size (resolution, quality, mode or
 * image size) and its length (duration, n_frames), read from its parameters as sent (`input` for
 * the jobs API, the top level for the others) or as Kie reports them. Computed here only, so a
 * task created by the node and the same task fetched with Get Task learn together.
 */
export function taskKind(task: {
	model: string | null;
	param: Record<string, unknown> | null;
}): string {
	const nested = task.param?.input;
	const input =
		typeof nested === 'object' && nested !== null && !Array.isArray(nested)
			? (nested as Record<string, unknown>)
			: (task.param ?? {});
	const size = input.resolution ?? input.quality ?? input.mode ?? input.image_size ?? '';
	const seconds = input.duration ?? input.n_frames;
	const kind = `${task.model ?? ''}|${String(size)}`;
	return seconds === undefined || seconds === null ? kind : `${kind}|${String(seconds)}s`;
}

/** A task counted as waiting on its kind (see `GenerationTimes.startWaiting`). */
export interface WaitingTask {
	stop(): void;
	/** How old the other tasks of its kind waiting now are (ms at `now`). */
	othersAges(now: number): number[];
}

/** Durations (create → final state, ms) of recently finished tasks per kind. */
export class GenerationTimes {
	private readonly samples = new Map<string, number[]>();

	private readonly watchers = new Map<string, Set<() => void>>();

	/** Per kind, when each task now waiting on it was created. */
	private readonly waiting = new Map<string, Map<object, number>>();

	constructor(private readonly keep = 30) {}

	record(kind: string, durationMs: number): void {
		if (!Number.isFinite(durationMs) || durationMs <= 0) return;
		const list = this.samples.get(kind) ?? [];
		list.push(durationMs);
		if (list.length > this.keep) list.shift();
		this.samples.set(kind, list);
		const watchers = this.watchers.get(kind);
		this.watchers.delete(kind);
		for (const wake of watchers ?? []) wake();
	}

	get(kind: string): readonly number[] {
		return this.samples.get(kind) ?? [];
	}

	/**
	 * `changed` resolves the next time a task of this kind is recorded; `cancel` stops watching
	 * (a waiter that woke for another reason must not stay registered).
	 */
	watch(kind: string): { changed: Promise<void>; cancel(): void } {
		let wake!: () => void;
		const changed = new Promise<void>((resolve) => (wake = resolve));
		const watchers = this.watchers.get(kind) ?? new Set();
		watchers.add(wake);
		this.watchers.set(kind, watchers);
		return {
			changed,
			cancel: () => {
				const current = this.watchers.get(kind);
				current?.delete(wake);
				if (current?.size === 0) this.watchers.delete(kind);
			},
		};
	}

	/** Counts a task of this kind, created at `createdAt`, as waiting until `stop()`. */
	startWaiting(kind: string, createdAt: number): WaitingTask {
		const handle = {};
		const tasks = this.waiting.get(kind) ?? new Map<object, number>();
		tasks.set(handle, createdAt);
		this.waiting.set(kind, tasks);
		return {
			stop: () => {
				const current = this.waiting.get(kind);
				current?.delete(handle);
				if (current?.size === 0) this.waiting.delete(kind);
			},
			othersAges: (now) =>
				[...(this.waiting.get(kind)?.entries() ?? [])]
					.filter(([other]) => other !== handle)
					.map(([, otherCreatedAt]) => now - otherCreatedAt),
		};
	}

	/** Tasks of this kind waiting in this process now. */
	waitingCount(kind: string): number {
		return this.waiting.get(kind)?.size ?? 0;
	}

	/** Tasks currently watching a kind (for tests). */
	watcherCount(kind: string): number {
		return this.watchers.get(kind)?.size ?? 0;
	}
}

/** Shared by every execution in the process. */
export const learnedGenerationTimes = new GenerationTimes();
