import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SiteSyncRequest } from '../site/site-sync-request.js';
import type { RedisQueueSettings } from './redis-connection.js';
import type { SiteSyncQueue, SyncSubmitOutcome } from './site-sync-queue.js';

export const SITE_SYNC_QUEUE_NAME = 'site-syncs';

export const latestCommitKey = (prefix: string, hub: string) => `${prefix}:sync:latest:${hub}`;

/**
 * Site syncs as jobs in Redis, one per merge. The newest commit of each hub is recorded, so a worker
 * skips a job that a later merge made stale, and a per-hub lock keeps syncs of one hub apart.
 */
export class RedisSiteSyncQueue implements SiteSyncQueue {
  private readonly queue: Queue<SiteSyncRequest>;

  constructor(
    private readonly redis: Redis,
    private readonly settings: RedisQueueSettings,
  ) {
    this.queue = new Queue<SiteSyncRequest>(SITE_SYNC_QUEUE_NAME, {
      connection: redis,
      prefix: settings.prefix,
    });
  }

  /** Always `queued`: whether it is stale is decided when a worker takes it (a newer merge may come first). */
  async submit(hub: string, request: SiteSyncRequest): Promise<SyncSubmitOutcome> {
    await this.redis.set(latestCommitKey(this.settings.prefix, hub), request.commit);
    await this.queue.add('sync', request, {
      jobId: `${hub}@${request.commit}`.replaceAll(':', '|'),
      attempts: 3,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: { count: 200 },
      removeOnFail: { count: 200 },
    });
    return 'queued';
  }

  async idle(pollMs = 50): Promise<void> {
    for (;;) {
      const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
      if (Object.values(counts).every((count) => count === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
