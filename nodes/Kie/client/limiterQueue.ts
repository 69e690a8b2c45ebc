/**
 * Who a PacedLimiter (pacedLimiter.ts) grants next when more requests wait than it may send.
 */

/**
 * Clock times between which the chance that a request pays (a poll finds its task done) grows
 * from 0 to 1; past `to` it is 1 (never, while both are Infinity). Read at each grant, so its
 * owner may move it while the request waits (a poll's kind learns from tasks that finish).
 */
export interface LikelyDone {
	from: number;
	to: number;
}

export interface Waiter<Permit> {
	grant(permit: Permit): void;
	signal?: AbortSignal;
	onAbort?: () => void;
	enqueuedAt: number;
	likelyDone?: LikelyDone;
}

/** How likely a waiter's request is to pay now (0 without a ramp). */
function likelihood<Permit>(waiter: Waiter<Permit>, now: number): number {
	const ramp = waiter.likelyDone;
	if (!ramp || now < ramp.from) return 0;
	if (now >= ramp.to) return 1;
	return (now - ramp.from) / Math.max(1, ramp.to - ramp.from);
}

/**
 * Takes the waiter to grant next out of the queue: the likeliest to pay (its `likelyDone` ramp),
 * its time waiting over `agingMs` added so none starves. Without ramps: first come first.
 */
export function takeNext<Permit>(queue: Array<Waiter<Permit>>, now: number, agingMs: number) {
	const score = (waiter: Waiter<Permit>) =>
		likelihood(waiter, now) + (now - waiter.enqueuedAt) / agingMs;
	let best = 0;
	for (let index = 1; index < queue.length; index++) {
		if (score(queue[index]) > score(queue[best])) best = index;
	}
	return queue.splice(best, 1)[0];
}
