import type { Redis } from 'ioredis';
import type { ReviewRecord, SyncRecord } from './activity-records.js';

const RECENT = 50;

export interface RecentActivity {
  reviews: ReviewRecord[];
  syncs: SyncRecord[];
}

/**
 * The recent reviews and syncs of every worker, in Redis, so that the status page of any process
 * (`serve` runs none of them when Redis is used) shows what the deployment did.
 */
export class RedisActivityLog {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** Best effort: a record that cannot be written is not worth failing a review for. */
  record(kind: 'review' | 'sync', record: ReviewRecord | SyncRecord): void {
    const key = this.key(kind);
    this.redis
      .multi()
      .lpush(key, JSON.stringify(record))
      .ltrim(key, 0, RECENT - 1)
      .exec()
      .catch(() => undefined);
  }

  async recent(): Promise<RecentActivity> {
    const [reviews, syncs] = await Promise.all([
      this.redis.lrange(this.key('review'), 0, RECENT - 1),
      this.redis.lrange(this.key('sync'), 0, RECENT - 1),
    ]);
    return { reviews: parseAll<ReviewRecord>(reviews), syncs: parseAll<SyncRecord>(syncs) };
  }

  private key(kind: 'review' | 'sync'): string {
    return `${this.prefix}:activity:${kind}`;
  }
}

function parseAll<T>(entries: readonly string[]): T[] {
  const records: T[] = [];
  for (const entry of entries) {
    try {
      const record = JSON.parse(entry) as unknown;
      if (record && typeof record === 'object' && typeof (record as { at?: unknown }).at === 'number')
        records.push(record as T);
    } catch {}
  }
  return records;
}
