/**
 * What a site sync remembers between runs: the blobs it read (content-addressed by id, so they never
 * go stale) and the digest of the output it last published for each hub.
 */
export interface SyncState {
  getBlobs(ids: readonly string[]): Promise<Map<string, Uint8Array>>;
  putBlobs(blobs: ReadonlyMap<string, Uint8Array>): Promise<void>;
  /** Forgets the blobs no longer in the hub (a synced tree names all it still needs). */
  retainBlobs(ids: ReadonlySet<string>): Promise<void>;
  getDigest(hub: string): Promise<string | undefined>;
  setDigest(hub: string, digest: string): Promise<void>;
}

/** In this process only: the first sync after a restart reads every file again. */
export class MemorySyncState implements SyncState {
  private readonly blobs = new Map<string, Uint8Array>();
  private readonly digests = new Map<string, string>();

  async getBlobs(ids: readonly string[]): Promise<Map<string, Uint8Array>> {
    const found = new Map<string, Uint8Array>();
    for (const id of ids) {
      const bytes = this.blobs.get(id);
      if (bytes) found.set(id, bytes);
    }
    return found;
  }

  async retainBlobs(ids: ReadonlySet<string>): Promise<void> {
    for (const id of this.blobs.keys()) if (!ids.has(id)) this.blobs.delete(id);
  }

  async putBlobs(blobs: ReadonlyMap<string, Uint8Array>): Promise<void> {
    for (const [id, bytes] of blobs) this.blobs.set(id, bytes);
  }

  async getDigest(hub: string): Promise<string | undefined> {
    return this.digests.get(hub);
  }

  async setDigest(hub: string, digest: string): Promise<void> {
    this.digests.set(hub, digest);
  }
}
