import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Queue } from 'bullmq';
import type { LinkObservation } from '../../src/core/audit/link-transition.js';
import {
  AUDIT_LINK_QUEUE_NAME,
  type AuditLinkJob,
  RedisAuditLinkWorker,
} from '../../src/jobs/redis-audit-link-worker.js';
import { RedisAuditLock, RedisAuditState } from '../../src/jobs/redis-audit-state.js';
import { RedisHostLeases } from '../../src/jobs/redis-host-leases.js';
import { RedisLinkFanout } from '../../src/jobs/redis-link-fanout.js';
import type { LinkRequests } from '../../src/review/audit-link.js';
import type { HubAuditOutcome } from '../../src/review/run-hub-audit.js';
import { AuditService } from '../../src/service/audit-service.js';
import {
  auditSettings,
  auditStateFolder,
  fakeAuditHub,
  NO_NETWORK,
  SOURCE_REPOS_OK,
} from '../helpers/fake-audit-hub.js';
import { REDIS_SKIP, suiteRedis, TEST_REDIS_URL } from '../helpers/redis.js';
import { describeUnless } from '../helpers/suite.js';

const SHA = 'b'.repeat(64);
const HUB = 'gitee:mindspore/hub';
const HOSTS = ['a.example', 'b.example', 'c.example'];
const FILES = Array.from({ length: 48 }, (_, index) => ({
  path: `mshub_res/assets/p${index}/1.9/albert_mnli.md`,
  link: `https://${HOSTS[index % HOSTS.length]}/m${index}.ckpt`,
  sha256: SHA,
}));
const DEAD = FILES[7]?.link as string;

/** Requests that take a while, counting how many each host has in flight at once. */
class CountingHosts {
  readonly inFlight = new Map<string, number>();
  readonly most = new Map<string, number>();
  readonly observed: string[] = [];

  requests(worker: string, byWorker: Map<string, number>): LinkRequests {
    const during = async <T>(link: string, answer: T): Promise<T> => {
      const host = new URL(link).host;
      const now = (this.inFlight.get(host) ?? 0) + 1;
      this.inFlight.set(host, now);
      this.most.set(host, Math.max(this.most.get(host) ?? 0, now));
      await new Promise((resolve) => setTimeout(resolve, 15));
      this.inFlight.set(host, (this.inFlight.get(host) ?? 1) - 1);
      return answer;
    };
    return {
      observe: (link) => {
        this.observed.push(link);
        byWorker.set(worker, (byWorker.get(worker) ?? 0) + 1);
        const answer: LinkObservation =
          link === DEAD
            ? { ok: false, final: true, reason: 'the server answered 404 Not Found' }
            : { ok: true, validators: { etag: `"${link}"`, contentLength: 4 } };
        return during(link, answer);
      },
      hash: (link) => during(link, { ok: true as const, sha256: SHA, bytes: 4 }),
      now: () => new Date(),
    };
  }
}

