import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectRedis } from '../../src/jobs/redis-connection.js';
import { twoWindowBudget } from '../../src/net/request-budget.js';
import { localLimiter, sharedLimiter } from '../../src/net/request-limiter.js';
import { deleteKeys, REDIS_SKIP, TEST_REDIS_URL, testPrefix } from '../helpers/redis.js';
import { RedisProxy } from '../helpers/redis-proxy.js';
import { describeUnless } from '../helpers/suite.js';

/** The start times of `count` requests through `schedule`, relative to the first. */
async function startTimes(
  count: number,
  schedule: (index: number, task: () => Promise<void>) => Promise<void>,
) {
  const started: number[] = [];
  const origin = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, index) =>
      schedule(index, async () => {
        started.push(performance.now() - origin);
      }),
    ),
  );
  return started.sort((a, b) => a - b);
}

/** The most starts inside any window of `windowMs`. */
function busiestWindow(times: readonly number[], windowMs: number): number {
  let most = 0;
  for (const [index, time] of times.entries())
    most = Math.max(most, times.filter((other, at) => at >= index && other < time + windowMs).length);
  return most;
}

describe('an API budget in one process', () => {
  it('spaces requests so that no window of the interval holds more than the budget', async () => {
    const limiter = localLimiter({ requests: 5, intervalMs: 500 });
    const times = await startTimes(12, (_, task) => limiter.schedule(task));
    await limiter.close();
    assert.ok(busiestWindow(times, 500) <= 5, `busiest window: ${busiestWindow(times, 500)}`);
    assert.ok(
      (times.at(-1) ?? 0) >= 11 * 100,
      `requests waited for budget instead of failing (last at ${times.at(-1)} ms)`,
    );
  });
});

// GitHub's 80 a minute and 500 an hour, scaled down: 8 per 200 ms and 30 per 2 s.
const SHORT = { requests: 8, intervalMs: 200 };
const LONG = { requests: 30, intervalMs: 2000 };

describe('a budget of two windows (GitHub content-creating requests)', () => {
  it("keeps GitHub's documented 80 a minute and 500 an hour, with a burst for a review's writes", () => {
    assert.deepEqual(
      twoWindowBudget({ requests: 80, intervalMs: 60_000 }, { requests: 500, intervalMs: 3_600_000 }),
      { requests: 428, intervalMs: 3_600_000, burst: 72 },
    );
    assert.equal(
      twoWindowBudget({ requests: 0, intervalMs: 60_000 }, { requests: 0, intervalMs: 1 }),
      undefined,
    );
    assert.deepEqual(twoWindowBudget(SHORT, { requests: 0, intervalMs: 1 }), SHORT);
    // An hour that allows a minute's rate all along: even spacing, no burst.
    assert.deepEqual(
      twoWindowBudget({ requests: 80, intervalMs: 60_000 }, { requests: 4_790, intervalMs: 3_600_000 }),
      { requests: 4_790, intervalMs: 3_600_000 },
    );
  });

  it('lets the burst go at once, then holds both windows in one process', async () => {
    const budget = twoWindowBudget(SHORT, LONG);
    assert.deepEqual(budget, { requests: 25, intervalMs: 2000, burst: 5 });
    const limiter = localLimiter(budget as NonNullable<typeof budget>);
    const times = await startTimes(24, (_, task) => limiter.schedule(task));
    await limiter.close();
    assert.ok((times[4] ?? Infinity) < 60, `the burst of five went at once (${times.slice(0, 5)})`);
    assert.ok(busiestWindow(times, 200) <= 8, `busiest short window: ${busiestWindow(times, 200)}`);
    assert.ok(busiestWindow(times, 2000) <= 30, `busiest long window: ${busiestWindow(times, 2000)}`);
  });
});

describeUnless(REDIS_SKIP, 'an API budget shared in Redis', () => {
  it('lets the burst go at once, then holds both windows across processes', async () => {
    const prefix = testPrefix();
    const clients = [0, 1].map(() => connectRedis(TEST_REDIS_URL, 'producer'));
    const budget = twoWindowBudget(SHORT, LONG) as NonNullable<ReturnType<typeof twoWindowBudget>>;
    const limiters = clients.map((client) => sharedLimiter(client, prefix, 'github-writes', 'app-1', budget));
    try {
      const times = await startTimes(24, (index, task) => limiters[index % 2]?.schedule(task) ?? task());
      assert.ok((times[4] ?? Infinity) < 60, `the burst of five went at once (${times.slice(0, 5)})`);
      assert.ok((times[5] ?? 0) >= 60, 'the sixth waited');
      assert.ok(busiestWindow(times, 200) <= 8, `busiest short window: ${busiestWindow(times, 200)}`);
      assert.ok(busiestWindow(times, 2000) <= 30, `busiest long window: ${busiestWindow(times, 2000)}`);
    } finally {
      await Promise.all(limiters.map((limiter) => limiter.close()));
      await deleteKeys(clients[0] as NonNullable<(typeof clients)[0]>, prefix);
      await Promise.all(clients.map((client) => client.quit()));
    }
  });

  it('holds across processes: three workers with one token together stay within the budget', async () => {
    const prefix = testPrefix();
    const clients = [0, 1, 2].map(() => connectRedis(TEST_REDIS_URL, 'producer'));
    const [first] = clients;
    assert.ok(first);
    const limiters = clients.map((client) =>
      sharedLimiter(client, prefix, 'gitcode', 'one-token', { requests: 10, intervalMs: 1000 }),
    );
    const other = sharedLimiter(first, prefix, 'gitcode', 'another-token', {
      requests: 10,
      intervalMs: 1000,
    });
    try {
      const times = await startTimes(24, (index, task) => limiters[index % 3]?.schedule(task) ?? task());
      assert.ok(busiestWindow(times, 1000) <= 10, `busiest window: ${busiestWindow(times, 1000)}`);
      // Another token has a budget of its own: it does not wait behind the first.
      const started = performance.now();
      await other.schedule(async () => {});
      assert.ok(performance.now() - started < 500);
    } finally {
      await Promise.all([...limiters, other].map((limiter) => limiter.close()));
      await deleteKeys(first, prefix);
      await Promise.all(clients.map((client) => client.quit()));
    }
  });
});

describe('an API budget whose Redis is away', () => {
  it("spaces this process's requests on its own, and says why, rather than fail them", async () => {
    const proxy = new RedisProxy({ host: '127.0.0.1', port: 1 });
    await proxy.start();
    const url = proxy.urlFor('redis://127.0.0.1:6379/15');
    await proxy.stop();
    const redis = connectRedis(url, 'producer');
    redis.on('error', () => undefined);
    const problems: unknown[] = [];
    const limiter = sharedLimiter(redis, 'p', 'gitcode', 't', { requests: 10, intervalMs: 500 }, (error) =>
      problems.push(error),
    );
    try {
      const times = await startTimes(6, (_, task) => limiter.schedule(task));
      assert.equal(times.length, 6, 'every request ran');
      assert.ok(busiestWindow(times, 500) <= 10);
      assert.ok((times.at(-1) ?? 0) >= 5 * 50, 'still spaced');
      assert.ok(problems.length > 0);
    } finally {
      await limiter.close();
      redis.disconnect();
    }
  });
});
