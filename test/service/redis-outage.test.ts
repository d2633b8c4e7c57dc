import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import nock from 'nock';
import { type RunningServer, runServe } from '../../src/cli/serve-command.js';
import { readEnvironment } from '../../src/config/environment.js';
import { connectRedis } from '../../src/jobs/redis-connection.js';
import { RedisReviewWorker } from '../../src/jobs/redis-review-worker.js';
import { createLogger } from '../../src/service/create-logger.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { SECRET as GITEE_SECRET, giteeFixture, giteeSignatureFor } from '../helpers/gitee-harness.js';
import { API, pullRequestPayload, TEST_APP_KEY } from '../helpers/github-app-harness.js';
import { useStrictNock } from '../helpers/nock-strict.js';
import { deleteKeys, REDIS_SKIP, TEST_REDIS_URL, testPrefix } from '../helpers/redis.js';
import { RedisProxy } from '../helpers/redis-proxy.js';
import { describeUnless } from '../helpers/suite.js';

useStrictNock();

const GITHUB_SECRET = 'github-hook-secret-outage';
const GITCODE_SECRET = 'gitcode-hook-secret-outage';
/** How long the test keeps Redis away: as long as a Redis restart or a failover takes. */
const OUTAGE_MS = 10_000;
/** Every answer within this, well under GitHub's 10 s. */
const ANSWER_WITHIN_MS = 2_000;

class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
}

interface Delivery {
  platform: string;
  headSha: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** One signed delivery per platform, each opening a pull request at its own head commit. */
function deliveries(base: string, tag: string): Delivery[] {
  const sha = (digit: string) => `${tag}${digit}`.padEnd(40, digit);
  const github = JSON.stringify(pullRequestPayload('opened', sha('1')));
  const gitee = JSON.stringify(giteeFixture('merge-request-open', sha('2')));
  const gitcodePayload = JSON.parse(
    readFileSync(join(REPO_ROOT, 'test/fixtures/gitcode/pr_create.json'), 'utf8'),
  );
  gitcodePayload.object_attributes.last_commit.id = sha('3');
  const gitcode = JSON.stringify(gitcodePayload);
  const timestamp = String(Date.now());
  const hmac = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex');
  return [
    {
      platform: 'github',
      headSha: sha('1'),
      url: `${base}/api/github/webhooks`,
      body: github,
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': `outage-${tag}`,
        'x-hub-signature-256': `sha256=${hmac(GITHUB_SECRET, github)}`,
      },
    },
    {
      platform: 'gitee',
      headSha: sha('2'),
      url: `${base}/api/gitee/webhooks`,
      body: gitee,
      headers: {
        'content-type': 'application/json',
        'x-gitee-event': 'Merge Request Hook',
        'x-gitee-timestamp': timestamp,
        'x-gitee-token': giteeSignatureFor(timestamp),
      },
    },
    {
      platform: 'gitcode',
      headSha: sha('3'),
      url: `${base}/api/gitcode/webhooks`,
      body: gitcode,
      headers: {
        'content-type': 'application/json',
        'x-gitcode-event': 'Merge Request Hook',
        'x-gitcode-delivery': `outage-${tag}`,
        'x-gitcode-signature-256': `sha256=${hmac(GITCODE_SECRET, gitcode)}`,
      },
    },
  ];
}

