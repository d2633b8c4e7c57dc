/**
 * The shape of an API budget, apart from how it is kept (request-limiter.ts, with Bottleneck and
 * Redis, is the server's): the API clients need only this, and the contributor CLI stays small.
 */
/** How many API requests one token may make per interval (GitCode: 50 a minute). */
export interface RequestBudget {
  requests: number;
  intervalMs: number;
  /**
   * Requests that may go at once before the spacing starts (1 without it). A budget with a burst
   * must leave room for it in `requests`: any window of `intervalMs` then holds at most
   * `burst + requests`.
   */
  burst?: number;
}

/** Runs each request when the budget allows it: requests wait for budget instead of failing. */
export interface RequestLimiter {
  schedule<T>(request: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * One budget that keeps two limits, a short window's and a long one's (GitHub's content-creating
 * requests: no more than 80 a minute and 500 an hour). A burst lets a review's few writes go at
 * once; the rest are spaced so that any short window holds at most `burst + rate * short` and any
 * long one `burst + rate * long`. A limit of 0 requests is none.
 */
export function twoWindowBudget(short: RequestBudget, long: RequestBudget): RequestBudget | undefined {
  if (short.requests <= 0 && long.requests <= 0) return undefined;
  if (long.requests <= 0) return short;
  if (short.requests <= 0) return long;
  const ratio = short.intervalMs / long.intervalMs;
  // burst + (long.requests - burst) * ratio <= short.requests
  const burst = Math.floor((short.requests - long.requests * ratio) / (1 - ratio));
  if (burst < 2) {
    // The long window allows about the short one's rate all along: even spacing at the stricter.
    const requests = Math.min(short.requests / ratio, long.requests);
    return { requests: Math.floor(requests), intervalMs: long.intervalMs };
  }
  return { requests: long.requests - burst, intervalMs: long.intervalMs, burst };
}

/** No budget: every request at once (tests, and APIs without a documented limit). */
export const UNLIMITED: RequestLimiter = {
  schedule: (request) => request(),
  close: async () => {},
};
