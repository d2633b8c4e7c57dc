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

export interface FrontMatterLayout {
  keys: Map<string, KeyLocation>;
  assetEntries: AssetEntryLayout[];
}

const TOP_LEVEL_KEY = /^([^\s#\-'"?{[][^:]*?)[ \t]*:(?=[ \t]|$)[ \t]*(.*)$/;
const NESTED_KEY = /^([ \t]+)([^\s#\-'"?{[][^:]*?)[ \t]*:(?=[ \t]|$)[ \t]*(.*)$/;
const LIST_ITEM = /^([ \t]*)-(?=[ \t]|$)[ \t]*(.*)$/;
const INLINE_KEY = /^([^\s#'"?{[][^:]*?)[ \t]*:(?=[ \t]|$)[ \t]*(.*)$/;

/**
 * Finds where keys are written, so findings point at the right line, and keeps each value's source
 * text (YAML would turn `1.10` into 1.1 and `00123456` into 123456). Covers the block style every hub
 * file uses; for anything else findings fall back to the nearest key that was found.
 */
export function scanKeyLines(lines: readonly SourceLine[]): FrontMatterLayout {
  const keys = new Map<string, KeyLocation>();
  const assetEntries: AssetEntryLayout[] = [];
  let inAssetBlock = false;

  for (const { line, text } of lines) {
    const topLevel = TOP_LEVEL_KEY.exec(text);
    if (topLevel) {
      const [, key = '', value = ''] = topLevel;
      if (!keys.has(key)) keys.set(key, location(line, 0, key, value, text));
      inAssetBlock = key === 'asset';
      continue;
    }
    if (!inAssetBlock) continue;

    const item = LIST_ITEM.exec(text);
    if (item) {
      const [, , rest = ''] = item;
      const entry: AssetEntryLayout = { line, keys: new Map() };
      assetEntries.push(entry);
      const inline = INLINE_KEY.exec(rest);
      if (inline) {
        const [, key = '', value = ''] = inline;
        entry.keys.set(key, location(line, text.length - rest.length, key, value, text));
      }
      continue;
    }
    const nested = NESTED_KEY.exec(text);
    const entry = assetEntries[assetEntries.length - 1];
    if (nested && entry) {
      const [, indent = '', key = '', value = ''] = nested;
      if (!entry.keys.has(key)) entry.keys.set(key, location(line, indent.length, key, value, text));
    }
  }
  return { keys, assetEntries };
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
