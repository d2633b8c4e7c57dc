import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { Redis } from 'ioredis';
import type { LinkRecord } from '../../src/core/audit/audit-state.js';
import { auditKeys, type LocalLinkRecords, RedisAuditState } from '../../src/jobs/redis-audit-state.js';
import { linkRecordsCopy } from '../../src/platforms/local/link-records-copy.js';
import { deleteKeys, REDIS_SKIP, TEST_REDIS_URL, testPrefix } from '../helpers/redis.js';
import { describeUnless } from '../helpers/suite.js';

const HUB = 'gitee:mindspore/hub';
const alive = (run: string): LinkRecord => ({ state: 'alive', checkedAt: 'x', run });

/** A copy of the records in memory that counts what the state asks of it. */
function countingCopy() {
  const records = new Map<string, LinkRecord>();
  const seen = { sets: 0, closed: 0 };
  const copy: LocalLinkRecords = {
    get: (link) => records.get(link),
    set: (link, record) => {
      seen.sets++;
      return records.set(link, record);
    },
    keys: () => records.keys(),
    get size() {
      return records.size;
    },
    close: () => {
      seen.closed++;
    },
  };
  return { copy, records, seen };
}

describeUnless(REDIS_SKIP, 'RedisAuditState', () => {
  let redis: Redis;
  let prefix: string;
  before(() => {
    redis = new Redis(TEST_REDIS_URL);
  });
  after(async () => {
    await redis.quit();
  });
  const fresh = async (count: number) => {
    prefix = testPrefix();
    const fields: string[] = [];
    for (let index = 0; index < count; index++)
      fields.push(`https://h.example/模型/${index}.ckpt`, JSON.stringify(alive('r1')));
    if (count > 0) await redis.hset(auditKeys(prefix, HUB).links, ...fields);
    await redis.set(
      auditKeys(prefix, HUB).meta,
      JSON.stringify({ version: 1, run: { id: 'r1', startedAt: 'x' }, repos: {}, said: {} }),
    );
  };

  it('reads every record of a large hub into the local copy it is given, a page at a time', async () => {
    await fresh(1_234);
    try {
      const { copy, records, seen } = countingCopy();
      const state = await new RedisAuditState(redis, prefix, HUB, { localRecords: () => copy }).load();
      assert.equal(records.size, 1_234);
      assert.ok(seen.sets >= 1_234);
      assert.equal(state.links.size, 1_234);
      assert.deepEqual(state.links.get('https://h.example/模型/1233.ckpt'), alive('r1'));
      assert.equal(state.run?.id, 'r1');
    } finally {
      await deleteKeys(redis, prefix);
    }
  });

  it('writes back only the links set since it loaded, not those the workers wrote themselves', async () => {
    await fresh(3);
    try {
      const store = new RedisAuditState(redis, prefix, HUB);
      const state = await store.load();
      const [first, second, third] = [0, 1, 2].map((index) => `https://h.example/模型/${index}.ckpt`) as [
        string,
        string,
        string,
      ];
      // A worker wrote the second link's record in Redis; the audit was handed it and adopts it.
      const workers = { ...alive('r2'), sha256: 'from-the-worker' };
      await redis.hset(auditKeys(prefix, HUB).links, second, JSON.stringify(workers));
      state.links.set(first, alive('r2'));
      state.links.set(second, alive('r2'));
      store.adopt(second);
      await store.flush(state);
      const stored = await redis.hgetall(auditKeys(prefix, HUB).links);
      assert.deepEqual(JSON.parse(stored[first] as string), alive('r2'));
      assert.deepEqual(JSON.parse(stored[second] as string), workers, 'not overwritten');
      assert.deepEqual(JSON.parse(stored[third] as string), alive('r1'));
      // Written once: a later flush with nothing set writes no record again.
      await redis.hset(auditKeys(prefix, HUB).links, first, JSON.stringify(alive('elsewhere')));
      await store.flush(state);
      assert.deepEqual(
        JSON.parse((await redis.hget(auditKeys(prefix, HUB).links, first)) as string),
        alive('elsewhere'),
      );
    } finally {
      await deleteKeys(redis, prefix);
    }
  });

  it('keeps a record to be written when Redis refuses the write, and writes it at the next flush', async () => {
    await fresh(1);
    try {
      const store = new RedisAuditState(redis, prefix, HUB);
      const state = await store.load();
      state.links.set('https://h.example/late.ckpt', alive('r2'));
      // The hash replaced by a string: HSET fails inside the MULTI, which `exec` does not reject.
      const { links } = auditKeys(prefix, HUB);
      await redis.del(links);
      await redis.set(links, 'not a hash');
      await assert.rejects(store.flush(state), /WRONGTYPE/);
      await redis.del(links);
      await store.flush(state);
      assert.deepEqual(
        JSON.parse((await redis.hget(links, 'https://h.example/late.ckpt')) as string),
        alive('r2'),
      );
    } finally {
      await deleteKeys(redis, prefix);
    }
  });

  it('tells the last run without reading the records, and lets each copy go', async () => {
    await fresh(2);
    try {
      const copies: Array<ReturnType<typeof countingCopy>> = [];
      const store = new RedisAuditState(redis, prefix, HUB, {
        localRecords: () => {
          copies.push(countingCopy());
          return (copies.at(-1) as ReturnType<typeof countingCopy>).copy;
        },
      });
      assert.deepEqual(await store.lastRun(), { id: 'r1', startedAt: 'x' });
      assert.equal(copies.length, 0, 'no copy made for the run alone');
      await store.load();
      await store.load();
      assert.deepEqual(
        copies.map((made) => made.seen.closed),
        [1, 0],
        'the first copy is let go when the state is read again',
      );
      store.close();
      assert.equal(copies[1]?.seen.closed, 1);
      assert.equal(await new RedisAuditState(redis, testPrefix(), HUB).lastRun(), undefined);
    } finally {
      await deleteKeys(redis, prefix);
    }
  });

  it('keeps the copy in a file that is gone once the audit lets it go', async () => {
    await fresh(700);
    try {
      const path = join(mkdtempSync(join(tmpdir(), 'mshub-redis-copy-')), 'audit', 'hub.redis-links.jsonl');
      const store = new RedisAuditState(redis, prefix, HUB, { localRecords: () => linkRecordsCopy(path) });
      const state = await store.load();
      assert.ok(existsSync(path));
      assert.equal(state.links.size, 700);
      assert.deepEqual(state.links.get('https://h.example/模型/699.ckpt'), alive('r1'));
      state.links.set('https://h.example/new.ckpt', alive('r2'));
      await store.flush(state);
      assert.ok(await redis.hexists(auditKeys(prefix, HUB).links, 'https://h.example/new.ckpt'));
      store.close();
      assert.equal(existsSync(path), false);
    } finally {
      await deleteKeys(redis, prefix);
    }
  });
});
