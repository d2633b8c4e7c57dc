import type { Catalog, CatalogModel } from '../core/catalog/build-catalog.js';
import { ASSETS_ROOT } from '../core/hub-path.js';

/** What the page needs to list, search and filter a model; the rest is read from catalog.json on demand. */
export interface PageModel {
  /** The model's name. */
  n: string;
  /** Its uid path for `mindspore_hub.load()`: the file's path under mshub_res/assets, without `.md`. */
  u: string;
  /** Task family and detail (`module-type`). */
  t: string;
  td?: string;
  /** Datasets as written, split where the hub splits them. */
  d: string[];
  /** Platforms: the backends, or the platform folder of the old layout. */
  p: string[];
  /** MindSpore version. */
  v: string;
  s?: string;
  b?: string;
  a?: string;
  /** Problems mshub-review found: [severity, rule, message]. */
  q?: Array<[string, string, string]>;
  /** The summary of its Chinese page. */
  z?: string;
}

export interface PageIndex {
  commit?: string;
  /** When the last audit of the links finished. */
  audited?: string;
  models: PageModel[];
  /** Files the hub itself rejects, counted by the rule of their first error. */
  invalid: { count: number; byRule: Record<string, number> };
}

const PLATFORM_FOLDERS = new Set(['ascend', 'gpu', 'cpu']);
const SUMMARY_LIMIT = 200;
const PROBLEM_LIMIT = 300;

const text = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

/**
 * Where the model runs: its backends; else the platform folder of the old layout; else what its
 * checkpoints are named after (the model zoo names them `<model>_ascend_v190_...`, mindcv
 * `...-910v2.ckpt` for Ascend 910), which is all most hub models say about it.
 */
function platformsOf(model: CatalogModel): string[] {
  const backends = [model['train-backend'], model['infer-backend']]
    .flatMap((value) =>
      text(value)
        .toLowerCase()
        .split(/[\s,/]+/),
    )
    .filter((value) => PLATFORM_FOLDERS.has(value));
  if (backends.length > 0) return [...new Set(backends)];
  const folder = model.path.split('/')[3] ?? '';
  if (PLATFORM_FOLDERS.has(folder)) return [folder];
  const assets = Array.isArray(model.asset) ? (model.asset as Array<Record<string, unknown> | null>) : [];
  const named = new Set<string>();
  for (const asset of assets) {
    const link = text(asset?.['asset-link']).replace(/^<|>$/g, '');
    const name = link.slice(link.lastIndexOf('/') + 1).toLowerCase();
    for (const token of name.split(/[_.-]+/)) {
      if (PLATFORM_FOLDERS.has(token)) named.add(token);
      else if (/^910(v2|b)?$/.test(token)) named.add('ascend');
    }
  }
  return named.size > 0 ? [...named].sort() : ['unspecified'];
}

/** The small index embedded in the page: enough for the first screen, search and every filter. */
export function hubPageIndex(
  catalog: Catalog,
  chineseSummaries: ReadonlyMap<string, string> = new Map(),
): PageIndex {
  const byRule: Record<string, number> = {};
  for (const file of catalog.invalid) {
    const rule = file.errors[0]?.rule ?? 'unknown';
    byRule[rule] = (byRule[rule] ?? 0) + 1;
  }
  const index: PageIndex = {
    models: catalog.models.map((model) => {
      const entry: PageModel = {
        n: text(model['model-name'] || model.markdown_name),
        u: model.path.slice(ASSETS_ROOT.length + 1).replace(/\.md$/, ''),
        t: text(model['module-type']),
        d: text(model['train-dataset']).split('_').filter(Boolean),
        p: platformsOf(model),
        v: text(model['mindspore-version']),
      };
      const detail = text(model['module-type-detail']);
      if (detail) entry.td = detail;
      const summary = text(model.summary);
      if (summary)
        entry.s = summary.length > SUMMARY_LIMIT ? `${summary.slice(0, SUMMARY_LIMIT - 1)}…` : summary;
      const backbone = text(model['backbone-name']);
      if (backbone) entry.b = backbone;
      const author = text(model.author);
      if (author) entry.a = author;
      const chinese = chineseSummaries.get(entry.u);
      if (chinese) entry.z = chinese;
      if (model.problems)
        entry.q = model.problems.map((problem) => [
          problem.severity,
          problem.rule,
          problem.message.length > PROBLEM_LIMIT
            ? `${problem.message.slice(0, PROBLEM_LIMIT - 1)}…`
            : problem.message,
        ]);
      return entry;
    }),
    invalid: { count: catalog.invalid.length, byRule },
  };
  if (catalog.commit) index.commit = catalog.commit;
  if (catalog.audited) index.audited = catalog.audited;
  return index;
}
