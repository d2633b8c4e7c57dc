import type { SourceLine } from './split-front-matter.js';

export interface KeyLocation {
  line: number;
  /** 1-based column of the key. */
  column: number;
  /** 1-based column where the value text starts (just after `key:` and spaces). */
  valueColumn: number;
  /** The value exactly as written on the key's line, trailing comment removed. */
  rawValue: string;
}

export interface AssetEntryLayout {
  line: number;
  keys: Map<string, KeyLocation>;
}

/** A key written twice in one mapping: YAML (like the hub's PyYAML) keeps the last value. */
export interface DuplicateKey {
  key: string;
  first: KeyLocation;
  again: KeyLocation;
  /** Index of the `asset` entry that holds both, for a key inside an entry. */
  assetEntry?: number;
}

export interface FrontMatterLayout {
  keys: Map<string, KeyLocation>;
  assetEntries: AssetEntryLayout[];
  duplicates: DuplicateKey[];
}

const LIST_ITEM = /^([ \t]*)-(?=[ \t]|$)[ \t]*(.*)$/;
const NOT_A_KEY_START = new Set(['#', "'", '"', '?', '{', '[']);
const isBlank = (char: string | undefined) => char === ' ' || char === '\t';

/**
 * `key: value` from `start` on: the key runs to the line's first `:`, which must be followed by a
 * blank or the end. A scan, not a regular expression: the lazy pattern it replaces backtracked
 * quadratically over a long line of spaces without a colon.
 */
function keyAt(
  text: string,
  start: number,
  dashAllowed: boolean,
): { key: string; value: string } | undefined {
  const first = text[start];
  if (first === undefined || isBlank(first) || NOT_A_KEY_START.has(first) || (!dashAllowed && first === '-'))
    return undefined;
  const colon = text.indexOf(':', start);
  if (colon === -1 || (colon + 1 < text.length && !isBlank(text[colon + 1]))) return undefined;
  let keyEnd = colon;
  while (keyEnd > start && isBlank(text[keyEnd - 1])) keyEnd--;
  let valueStart = colon + 1;
  while (isBlank(text[valueStart])) valueStart++;
  return { key: text.slice(start, keyEnd), value: text.slice(valueStart) };
}

function indentOf(text: string): number {
  let at = 0;
  while (isBlank(text[at])) at++;
  return at;
}

/**
 * Finds where keys are written, so findings point at the right line, and keeps each value's source
 * text (YAML would turn `1.10` into 1.1 and `00123456` into 123456). Covers the block style every hub
 * file uses; for anything else findings fall back to the nearest key that was found.
 */
export function scanKeyLines(lines: readonly SourceLine[]): FrontMatterLayout {
  const keys = new Map<string, KeyLocation>();
  const assetEntries: AssetEntryLayout[] = [];
  const duplicates: DuplicateKey[] = [];
  let inAssetBlock = false;
  // A key written twice keeps its last value (as PyYAML does): findings about the value point there.
  const remember = (map: Map<string, KeyLocation>, key: string, at: KeyLocation, assetEntry?: number) => {
    const first = map.get(key);
    map.set(key, at);
    if (first)
      duplicates.push({ key, first, again: at, ...(assetEntry === undefined ? {} : { assetEntry }) });
  };

  for (const { line, text } of lines) {
    const topLevel = keyAt(text, 0, false);
    if (topLevel) {
      const { key, value } = topLevel;
      remember(keys, key, location(line, 0, key, value, text));
      inAssetBlock = key === 'asset';
      continue;
    }
    if (!inAssetBlock) continue;

    const item = LIST_ITEM.exec(text);
    if (item) {
      const [, , rest = ''] = item;
      const entry: AssetEntryLayout = { line, keys: new Map() };
      assetEntries.push(entry);
      const inline = keyAt(rest, 0, true);
      if (inline) {
        const { key, value } = inline;
        remember(
          entry.keys,
          key,
          location(line, text.length - rest.length, key, value, text),
          assetEntries.length - 1,
        );
      }
      continue;
    }
    const indent = indentOf(text);
    const nested = indent > 0 ? keyAt(text, indent, false) : undefined;
    const entry = assetEntries[assetEntries.length - 1];
    if (nested && entry) {
      const { key, value } = nested;
      remember(entry.keys, key, location(line, indent, key, value, text), assetEntries.length - 1);
    }
  }
  return { keys, assetEntries, duplicates };
}

function location(line: number, keyOffset: number, key: string, value: string, text: string): KeyLocation {
  const rawValue = stripComment(value).trim();
  const valueOffset = value === '' ? text.length : text.lastIndexOf(value);
  return {
    line,
    column: keyOffset + 1,
    valueColumn: (rawValue === '' ? keyOffset + key.length + 1 : valueOffset) + 1,
    rawValue,
  };
}

function stripComment(value: string): string {
  if (value.startsWith('"') || value.startsWith("'")) return value;
  const hash = value.search(/[ \t]#/);
  return hash === -1 ? value : value.slice(0, hash);
}

/** True when the text is a plain YAML scalar (not quoted, not a block or flow collection). */
export function isPlainScalar(rawValue: string): boolean {
  return rawValue !== '' && !/^["'|>[{&*!]/.test(rawValue);
}
