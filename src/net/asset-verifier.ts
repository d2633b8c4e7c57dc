import pLimit, { type LimitFunction } from 'p-limit';
import type {
  AssetFailureKind,
  AssetHasher,
  AssetHashOutcome,
} from '../core/verification/asset-hash-outcome.js';
import { AddressPolicy } from './address-policy.js';
import { DownloadError } from './download-error.js';
import { createGuardedHttps, type GuardedHttps } from './guarded-https.js';
import type { GuardOptions } from './guarded-lookup.js';
import { HashCache } from './hash-cache.js';
import {
  type DownloadHooks,
  type DownloadLimits,
  fetchValidators,
  type HashedResource,
  hashDownload,
  sameResource,
} from './hash-download.js';

export interface AssetDownloadSettings extends DownloadLimits {
  connectTimeoutMs: number;
  /** Downloads at once across the whole process. */
  concurrency: number;
  cacheTtlMs: number;
  /** Host names or CIDRs exempt from the private-address guard (ALLOW_PRIVATE_ASSET_HOSTS). */
  allowPrivateHosts: readonly string[];
  /** Extra trusted certificate authorities (PEM). */
  ca?: string;
}

export interface VerifierStats {
  downloads: number;
  cacheHits: number;
  bytesDownloaded: number;
}

/**
 * Hashes assets for the review: one guarded https client, a bounded number of downloads at once, one
 * download per URL however many files or pull requests name it (single flight), and a cache of
 * verified digests.
 */
export class AssetVerifier implements AssetHasher {
  readonly stats: VerifierStats = { downloads: 0, cacheHits: 0, bytesDownloaded: 0 };
  private readonly client: GuardedHttps;
  private readonly limit: LimitFunction;
  private readonly cache: HashCache;
  private readonly inFlight = new Map<string, Promise<HashedResource>>();

  constructor(
    private readonly settings: AssetDownloadSettings,
    private readonly hooks: DownloadHooks & { lookup?: GuardOptions['lookup'] } = {},
  ) {
    this.client = createGuardedHttps({
      policy: new AddressPolicy({ allowPrivate: settings.allowPrivateHosts }),
      connectTimeoutMs: settings.connectTimeoutMs,
      ...(settings.ca ? { ca: settings.ca } : {}),
      ...(hooks.lookup ? { lookup: hooks.lookup } : {}),
    });
    this.limit = pLimit(settings.concurrency);
    this.cache = new HashCache(settings.cacheTtlMs);
  }

  async hash(url: string): Promise<AssetHashOutcome> {
    try {
      const resource = await this.hashResource(url);
      return { ok: true, sha256: resource.sha256, bytes: resource.bytes };
    } catch (error) {
      if (error instanceof DownloadError)
        return { ok: false, kind: failureKind(error), reason: error.message };
      throw error;
    }
  }

  /** The digest of the asset at `url`; throws DownloadError. */
  hashResource(url: string): Promise<HashedResource> {
    const fresh = this.cache.fresh(url);
    if (fresh) {
      this.stats.cacheHits++;
      return Promise.resolve(fresh);
    }
    const running = this.inFlight.get(url);
    if (running) return running;
    const download = this.limit(() => this.download(url)).finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, download);
    return download;
  }

  async close(): Promise<void> {
    this.client.close();
  }

  private async download(url: string): Promise<HashedResource> {
    const stale = this.cache.stale(url);
    if (stale) {
      const current = await fetchValidators(url, this.client.send, this.settings).catch(() => undefined);
      if (current && sameResource(stale, current)) {
        this.stats.cacheHits++;
        this.cache.set(url, stale);
        return stale;
      }
    }
    this.stats.downloads++;
    const resource = await hashDownload(url, this.client.send, this.settings, this.hooks);
    this.stats.bytesDownloaded += resource.bytes;
    this.cache.set(url, resource);
    return resource;
  }
}

function failureKind(error: DownloadError): AssetFailureKind {
  if (error.code === 'too-large') return 'too-large';
  if (error.code === 'dns') return 'unresolved';
  if (error.transient || error.code === 'timeout-total' || error.code === 'too-slow') return 'failed';
  return 'unreachable';
}
