import { MshubError } from '../errors.js';
import type { Finding } from '../findings.js';
import { RULES } from '../rules/rule-catalog.js';
import type { HubContext } from '../rules/rule-context.js';
import { loadedAssetIndex } from '../rules/rule-context.js';
import type { RulesConfig } from '../rules/rules-config.js';
import type { AssetFileInput, AssetFileResult } from '../validate-asset-file.js';
import { validateAssetFileResults } from '../validate-hub.js';
import { hubUid } from './hub-uid.js';

/** The rules the hub's own validator enforces: an error of one of these keeps a model off the hub. */
const HUB_RULES: ReadonlySet<string> = new Set(
  RULES.filter((rule) => rule.origin === 'hub').map((rule) => rule.id),
);

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
  /**
   * What mshub-review finds wrong beyond the hub's own checks (a truncated digest, say): the hub
   * lists the model, so the catalog does too, and the page shows these on it.
   */
  problems?: CatalogProblem[];
}

export interface CatalogProblem {
  rule: string;
  severity: Finding['severity'];
  message: string;
  line?: number;
}

export interface Catalog {
  /** The commit the catalog was built from, when known. */
  commit?: string;
  /** When the last audit of the hub's links finished, when one did (its faults are among the problems). */
  audited?: string;
  models: CatalogModel[];
  /** Files the hub's own export leaves out, with the errors that keep them out. */
  invalid: Array<{ path: string; errors: Finding[] }>;
}

/**
 * The hub catalog: one record per model the hub's own export (`check.py`'s `sanity_check`) lists,
 * with its fields. A file goes under `invalid` only for an error of a rule the hub itself enforces
 * (so the hub rejects it too); other errors and warnings stay on the model as its `problems`.
 * `*_cn.md` pages are described by their English twin.
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
    if (errors.some((finding) => HUB_RULES.has(finding.rule)))
      catalog.invalid.push({ path: result.path, errors });
    else if (result.facts) {
      if (!result.facts.fields)
        throw new MshubError('USAGE', 'catalogFromResults needs results validated with { fields: true }');
      const model = toModel(result, result.facts.fields);
      const problems = result.findings
        .filter((finding) => finding.severity !== 'notice')
        .map(({ rule, severity, message, line }) => ({
          rule,
          severity,
          message,
          ...(line === undefined ? {} : { line }),
        }));
      if (problems.length > 0) model.problems = problems;
      catalog.models.push(model);
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
