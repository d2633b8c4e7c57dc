import assert from 'node:assert/strict';
import { it } from 'node:test';
import { RedisHostLeases } from '../../src/jobs/redis-host-leases.js';
import { REDIS_SKIP, suiteRedis } from '../helpers/redis.js';
import { describeUnless } from '../helpers/suite.js';

/** Longer than any test waits: a request that got its lease sooner was woken, not polling. */
const POLL_MS = 10_000;

function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describeUnless(REDIS_SKIP, 'RedisHostLeases', () => {
  const { redis, prefix, connect: subscriber } = suiteRedis();

  it('gives a lease back to a request of another process at once, not at its next poll', async () => {
    const holder = new RedisHostLeases(redis, prefix, 'holder');
    const waiter = new RedisHostLeases(redis, prefix, 'waiter', { pollMs: POLL_MS, wakeups: subscriber() });
    await waiter.listening();
    const release = gate();
    const held = holder.hold('one.example', { atOnce: 1 }, () => release.opened);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const asked = performance.now();
    const waited = waiter.hold('one.example', { atOnce: 1 }, async () => performance.now());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const released = performance.now();
    release.open();
    await held;
    const taken = await waited;
    assert.ok(taken >= released, 'not before the lease was given back');
    assert.ok(
      taken - asked < POLL_MS / 4,
      `taken ${Math.round(taken - released)} ms after it was given back`,
    );
  });

  it("hands a host's leases to the waiting requests of one process one after the other", async () => {
    const holder = new RedisHostLeases(redis, prefix, 'holder');
    const waiters = new RedisHostLeases(redis, prefix, 'waiters', { pollMs: POLL_MS, wakeups: subscriber() });
    await waiters.listening();
    const release = gate();
    const held = holder.hold('turns.example', { atOnce: 1 }, () => release.opened);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const order: number[] = [];
    let atOnce = 0;
    const started = performance.now();
    const turns = [0, 1, 2].map((index) =>
      waiters.hold('turns.example', { atOnce: 1 }, async () => {
        atOnce++;
        assert.equal(atOnce, 1, 'one lease, one request');
        order.push(index);
        await new Promise((resolve) => setTimeout(resolve, 20));
        atOnce--;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    release.open();
    await held;
    await Promise.all(turns);
    assert.deepEqual([...order].sort(), [0, 1, 2]);
    assert.ok(performance.now() - started < POLL_MS / 4, 'each woken by the one before it');
  });

  it('gives the lease to the next request at once when the one before it was stopped while it waited', async () => {
    const holder = new RedisHostLeases(redis, prefix, 'holder');
    const waiters = new RedisHostLeases(redis, prefix, 'waiters', { pollMs: POLL_MS, wakeups: subscriber() });
    await waiters.listening();
    const release = gate();
    const held = holder.hold('stopped.example', { atOnce: 1 }, () => release.opened);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const stop = new AbortController();
    const stopped = waiters.hold('stopped.example', { atOnce: 1 }, async () => 'stopped', stop.signal);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const second = waiters.hold('stopped.example', { atOnce: 1 }, async () => performance.now());
    await new Promise((resolve) => setTimeout(resolve, 30));
    stop.abort();
    await assert.rejects(stopped, { name: 'AbortError' });
    const released = performance.now();
    release.open();
    await held;
    assert.ok((await second) - released < POLL_MS / 4);
  });

  it('still takes a lease whose holder died, once it lapses, by asking again', async () => {
    const waiter = new RedisHostLeases(redis, prefix, 'waiter', { pollMs: 50, wakeups: subscriber() });
    await waiter.listening();
    // A holder that died: its lease lapses in 150 ms, and no one gives it back or says so.
    const [seconds, micros] = await redis.time();
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    await redis.zadd(`${prefix}:audit:host:lapsed.example`, now + 150, 'dead:0');
    const asked = performance.now();
    const taken = await waiter.hold('lapsed.example', { atOnce: 1 }, async () => performance.now());
    assert.ok(taken - asked >= 100, 'not before the lease lapsed');
  });
});
