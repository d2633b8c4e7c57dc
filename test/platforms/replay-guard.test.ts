import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { connectRedis } from '../../src/jobs/redis-connection.js';
import { RedisReplayGuard } from '../../src/jobs/redis-replay-guard.js';
import { FileReplayGuard } from '../../src/platforms/replay-guard.js';
import { deleteKeys, REDIS_SKIP, TEST_REDIS_URL, testPrefix } from '../helpers/redis.js';
import { describeUnless } from '../helpers/suite.js';

const WINDOW = 3600_000;
const captured = '1764200000000:c2lnbmF0dXJlIG9mIGEgY2FwdHVyZWQgZGVsaXZlcnk=';

describe('the replay guard without Redis', () => {
  it('refuses a captured delivery after a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'replays-')), 'state', 'gitee-deliveries.txt');
    assert.equal(await new FileReplayGuard(file, WINDOW).firstUse(captured), true);
    const restarted = new FileReplayGuard(file, WINDOW);
    assert.equal(await restarted.firstUse(captured), false);
    assert.equal(await restarted.firstUse(`${captured}x`), true);
    assert.doesNotMatch(
      readFileSync(file, 'utf8'),
      /c2lnbmF0dXJl/,
      'the token itself is not written to disk',
    );
  });

  it('accepts a delivery again once it is taken back, also after a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'replays-')), 'deliveries.txt');
    const guard = new FileReplayGuard(file, WINDOW);
    assert.equal(await guard.firstUse(captured), true);
    assert.equal(await guard.firstUse('kept'), true);
    await guard.forget(captured);
    const restarted = new FileReplayGuard(file, WINDOW);
    assert.equal(await restarted.firstUse('kept'), false);
    assert.equal(await restarted.firstUse(captured), true, 'the redelivery of an unaccepted delivery is new');
    assert.equal(await restarted.firstUse(captured), false);
  });

  it('forgets deliveries older than twice the window, and keeps its file small', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'replays-')), 'deliveries.txt');
    let now = 1_000_000;
    const guard = new FileReplayGuard(file, 1000, () => now);
    for (let index = 0; index < 1500; index++) {
      assert.equal(await guard.firstUse(`key-${index}`), true);
      now += 10;
    }
    assert.equal(await guard.firstUse('key-1499'), false);
    assert.equal(await guard.firstUse('key-0'), true, 'an expired key is new again');
    const lines = readFileSync(file, 'utf8').trim().split('\n').length;
    assert.ok(lines < 1200, `the file has ${lines} lines`);
  });
});

describeUnless(REDIS_SKIP, 'the replay guard in Redis', () => {
  const redis = connectRedis(TEST_REDIS_URL, 'producer');
  const prefix = testPrefix();
  after(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('is shared by every replica and outlives any of them', async () => {
    const first = new RedisReplayGuard(redis, prefix, WINDOW);
    const replica = new RedisReplayGuard(redis, prefix, WINDOW);
    assert.equal(await first.firstUse(captured), true);
    assert.equal(await replica.firstUse(captured), false);
    const ttl = await redis.pttl((await redis.keys(`${prefix}:replay:*`))[0] ?? '');
    assert.ok(ttl > WINDOW && ttl <= WINDOW * 2, `kept for ${ttl} ms`);
    await replica.forget(captured);
    assert.equal(await first.firstUse(captured), true, 'taken back on every replica');
  });
});

describe('the replay guard with a folder it cannot write', () => {
  it('still refuses a replay in this process, and says why it cannot remember it on disk', async () => {
    const errors: unknown[] = [];
    // A folder that is a file: nothing can be written below it.
    const notAFolder = join(mkdtempSync(join(tmpdir(), 'replays-')), 'file');
    writeFileSync(notAFolder, '');
    const guard = new FileReplayGuard(join(notAFolder, 'deliveries.txt'), WINDOW, Date.now, (error) =>
      errors.push(error),
    );
    assert.equal(await guard.firstUse(captured), true);
    assert.equal(await guard.firstUse(captured), false);
    assert.ok(errors.length > 0);
  });
});
