/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
import { Agent } from 'undici';

import { bearerKey, type Host, type RequestContext } from './http';
import { SimulatorRecordImpl } from './record';
import type { SimulatedTask, SimulatorOptions } from './types';

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'webhookHmacKey' | 'statusLimit'>> &
	Pick<SimulatorOptions, 'webhookHmacKey' | 'statusLimit'>;

export const DEFAULT_OPTIONS: ResolvedOptions = {
	apiKeys: ['sim-key'],
	generationMs: 300,
	createLimit: { max: 20, windowMs: 10_000 },
	callbackTaskIdField: 'taskId',
	callbackRetryDelaysMs: [1_000, 2_000, 4_000],
	credits: 100_000,
	seed: 1,
	apiVariants: {},
	unknownTaskAnswer: 'recordInfo-null',
	notVisibleAfterCreate: {},
	fileContentType: 'exact',
	resultFileBytes: 0,
	resultUrlExtensions: true,
	uploadErrorStatus: 'body',
};

export interface FileBody {
	bytes: Buffer;
	mimeType: string;
}

export interface TaskMeta {
	cost: number;
	param: string;
	finalizeTimer?: NodeJS.Timeout;
	/** recordInfo answers that did not know the task yet (options.notVisibleAfterCreate). */
	hiddenAnswers?: number;
	/** The callback body this task's API sends when the task is final. */
	callbackBody: (task: SimulatedTask) => Record<string, unknown>;
}

interface PendingSleep {
	timer: NodeJS.Timeout;
	resolve: () => void;
}

/** Deterministic RNG (mulberry32) for `probability` faults. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Everything the endpoint groups share: options, record, accounts, tasks, files, background work. */
export class SimulatorState {
	options: ResolvedOptions;
	random: () => number;
	readonly record: SimulatorRecordImpl;
	readonly balances = new Map<string, number>();
	readonly taskMeta = new Map<string, TaskMeta>();
	readonly uploads = new Map<string, FileBody>();
	/** Temporary download-url tokens → the file they stand for (host + path). */
	readonly downloadTokens = new Map<string, { host: Host; pathname: string }>();
	readonly callbackAborts = new Set<AbortController>();
	/** Bumped by reset(): work started before a reset does not write into the new record. */
	epoch = 0;
	readonly agent = new Agent({ keepAliveTimeout: 1_000, keepAliveMaxTimeout: 1_000 });
	private sleeps = new Set<PendingSleep>();

	constructor(
		readonly startOptions: ResolvedOptions,
		readonly baseUrl: string,
		readonly uploadBaseUrl: string,
	) {
		this.options = { ...startOptions };
		this.random = seededRandom(startOptions.seed);
		this.record = new SimulatorRecordImpl(() => this.options.createLimit.windowMs);
	}

	authorizedKey(context: RequestContext): string | undefined {
		const key = bearerKey(context.req);
		return key !== undefined && this.options.apiKeys.includes(key) ? key : undefined;
	}

	balance(apiKey: string): number {
		return this.balances.get(apiKey) ?? this.options.credits;
	}

	sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const sleep: PendingSleep = {
				timer: setTimeout(() => {
					this.sleeps.delete(sleep);
					resolve();
				}, ms),
				resolve,
			};
			this.sleeps.add(sleep);
		});
	}

	/** Clears finalize timers, aborts callbacks in flight; `slow` answers go out now (reset) or never (stop). */
	cancelBackgroundWork(answerSlowRequests: boolean): void {
		for (const meta of this.taskMeta.values()) clearTimeout(meta.finalizeTimer);
		for (const controller of this.callbackAborts) controller.abort();
		this.callbackAborts.clear();
		for (const sleep of this.sleeps) {
			clearTimeout(sleep.timer);
			if (answerSlowRequests) sleep.resolve();
		}
		this.sleeps.clear();
	}

	/** Back to the start options with nothing remembered (background work must be cancelled first). */
	clear(): void {
		this.options = { ...this.startOptions };
		this.random = seededRandom(this.startOptions.seed);
		this.balances.clear();
		this.taskMeta.clear();
		this.uploads.clear();
		this.downloadTokens.clear();
		this.record.clear();
	}
}
