/**
 * Kie.ai repeats a callback it thinks was not received (no answer within 15 s, up to 3 retries).
 * This remembers, per trigger node and in this n8n process, which tasks already started the
 * workflow. It is synchronous on purpose: n8n's Remove Duplicates node keeps its list in the
 * database, and callbacks arriving together each read the list before any writes it back.
 *
 * A task is claimed while its record is read, and kept only once Kie's record made it start the
 * workflow: a callback for a task Kie does not know, or has not finished, is forgotten at once.
 * Bounded: task ids are short (see rules.ts) and at most 10 000 are kept per trigger.
 */
const REMEMBER_MS = 24 * 60 * 60 * 1000;
const MAX_TASKS_PER_TRIGGER = 10_000;

/** trigger key → delivery key → when it was claimed (ms); Maps keep insertion order. */
const claimedByTrigger = new Map<string, Map<string, number>>();

/**
 * Claims `deliveryKey` for this trigger and returns what gives the claim up (when the callback
 * started nothing); undefined when the workflow already started, or is starting, for it.
 */
export function claimDelivery(
	triggerKey: string,
	deliveryKey: string,
	nowMs: number,
): { release: () => void } | undefined {
	let claimed = claimedByTrigger.get(triggerKey);
	if (!claimed) {
		claimed = new Map();
		claimedByTrigger.set(triggerKey, claimed);
	}
	for (const [oldKey, claimedAt] of claimed) {
		if (nowMs - claimedAt < REMEMBER_MS && claimed.size < MAX_TASKS_PER_TRIGGER) break;
		claimed.delete(oldKey);
	}
	const firstAt = claimed.get(deliveryKey);
	if (firstAt !== undefined && nowMs - firstAt < REMEMBER_MS) return undefined;
	claimed.set(deliveryKey, nowMs);
	const forTrigger = claimed;
	return {
		release: () => {
			if (forTrigger.get(deliveryKey) === nowMs) forTrigger.delete(deliveryKey);
		},
	};
}
