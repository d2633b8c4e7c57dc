import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Queue } from 'bullmq';
import { runServe } from '../../src/cli/serve-command.js';
import { readEnvironment } from '../../src/config/environment.js';
import { EmbeddedReviewQueue } from '../../src/jobs/embedded-queue.js';
import { FileReviewJournal } from '../../src/jobs/file-review-journal.js';
import { connectRedis } from '../../src/jobs/redis-connection.js';
import { REVIEW_QUEUE_NAME } from '../../src/jobs/redis-job-id.js';
import { RedisReviewQueue } from '../../src/jobs/redis-review-queue.js';
import { RedisReviewWorker } from '../../src/jobs/redis-review-worker.js';
import type { ReviewRequest } from '../../src/review/review-request.js';
import { type AssetServer, serveAsset, startAssetServer, testAsset } from '../helpers/asset-server.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { giteeFixture, postGiteeDelivery, SECRET } from '../helpers/gitee-harness.js';
import { giteeAssetFile, HEAD, mockGiteeReview } from '../helpers/gitee-review-mocks.js';
import { useStrictNock } from '../helpers/nock-strict.js';
import { deleteKeys, REDIS_SKIP, TEST_REDIS_URL, testPrefix } from '../helpers/redis.js';
import { describeUnless } from '../helpers/suite.js';

useStrictNock();

const CA_FILE = join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem');
const GRACE_SECONDS = 2;

const request = (sha: string, pullNumber = 1): ReviewRequest => ({
  platform: 'gitee',
  owner: 'mindspore',
  repo: 'hub',
  pullNumber,
  headSha: sha,
  deliveryId: `d-${sha.slice(0, 6)}-${pullNumber}`,
  trigger: 'pull_request.opened',
});

