import { englishTwinOf } from '../hub-path.js';
import type { HubContext } from '../rules/rule-context.js';
import type { RulesConfig } from '../rules/rules-config.js';
import { type AssetFileInput, type AssetFileResult, validateAssetFile } from '../validate-asset-file.js';
import { withCrossFileChecks } from '../validate-hub.js';
import { type Catalog, catalogFromResults } from './build-catalog.js';

/** An asset file and the id of its content (a git blob id): the same id is the same bytes. */
export interface IdentifiedAssetFile extends AssetFileInput {
  blob: string;
}

/**
 * Builds the catalog of successive commits of one hub, checking again only the files whose content
 * changed. Everything else a file's result depends on is part of the key: the rules and the hub's
 * images (when they change, every file is checked again) and, of the hub's other paths, only
 * whether its English twin exists (the one rule that looks at them, `cn-twin`).
 */
export class IncrementalCatalog {
  private results = new Map<string, AssetFileResult>();
  private context = '';
  /** Files checked by the last build; the others were reused. */
  checked = 0;

  build(
    files: readonly IdentifiedAssetFile[],
    config: RulesConfig,
    hub: HubContext,
    options: { commit?: string } = {},
  ): Catalog {
    const context = contextKey(config, hub.images, hub.assetPaths !== undefined);
    if (context !== this.context) {
      this.results = new Map();
      this.context = context;
    }
    const next = new Map<string, AssetFileResult>();
    this.checked = 0;
    for (const file of files) {
      const twin = englishTwinOf(file.path);
      const key = `${file.path}\0${file.blob}\0${twin ? hub.assetPaths?.has(twin) : '-'}`;
      let result = this.results.get(key);
      if (!result) {
        result = validateAssetFile(file, config, hub, { fields: true });
        this.checked++;
      }
      next.set(key, result);
    }
    this.results = next;
    return catalogFromResults(withCrossFileChecks([...next.values()], config), options);
  }
}

function contextKey(config: RulesConfig, images: HubContext['images'], knowsPaths: boolean): string {
  return JSON.stringify([config, images, knowsPaths], (_key, value: unknown) =>
    value instanceof Set || value instanceof Map ? [...value].sort() : value,
  );
}