describeUnless(REDIS_SKIP, 'a Redis-mode audit spread over workers', () => {
  const { redis, prefix, connect } = suiteRedis();

  it('audits every link once on whichever worker takes it, never more at once per host than the limit', async () => {
    const hosts = new CountingHosts();
    const byWorker = new Map<string, number>();
    const workers = ['one', 'two', 'three'].map(
      (name) =>
        new RedisAuditLinkWorker(hosts.requests(name, byWorker), connect(), {
          url: TEST_REDIS_URL,
          prefix,
          concurrency: 4,
        }),
    );
    await Promise.all(workers.map((worker) => worker.ready()));
    const queue = new Queue<AuditLinkJob>(AUDIT_LINK_QUEUE_NAME, { connection: connect(), prefix });
    const issues: string[] = [];
    const service = new AuditService({
      hubs: [HUB],
      platforms: { gitee: fakeAuditHub(FILES, issues) },
      network: NO_NETWORK,
      sourceRepos: SOURCE_REPOS_OK,
      settings: auditSettings(HUB, 2),
      stateDir: auditStateFolder(),
      stateFor: (hub) => new RedisAuditState(redis, prefix, hub),
      lockFor: (hub) => new RedisAuditLock(redis, prefix, hub, 'coordinator'),
      fanoutFor: (hub) => new RedisLinkFanout(queue, redis, hub, { prefix, pollMs: 20 }),
    });
    try {
      const outcome = (await service.audit(HUB)) as HubAuditOutcome;
      assert.equal(outcome.finished, true);
      if (!outcome.finished) return;
      assert.deepEqual(
        [...hosts.observed].sort(),
        FILES.map((file) => file.link).sort(),
        'each link asked once',
      );
      for (const host of HOSTS) assert.equal(hosts.most.get(host), 2, `${host}: 2 at once, never more`);
      assert.equal(byWorker.size, 3, 'every worker took links');
      assert.deepEqual(
        outcome.report.fresh.map((fault) => [fault.kind, fault.link]),
        [['asset-dead', DEAD]],
      );
      assert.equal(outcome.report.totals.hashed, FILES.length - 1, 'every live link hashed once');
      const state = await new RedisAuditState(redis, prefix, HUB).load();
      assert.equal(new Set([...state.links.keys()].map((link) => state.links.get(link)?.run)).size, 1);
      assert.ok(state.run?.finishedAt);
      assert.equal(issues.length, 1);
      const left = await redis.keys(`${prefix}:audit:${HUB.toLowerCase()}:run:*`);
      assert.deepEqual(left, [], "the run's working keys are gone once it is reported");
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
      await queue.close();
    }
  });

  it('queues again the links whose jobs failed for good, and leaves the audit to go on at the next start', async () => {
    const hub = 'gitee:mindspore/flaky';
    const hosts = new CountingHosts();
    const failing = FILES[3]?.link as string;
    let broken = true;
    const base = hosts.requests('one', new Map());
    const attemptsOnFailing: number[] = [];
    const worker = new RedisAuditLinkWorker(
      {
        ...base,
        observe: async (link) => {
          if (link === failing) {
            attemptsOnFailing.push(Date.now());
            if (broken) throw new Error('a bug this link meets');
          }
          return base.observe(link);
        },
      },
      connect(),
      { url: TEST_REDIS_URL, prefix, concurrency: 4 },
    );
    await worker.ready();
    const queue = new Queue<AuditLinkJob>(AUDIT_LINK_QUEUE_NAME, { connection: connect(), prefix });
    const service = new AuditService({
      hubs: [hub],
      platforms: { gitee: fakeAuditHub(FILES.slice(0, 8), []) },
      network: NO_NETWORK,
      sourceRepos: SOURCE_REPOS_OK,
      settings: auditSettings(hub, 2),
      stateDir: auditStateFolder(),
      stateFor: (key) => new RedisAuditState(redis, prefix, key),
      fanoutFor: (key) =>
        new RedisLinkFanout(queue, redis, key, { prefix, pollMs: 20, attempts: 1, requeueRounds: 1 }),
    });
    try {
      assert.deepEqual(await service.audit(hub), { finished: false });
      assert.equal(attemptsOnFailing.length, 2, 'its job, and once more under a new id');
      assert.deepEqual(await service.unfinished(), [hub]);
      broken = false;
      const outcome = (await service.audit(hub)) as HubAuditOutcome;
      assert.equal(outcome.finished, true, 'the next start queues it under new ids again, and it is done');
      const state = await new RedisAuditState(redis, prefix, hub).load();
      assert.equal(state.links.get(failing)?.state, 'alive');
      assert.equal(new Set([...state.links.keys()].map((link) => state.links.get(link)?.run)).size, 1);
    } finally {
      await worker.close();
      await queue.close();
    }
  });

  it('lets another process take a host whose lease holder died, once the lease lapses', async () => {
    const key = `${prefix}:audit:host:lapsed.example`;
    // What a killed process leaves behind: a lease nobody renews, good for 300 ms more.
    const [seconds, micros] = await redis.time();
    await redis.zadd(key, Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) + 300, 'dead:0');
    const leases = new RedisHostLeases(redis, prefix, 'alive', { leaseMs: 300, pollMs: 10 });
    const outcome = await Promise.race([
      leases.hold('lapsed.example', { atOnce: 1 }, async () => 'taken'),
      new Promise((resolve) => setTimeout(() => resolve('still held'), 150)),
    ]);
    assert.equal(outcome, 'still held', 'the lease holds until it lapses');
    assert.equal(await leases.hold('lapsed.example', { atOnce: 1 }, async () => 'taken'), 'taken');
  });

  it('gives no lease on a host that asked to be left alone until its pause is over, in any process', async () => {
    const one = new RedisHostLeases(redis, prefix, 'one', { pollMs: 10 });
    const other = new RedisHostLeases(redis, prefix, 'other', { pollMs: 10 });
    await one.pause('throttled.example', 200);
    await one.pause('throttled.example', 50);
    const started = performance.now();
    const waited = await other.hold(
      'throttled.example',
      { atOnce: 4 },
      async () => performance.now() - started,
    );
    assert.ok(waited >= 180, `the later pause holds: waited ${Math.round(waited)} ms`);
    const free = performance.now();
    await other.hold('another.example', { atOnce: 4 }, async () => {});
    assert.ok(performance.now() - free < 100, 'another host is not held up');
  });

  it('holds a host to its rate across processes', async () => {
    const one = new RedisHostLeases(redis, prefix, 'one', { pollMs: 5 });
    const other = new RedisHostLeases(redis, prefix, 'other', { pollMs: 5 });
    const started = performance.now();
    const times = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        (index % 2 === 0 ? one : other).hold('rated.example', { atOnce: 6, perSecond: 20 }, async () =>
          Math.round(performance.now() - started),
        ),
      ),
    );
    const sorted = [...times].sort((a, b) => a - b);
    for (let index = 1; index < sorted.length; index++)
      assert.ok(
        (sorted[index] ?? 0) - (sorted[index - 1] ?? 0) >= 45,
        `six links of one host 50 ms apart at 20 a second: ${sorted.join(', ')}`,
      );
  });

  it('keeps a lease past its period while its holder works (it is renewed)', async () => {
    const holder = new RedisHostLeases(redis, prefix, 'holder', { leaseMs: 150 });
    const other = new RedisHostLeases(redis, prefix, 'other', { leaseMs: 150, pollMs: 10 });
    let finish: () => void = () => {};
    const working = holder.hold(
      'busy.example',
      { atOnce: 1 },
      () => new Promise<void>((resolve) => (finish = resolve)),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    let taken = false;
    const waiting = other.hold('busy.example', { atOnce: 1 }, async () => {
      taken = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 450));
    assert.equal(taken, false, 'three lease periods later the holder still has it');
    finish();
    await working;
    await waiting;
    assert.equal(taken, true, 'given back when the work ends');
  });

  it('takes as many links at once as its concurrency without Node warning of a listener leak', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    const hub = 'gitee:mindspore/busy';
    const hosts = new CountingHosts();
    const worker = new RedisAuditLinkWorker(hosts.requests('busy', new Map()), connect(), {
      url: TEST_REDIS_URL,
      prefix,
      concurrency: 24,
    });
    await worker.ready();
    const queue = new Queue<AuditLinkJob>(AUDIT_LINK_QUEUE_NAME, { connection: connect(), prefix });
    const tasks = Array.from({ length: 48 }, (_, index) => ({
      link: `https://host${index}.example/m.ckpt`,
      rolling: false,
      hash: false,
    }));
    let recorded = 0;
    try {
      const outcome = await new RedisLinkFanout(queue, redis, hub, { prefix, pollMs: 20 }).audit(
        'run-busy',
        Object.assign(tasks, { size: tasks.length }),
        {
          bounds: { atOnce: 1 },
          onRecord: () => {
            recorded++;
          },
        },
      );
      assert.equal(outcome.finished, true);
      assert.equal(recorded, tasks.length);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(
        warnings.filter((warning) => warning.startsWith('MaxListenersExceededWarning')),
        [],
      );
    } finally {
      process.off('warning', onWarning);
      await worker.close();
      await queue.close();
    }
  });
});