/** Resolves when `condition` holds, polling; fails after `ms`. */
async function eventually(condition: () => boolean | Promise<boolean>, ms = 15_000, what = 'the condition') {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** `mshub-review <command>` from the sources, in a process of its own, as an operator runs it. */
function startCommand(command: 'serve' | 'worker', env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), join(REPO_ROOT, 'src/cli/bin.ts'), command],
    {
      cwd: mkdtempSync(join(tmpdir(), 'shutdown-cwd-')),
      env: {
        PATH: process.env.PATH ?? '',
        NODE_EXTRA_CA_CERTS: CA_FILE,
        SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function logOf(child: ChildProcess): { text: () => string } {
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { text: () => text };
}

/** SIGTERM, then the exit code and how long the exit took. */
async function terminate(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const started = performance.now();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const code = await exited;
  return { code, ms: performance.now() - started };
}

/** A Gitee API that accepts connections and never answers: every review is stuck at its first call. */
async function blackholeApi(): Promise<AssetServer> {
  return startAssetServer(() => {});
}

describe('the embedded queue at shutdown', () => {
  it('stops a stuck review at the end of the grace period, keeps it on disk, and the next start reviews it once', async () => {
    const journal = join(mkdtempSync(join(tmpdir(), 'journal-')), 'pending-reviews.json');
    const stuck = new AbortController();
    const first = new EmbeddedReviewQueue(
      (_request, control) =>
        new Promise<void>((resolve) => {
          // As a review whose API call never returns; it cannot post once the signal has aborted.
          control.signal?.addEventListener('abort', () => stuck.abort());
          void resolve;
        }),
      { concurrency: 1, journal: new FileReviewJournal(journal) },
    );
    assert.equal(await first.enqueue(request('a'.repeat(40))), 'queued');
    assert.equal(await first.enqueue(request('b'.repeat(40), 2)), 'queued', 'waiting behind the stuck one');
    const started = performance.now();
    await first.close(200);
    assert.ok(performance.now() - started < 1000, 'close returns at the end of the grace period');
    assert.ok(stuck.signal.aborted, 'the running review was told to stop');
    await assert.rejects(first.enqueue(request('c'.repeat(40), 3)), /shutting down/);
    const kept = JSON.parse(readFileSync(journal, 'utf8')) as ReviewRequest[];
    assert.deepEqual(kept.map((item) => item.headSha).sort(), ['a'.repeat(40), 'b'.repeat(40)]);

    const reviewed: string[] = [];
    const next = new EmbeddedReviewQueue(
      async (item) => {
        reviewed.push(item.headSha ?? '');
      },
      { concurrency: 1, journal: new FileReviewJournal(journal) },
    );
    assert.equal(await next.resume(), 2);
    await next.close();
    assert.deepEqual(reviewed.sort(), ['a'.repeat(40), 'b'.repeat(40)]);
    assert.deepEqual(JSON.parse(readFileSync(journal, 'utf8')), [], 'nothing is left to resume');
  });
});

describeUnless(REDIS_SKIP, 'the Redis worker at shutdown', () => {
  it('puts a stuck review back in the queue at the end of the grace period, without using an attempt', async () => {
    const prefix = testPrefix();
    const producer = connectRedis(TEST_REDIS_URL, 'producer');
    const settings = { url: TEST_REDIS_URL, prefix };
    const queue = new RedisReviewQueue(producer, settings);
    const firstConnection = connectRedis(TEST_REDIS_URL, 'worker');
    const nextConnection = connectRedis(TEST_REDIS_URL, 'worker');
    let started = 0;
    const first = new RedisReviewWorker(
      async () => {
        started++;
        await new Promise(() => {});
      },
      firstConnection,
      { ...settings, concurrency: 1 },
    );
    const reviewed: string[] = [];
    try {
      await first.ready();
      await queue.enqueue(request('d'.repeat(40)));
      await eventually(() => started === 1, 10_000, 'the review starting');
      const closing = performance.now();
      await first.close(300);
      assert.ok(performance.now() - closing < 3000, 'the worker stops soon after the grace period');
      const job = (await new Queue(REVIEW_QUEUE_NAME, { connection: producer, prefix }).getJobs(['wait']))[0];
      assert.ok(job, 'the review is waiting in the queue again');
      assert.equal(job.attemptsMade, 0, 'no attempt was used');
      assert.equal(job.stalledCounter ?? 0, 0, 'not counted as an interruption');

      const next = new RedisReviewWorker(
        async (item) => {
          reviewed.push(item.headSha ?? '');
        },
        nextConnection,
        { ...settings, concurrency: 1 },
      );
      await eventually(() => reviewed.length === 1, 10_000, 'the next worker reviewing it');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await next.close();
      assert.deepEqual(reviewed, ['d'.repeat(40)]);
    } finally {
      await queue.close();
      await deleteKeys(producer, prefix);
      await Promise.all([producer.quit(), firstConnection.quit(), nextConnection.quit()]);
    }
  });
});

describe('SIGTERM during a stuck review', () => {
  let api: AssetServer;
  before(async () => {
    api = await blackholeApi();
  });
  after(() => api.close());

  it('serve exits 0 within the grace period, and the next start reviews the pull request once', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'serve-shutdown-'));
    const assets = await startAssetServer(serveAsset(testAsset(1024, 7).bytes));
    const asset = testAsset(1024, 7);
    const child = startCommand('serve', {
      GITEE_WEBHOOK_SECRET: SECRET,
      GITEE_TOKEN: 'tok',
      GITEE_API_URL: api.url('/api/v5'),
      STATE_DIR: stateDir,
      PORT: '0',
    });
    const log = logOf(child);
    try {
      await eventually(() => /"port":\d+/.test(log.text()), 20_000, 'serve starting');
      const port = Number(/"port":(\d+)/.exec(log.text())?.[1]);
      const requestsBefore = api.requests.length;
      const delivered = await postGiteeDelivery(
        `http://127.0.0.1:${port}/api/gitee/webhooks`,
        'Merge Request Hook',
        giteeFixture('merge-request-open', HEAD),
      );
      assert.deepEqual(await delivered.json(), { outcome: 'queued' });
      await eventually(() => api.requests.length > requestsBefore, 10_000, 'the review calling the API');

      const { code, ms } = await terminate(child);
      assert.equal(code, 0);
      assert.ok(ms < (GRACE_SECONDS + 1) * 1000, `serve exited ${Math.round(ms)} ms after SIGTERM`);
      const kept = JSON.parse(readFileSync(join(stateDir, 'pending-reviews.json'), 'utf8'));
      assert.deepEqual(
        kept.map((item: ReviewRequest) => item.headSha),
        [HEAD],
      );

      // The next start, with the API answering: the review runs once and posts one comment.
      const captured = mockGiteeReview({
        text: giteeAssetFile(assets.url('/albert.ckpt'), asset.sha256),
        sourceRepoToken: 'tok',
      });
      const server = await runServe(
        readEnvironment({
          GITEE_WEBHOOK_SECRET: SECRET,
          GITEE_TOKEN: 'tok',
          STATE_DIR: stateDir,
          ALLOW_PRIVATE_ASSET_HOSTS: '127.0.0.1',
          ASSET_CA_FILE: CA_FILE,
          ASSET_RETRIES: '0',
          LOG_LEVEL: 'silent',
          HOST: '127.0.0.1',
          PORT: '0',
        }),
      );
      try {
        await eventually(() => captured.labels.length >= 2, 15_000, 'the resumed review reporting');
      } finally {
        await server.stop();
      }
      assert.equal(captured.comments.length, 1, 'reviewed exactly once');
      assert.deepEqual(JSON.parse(readFileSync(join(stateDir, 'pending-reviews.json'), 'utf8')), []);
    } finally {
      child.kill('SIGKILL');
      await assets.close();
    }
  });

  it('a Redis worker exits 0 within the grace period and leaves the review waiting in the queue', {
    skip: REDIS_SKIP,
  }, async () => {
    const prefix = testPrefix();
    const producer = connectRedis(TEST_REDIS_URL, 'producer');
    const queue = new RedisReviewQueue(producer, { url: TEST_REDIS_URL, prefix });
    const child = startCommand('worker', {
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      GITEE_TOKEN: 'tok',
      GITEE_API_URL: api.url('/api/v5'),
      STATE_DIR: mkdtempSync(join(tmpdir(), 'worker-shutdown-')),
    });
    const log = logOf(child);
    try {
      await eventually(
        () => log.text().includes('mshub-review worker started'),
        20_000,
        'the worker starting',
      );
      const requestsBefore = api.requests.length;
      await queue.enqueue(request(HEAD));
      await eventually(() => api.requests.length > requestsBefore, 10_000, 'the review calling the API');

      const { code, ms } = await terminate(child);
      assert.equal(code, 0);
      assert.ok(ms < (GRACE_SECONDS + 1) * 1000, `the worker exited ${Math.round(ms)} ms after SIGTERM`);
      const waiting = await new Queue(REVIEW_QUEUE_NAME, { connection: producer, prefix }).getJobs(['wait']);
      assert.equal(waiting.length, 1, 'the review waits for the next worker');
      assert.equal(waiting[0]?.attemptsMade, 0);
    } finally {
      child.kill('SIGKILL');
      await queue.close();
      await deleteKeys(producer, prefix);
      await producer.quit();
    }
  });
});
