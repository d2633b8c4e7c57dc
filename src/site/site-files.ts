import type { Catalog } from '../core/catalog/build-catalog.js';
import { buildModelDetails } from '../core/catalog/model-details.js';
import type { AssetFileInput } from '../core/validate-asset-file.js';
import { renderHubPage } from './hub-page.js';

/** What a site sync publishes: the catalog, the page, and the details the page reads on demand. */
export interface SiteFiles {
  catalogJson: string;
  indexHtml: string;
  /** `details/<folder>.json` → content: each model's markdown body and Chinese page, by folder. */
  detailFiles: Record<string, string>;
}

export function renderSiteFiles(catalog: Catalog, inputs: Iterable<AssetFileInput>): SiteFiles {
  const details = buildModelDetails(inputs, catalog);
  const chineseSummaries = new Map<string, string>();
  const detailFiles: Record<string, string> = {};
  for (const [file, models] of [...details].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    detailFiles[file] = `${JSON.stringify(models)}\n`;
    for (const [uidPath, model] of Object.entries(models))
      if (model.zh?.summary) chineseSummaries.set(uidPath, model.zh.summary);
  }
  return {
    catalogJson: `${JSON.stringify(catalog, null, 2)}\n`,
    indexHtml: renderHubPage(catalog, chineseSummaries),
    detailFiles,
  };
}
