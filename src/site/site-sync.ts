import { createHash } from 'node:crypto';
import type { RepoConfig } from '../config/repo-config.js';
import { buildCatalog, type Catalog } from '../core/catalog/build-catalog.js';
import { hubContextFromPaths, isAssetPath } from '../core/hub-path.js';
import type { HubContext } from '../core/rules/rule-context.js';
import type { AssetFileInput } from '../core/validate-asset-file.js';
import { renderHubPage } from './hub-page.js';

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
  private readonly blobs = new Map<string, Uint8Array>();
  private lastDigest: string | undefined;

  constructor(private readonly publisher: CatalogPublisher) {}

  async sync(source: HubTreeSource, commit: string): Promise<SyncOutcome> {
    const [files, config] = await Promise.all([source.listFiles(commit), source.loadConfig()]);
    const assets = files.filter((file) => isAssetPath(file.path));
    const hub: HubContext = hubContextFromPaths(files.map((file) => file.path));

    let blobsRead = 0;
    const wanted = new Set(assets.map((file) => file.blob));
    for (const blob of this.blobs.keys()) if (!wanted.has(blob)) this.blobs.delete(blob);
    const inputs: AssetFileInput[] = [];
    for (const file of assets) {
      let bytes = this.blobs.get(file.blob);
      if (!bytes) {
        bytes = await source.readBlob(file.path, file.blob, commit);
        this.blobs.set(file.blob, bytes);
        blobsRead++;
      }
      inputs.push({ path: file.path, bytes });
    }

    const catalog = buildCatalog(inputs, config.rules, hub, { commit });
    const catalogJson = `${JSON.stringify(catalog, null, 2)}\n`;
    const indexHtml = renderHubPage(catalog);
    const digest = createHash('sha256').update(catalogJson).update(indexHtml).digest('hex');
    const published = digest !== this.lastDigest;
    if (published) {
      await this.publisher.publish({ commit, catalog, catalogJson, indexHtml, digest });
      this.lastDigest = digest;
    }
    return { commit, models: catalog.models.length, invalid: catalog.invalid.length, blobsRead, published };
  }
}
