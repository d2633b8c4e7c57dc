import { createHash } from 'node:crypto';
import Bottleneck from 'bottleneck';
import type { Redis } from 'ioredis';
import type { RequestBudget, RequestLimiter } from './request-budget.js';

/**
 * Requests spaced evenly (`minTime`), not a reservoir refilled each interval: however the platform
 * aligns its own window, no window of `intervalMs` ever holds more than `requests` of ours, where a
 * refilled reservoir could send two intervals' worth across the boundary of the platform's.
 */
function spacingMs(budget: RequestBudget): number {
  // 2 % to spare: timers fire a little early or late, and the platform counts on its own clock.
  return Math.ceil((budget.intervalMs / budget.requests) * 1.02);
}

/** Requests a budget lets go at once before its spacing starts (1 without a burst). */
function burstOf(budget: RequestBudget): number {
  return Math.max(1, Math.floor(budget.burst ?? 1));
}

/** The budget of this process alone (no Redis: `serve` is the only process using the token). */
export function localLimiter(budget: RequestBudget): RequestLimiter {
  const spacing = spacingMs(budget);
  const burst = burstOf(budget);
  // A burst is Bottleneck's reservoir: full at the start, a request back every spacing, never over the burst.
  const limiter = new Bottleneck(
    burst > 1
      ? {
          reservoir: burst,
          reservoirIncreaseAmount: 1,
          reservoirIncreaseInterval: spacing,
          reservoirIncreaseMaximum: burst,
        }
      : { minTime: spacing },
  );
  return {
    schedule: (request) => limiter.schedule(request),
    close: () => limiter.disconnect(),
  };
}

/**
 * Reserves the next free slot of a budget, atomically, on Redis's clock (the generic cell rate
 * algorithm): the key holds when the requests reserved so far would have gone, spaced `ARGV[1]`
 * apart; a request may go up to `ARGV[3]` ms (the burst's room) ahead of that, else it waits. The
 * key outlives the last reservation by an interval (`ARGV[2]`). Without a burst every process that
 * shares the key gets slots the spacing apart. Returns how long the caller waits for its slot (ms).
 */
const RESERVE_SLOT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local due = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local slot = math.max(now, due - tonumber(ARGV[3]))
local next = due + tonumber(ARGV[1])
redis.call('SET', KEYS[1], next, 'PX', next - now + tonumber(ARGV[2]))
return slot - now
`;

/**
 * One budget per platform and token, kept in Redis and shared by every process that uses the token
 * (`serve` and each worker): each request reserves the next slot with one atomic script on Redis's
 * clock, so whichever process asks, the platform sees requests spaced as the budget allows. The
 * token is named in Redis by a digest. When Redis cannot answer, requests are spaced by this
 * process alone (logged through `onError`) rather than failed. (Bottleneck's own Redis clustering
 * was tried first: it left rejections unhandled whenever Redis went away.)
 */
export function sharedLimiter(
  redis: Redis,
  prefix: string,
  platform: string,
  token: string,
  budget: RequestBudget,
  onError: (error: unknown) => void = () => {},
): RequestLimiter {
  const tokenId = createHash('sha256').update(token).digest('hex').slice(0, 16);
  const key = `${prefix}:api-budget:${platform}:${tokenId}`;
  const spacing = spacingMs(budget);
  const room = (burstOf(budget) - 1) * spacing;
  const fallback = localLimiter(budget);
  const reserve = async (): Promise<number | undefined> => {
    try {
      return Number(await redis.eval(RESERVE_SLOT, 1, key, spacing, budget.intervalMs, room));
    } catch (error) {
      onError(error);
      return undefined;
    }
  };
  return {
    async schedule(request) {
      const wait = await reserve();
      if (wait === undefined) return fallback.schedule(request);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return request();
    },
    close: () => fallback.close(),
  };
}
