/**
 * The endpoint tables' rows by what a request does (see endpoints.ts for the fields and the
 * retry kinds): every row of a kind has the same host, method, timeout and retry policy. The
 * tables check their rows against `Endpoint`.
 */
export const CREATE_TIMEOUT_MS = 60_000;
export const STATUS_TIMEOUT_MS = 30_000;

/** Starts a paid task (or a billed answer): sent once. */
export const create = (path: string, timeoutMs = CREATE_TIMEOUT_MS) =>
	({ host: 'api', method: 'POST', path, timeoutMs, retry: 'create' }) as const;

/** Reads a task's status: repeated on transient failures. */
export const read = (path: string) =>
	({ host: 'api', method: 'GET', path, timeoutMs: STATUS_TIMEOUT_MS, retry: 'read' }) as const;

/** Sent as POST, but makes nothing: repeated like a read. */
export const readByPost = (path: string) =>
	({ host: 'api', method: 'POST', path, timeoutMs: CREATE_TIMEOUT_MS, retry: 'read' }) as const;
