import type { ColonHeading } from '../hub/colon-headings.js';
import type { FrontMatterData } from '../parse/parse-front-matter.js';
import type { AssetEntryLayout, FrontMatterLayout, KeyLocation } from '../parse/scan-key-lines.js';
import type { SourceLine } from '../parse/split-front-matter.js';
import type { ReportSink, SourcePosition } from '../report-sink.js';
import { scalarText } from '../text/scalar-text.js';
import type { RulesConfig } from './rules-config.js';

/** What a rule may know about the hub beyond the file itself; each part is optional. */
export interface HubContext {
  /** File names in the hub's `images/` folders; featured-image is not checked without it. */
  images?: ReadonlySet<string>;
  /**
   * What the hub's validator lists in `mshub_res/images/` (`glob('images/*')`: the names right
   * inside it, folders too, not hidden ones); the hub's own image check is skipped without it.
   */
  hubImages?: ReadonlySet<string>;
  /** Every asset file path in the hub (or the change); `*_cn.md` twins are not checked without it. */
  assetPaths?: ReadonlySet<string>;
  /** Whether the hub holds the single-file build at VENDORED_CLI_PATH. */
  vendoredCli?: boolean;
}

export interface AssetDocument {
  path: string;
  data: FrontMatterData;
  layout: FrontMatterLayout;
  frontMatterLine: number;
  /** The front matter lines as the file has them (the rules read them corrected for typing slips). */
  writtenLines: readonly SourceLine[];
  evaluationDashLine?: number;
  /** The headings that end in `:`, as the hub's markdown reader (mistune 0.8.4) finds them. */
  colonHeadings: readonly ColonHeading[];
  /** assetEntries(), worked out by the first rule that asks: half a dozen rules read the entries. */
  assetEntries?: ReadonlyArray<Record<string, unknown>>;
}

export interface RuleContext {
  doc: AssetDocument;
  config: RulesConfig;
  hub: HubContext;
  sink: ReportSink;
}

export type Rule = (context: RuleContext) => void;

/** Where a top-level key is written; the front matter's first line when the key is absent. */
export function keyPosition(doc: AssetDocument, key: string): SourcePosition {
  const location = doc.layout.keys.get(key);
  return location ? { line: location.line, column: location.column } : { line: doc.frontMatterLine };
}

export function valuePosition(doc: AssetDocument, key: string): SourcePosition {
  const location = doc.layout.keys.get(key);
  return location ? { line: location.line, column: location.valueColumn } : { line: doc.frontMatterLine };
}

export function assetEntryLayout(doc: AssetDocument, index: number): AssetEntryLayout | undefined {
  return doc.layout.assetEntries[index];
}

/** Position of a key inside the index-th `asset` entry, falling back to the entry, then to `asset:`. */
export function assetPosition(doc: AssetDocument, index: number, key?: string): SourcePosition {
  const entry = assetEntryLayout(doc, index);
  const location: KeyLocation | undefined = key ? entry?.keys.get(key) : undefined;
  if (location) return { line: location.line, column: location.valueColumn };
  if (entry) return { line: entry.line };
  return keyPosition(doc, 'asset');
}

/** The value as written in the file for an asset entry key (YAML may have turned it into a number). */
export function assetRawValue(doc: AssetDocument, index: number, key: string): string | undefined {
  return assetEntryLayout(doc, index)?.keys.get(key)?.rawValue;
}

export function assetEntries(doc: AssetDocument): ReadonlyArray<Record<string, unknown>> {
  if (doc.assetEntries) return doc.assetEntries;
  const asset = doc.data.asset;
  doc.assetEntries = Array.isArray(asset)
    ? asset.map((entry) =>
        entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? entry : {},
      )
    : [];
  return doc.assetEntries;
}

export function unquote(raw: string): string {
  const quote = raw.charCodeAt(0);
  // By the first character first: nearly every value is unquoted, and a match array is not needed.
  if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return raw;
  const quoted = /^(["'])(.*)\1$/.exec(raw);
  return quoted ? (quoted[2] ?? '') : raw;
}

const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

/**
 * The entry `mindspore_hub.load()` downloads: the last whose `file-format` is ckpt, else the first
 * (check.py's `asset-id`). Only its file must be one the loader can load.
 */
export function loadedAssetIndex(entries: ReadonlyArray<Record<string, unknown>>): number {
  let loaded = 0;
  for (let index = 0; index < entries.length; index++)
    if (scalarText(entries[index]?.['file-format'])?.toLowerCase() === 'ckpt') loaded = index;
  return loaded;
}
