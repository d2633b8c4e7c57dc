import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DEFAULT_DOWNLOAD_SETTINGS } from '../../src/config/environment.js';
import {
  AUDIT_LINK_QUEUE_NAME,
  type AuditLinkJob,
  RedisAuditLinkWorker,
} from '../../src/jobs/redis-audit-link-worker.js';
import { RedisAuditLock, RedisAuditState } from '../../src/jobs/redis-audit-state.js';
import { RedisLinkFanout } from '../../src/jobs/redis-link-fanout.js';
import { createAuditNetwork } from '../../src/net/audit-network.js';
import type { HubAuditOutcome } from '../../src/review/run-hub-audit.js';
import { AuditService } from '../../src/service/audit-service.js';
import { type AssetServer, startAssetServer, TEST_CA, testAsset } from '../helpers/asset-server.js';
import {
  auditSettings,
  auditStateFolder,
  fakeAuditHub,
  LOOPBACK_HOSTS,
  SOURCE_REPOS_OK,
} from '../helpers/fake-audit-hub.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { deleteKeys, REDIS_SKIP, TEST_REDIS_URL, testPrefix } from '../helpers/redis.js';
import { describeUnless } from '../helpers/suite.js';

const HUB = 'gitee:mindspore/hub';
const ASSET = testAsset(64);
const LINKS = 30;
const DEAD_INDEX = 4;

describeUnless(REDIS_SKIP, 'a Redis-mode audit whose replica is killed mid-run', () => {
  const redis = new Redis(TEST_REDIS_URL);
  const prefix = testPrefix();
  let server: AssetServer;
  let child: ChildProcess | undefined;
  before(async () => {
    await redis.ping();
    server = await startAssetServer((request, response) => {
      if (request.url === `/m${DEAD_INDEX}.ckpt`) {
        response.writeHead(404).end();
        return;
      }
      // A slow host: the replica is killed while links are in hand.
      setTimeout(() => {
        if (request.headers.range === 'bytes=0-0')
          response
            .writeHead(206, {
              'content-range': `bytes 0-0/${ASSET.bytes.length}`,
              'content-length': '1',
              etag: '"v1"',
            })
            .end(ASSET.bytes.subarray(0, 1));
        else response.writeHead(200, { 'content-length': String(ASSET.bytes.length) }).end(ASSET.bytes);
      }, 60);
    });
  });
  after(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await server.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('is finished by another replica and its worker, each link recorded once', async () => {
    const files = Array.from({ length: LINKS }, (_, index) => ({
      path: `mshub_res/assets/p${index}/1.9/albert_mnli.md`,
      link: server.url(`/m${index}.ckpt`, index % 2 === 0 ? '127.0.0.1' : 'localhost'),
      sha256: ASSET.sha256,
    }));
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(REPO_ROOT, 'test/fixtures/jobs/audit-replica-process.ts'),
        TEST_REDIS_URL,
        prefix,
        HUB,
        JSON.stringify(files),
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [line] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
    assert.equal(line.toString().trim(), 'ready');

    // Killed once it has recorded a third of the links, with others in hand.
    const doneKey = async () => (await redis.keys(`${prefix}:audit:${HUB}:run:*:done`))[0];
    for (;;) {
      const key = await doneKey();
      if (key && (await redis.scard(key)) >= LINKS / 3) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
    const recordedByTheKilled = new Set(await redis.smembers((await doneKey()) as string));
    const probesBeforeTheKill = server.requests.filter((request) => request.headers.range).length;

    const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const network = createAuditNetwork({
      ...DEFAULT_DOWNLOAD_SETTINGS,
      allowPrivateHosts: ['127.0.0.1', '::1', 'localhost'],
      ca: TEST_CA,
      retries: 0,
    });
    const worker = new RedisAuditLinkWorker({ ...network, now: () => new Date() }, connection, {
      url: TEST_REDIS_URL,
      prefix,
      concurrency: 2,
      stalledIntervalMs: 300,
    });
    const queue = new Queue<AuditLinkJob>(AUDIT_LINK_QUEUE_NAME, { connection, prefix });
    const issues: string[] = [];
    const service = new AuditService({
      hubs: [HUB],
      platforms: { gitee: fakeAuditHub(files, issues, [], LOOPBACK_HOSTS) },
      network,
      sourceRepos: SOURCE_REPOS_OK,
      settings: auditSettings(HUB, 2),
      stateDir: auditStateFolder(),
      stateFor: (hub) => new RedisAuditState(redis, prefix, hub),
      lockFor: (hub) => new RedisAuditLock(redis, prefix, hub, 'the-other-replica', 1000),
      fanoutFor: (hub) => new RedisLinkFanout(queue, redis, hub, { prefix, pollMs: 50 }),
    });
    try {
      await worker.ready();
      let outcome: Awaited<ReturnType<AuditService['audit']>>;
      // The killed replica's lock lapses within a second; until then the hub is its.
      for (;;) {
        outcome = await service.audit(HUB);
        if (!('busy' in outcome)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const finished = outcome as HubAuditOutcome;
      assert.equal(finished.finished, true);
      if (!finished.finished) return;

      const dead = files[DEAD_INDEX]?.link as string;
      assert.deepEqual(
        finished.report.fresh.map((fault) => [fault.kind, fault.link]),
        [['asset-dead', dead]],
        'exactly the hub known fault',
      );
      assert.equal(finished.report.totals.hashed, LINKS - 1, 'each live link hashed and counted once');
      const state = await new RedisAuditState(redis, prefix, HUB).load();
      const runs = new Set(files.map((file) => state.links.get(file.link)?.run));
      assert.equal(runs.size, 1, 'every link is recorded in the one audit the killed replica started');
      assert.equal(state.run?.id, [...runs][0]);

      const probes = new Map<string, number>();
      for (const request of server.requests.filter((entry) => entry.headers.range))
        probes.set(request.path, (probes.get(request.path) ?? 0) + 1);
      for (const [index, file] of files.entries()) {
        const path = `/m${index}.ckpt`;
        if (recordedByTheKilled.has(file.link))
          assert.equal(probes.get(path), 1, `${path}: recorded before the kill, not asked again`);
        else assert.ok((probes.get(path) ?? 0) >= 1, `${path}: audited after the kill`);
      }
      const askedTwice = [...probes.values()].filter((count) => count > 1).length;
      assert.ok(
        askedTwice <= 2,
        `only the links the killed replica had in hand (2 at most) are asked twice, not ${askedTwice}`,
      );
      assert.ok(probesBeforeTheKill < LINKS);
      assert.equal(issues.length, 1, 'the tracking issue is written once');
    } finally {
      await worker.close();
      await queue.close();
      await network.close();
      connection.disconnect();
    }
  });
});
