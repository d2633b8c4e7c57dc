import type { Catalog } from '../core/catalog/build-catalog.js';
import { ModelDetailsBuilder } from '../core/catalog/model-details.js';
import type { AssetFileInput } from '../core/validate-asset-file.js';
import { renderHubPage } from './hub-page.js';

/** What a site sync publishes: the catalog, the page, and the details the page reads on demand. */
export interface SiteFiles {
  catalogJson: string;
  indexHtml: string;
  /** `details/<folder>.json` → content: each model's markdown body and Chinese page, by folder. */
  detailFiles: Record<string, string>;
  /** The details files whose content changed since the previous build with the same builder. */
  changedDetailFiles: Set<string>;
}

export function renderSiteFiles(
  catalog: Catalog,
  inputs: Iterable<AssetFileInput & { blob?: string }>,
  details: ModelDetailsBuilder = new ModelDetailsBuilder(),
): SiteFiles {
  const built = details.build(inputs, catalog);
  return {
    catalogJson: `${JSON.stringify(catalog, null, 2)}\n`,
    indexHtml: renderHubPage(catalog, built.chineseSummaries),
    detailFiles: built.files,
    changedDetailFiles: built.changed,
  };
}
