import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { Queue, QueueEvents } from 'bullmq';
import nock from 'nock';
import pino from 'pino';
import { runServe } from '../../src/cli/serve-command.js';
import { readEnvironment } from '../../src/config/environment.js';
import { AUDIT_LINK_QUEUE_NAME, type AuditLinkJob } from '../../src/jobs/redis-audit-link-worker.js';
import { connectRedis } from '../../src/jobs/redis-connection.js';
import type { HubAuditOutcome } from '../../src/review/run-hub-audit.js';
import { startQueueWorkers } from '../../src/service/queue-workers.js';
import { createRuntime } from '../../src/service/runtime.js';
import { type AssetServer, serveAsset, startAssetServer, testAsset } from '../helpers/asset-server.js';
import { hubFileWith, mockGiteeHubAt } from '../helpers/fake-audit-hub.js';
import { CLEAN_PATH, REPO_ROOT } from '../helpers/fixtures.js';
import { HUB_CONF } from '../helpers/gitee-review-mocks.js';
import { useStrictNock } from '../helpers/nock-strict.js';
import { deleteKeys, REDIS_SKIP, TEST_REDIS_URL, testPrefix } from '../helpers/redis.js';
import { describeUnless } from '../helpers/suite.js';

useStrictNock();

const GITEE = 'https://gitee.com';
const HUB_API = '/api/v5/repos/mindspore/hub';
const HEAD = 'feed'.padEnd(40, '0');
const base64 = (text: string) => Buffer.from(text).toString('base64');
const asset = testAsset(8 * 1024, 9);
const FILES = 6;

