import type { HashedResource } from './hash-download.js';

export interface CachedHash {
  resource: HashedResource;
  verifiedAt: number;
}

/**
 * Digests of assets already downloaded, by URL. An entry younger than the TTL is trusted as is, so
 * a re-pushed pull request whose asset lines did not change downloads nothing; an older one is
 * revalidated with the server's validators (ETag, Last-Modified, Content-Length) before reuse.
 */
export class HashCache {
  private readonly entries = new Map<string, CachedHash>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  fresh(url: string): HashedResource | undefined {
    const entry = this.entries.get(url);
    return entry && this.now() - entry.verifiedAt < this.ttlMs ? entry.resource : undefined;
  }

  /** The entry whatever its age, for revalidation. */
  stale(url: string): HashedResource | undefined {
    return this.entries.get(url)?.resource;
  }

  set(url: string, resource: HashedResource): void {
    this.entries.delete(url);
    this.entries.set(url, { resource, verifiedAt: this.now() });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
