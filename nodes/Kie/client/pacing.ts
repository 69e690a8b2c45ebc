/**
 * How PacedLimiter (pacedLimiter.ts) paces requests on an account it may share: creates
 * (DEFAULT_CREATE_PACING) and status requests (DEFAULT_STATUS_PACING). Said of creates below;
 * status requests are paced the same way, with their own window (a second) and a slower regrowth
 * (see DEFAULT_STATUS_PACING).
 *
 * Pacing on 429 (several processes on one account: n8n queue mode, other tools). Nothing is shared
 * between processes (a node has no store for that); Kie's 429 is the signal every process sees,
 * and a refused create costs nothing (Kie does not queue it). Each limiter keeps a rate, creates
 * per window, never above the credential's limit:
 * - increase while creates succeed: half a create more per window right after a 429, the step
 *   tripling with every quiet window, and from the second quiet window on the rate itself
 *   tripling per window, so a process whose peers have finished is back at the credential's
 *   limit in two or three windows. A quiet window is a window's worth of creates accepted
 *   since the last 429, not time passed: windows in which this process sent little or nothing
 *   say nothing about the account's room;
 * - multiplicative decrease on a 429: the rate falls to `decrease` × its value when the refusals
 *   began, and no higher than the creates Kie accepted from this process in the last window
 *   (refusals that answer one burst are one signal: they decrease once per window);
 * - once Kie has refused, sends are spaced (a quarter of the even spacing) instead of leaving
 *   in one burst: the moments the account has room are then spread over the window too, so
 *   every process finds some of it;
 * - a burst (creates starting while none counts) sends a quarter of the rate at once, then one
 *   create in flight at a time for a quarter window after its first answer, then the rest. Two
 *   processes starting together then fill the account with a refusal or two each instead of
 *   both sending a whole window into it; alone, a process loses at most a few round trips once
 *   per burst (the window after it follows the first one's slots);
 * - a refused create's slot counts for a quarter window only (Kie did not count it): a process
 *   that arrived when another held the whole account tries again at other moments than that
 *   process's window boundaries, instead of in step with them and refused every time;
 * - a process held below the limit, its slots all taken and no 429 for a window, sends one create
 *   above its rate (a probe): accepted, a peer has left room (it finished) and the rate triples
 *   per window from there; refused, the rate stays. Without it the process left alone found the
 *   room a window late, once a window of its own creates had been accepted (2 s of 18 in the
 *   queue-mode bench; pacing-sim.ts replays it);
 * - creates in flight are limited to a count that starts small and grows with each accepted
 *   create (halved on a 429);
 * - Retry-After, when Kie sends it, holds every create of the account that long.
 */
export interface PacingOptions {
	/** Extra wait for timer granularity on either side of a window. */
	marginMs: number;
	/** Share of the rate kept after a 429. */
	decrease: number;
	/**
	 * A 429 lowers the rate to what Kie accepted from this process in the last window, but not
	 * below this share of the rate when the refusals began.
	 */
	keptShare: number;
	/** Creates in flight at once before any has been answered. */
	initialInFlight: number;
	/** Rate gained per window right after a 429 ... */
	firstStep: number;
	/** ... for this many quiet windows, then multiplied by `stepGrowth` for every further one ... */
	steadyWindows: number;
	stepGrowth: number;
	/** ... and at least this × the rate per window from the second such window on. */
	quietGrowth: number;
	/**
	 * Quiet windows counted with each accepted request as 1 ÷ the rate it was accepted at, instead
	 * of all of them ÷ the rate now: a process creeping from 2 to 3 a second does not see its 12
	 * quiet windows shrink to 8 at each whole step, and regrows once its peers have stopped.
	 */
	quietAtSentRate: boolean;
	/** Sends at least spread × window ÷ rate apart, before any 429 (0: in one burst) and after. */
	spreadBefore: number;
	spreadAfter: number;
	/**
	 * A burst (the first create sent while no slot counts) sends this share of the rate at once,
	 * then one create in flight at a time until `burstProbeWindows` × window after its first
	 * answer; then the rest of the window at once.
	 */
	burstAtOnceShare: number;
	burstProbeWindows: number;
	/** How long a refused create's slot counts, in windows. */
	refusedHoldWindows: number;
	/**
	 * A request waiting this long ranks as if it surely paid (see PacedLimiter.next): the likeliest
	 * to pay go first, and none waits much longer than this behind them.
	 */
	queueAgingMs: number;
	/**
	 * Below the credential's limit, with every slot taken and no 429 for this many windows, one
	 * request goes above the rate (0: never): accepted, the rate triples per window from there
	 * (a peer has stopped); refused, the rate stays and the next probe waits as long again.
	 */
	probeQuietWindows: number;
}

export const DEFAULT_CREATE_PACING: PacingOptions = {
	marginMs: 50,
	decrease: 0.8,
	keptShare: 0,
	initialInFlight: 2,
	firstStep: 0.5,
	steadyWindows: 0,
	stepGrowth: 3,
	quietGrowth: 2,
	quietAtSentRate: false,
	spreadBefore: 0,
	spreadAfter: 0.25,
	burstAtOnceShare: 0.25,
	burstProbeWindows: 0.25,
	refusedHoldWindows: 0.25,
	// Creates carry no ramp: by waiting time alone, first come first served.
	queueAgingMs: 1000,
	probeQuietWindows: 1,
};

/**
 * Status requests (Kie: 10 per second per key). As creates, except where said. A refused status
 * request costs nothing either and is sent again; polls carry a ramp (the chance their task is
 * done), so when more wait than the account allows, the likeliest to find a result go first.
 */
export const DEFAULT_STATUS_PACING: PacingOptions = {
	...DEFAULT_CREATE_PACING,
	// A 1 s window: 50 ms would cost 5 % of the budget; timers are good to a few ms.
	marginMs: 15,
	// A poll waiting 3 s ranks as one surely finding its task done: it goes within about a second
	// of that (10 per second), so a task whose ramp says "unlikely" is still seen within seconds.
	queueAgingMs: 3000,
	// Several processes on one key (queue-mode workers) share 10 requests a second, and each sends
	// whole requests: one more than the account's room in a second is a 429. So after a 429 the
	// rate creeps back (a twentieth of a request per second more each second, one refusal each
	// time it passes the account's room) instead of tripling per window as creates do, which had
	// two workers refused on 12-15 % of their status requests; after 12 quiet seconds (counted at
	// the rate each request was accepted at) the step triples per second, so a worker whose peers
	// have finished goes from 3 a second to 10 in about 4 s. A tenth a second (the step until
	// session 27) drew more refusals for no shorter wall in read-pacing-sim.ts, which replays
	// these cases (docs/benchmarks.md).
	firstStep: 0.05,
	steadyWindows: 12,
	quietAtSentRate: true,
	// A worker refused in a second it sent little in (its polls were few) keeps 3 in 10 of its
	// rate rather than falling to one a second and creeping back from there for about 15 s.
	keptShare: 0.3,
	stepGrowth: 3,
	quietGrowth: 0,
	// Requests leave spaced over the second (after half of it at once), before any 429 too:
	// two processes meeting then fill the account a request at a time and find each other with a
	// refusal or two, not with a second's worth each.
	spreadBefore: 1,
	spreadAfter: 1,
	// A small batch's few polls leave together (cold start: three tasks polled at once).
	burstAtOnceShare: 0.5,
	probeQuietWindows: 0,
};
