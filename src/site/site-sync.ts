import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import type { RepoConfig } from '../config/repo-config.js';
import type { Catalog } from '../core/catalog/build-catalog.js';
import { type AuditSnapshot, withAudit } from '../core/catalog/catalog-audit.js';
import { IncrementalCatalog } from '../core/catalog/incremental-catalog.js';
import { ModelDetailsBuilder } from '../core/catalog/model-details.js';
import { MshubError } from '../core/errors.js';
import { hubContextFromPaths, isAssetPath } from '../core/hub-path.js';
import type { HubContext } from '../core/rules/rule-context.js';
import { renderSiteFiles } from './site-files.js';
import { MemorySyncState, type SyncState } from './sync-state.js';

/** Blobs read from the platform at once on a sync. */
const BLOB_READS = 8;

/** A hub repository at a commit, read through its platform's API (or a local folder). */
export interface HubTreeSource {
  /** Every file path with its blob id at `commit`. */
  listFiles(commit: string): Promise<Array<{ path: string; blob: string }>>;
  /** The bytes of a blob (content-addressed: the same id is the same content). */
  readBlob(path: string, blob: string, commit: string): Promise<Uint8Array>;
  loadConfig(): Promise<RepoConfig>;
}

export interface SiteArtifacts {
  commit: string;
  catalog: Catalog;
  catalogJson: string;
  indexHtml: string;
  /** `details/<folder>.json` files the page reads on demand. */
  detailFiles: Record<string, string>;
  /** SHA-256 of each details file, so a publisher can tell which ones its destination already holds. */
  detailDigests: Record<string, string>;
  /** SHA-256 of what is published, so unchanged output is not published again. */
  digest: string;
}

export interface CatalogPublisher {
  publish(artifacts: SiteArtifacts): Promise<void>;
}

export interface SyncOutcome {
  commit: string;
  models: number;
  invalid: number;
  blobsRead: number;
  published: boolean;
}

/**
 * Rebuilds the catalog of one hub at a commit and publishes it. Incremental: blobs already read
 * (same id) are not read again, and output identical to the last published is not published again.
 */
export class SiteSyncer {
  private readonly catalog = new IncrementalCatalog();
  private readonly details = new ModelDetailsBuilder();
  /** The digest of each details file, kept for the files a build did not change. */
  private detailDigests = new Map<string, string>();
  private readonly publisher: CatalogPublisher | undefined;
  private readonly state: SyncState;
  private readonly hubKey: string;

  constructor(
    options: {
      /** Where every sync publishes, unless a sync names its own publisher. */
      publisher?: CatalogPublisher;
      state?: SyncState;
      /** The hub's key in the state. */
      hubKey?: string;
    } = {},
  ) {
    this.publisher = options.publisher;
    this.state = options.state ?? new MemorySyncState();
    this.hubKey = options.hubKey ?? 'hub';
  }

  async sync(
    source: HubTreeSource,
    commit: string,
    publisher: CatalogPublisher | undefined = this.publisher,
    /** The hub's last audit, shown on the page beside the models it concerns. */
    audit?: AuditSnapshot,
  ): Promise<SyncOutcome> {
    if (!publisher) throw new MshubError('USAGE', 'SiteSyncer.sync needs a publisher');
    const [files, config] = await Promise.all([source.listFiles(commit), source.loadConfig()]);
    const assets = files.filter((file) => isAssetPath(file.path));
    const hub: HubContext = hubContextFromPaths(files.map((file) => file.path));

    const current = new Set(assets.map((file) => file.blob));
    const known = await this.state.getBlobs([...current]);
    const read = new Map<string, Uint8Array>();
    const limit = pLimit(BLOB_READS);
    const missing = new Map<string, string>();
    for (const file of assets) if (!known.has(file.blob)) missing.set(file.blob, file.path);
    await Promise.all(
      [...missing].map(([blob, path]) =>
        limit(async () => {
          read.set(blob, await source.readBlob(path, blob, commit));
        }),
      ),
    );
    if (read.size > 0) await this.state.putBlobs(read);
    await this.state.retainBlobs(current);
    const inputs = assets.map((file) => ({
      path: file.path,
      blob: file.blob,
      bytes: known.get(file.blob) ?? read.get(file.blob) ?? new Uint8Array(),
    }));
    const blobsRead = read.size;

    const catalog = withAudit(this.catalog.build(inputs, config.rules, hub, { commit }), audit);
    const { catalogJson, indexHtml, detailFiles, changedDetailFiles } = renderSiteFiles(
      catalog,
      inputs,
      this.details,
    );
    const hash = createHash('sha256').update(catalogJson).update(indexHtml);
    const digests = new Map<string, string>();
    for (const [file, content] of Object.entries(detailFiles)) {
      const known = changedDetailFiles.has(file) ? undefined : this.detailDigests.get(file);
      const digest = known ?? createHash('sha256').update(content).digest('hex');
      digests.set(file, digest);
      hash.update(file).update(digest);
    }
    this.detailDigests = digests;
    const digest = hash.digest('hex');
    const published = digest !== (await this.state.getDigest(this.hubKey));
    if (published) {
      await publisher.publish({
        commit,
        catalog,
        catalogJson,
        indexHtml,
        detailFiles,
        detailDigests: Object.fromEntries(digests),
        digest,
      });
      await this.state.setDigest(this.hubKey, digest);
    }
    return { commit, models: catalog.models.length, invalid: catalog.invalid.length, blobsRead, published };
  }
}
