import { MshubError } from '../errors.js';
import type { Finding } from '../findings.js';
import type { HubContext } from '../rules/rule-context.js';
import { loadedAssetIndex } from '../rules/rule-context.js';
import type { RulesConfig } from '../rules/rules-config.js';
import type { AssetFileInput, AssetFileResult } from '../validate-asset-file.js';
import { validateAssetFileResults } from '../validate-hub.js';
import { hubUid } from './hub-uid.js';

/** One model of the hub: its front matter plus what the hub's own export adds. */
export interface CatalogModel {
  /** Every front matter field, versions as written; `module-type` split as the hub does. */
  [field: string]: unknown;
  /** The file name without `.md`, as `check.py` writes it. */
  markdown_name: string;
  /** `host:folder:ref` from `repo-link`, as the hub loader derives it. */
  uid: string;
  /** Index of the last ckpt asset, as `check.py` writes it (absent without assets). */
  'asset-id'?: number;
  path: string;
}

export interface Catalog {
  /** The commit the catalog was built from, when known. */
  commit?: string;
  models: CatalogModel[];
  /** Files that are not in `models`, with the errors that keep them out. */
  invalid: Array<{ path: string; errors: Finding[] }>;
}

/**
 * The hub catalog: one record per valid asset file, with the fields of `check.py`'s export
 * (`extract_info_to_json` / `sanity_check`). Files with errors are listed with them, never dropped
 * silently; `*_cn.md` pages are described by their English twin.
 */
export function buildCatalog(
  inputs: Iterable<AssetFileInput>,
  config: RulesConfig,
  hub: HubContext = {},
  options: { commit?: string } = {},
): Catalog {
  return catalogFromResults(validateAssetFileResults(inputs, config, hub, { fields: true }), options);
}

/** The catalog of files already validated, the cross-file rules included. */
export function catalogFromResults(
  results: Iterable<AssetFileResult>,
  options: { commit?: string } = {},
): Catalog {
  const catalog: Catalog = { models: [], invalid: [] };
  if (options.commit) catalog.commit = options.commit;
  for (const result of results) {
    const errors = result.findings.filter((finding) => finding.severity === 'error');
    if (errors.length > 0) catalog.invalid.push({ path: result.path, errors });
    else if (result.facts) {
      if (!result.facts.fields)
        throw new MshubError('USAGE', 'catalogFromResults needs results validated with { fields: true }');
      catalog.models.push(toModel(result, result.facts.fields));
    }
  }
  catalog.models.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  catalog.invalid.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return catalog;
}

function toModel(result: AssetFileResult, fields: Record<string, unknown>): CatalogModel {
  const fileName = result.path.slice(result.path.lastIndexOf('/') + 1);
  const model: CatalogModel = {
    ...fields,
    markdown_name: fileName.replace(/\.md$/, ''),
    uid: '',
    path: result.path,
  };
  const moduleType = fields['module-type'];
  if (typeof moduleType === 'string') {
    const [family, detail] = splitOnce(moduleType, '-');
    model['module-type'] = family;
    if (detail !== undefined) model['module-type-detail'] = detail;
  }
  model.uid = typeof fields['repo-link'] === 'string' ? (hubUid(fields['repo-link']) ?? '') : '';
  const assets = Array.isArray(fields.asset) ? (fields.asset as Array<Record<string, unknown>>) : [];
  if (assets.length > 0) model['asset-id'] = loadedAssetIndex(assets.map((asset) => asset ?? {}));
  return model;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
