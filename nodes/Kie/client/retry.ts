/** The one backoff, and a way to run a request and look at how it ended. */

export function jitter(ms: number): number {
	return Math.round(ms * (0.75 + Math.random() * 0.5));
}

/** Exponential backoff with jitter: `baseMs`, twice that, … up to `maxMs`. */
export function backoffMs(attempt: number, baseMs = 500, maxMs = 15_000): number {
	return jitter(Math.min(maxMs, baseMs * 2 ** attempt));
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs `operation` and reports how it ended, so the caller decides about retries in plain code. */
export async function settle<T>(operation: () => Promise<T>): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await operation() };
	} catch (error) {
		return { ok: false, error };
	}
}
