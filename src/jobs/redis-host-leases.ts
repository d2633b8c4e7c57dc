import type { Redis } from 'ioredis';
import type { HostGate } from '../review/audit-link.js';
import { pause } from './shutdown.js';

// A lease is a member of the host's sorted set, scored with when it lapses (Redis's own clock, so
// that machines whose clocks differ agree). Lapsed leases are dropped before each count: a process
// that dies holding one gives it back within a lease period.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return now - paused end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;
// The host asked to be left alone: no lease is given until then (the later of two pauses wins).
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local till = now + tonumber(ARGV[1])
if till > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], till, 'PX', ARGV[1])
end
return till`;
const RENEW = `
if not redis.call('ZSCORE', KEYS[1], ARGV[2]) then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[2])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return 1`;

export interface HostLeaseOptions {
  /** A lease lapses this long after its holder stops renewing it. */
  leaseMs?: number;
  /** How often a request that waits for its host asks again. */
  pollMs?: number;
}

/**
 * Requests at once to one host, counted across every process that shares the Redis: each request
 * holds a lease on its host while it runs, and waits while the host's leases are all taken, or
 * while the host is paused (it answered 429 or 503).
 */
export class RedisHostLeases implements HostGate {
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private next = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly owner: string,
    options: HostLeaseOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 20;
  }

  /** Runs `work` under a lease on `host`, once fewer than `limit` are held; `signal` stops the wait. */
  async hold<T>(host: string, limit: number, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const key = this.key(host);
    const lease = `${this.owner}:${this.next++}`;
    for (;;) {
      signal?.throwIfAborted();
      const answer = Number(
        await this.redis.eval(ACQUIRE, 2, key, `${key}:paused`, limit, this.leaseMs, lease),
      );
      if (answer === 1) break;
      // Paused: until the host's time is up. Full: again soon, with jitter so that the waiters of
      // several processes do not ask in step.
      const wait = answer < 0 ? -answer : this.pollMs * (0.5 + Math.random());
      await pause(wait, signal ?? new AbortController().signal);
    }
    const renewal = setInterval(
      () => void this.redis.eval(RENEW, 1, key, this.leaseMs, lease).catch(() => undefined),
      Math.max(10, Math.floor(this.leaseMs / 3)),
    );
    renewal.unref();
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await this.redis.zrem(key, lease).catch(() => undefined);
    }
  }

  async pause(host: string, ms: number): Promise<void> {
    await this.redis.eval(PAUSE, 1, `${this.key(host)}:paused`, Math.max(1, Math.round(ms)));
  }

  private key(host: string): string {
    return `${this.prefix}:audit:host:${host.toLowerCase()}`;
  }
}
