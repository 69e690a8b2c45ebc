/**
 * Kie.ai repeats a callback it thinks was not received (no answer within 15 s, up to 3 retries).
 * This remembers, per trigger node and in this n8n process, which tasks already started the
 * workflow. It is synchronous on purpose: n8n's Remove Duplicates node keeps its list in the
 * database, and callbacks arriving together each read the list before any writes it back.
 */
const REMEMBER_MS = 24 * 60 * 60 * 1000;
const MAX_TASKS_PER_TRIGGER = 10_000;

/** trigger key → taskId → when it was first accepted (ms); Maps keep insertion order. */
const acceptedByTrigger = new Map<string, Map<string, number>>();

/** True the first time `taskId` reaches this trigger (and remembers it), false for a repeat. */
export function isFirstDelivery(triggerKey: string, taskId: string, nowMs: number): boolean {
	let accepted = acceptedByTrigger.get(triggerKey);
	if (!accepted) {
		accepted = new Map();
		acceptedByTrigger.set(triggerKey, accepted);
	}
	for (const [oldTaskId, acceptedAt] of accepted) {
		if (nowMs - acceptedAt < REMEMBER_MS && accepted.size < MAX_TASKS_PER_TRIGGER) break;
		accepted.delete(oldTaskId);
	}
	const firstAt = accepted.get(taskId);
	if (firstAt !== undefined && nowMs - firstAt < REMEMBER_MS) return false;
	accepted.set(taskId, nowMs);
	return true;
}
