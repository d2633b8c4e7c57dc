import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Redis } from 'ioredis';
import { RedisAuditLock, RedisAuditState } from '../../src/jobs/redis-audit-state.js';
import type { HubAuditOutcome } from '../../src/review/run-hub-audit.js';
import { AuditService } from '../../src/service/audit-service.js';
import { auditSettings, auditStateFolder, fakeAuditHub, SOURCE_REPOS_OK } from '../helpers/fake-audit-hub.js';
import { deleteKeys, REDIS_SKIP, TEST_REDIS_URL, testPrefix } from '../helpers/redis.js';
import { describeUnless } from '../helpers/suite.js';

const SHA = 'a'.repeat(64);
const HUB = 'gitee:mindspore/hub';
const FILES = Array.from({ length: 12 }, (_, index) => ({
  path: `mshub_res/assets/p${index}/1.9/albert_mnli.md`,
  link: `https://host${index % 3}.example/m${index}.ckpt`,
  sha256: SHA,
}));

describeUnless(REDIS_SKIP, 'a Redis-mode audit whose process dies half-way', () => {
  const redis = new Redis(TEST_REDIS_URL);
  const prefix = testPrefix();
  before(() => redis.ping());
  after(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  function replica(name: string, observed: string[], dieAfter?: number, reads: string[] = []) {
    const locks: RedisAuditLock[] = [];
    const issues: string[] = [];
    let dead = false;
    const service = new AuditService({
      hubs: [HUB],
      platforms: { gitee: fakeAuditHub(FILES, issues, reads) },
      network: {
        observe: async (link) => {
          if (dead) return new Promise(() => {});
          observed.push(link);
          if (dieAfter !== undefined && observed.length === dieAfter) {
            // The process dies here: this link never gets its answer, and the lock is no longer renewed.
            dead = true;
            for (const lock of locks) lock.abandon();
            return new Promise(() => {});
          }
          return { ok: true, validators: { etag: `"${link}"` } };
        },
        hash: async () => ({ ok: true, sha256: SHA, bytes: 1 }),
        close: async () => {},
      },
      sourceRepos: SOURCE_REPOS_OK,
      settings: auditSettings(HUB, 1),
      stateDir: auditStateFolder(),
      stateFor: (hub) => new RedisAuditState(redis, prefix, hub),
      lockFor: (hub) => {
        const lock = new RedisAuditLock(redis, prefix, hub, name, 300);
        locks.push(lock);
        return lock;
      },
    });
    return { service, issues };
  }

  it('is taken over by another replica once its lock lapses, which audits only the links left, once each', async () => {
    const observedA: string[] = [];
    const observedB: string[] = [];
    const a = replica('replica-a', observedA, 5);
    const b = replica('replica-b', observedB);
    void a.service.audit(HUB);
    while (observedA.length < 5) await new Promise((resolve) => setTimeout(resolve, 10));
    // While A's lock holds, B leaves the hub alone.
    assert.deepEqual(await b.service.audit(HUB), { busy: true });
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.deepEqual(await b.service.unfinished(), [HUB]);
    const outcome = (await b.service.audit(HUB)) as HubAuditOutcome;
    assert.equal(outcome.finished, true);

    const recordedByA = observedA.slice(0, 4);
    const links = FILES.map((file) => file.link);
    assert.deepEqual(
      [...observedB].sort(),
      links.filter((link) => !recordedByA.includes(link)).sort(),
      'B audits exactly the links A had not recorded, the one A died on included',
    );
    const state = await new RedisAuditState(redis, prefix, HUB).load();
    const runs = new Set(links.map((link) => state.links.get(link)?.run));
    assert.equal(runs.size, 1, 'every link is recorded in the one audit A started');
    assert.ok(state.run?.finishedAt);
    assert.equal(b.issues.length, 1);
    assert.deepEqual(await b.service.unfinished(), []);
  });

  it('reads only the files that changed since its last audit of the hub', async () => {
    const reads: string[] = [];
    const { service } = replica('replica-c', [], undefined, reads);
    await service.audit('gitee:mindspore/second');
    await service.audit('gitee:mindspore/second');
    assert.equal(reads.length, FILES.length, 'the second audit read no file again');
  });
});
