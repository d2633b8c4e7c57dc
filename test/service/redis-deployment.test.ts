import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { Queue } from 'bullmq';
import nock from 'nock';
import { runServe } from '../../src/cli/serve-command.js';
import { type RunningWorker, runWorker } from '../../src/cli/worker-command.js';
import { readEnvironment } from '../../src/config/environment.js';
import type { MshubError } from '../../src/core/errors.js';
import { connectRedis } from '../../src/jobs/redis-connection.js';
import { REVIEW_QUEUE_NAME } from '../../src/jobs/redis-job-id.js';
import { type AssetServer, serveAsset, startAssetServer, testAsset } from '../helpers/asset-server.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { giteeFixture, postGiteeDelivery, SECRET } from '../helpers/gitee-harness.js';
import { giteeAssetFile, HEAD, mockGiteeReview } from '../helpers/gitee-review-mocks.js';
import { useStrictNock } from '../helpers/nock-strict.js';
import { deleteKeys, REDIS_SKIP, TEST_REDIS_URL, testPrefix } from '../helpers/redis.js';
import { describeUnless } from '../helpers/suite.js';

useStrictNock();

const asset = testAsset(16 * 1024, 4);

describeUnless(REDIS_SKIP, 'a deployment with REDIS_URL', () => {
  let assets: AssetServer;
  before(async () => {
    assets = await startAssetServer(serveAsset(asset.bytes));
  });
  after(() => assets.close());

  it("serve only queues the Gitee review; a worker runs it, comments once, and serve's status page shows it", async () => {
    const prefix = testPrefix();
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const env: NodeJS.ProcessEnv = {
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      GITEE_TOKEN: 'tok',
      GITEE_WEBHOOK_SECRET: SECRET,
      ALLOW_PRIVATE_ASSET_HOSTS: '127.0.0.1',
      ASSET_CA_FILE: join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem'),
      ASSET_RETRIES: '0',
      LOG_LEVEL: 'silent',
      STATE_DIR: mkdtempSync(join(tmpdir(), 'redis-deployment-')),
    };
    // At start-up serve looks for reviews left pending, with Redis too: none here.
    nock('https://api.github.com').get('/app/installations').query({ per_page: 100 }).reply(200, []);
    const server = await runServe(
      readEnvironment({
        ...env,
        APP_ID: '1',
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: 'hook-secret',
        HOST: '127.0.0.1',
        PORT: '0',
      }),
    );
    const redis = connectRedis(TEST_REDIS_URL, 'producer');
    const servePort = server.port;
    let worker: RunningWorker | undefined;
    try {
      const captured = mockGiteeReview({
        text: giteeAssetFile(assets.url('/albert.ckpt'), asset.sha256),
        sourceRepoToken: 'tok',
      });
      const delivered = await postGiteeDelivery(
        `http://127.0.0.1:${servePort}/api/gitee/webhooks`,
        'Merge Request Hook',
        giteeFixture('merge-request-open', HEAD),
      );
      assert.deepEqual(await delivered.json(), { outcome: 'queued' });
      const metrics = await (await fetch(`http://127.0.0.1:${servePort}/metrics`)).text();
      assert.match(metrics, /^mshub_queue_depth 1$/m, 'the review waits in Redis: serve runs none');
      assert.equal(captured.comments.length, 0);

      worker = await runWorker(readEnvironment({ ...env, HOST: '127.0.0.1', WORKER_PORT: '0' }));
      const workerPort = worker.port;
      assert.ok(workerPort, 'WORKER_PORT=0 opens the status pages on a free port');
      const deadline = Date.now() + 15_000;
      while (captured.labels.length < 2 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(captured.comments.length, 1);
      assert.match(captured.comments[0] ?? '', /mshub-review/);
      assert.deepEqual(captured.labels, [['mshub-review/pending'], ['mshub-review/passed']]);

      const health = await fetch(`http://127.0.0.1:${workerPort}/healthz`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok', queue: { ok: true, engine: 'redis' } });
      // serve ran no review itself, yet its status page lists the worker's, through Redis.
      let status = '';
      for (let tries = 0; tries < 100 && !status.includes('pulls/1'); tries++) {
        status = await (await fetch(`http://127.0.0.1:${servePort}/status`)).text();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.ok(status.includes('<a href="https://gitee.com/mindspore/hub/pulls/1">mindspore/hub #1</a>'));
      assert.match(status, /<td>reviewed<\/td>/);
      const workerMetrics = await (await fetch(`http://127.0.0.1:${workerPort}/metrics`)).text();
      assert.match(workerMetrics, /^mshub_reviews_total\{outcome="reviewed"\} 1$/m);
      assert.match(workerMetrics, /^mshub_asset_bytes_downloaded_total 16384$/m);
    } finally {
      await worker?.stop();
      await server.stop();
      await deleteKeys(redis, prefix);
      await redis.quit();
    }
  });

  it('refuses to start a worker whose status port is taken, and leaves no worker taking jobs', async () => {
    const prefix = testPrefix();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    const redis = connectRedis(TEST_REDIS_URL, 'producer');
    const queue = new Queue(REVIEW_QUEUE_NAME, { connection: redis, prefix });
    try {
      await assert.rejects(
        runWorker(
          readEnvironment({
            REDIS_URL: TEST_REDIS_URL,
            QUEUE_PREFIX: prefix,
            STATE_DIR: mkdtempSync(join(tmpdir(), 'redis-deployment-')),
            HOST: '127.0.0.1',
            WORKER_PORT: String(port),
            LOG_LEVEL: 'silent',
          }),
        ),
        (error: MshubError) =>
          error.code === 'CONFIG_INVALID' &&
          error.message.includes(`port ${port}`) &&
          error.message.includes('set WORKER_PORT to a free port'),
      );
      assert.equal(await queue.getWorkersCount(), 0, 'the half-started worker was closed');
    } finally {
      await queue.close();
      await deleteKeys(redis, prefix);
      await redis.quit();
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('queues again at start-up the reviews a Redis restarted without persistence has lost, on Gitee and GitCode', async () => {
    const prefix = testPrefix();
    nock('https://gitee.com', { reqheaders: { authorization: 'Bearer tok' } })
      .get('/api/v5/repos/mindspore/hub/pulls')
      .query({
        state: 'open',
        sort: 'updated',
        direction: 'desc',
        page: 1,
        per_page: 100,
      })
      .reply(200, [
        {
          number: 7,
          head: { sha: HEAD },
          updated_at: new Date().toISOString(),
          labels: [{ name: 'mshub-review/pending' }],
        },
      ]);
    // A GitCode pull request as go-gitcode captured it from api.gitcode.com, still labelled pending.
    const gitcodePull = JSON.parse(
      readFileSync(join(REPO_ROOT, 'test/fixtures/gitcode/pull_requests.json'), 'utf8'),
    );
    nock('https://api.gitcode.com', { reqheaders: { authorization: 'Bearer gitcode-tok' } })
      .get('/api/v5/repos/ibforuorg/test1/pulls')
      .query({ state: 'open', sort: 'updated', direction: 'desc', page: 1, per_page: 100 })
      .reply(200, [{ ...gitcodePull, labels: [{ name: 'mshub-review-pending' }] }]);
    const server = await runServe(
      readEnvironment({
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
        STATE_DIR: mkdtempSync(join(tmpdir(), 'redis-deployment-')),
        GITEE_TOKEN: 'tok',
        GITEE_WEBHOOK_SECRET: SECRET,
        GITEE_REPOS: 'mindspore/hub',
        GITCODE_TOKEN: 'gitcode-tok',
        GITCODE_WEBHOOK_SECRET: SECRET,
        GITCODE_REPOS: 'ibforuorg/test1',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
      }),
    );
    const redis = connectRedis(TEST_REDIS_URL, 'producer');
    try {
      assert.equal(await server.recovered, 2);
      const metrics = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
      assert.match(metrics, /^mshub_queue_depth 2$/m, 'the recovered reviews wait in Redis for a worker');
    } finally {
      await server.stop();
      await deleteKeys(redis, prefix);
      await redis.quit();
    }
  });
});
