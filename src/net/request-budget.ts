/**
 * The shape of an API budget, apart from how it is kept (request-limiter.ts, with Bottleneck and
 * Redis, is the server's): the API clients need only this, and the contributor CLI stays small.
 */
/** How many API requests one token may make per interval (GitCode: 50 a minute). */
export interface RequestBudget {
  requests: number;
  intervalMs: number;
}

/** Runs each request when the budget allows it: requests wait for budget instead of failing. */
export interface RequestLimiter {
  schedule<T>(request: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** No budget: every request at once (tests, and APIs without a documented limit). */
export const UNLIMITED: RequestLimiter = {
  schedule: (request) => request(),
  close: async () => {},
};
