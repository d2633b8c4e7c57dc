import yaml from 'js-yaml';
import type { AssetEntryLayout, FrontMatterLayout, KeyLocation } from './scan-key-lines.js';
import type { SourceLine } from './split-front-matter.js';

/**
 * A fast reader for the plain subset of YAML that hub files use: `key: value` lines, and a list of
 * `key: value` entries under a key. It gives exactly what js-yaml's CORE schema and scanKeyLines give
 * for such text (the tests compare both on every real hub file), and returns undefined for anything
 * else — quotes with escapes, flow collections, comments, anchors, tags, tabs, continuation lines —
 * which then goes to js-yaml. It exists for speed: validating the whole hub is 3,000 documents.
 */
export function parseSimpleFrontMatter(
  lines: readonly SourceLine[],
): { data: Record<string, unknown>; layout: FrontMatterLayout } | undefined {
  const data: Record<string, unknown> = {};
  const layout: FrontMatterLayout = { keys: new Map(), assetEntries: [], duplicates: [] };
  let listKey: string | undefined;
  let list: Array<Record<string, unknown> | null> | undefined;
  let dashIndent = -1;
  let item: Record<string, unknown> | undefined;
  let itemLayout: AssetEntryLayout | undefined;
  let itemKeyIndent = -1;

  for (const { line, text } of lines) {
    if (UNSUPPORTED_CHARACTERS.test(text)) return undefined;
    if (text.trim() === '') continue;
    const first = text.charCodeAt(0);

    if (first !== SPACE && first !== DASH) {
      const match = KEY_LINE.exec(text);
      if (!match) return undefined;
      // Indexing, not destructuring: this runs for every line of every file.
      const key = match[1] ?? '';
      const value = match[3] ?? '';
      if (!isPlainKey(key) || Object.hasOwn(data, key)) return undefined;
      const parsed = value === '' ? null : readScalar(value);
      if (parsed === UNSUPPORTED) return undefined;
      data[key] = parsed;
      layout.keys.set(key, keyLocation(line, 0, key, value, text));
      listKey = value === '' ? key : undefined;
      list = undefined;
      item = undefined;
      continue;
    }

    const indent = text.length - text.trimStart().length;
    const dash = ITEM_LINE.exec(text);
    if (dash && listKey !== undefined && (list === undefined || indent === dashIndent)) {
      if (list === undefined) {
        list = [];
        data[listKey] = list;
        dashIndent = indent;
      }
      // A bare `-` is a null entry until an indented key below it makes it a mapping.
      item = undefined;
      list.push(null);
      itemLayout = undefined;
      if (listKey === 'asset') {
        itemLayout = { line, keys: new Map() };
        layout.assetEntries.push(itemLayout);
      }
      itemKeyIndent = -1;
      const gap = dash[1];
      const rest = dash[2] ?? '';
      if (rest === '') continue;
      item = {};
      list[list.length - 1] = item;
      itemKeyIndent = indent + 1 + (gap?.length ?? 0);
      if (!addItemKey(item, itemLayout, line, itemKeyIndent, rest, text)) return undefined;
      continue;
    }

    if (!list || first !== SPACE || indent <= dashIndent) return undefined;
    if (!item) {
      if (itemKeyIndent !== -1) return undefined;
      item = {};
      list[list.length - 1] = item;
      itemKeyIndent = indent;
    }
    if (indent !== itemKeyIndent) return undefined;
    if (!addItemKey(item, itemLayout, line, indent, text.slice(indent), text)) return undefined;
  }
  return { data, layout };
}

const SPACE = 32;
const DASH = 45;
const UNSUPPORTED = Symbol('unsupported');
const KEY_LINE = /^([A-Za-z0-9_][A-Za-z0-9_.-]*):(?:( +)(.*))?$/;
const ITEM_LINE = /^ *-(?:( +)(.*))?$/;
const ITEM_KEY = /^([A-Za-z0-9_][A-Za-z0-9_.-]*):(?:( +)(.*))?$/;
/** Tabs, characters js-yaml refuses as non-printable, and surrogates: left to js-yaml. */
const UNSUPPORTED_CHARACTERS = /[\t\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF\uD800-\uDFFF]/;
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
// The CORE schema's implicit types, in js-yaml's order (its typings do not declare `types`).
const { types } = yaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float', yaml.Type> };
const IMPLICIT_TYPES = [types.null, types.bool, types.int, types.float];
/** Only text that starts like this can be null, a boolean or a number; the rest is a string as is. */
const MAYBE_TYPED = /^(?:$|[-+.~0-9nNtTfF])/;

function implicitlyTyped(text: string): boolean {
  return MAYBE_TYPED.test(text) && IMPLICIT_TYPES.some((type) => type.resolve(text));
}

function addItemKey(
  item: Record<string, unknown>,
  itemLayout: AssetEntryLayout | undefined,
  line: number,
  offset: number,
  keyText: string,
  text: string,
): boolean {
  const match = ITEM_KEY.exec(keyText);
  if (!match) return false;
  const key = match[1] ?? '';
  const value = match[3] ?? '';
  // An empty value might open a nested collection on the next lines: js-yaml decides that.
  if (value === '' || !isPlainKey(key) || Object.hasOwn(item, key)) return false;
  const parsed = readScalar(value);
  if (parsed === UNSUPPORTED) return false;
  item[key] = parsed;
  itemLayout?.keys.set(key, keyLocation(line, offset, key, value, text));
  return true;
}

const plainKeys = new Map<string, boolean>();

/** Keys that YAML keeps as the same text (not `true`, `1.10`, `null`), and no `__proto__`. */
function isPlainKey(key: string): boolean {
  // The same few dozen keys recur in every file; an unbounded set of odd ones is not remembered.
  let plain = plainKeys.get(key);
  if (plain === undefined) {
    plain = key !== '__proto__' && !implicitlyTyped(key);
    if (plainKeys.size < 1000) plainKeys.set(key, plain);
  }
  return plain;
}

function readScalar(raw: string): unknown {
  const value = raw.trimEnd();
  const quote = value[0];
  if (quote === "'" || quote === '"') {
    const inner = value.slice(1, -1);
    if (
      value.length < 2 ||
      value[value.length - 1] !== quote ||
      inner.includes(quote) ||
      inner.includes('\\')
    ) {
      return UNSUPPORTED;
    }
    return inner;
  }
  if (INDICATOR.test(value) || value.includes(': ') || value.includes(' #') || value.endsWith(':'))
    return UNSUPPORTED;
  if (!MAYBE_TYPED.test(value)) return value;
  for (const type of IMPLICIT_TYPES) if (type.resolve(value)) return type.construct(value);
  return value;
}

/** The same location scanKeyLines reports for this key. */
function keyLocation(line: number, keyOffset: number, key: string, value: string, text: string): KeyLocation {
  const rawValue = value.trim();
  const valueOffset = rawValue === '' ? keyOffset + key.length + 1 : text.length - value.length;
  return { line, column: keyOffset + 1, valueColumn: valueOffset + 1, rawValue };
}
