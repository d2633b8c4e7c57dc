import type { Redis } from 'ioredis';
import type { SyncState } from '../site/sync-state.js';

/** Blobs unread for this long leave Redis; a later sync reads them from the platform again. */
const BLOB_TTL_SECONDS = 30 * 24 * 3600;
const BATCH = 500;

/** Sync state in Redis, shared by every worker and kept across restarts. */
export class RedisSyncState implements SyncState {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async getBlobs(ids: readonly string[]): Promise<Map<string, Uint8Array>> {
    const found = new Map<string, Uint8Array>();
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH);
      const values = await this.redis.mgetBuffer(...batch.map((id) => this.blobKey(id)));
      values.forEach((value, index) => {
        const id = batch[index];
        if (value && id !== undefined) found.set(id, new Uint8Array(value));
      });
    }
    return found;
  }

  async putBlobs(blobs: ReadonlyMap<string, Uint8Array>): Promise<void> {
    const entries = [...blobs];
    for (let start = 0; start < entries.length; start += BATCH) {
      const pipeline = this.redis.pipeline();
      for (const [id, bytes] of entries.slice(start, start + BATCH))
        pipeline.set(this.blobKey(id), Buffer.from(bytes), 'EX', BLOB_TTL_SECONDS);
      await pipeline.exec();
    }
  }

  /** Nothing to do: blobs expire in Redis when no sync has read them for a month. */
  async retainBlobs(): Promise<void> {}

  async getDigest(hub: string): Promise<string | undefined> {
    return (await this.redis.get(`${this.prefix}:sync:digest:${hub}`)) ?? undefined;
  }

  async setDigest(hub: string, digest: string): Promise<void> {
    await this.redis.set(`${this.prefix}:sync:digest:${hub}`, digest);
  }

  private blobKey(id: string): string {
    return `${this.prefix}:blob:${id}`;
  }
}
