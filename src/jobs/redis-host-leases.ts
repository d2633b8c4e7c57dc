import type { Redis } from 'ioredis';
import { type HostBounds, type HostGate, slotSpacingMs } from '../review/audit-link.js';
import { pause } from './shutdown.js';

// A lease is a member of the host's sorted set, scored with when it lapses (Redis's own clock, so
// that machines whose clocks differ agree). Lapsed leases are dropped before each count: a process
// that dies holding one gives it back within a lease period. Answers: 0 the host is full; below 0
// it is paused for that long; 1 + the wait for the host's next slot when it has a rate (slots
// `ARGV[4]` ms apart).
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return now - paused end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
local spacing = tonumber(ARGV[4])
if spacing <= 0 then return 1 end
local slot = math.max(now, tonumber(redis.call('GET', KEYS[3]) or '0'))
redis.call('SET', KEYS[3], slot + spacing, 'PX', slot + spacing - now + 1000)
return 1 + slot - now`;
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
  /**
   * How often a request that waits for its host asks again: 20 ms, or 250 ms with `wakeups`, where
   * asking again is only for a lease whose holder died without giving it back.
   */
  pollMs?: number;
  /**
   * A connection of its own (it is put in subscriber mode) on which each lease given back is
   * announced: a request waiting for that host asks at once instead of at its next poll.
   */
  wakeups?: Redis;
}

/** A request waiting for a lease on a host: woken when one is given back, in this process or another. */
interface Waiter {
  woken: boolean;
  /** Ends its sleep, once it sleeps. */
  resolve?: () => void;
}

/**
 * Requests at once to one host, counted across every process that shares the Redis: each request
 * holds a lease on its host while it runs, and waits while the host's leases are all taken, or
 * while the host is paused (it answered 429 or 503).
 */
export class RedisHostLeases implements HostGate {
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly channel: string;
  private readonly wakeups: Redis | undefined;
  /** The requests of this process waiting for each host's lease, the longest waiting first. */
  private readonly waiters = new Map<string, Waiter[]>();
  private subscribed: Promise<unknown> | undefined;
  private next = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly owner: string,
    options: HostLeaseOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.wakeups = options.wakeups;
    this.pollMs = options.pollMs ?? (this.wakeups ? 250 : 20);
    this.channel = `${prefix}:audit:host-freed`;
    this.wakeups?.on('message', (channel: string, key: string) => {
      if (channel === this.channel) this.wakeOne(key);
    });
  }

  /**
   * Runs `work` under a lease on `host`, once fewer than `bounds.atOnce` are held and its rate slot
   * has come; `signal` stops the wait.
   */
  async hold<T>(host: string, bounds: HostBounds, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const key = this.key(host);
    const limit = bounds.atOnce;
    const lease = `${this.owner}:${this.next++}`;
    const spacing = slotSpacingMs(bounds);
    let slotWait = 0;
    this.subscribe();
    for (;;) {
      signal?.throwIfAborted();
      // Waiting before asking: a lease given back while the answer is on its way still wakes it.
      const waiter = this.waitFor(key);
      let answer: number;
      try {
        answer = Number(
          await this.redis.eval(
            ACQUIRE,
            3,
            key,
            `${key}:paused`,
            `${key}:rate`,
            limit,
            this.leaseMs,
            lease,
            spacing,
          ),
        );
      } catch (error) {
        this.passOn(key, waiter);
        throw error;
      }
      if (answer >= 1) {
        this.passOn(key, waiter);
        slotWait = answer - 1;
        break;
      }
      // Paused: until the host's time is up. Full: until a lease is given back, or again soon, with
      // jitter so that the waiters of several processes do not ask in step.
      if (answer < 0) {
        this.passOn(key, waiter);
        await pause(-answer, signal ?? new AbortController().signal);
      } else await this.sleep(key, waiter, this.pollMs * (0.5 + Math.random()), signal);
    }
    const renewal = setInterval(
      () => void this.redis.eval(RENEW, 1, key, this.leaseMs, lease).catch(() => undefined),
      Math.max(10, Math.floor(this.leaseMs / 3)),
    );
    renewal.unref();
    try {
      // The host's rate holds across processes too: the lease waits for its slot.
      if (slotWait > 0) await pause(slotWait, signal ?? new AbortController().signal);
      return await work();
    } finally {
      clearInterval(renewal);
      await this.redis
        .multi()
        .zrem(key, lease)
        .publish(this.channel, key)
        .exec()
        .catch(() => undefined);
    }
  }

  /** Resolves once leases given back reach this process (at once without a connection for them). */
  async listening(): Promise<void> {
    this.subscribe();
    await this.subscribed;
  }

  async pause(host: string, ms: number): Promise<void> {
    await this.redis.eval(PAUSE, 1, `${this.key(host)}:paused`, Math.max(1, Math.round(ms)));
  }

  private key(host: string): string {
    return `${this.prefix}:audit:host:${host.toLowerCase()}`;
  }

  /**
   * Listens for leases given back, once. Not waited for: until it listens (or when its connection
   * cannot be had), a request that waits asks again at each poll.
   */
  private subscribe(): void {
    if (!this.wakeups) return;
    this.subscribed ??= this.wakeups.subscribe(this.channel).catch(() => {
      this.subscribed = undefined;
    });
  }

  private waitFor(key: string): Waiter {
    const waiter: Waiter = { woken: false };
    const queue = this.waiters.get(key) ?? [];
    queue.push(waiter);
    this.waiters.set(key, queue);
    return waiter;
  }

  private stopWaiting(key: string, waiter: Waiter): void {
    const queue = this.waiters.get(key);
    const at = queue?.indexOf(waiter) ?? -1;
    if (queue === undefined || at < 0) return;
    queue.splice(at, 1);
    if (queue.length === 0) this.waiters.delete(key);
  }

  /** Stops waiting; a wake-up this request no longer needs goes to the next one waiting. */
  private passOn(key: string, waiter: Waiter): void {
    this.stopWaiting(key, waiter);
    if (waiter.woken) this.wakeOne(key);
  }

  /**
   * A lease on the host was given back: the longest waiting request of this process asks again. One,
   * not all: a freed lease serves one request, and the others would only ask Redis in vain.
   */
  private wakeOne(key: string): void {
    const waiter = this.waiters.get(key)?.[0];
    if (waiter === undefined) return;
    this.stopWaiting(key, waiter);
    waiter.woken = true;
    waiter.resolve?.();
  }

  private async sleep(key: string, waiter: Waiter, ms: number, signal?: AbortSignal): Promise<void> {
    if (waiter.woken) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
      waiter.resolve = done;
    });
    // Stopped by its signal after a wake-up: the wake-up goes to another request.
    if (signal?.aborted) this.passOn(key, waiter);
    else this.stopWaiting(key, waiter);
  }
}
