/**
 * The one retry policy of the program's HTTP calls (asset downloads, the Gitee API): which answers
 * are worth asking again, how long to wait (the server's Retry-After, in seconds or as a date,
 * else exponential backoff), and when waiting is no longer worth it.
 */

/** Answers that can change on their own: rate limits and server errors. */
const TRANSIENT_STATUSES = new Set([429, 500, 502, 503, 504]);

export function isTransientStatus(status: number): boolean {
  return TRANSIENT_STATUSES.has(status);
}

/** Retry-After as a number of seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | string[] | null | undefined,
  now = Date.now(),
): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** 0.5 s, 1 s, 2 s, ... for attempts 0, 1, 2, ..., at most `capMs`. */
export function backoffMs(attempt: number, capMs: number): number {
  return Math.min(capMs, 500 * 2 ** attempt);
}

/**
 * How long to wait before attempt `attempt + 1`, or undefined to give up: no attempts left, or a
 * server asking for a longer wait than `maxDelayMs` (waiting that long would hold a review up).
 */
export function retryDelayMs(options: {
  attempt: number;
  retries: number;
  retryAfterMs?: number | undefined;
  maxDelayMs: number;
}): number | undefined {
  if (options.attempt >= options.retries) return undefined;
  const delay = options.retryAfterMs ?? backoffMs(options.attempt, options.maxDelayMs);
  return delay > options.maxDelayMs ? undefined : delay;
}