describeUnless(REDIS_SKIP, 'the scheduled audit of a deployment with REDIS_URL', () => {
  let assets: AssetServer;
  before(async () => {
    assets = await startAssetServer((request, response, index) => {
      if (request.url === '/gone.ckpt') return void response.writeHead(404).end();
      serveAsset(asset.bytes)(request, response, index);
    });
  });
  after(() => assets.close());

  it("queues the hub's links for the workers, which audit them, and reports once", async () => {
    const prefix = testPrefix();
    const env: NodeJS.ProcessEnv = {
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      GITEE_TOKEN: 'tok',
      GITEE_WEBHOOK_SECRET: 'secret',
      AUDIT_REPOS: 'gitee:mindspore/hub',
      AUDIT_CONCURRENCY: '2',
      ALLOW_PRIVATE_ASSET_HOSTS: '127.0.0.1',
      ASSET_CA_FILE: join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem'),
      ASSET_RETRIES: '0',
      LOG_LEVEL: 'silent',
      STATE_DIR: mkdtempSync(join(tmpdir(), 'redis-audit-deployment-')),
    };
    const links = Array.from({ length: FILES }, (_, index) =>
      assets.url(index === 0 ? '/gone.ckpt' : `/m${index}.ckpt`),
    );
    const paths = links.map((_, index) => CLEAN_PATH.replace('/albert', `/albert${index}`));
    const api = nock(GITEE, { reqheaders: { authorization: 'Bearer tok' } });
    mockGiteeHubAt(
      api,
      HEAD,
      paths.map((path, index) => ({ path, sha: `b${index}` })),
    );
    for (const [index, link] of links.entries())
      api.get(`${HUB_API}/git/blobs/b${index}`).reply(200, {
        encoding: 'base64',
        content: base64(hubFileWith(link, asset.sha256)),
      });
    api
      .get('/api/v5/repos/mindspore/models/contents/research/nlp/albert/mindspore_hub_conf.py')
      .query({ ref: 'r1.9' })
      .reply(200, { type: 'file', encoding: 'base64', content: base64(HUB_CONF) });
    api.get('/api/v5/user').reply(200, { login: 'mshub-bot' });
    api.get(`${HUB_API}/issues`).query(true).reply(200, []);
    const issues: string[] = [];
    api
      .post('/api/v5/repos/mindspore/issues', (body: { body: string }) => {
        issues.push(body.body);
        return true;
      })
      .reply(201, { number: 'I1', html_url: 'https://gitee.com/mindspore/hub/issues/I1' });

    const environment = readEnvironment(env);
    const log = pino({ level: 'silent' });
    // serve's side, which holds the schedule, and a worker's, which takes the links.
    const serve = createRuntime(environment, log);
    const worker = createRuntime(environment, log);
    const redisSettings = environment.queue.redis as { url: string; prefix: string };
    const workers = startQueueWorkers(worker, redisSettings, { reviews: 1, auditLinks: 2 }, log);
    const eventsConnection = connectRedis(TEST_REDIS_URL, 'worker');
    const events = new QueueEvents(AUDIT_LINK_QUEUE_NAME, { connection: eventsConnection, prefix });
    const completed: string[] = [];
    events.on('completed', ({ returnvalue }) => completed.push(String(returnvalue)));
    try {
      await Promise.all([workers.ready(), events.waitUntilReady()]);
      const outcome = (await serve.audit?.audit('gitee:mindspore/hub')) as HubAuditOutcome;
      assert.equal(outcome.finished, true);
      if (!outcome.finished) return;
      assert.deepEqual(
        outcome.report.fresh.map((fault) => [fault.kind, fault.link]),
        [['asset-dead', links[0]]],
      );
      assert.equal(outcome.report.totals.hashed, FILES - 1);
      for (let wait = 0; completed.length < FILES && wait < 100; wait++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(completed, Array(FILES).fill('audited'), 'each link a job the worker completed');
      assert.equal(issues.length, 1);
      const probes = assets.requests.filter((request) => request.headers.range === 'bytes=0-0');
      assert.equal(probes.length, FILES, 'each link asked once');
      // The copy of the records and the gathered links were files for the audit's length alone; the
      // hub's files are kept for the next audit.
      assert.deepEqual(
        readdirSync(join(env.STATE_DIR as string, 'audit')).filter((name) => name.endsWith('.jsonl')),
        [`${encodeURIComponent('gitee:mindspore/hub')}.blobs.jsonl`],
      );
    } finally {
      await events.close();
      eventsConnection.disconnect();
      await workers.close();
      await Promise.all([serve.close(), worker.close()]);
      const redis = connectRedis(TEST_REDIS_URL, 'producer');
      await deleteKeys(redis, prefix);
      await redis.quit();
    }
  });

  it('serve takes audit links from the queue itself, and stops within its grace period', async () => {
    const prefix = testPrefix();
    const server = await runServe(
      readEnvironment({
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
        GITEE_TOKEN: 'tok',
        GITEE_WEBHOOK_SECRET: 'secret',
        AUDIT_REPOS: 'gitee:mindspore/hub',
        // Far off: this test queues a link itself, as another replica's audit would.
        AUDIT_SCHEDULE: '0 3 1 1 *',
        ALLOW_PRIVATE_ASSET_HOSTS: '127.0.0.1',
        ASSET_CA_FILE: join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem'),
        LOG_LEVEL: 'silent',
        HOST: '127.0.0.1',
        PORT: '0',
        STATE_DIR: mkdtempSync(join(tmpdir(), 'redis-audit-serve-')),
      }),
    );
    const redis = connectRedis(TEST_REDIS_URL, 'producer');
    const queue = new Queue<AuditLinkJob>(AUDIT_LINK_QUEUE_NAME, { connection: redis, prefix });
    try {
      const link = assets.url('/m1.ckpt');
      await queue.add(
        'link',
        { link, rolling: false, hash: false, hub: 'gitee:mindspore/hub', run: 'r1', bounds: { atOnce: 1 } },
        { jobId: 'serve-takes-it' },
      );
      const key = `${prefix}:audit:gitee:mindspore/hub:links`;
      let record: string | null = null;
      for (let wait = 0; record === null && wait < 200; wait++) {
        record = await redis.hget(key, link);
        if (record === null) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.equal(JSON.parse(record ?? '{}').state, 'alive', "serve's own link worker audited it");
    } finally {
      await queue.close();
      const started = performance.now();
      await server.stop();
      assert.ok(performance.now() - started < 25_000, 'stopped within the grace period');
      await deleteKeys(redis, prefix);
      await redis.quit();
    }
  });
});
