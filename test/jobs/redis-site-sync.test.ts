import assert from 'node:assert/strict';
import { afterEach, beforeEach, it } from 'node:test';
import type { Redis } from 'ioredis';
import { defaultRepoConfig } from '../../src/config/repo-config.js';
import { connectRedis } from '../../src/jobs/redis-connection.js';
import { RedisSiteSyncQueue } from '../../src/jobs/redis-site-sync-queue.js';
import { RedisSiteSyncWorker } from '../../src/jobs/redis-site-sync-worker.js';
import { RedisSyncState } from '../../src/jobs/redis-sync-state.js';
import type { SiteSyncRunner } from '../../src/jobs/site-sync-queue.js';
import { type HubTreeSource, type SiteArtifacts, SiteSyncer } from '../../src/site/site-sync.js';
import type { SiteSyncRequest } from '../../src/site/site-sync-request.js';
import { CLEAN_PATH, CLEAN_TEXT } from '../helpers/fixtures.js';
import { deleteKeys, REDIS_SKIP, TEST_REDIS_URL, testPrefix } from '../helpers/redis.js';
import { describeUnless } from '../helpers/suite.js';

const HUB = 'gitee:mindspore/hub';
const merge = (commit: string): SiteSyncRequest => ({
  platform: 'gitee',
  owner: 'mindspore',
  repo: 'hub',
  commit,
  deliveryId: `d-${commit}`,
  trigger: 'merge_request.merge',
});
const sha = (char: string) => char.repeat(40);

describeUnless(REDIS_SKIP, 'site syncs on Redis', () => {
  let redis: Redis;
  let prefix: string;
  const closers: Array<() => Promise<unknown>> = [];

  beforeEach(() => {
    redis = connectRedis(TEST_REDIS_URL, 'producer');
    prefix = testPrefix();
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  async function startWorker(run: SiteSyncRunner) {
    const connection = connectRedis(TEST_REDIS_URL, 'worker');
    const worker = new RedisSiteSyncWorker(run, connection, {
      url: TEST_REDIS_URL,
      prefix,
      concurrency: 2,
      busyRetryMs: 20,
    });
    closers.push(
      () => connection.quit(),
      () => worker.close(),
    );
    await worker.ready();
  }

  it('turns a burst of merges into one sync of the newest, never two syncs of a hub at once', async () => {
    const queue = new RedisSiteSyncQueue(redis, { url: TEST_REDIS_URL, prefix });
    closers.push(() => queue.close());
    const ran: string[] = [];
    let active = 0;
    let maxActive = 0;
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const run: SiteSyncRunner = async (hub, request) => {
      assert.equal(hub, HUB);
      active++;
      maxActive = Math.max(maxActive, active);
      if (request.commit === sha('1')) await gate;
      ran.push(request.commit);
      active--;
    };
    await startWorker(run);
    await startWorker(run);
    await queue.submit(HUB, merge(sha('1')));
    while (active === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await queue.submit(HUB, merge(sha('2')));
    await queue.submit(HUB, merge(sha('3')));
    await new Promise((resolve) => setTimeout(resolve, 100));
    open();
    await queue.idle();
    assert.deepEqual(ran, [sha('1'), sha('3')]);
    assert.equal(maxActive, 1);
  });

  it('shares what a sync read, so another worker reads and publishes nothing for an unchanged hub', async () => {
    const hub: HubTreeSource & { reads: number } = {
      reads: 0,
      async listFiles() {
        return [{ path: CLEAN_PATH, blob: 'b1' }];
      },
      async readBlob() {
        this.reads++;
        return new TextEncoder().encode(CLEAN_TEXT);
      },
      async loadConfig() {
        return defaultRepoConfig();
      },
    };
    const published: SiteArtifacts[] = [];
    const publisher = { publish: async (artifacts: SiteArtifacts) => void published.push(artifacts) };
    const first = new SiteSyncer({ publisher, state: new RedisSyncState(redis, prefix), hubKey: HUB });
    assert.equal((await first.sync(hub, sha('1'))).blobsRead, 1);
    const other = new SiteSyncer({ publisher, state: new RedisSyncState(redis, prefix), hubKey: HUB });
    const again = await other.sync(hub, sha('1'));
    assert.deepEqual([again.blobsRead, again.published, hub.reads, published.length], [0, false, 1, 1]);
    assert.equal(published[0]?.catalog.models[0]?.['model-name'], 'albert');
  });
});
