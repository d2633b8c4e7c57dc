import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, it } from 'node:test';
import type { Redis } from 'ioredis';
import { connectRedis } from '../../src/jobs/redis-connection.js';
import { RedisReviewQueue } from '../../src/jobs/redis-review-queue.js';
import { RedisReviewWorker, type RedisReviewWorkerOptions } from '../../src/jobs/redis-review-worker.js';
import type { ReviewRunner } from '../../src/jobs/review-queue.js';
import type { ReviewRequest } from '../../src/review/review-request.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { deleteKeys, REDIS_SKIP, TEST_REDIS_URL, testPrefix } from '../helpers/redis.js';
import { describeUnless } from '../helpers/suite.js';

const request = (headSha: string, deliveryId = headSha, pullNumber = 1): ReviewRequest => ({
  platform: 'gitee',
  owner: 'mindspore',
  repo: 'hub',
  pullNumber,
  headSha,
  deliveryId,
  trigger: 'merge_request.open',
});
const sha = (char: string) => char.repeat(40);

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describeUnless(REDIS_SKIP, 'the Redis queue (BullMQ)', () => {
  let redis: Redis;
  let prefix: string;
  let queue: RedisReviewQueue;
  const closers: Array<() => Promise<unknown>> = [];

  beforeEach(() => {
    redis = connectRedis(TEST_REDIS_URL, 'producer');
    prefix = testPrefix();
    queue = new RedisReviewQueue(redis, { url: TEST_REDIS_URL, prefix, backoffMs: 10 });
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await queue.close();
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  async function startWorker(runner: ReviewRunner, options: Partial<RedisReviewWorkerOptions> = {}) {
    const connection = connectRedis(TEST_REDIS_URL, 'worker');
    const worker = new RedisReviewWorker(runner, connection, {
      url: TEST_REDIS_URL,
      prefix,
      concurrency: 1,
      ...options,
    });
    closers.push(
      () => connection.quit(),
      () => worker.close(),
    );
    await worker.ready();
    return worker;
  }

  it('queues one review per head commit and ignores a redelivered webhook', async () => {
    assert.equal(await queue.enqueue(request(sha('a'), 'd1')), 'queued');
    assert.equal(await queue.enqueue(request(sha('a'), 'd1')), 'duplicate-delivery');
    assert.equal(await queue.enqueue(request(sha('a'), 'd2')), 'already-queued');
    assert.equal(await queue.depth(), 1);
    const ran: string[] = [];
    await startWorker(async (item) => void ran.push(item.deliveryId));
    await queue.idle();
    assert.deepEqual(ran, ['d1']);
    assert.equal(await queue.enqueue(request(sha('a'), 'd3')), 'already-reviewed');
    assert.equal(await queue.enqueue(request(sha('a'), 'd4'), { force: true }), 'queued');
    await queue.idle();
    assert.deepEqual(ran, ['d1', 'd4']);
  });

  it('runs only the newest head commit, and tells a running review of an older one not to post', async () => {
    await queue.enqueue(request(sha('a')));
    await queue.enqueue(request(sha('b')));
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const ran: Array<{ head: string; current: boolean }> = [];
    await startWorker(async (item, control) => {
      if (item.headSha === sha('b')) await gate;
      ran.push({ head: item.headSha ?? '', current: await control.isCurrent() });
    });
    await until(async () => (await queue.depth()) === 1, 'the older commit was skipped');
    await queue.enqueue(request(sha('c')));
    open();
    await queue.idle();
    assert.deepEqual(ran, [
      { head: sha('b'), current: false },
      { head: sha('c'), current: true },
    ]);
  });

  it('does not run the queued review of a closed pull request', async () => {
    await queue.enqueue(request(sha('a'), 'd1', 7));
    await queue.enqueue(request(sha('b'), 'd2', 8));
    await queue.cancel({ platform: 'gitee', owner: 'mindspore', repo: 'hub', pullNumber: 7 });
    const ran: number[] = [];
    await startWorker(async (item) => void ran.push(item.pullNumber ?? 0));
    await queue.idle();
    assert.deepEqual(ran, [8]);
  });

  it('retries a transient failure with backoff and reports only on the last attempt', async () => {
    const lastAttempts: boolean[] = [];
    const failures: unknown[] = [];
    await startWorker(
      async (_item, control) => {
        lastAttempts.push(control.lastAttempt());
        throw Object.assign(new Error('Bad gateway'), { status: 502 });
      },
      { onFailure: (error) => failures.push(error) },
    );
    await queue.enqueue(request(sha('a')));
    await queue.idle();
    assert.deepEqual(lastAttempts, [false, false, true]);
    assert.equal(failures.length, 1);
  });

  it('does not retry a final failure, and lets a later delivery review the commit again', async () => {
    let runs = 0;
    const failures: unknown[] = [];
    await startWorker(
      async () => {
        runs++;
        if (runs === 1) throw Object.assign(new Error('Not Found'), { status: 404 });
      },
      { onFailure: (error) => failures.push(error) },
    );
    await queue.enqueue(request(sha('a'), 'd1'));
    await queue.idle();
    assert.equal(runs, 1);
    assert.equal((failures[0] as { status?: number }).status, 404);
    assert.equal(await queue.enqueue(request(sha('a'), 'd2')), 'queued');
    await queue.idle();
    assert.equal(runs, 2);
  });

  it('is healthy while Redis answers, and says why not when it does not', async () => {
    assert.deepEqual(await queue.health(), { ok: true, engine: 'redis' });
    const away = connectRedis('redis://127.0.0.1:1', 'producer');
    away.on('error', () => undefined);
    const unreachable = new RedisReviewQueue(away, { url: 'redis://127.0.0.1:1', prefix });
    const health = await unreachable.health();
    assert.equal(health.ok, false);
    assert.match(health.detail ?? '', /Redis is not reachable/);
    away.disconnect();
  });

  /** A worker process starts reviewing commit a, and is killed before it finishes. */
  async function killMidReview(platform: { url: string; work: unknown[] }): Promise<void> {
    const worker = await startWorkerProcess(prefix, platform.url);
    await queue.enqueue(request(sha('a')));
    await until(() => platform.work.length === 1, 'the worker started the review');
    await kill(worker);
  }

  it('finishes a review once when its worker is killed mid-job and another worker takes over', async () => {
    const platform = await startHangingPlatform();
    try {
      await killMidReview(platform);
      platform.work[0]?.response.destroy();

      const second = await startWorkerProcess(prefix, platform.url);
      await queue.idle();
      await kill(second);
      assert.equal(platform.work.length, 2);
      assert.equal(platform.work[1]?.pid, String(second.pid));
      assert.deepEqual(platform.reports, [String(second.pid)]);
      assert.equal(await queue.enqueue(request(sha('a'), 'again')), 'already-reviewed');
    } finally {
      await platform.close();
    }
  });

  it('reports a review whose worker keeps dying instead of starting it again', async () => {
    const platform = await startHangingPlatform();
    try {
      await killMidReview(platform);
      const abandoned: Array<{ head?: string; reason: string }> = [];
      await startWorker(async () => assert.fail('an interrupted review must not run again'), {
        lockDurationMs: 1000,
        stalledIntervalMs: 300,
        maxInterruptions: 1,
        onAbandoned: async (item, reason) =>
          void abandoned.push({ ...(item.headSha ? { head: item.headSha } : {}), reason }),
      });
      await queue.idle();
      assert.equal(abandoned.length, 1);
      assert.equal(abandoned[0]?.head, sha('a'));
      assert.match(abandoned[0]?.reason ?? '', /interrupted 1 time before it could finish/);
    } finally {
      await platform.close();
    }
  });
});

/** A loopback "platform" whose first review request hangs until the worker making it is killed. */
async function startHangingPlatform() {
  const work: Array<{ pid: string; response: ServerResponse }> = [];
  const reports: string[] = [];
  const server = createServer((incoming, response) => {
    const url = new URL(incoming.url ?? '/', 'http://x');
    const pid = url.searchParams.get('pid') ?? '';
    if (url.pathname === '/report') {
      reports.push(pid);
      response.end('ok');
      return;
    }
    work.push({ pid, response });
    if (work.length > 1) response.end('done');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    work,
    reports,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** test/fixtures/jobs/review-worker-process.ts in a process of its own, once it takes jobs. */
async function startWorkerProcess(prefix: string, platformUrl: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'test/fixtures/jobs/review-worker-process.ts'),
      TEST_REDIS_URL,
      prefix,
      platformUrl,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  assert.equal(line.toString().trim(), 'ready');
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}