async function post(delivery: Delivery): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(delivery.url, {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.body,
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

/** As the platforms do: a 5xx is delivered again a little later, until it is accepted. */
async function deliverUntilAccepted(delivery: Delivery): Promise<{ status: number; ms: number }[]> {
  const answers: { status: number; ms: number }[] = [];
  for (let attempt = 0; attempt < 60; attempt++) {
    const answer = await post(delivery);
    answers.push(answer);
    if (answer.status < 500) return answers;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return answers;
}

async function startServe(redisUrl: string, prefix: string, logs: LogCapture): Promise<RunningServer> {
  nock(API).get('/app/installations').query({ per_page: 100 }).reply(200, []);
  const server = await runServe(
    readEnvironment({
      APP_ID: '1',
      PRIVATE_KEY: TEST_APP_KEY,
      WEBHOOK_SECRET: GITHUB_SECRET,
      GITEE_WEBHOOK_SECRET: GITEE_SECRET,
      GITEE_TOKEN: 'gitee-token',
      GITCODE_WEBHOOK_SECRET: GITCODE_SECRET,
      GITCODE_TOKEN: 'gitcode-token',
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      STATE_DIR: mkdtempSync(join(tmpdir(), 'outage-state-')),
      HOST: '127.0.0.1',
      PORT: '0',
    }),
    { log: createLogger({ level: 'info' }, logs) },
  );
  await server.recovered;
  return server;
}

/**
 * serve behind a Redis that goes away; a worker on the real Redis counts the reviews it runs. Every
 * delivery must be answered within the time, and each must be reviewed once: none lost, none twice.
 */
async function outage(
  tag: string,
  takeAway: (proxy: RedisProxy) => Promise<void> | void,
  bringBack: (proxy: RedisProxy) => Promise<void> | void,
) {
  const proxy = RedisProxy.forUrl(TEST_REDIS_URL);
  await proxy.start();
  const prefix = testPrefix();
  const logs = new LogCapture();
  const server = await startServe(proxy.urlFor(TEST_REDIS_URL), prefix, logs);
  const reviewed: string[] = [];
  const workerConnection = connectRedis(TEST_REDIS_URL, 'worker');
  const worker = new RedisReviewWorker(
    async (request) => {
      reviewed.push(`${request.platform}:${request.headSha}`);
    },
    workerConnection,
    { url: TEST_REDIS_URL, prefix, concurrency: 2 },
  );
  const cleanup = connectRedis(TEST_REDIS_URL, 'producer');
  try {
    await worker.ready();
    const sent = deliveries(`http://127.0.0.1:${server.port}`, tag);
    await takeAway(proxy);
    const back = new Promise<void>((resolve) =>
      setTimeout(() => resolve(Promise.resolve(bringBack(proxy))), OUTAGE_MS),
    );
    const answers = await Promise.all(sent.map(deliverUntilAccepted));
    await back;

    for (const [index, delivery] of sent.entries()) {
      const attempts = answers[index] ?? [];
      assert.ok(
        attempts.length > 1,
        `${delivery.platform}: the first delivery was refused while Redis was away`,
      );
      assert.equal(attempts.at(-1)?.status, 200, `${delivery.platform} was accepted once Redis was back`);
      for (const { status, ms } of attempts.slice(0, -1)) {
        assert.equal(status, 503, `${delivery.platform}: a redeliverable 503, never a final 4xx`);
        assert.ok(ms < ANSWER_WITHIN_MS, `${delivery.platform} answered in ${Math.round(ms)} ms`);
      }
    }
    // A platform that redelivers an accepted delivery anyway: it is a duplicate, not a second review.
    for (const delivery of sent) assert.equal((await post(delivery)).status, 200);

    const expected = sent.map((delivery) => `${delivery.platform}:${delivery.headSha}`).sort();
    for (let waited = 0; reviewed.length < expected.length && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual([...reviewed].sort(), expected, 'each delivery reviewed exactly once');

    const refusals = logs.lines.filter((line) => line.includes('webhook answered 503'));
    assert.ok(refusals.length >= 3, 'every refused delivery is logged');
    assert.doesNotMatch(logs.lines.join('\n'), new RegExp(GITHUB_SECRET));
  } finally {
    await server.stop();
    await worker.close();
    await workerConnection.quit();
    await proxy.stop();
    await deleteKeys(cleanup, prefix);
    await cleanup.quit();
  }
}

describeUnless(REDIS_SKIP, 'serve while Redis is away', () => {
  it('answers 503 within 2 s on every platform while Redis refuses connections, and reviews each delivery once when it is back', async () => {
    await outage(
      'a',
      (proxy) => proxy.stop(),
      (proxy) => proxy.start(),
    );
  });

  it('answers 503 within 2 s on every platform while Redis accepts connections and never answers, and reviews each delivery once after', async () => {
    await outage(
      'b',
      (proxy) => proxy.freeze(),
      (proxy) => proxy.thaw(),
    );
  });
});

describe('serve started while Redis is down', () => {
  it('warns at start, naming the Redis without its password, and /healthz answers 503 saying why', async () => {
    const proxy = new RedisProxy({ host: '127.0.0.1', port: 1 });
    await proxy.start();
    const port = proxy.port;
    await proxy.stop();
    const logs = new LogCapture();
    const server = await runServe(
      readEnvironment({
        GITEE_WEBHOOK_SECRET: GITEE_SECRET,
        GITEE_TOKEN: 'gitee-token',
        REDIS_URL: `redis://operator:s3cret-pa55@127.0.0.1:${port}/15`,
        STATE_DIR: mkdtempSync(join(tmpdir(), 'outage-state-')),
        HOST: '127.0.0.1',
        PORT: '0',
      }),
      { log: createLogger({ level: 'info' }, logs) },
    );
    try {
      const warning = logs.lines.find((line) => line.includes('Redis does not answer'));
      assert.ok(warning, 'a warning at start');
      assert.match(warning, new RegExp(`redis://127\\.0\\.0\\.1:${port}/15`));
      assert.doesNotMatch(logs.lines.join('\n'), /s3cret-pa55/);
      const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      assert.equal(health.status, 503);
      const body = (await health.json()) as { queue: { detail: string } };
      assert.match(body.queue.detail, /Redis is not reachable/);
    } finally {
      await server.stop();
    }
  });
});
