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
  /** The lines as one text as written, when only `evaluation: -` lines may differ (they become `evaluation:`). */
  wholeText?: string,
): { data: Record<string, unknown>; layout: FrontMatterLayout } | undefined {
  // One search of the whole text instead of one per line; `\r\n` line ends send it line by line.
  const checkEachLine = wholeText === undefined || UNSUPPORTED_CHARACTERS.test(wholeText);
  const data: Record<string, unknown> = {};
  const layout: FrontMatterLayout = { keys: new Map(), assetEntries: [], duplicates: [] };
  let listKey: string | undefined;
  let list: Array<Record<string, unknown> | null> | undefined;
  let dashIndent = -1;
  let item: Record<string, unknown> | undefined;
  let itemLayout: AssetEntryLayout | undefined;
  let itemKeyIndent = -1;

  // Indexed, not for-of: this loop runs on every line of every file, mostly before it is optimized,
  // where for-of steps through the iterator protocol.
  for (let index = 0; index < lines.length; index++) {
    const { line, text } = lines[index] as SourceLine;
    if (checkEachLine && UNSUPPORTED_CHARACTERS.test(text)) return undefined;
    const first = text.charCodeAt(0);
    // A line that starts with a printable ASCII character other than a space is not blank.
    if (Number.isNaN(first) || ((first <= SPACE || first > 126) && BLANK.test(text))) continue;

    if (first !== SPACE && first !== DASH) {
      const split = splitKeyLine(text, 0);
      if (!split) return undefined;
      const { key, value } = split;
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

    let indent = 0;
    while (text.charCodeAt(indent) === SPACE) indent++;
    if (
      text.charCodeAt(indent) === DASH &&
      listKey !== undefined &&
      (list === undefined || indent === dashIndent)
    ) {
      let restStart = indent + 1;
      while (text.charCodeAt(restStart) === SPACE) restStart++;
      // `-` followed by neither a space nor the end is a scalar such as `-1`, not an entry.
      if (restStart === indent + 1 && restStart < text.length) return undefined;
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
      if (restStart === text.length) continue;
      item = {};
      list[list.length - 1] = item;
      itemKeyIndent = restStart;
      if (!addItemKey(item, itemLayout, line, restStart, text)) return undefined;
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
    if (!addItemKey(item, itemLayout, line, indent, text)) return undefined;
  }
  return { data, layout };
}

const SPACE = 32;
const DASH = 45;
const UNSUPPORTED = Symbol('unsupported');
/**
 * Tabs, characters js-yaml refuses as non-printable, surrogates, and line breaks other than `\n`
 * (a lone `\r`, U+2028, U+2029): left to js-yaml.
 */
const UNSUPPORTED_CHARACTERS =
  /[\t\x00-\x08\x0B-\x1F\x7F-\x84\x86-\x9F\u2028\u2029\uFFFE\uFFFF\uD800-\uDFFF]/;
const BLANK = /^\s*$/;

/** A key in the characters hub keys use, its colon, and every space after it (or the line's end). */
const KEY_AT = /[A-Za-z0-9_][A-Za-z0-9_.-]*:(?: +|$)/y;

/**
 * `key: value` (or `key:`) starting at `start`; undefined for anything else. A sticky regular
 * expression, not a loop over the characters: this runs on every line of every file, mostly before
 * the optimizing compiler has seen it, where one native match costs less than a dozen comparisons.
 */
function splitKeyLine(text: string, start: number): { key: string; value: string } | undefined {
  KEY_AT.lastIndex = start;
  // test, not exec: no match array for every line; the key ends at the first colon.
  if (!KEY_AT.test(text)) return undefined;
  return { key: text.slice(start, text.indexOf(':', start)), value: text.slice(KEY_AT.lastIndex) };
}
/** A value that starts with an indicator, or holds `: ` or ` #`, or ends with `:`: more than plain text. */
const NOT_PLAIN = /^[-?:,[\]{}#&*!|>'"%@`]|: | #|:$/;
// The CORE schema's implicit types, in js-yaml's order (its typings do not declare `types`).
const { types } = yaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float', yaml.Type> };
const IMPLICIT_TYPES = [types.null, types.bool, types.int, types.float];
/**
 * Only text that is empty or starts with one of `-+.~0-9nNtTfF` can be null, a boolean or a number;
 * the rest is a string as is. By the first character's code: a pattern would be two tests a line.
 */
function maybeTyped(text: string): boolean {
  if (text.length === 0) return true;
  const code = text.charCodeAt(0);
  return (code >= 48 && code <= 57) || TYPED_STARTS.has(code);
}
const TYPED_STARTS = new Set([...'-+.~nNtTfF'].map((char) => char.charCodeAt(0)));
const OPEN_BRACKET = 91;

function implicitlyTyped(text: string): boolean {
  return maybeTyped(text) && IMPLICIT_TYPES.some((type) => type.resolve(text));
}

function addItemKey(
  item: Record<string, unknown>,
  itemLayout: AssetEntryLayout | undefined,
  line: number,
  offset: number,
  text: string,
): boolean {
  const split = splitKeyLine(text, offset);
  if (!split) return false;
  const { key, value } = split;
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
  if (!maybeTyped(key)) return key !== '__proto__';
  // The same few dozen keys recur in every file; an unbounded set of odd ones is not remembered.
  let plain = plainKeys.get(key);
  if (plain === undefined) {
    plain = key !== '__proto__' && !implicitlyTyped(key);
    if (plainKeys.size < 1000 && key.length <= 64) plainKeys.set(key, plain);
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
  // `input-shape: [224, 224, 3]`: the one flow collection hub files use, a list of plain numbers.
  const first = value.charCodeAt(0);
  if (first === OPEN_BRACKET && NUMBER_LIST.test(value)) return value.slice(1, -1).split(',').map(Number);
  if (NOT_PLAIN.test(value)) return UNSUPPORTED;
  if (!maybeTyped(value)) return value;
  // Versions and accuracies (`1.8`, `76.18`, `2`): what js-yaml's int and float types make of them.
  if (first >= 48 && first <= 57 && PLAIN_DECIMAL.test(value)) return Number(value);
  for (const type of IMPLICIT_TYPES) if (type.resolve(value)) return type.construct(value);
  return value;
}

const NUMBER_LIST = /^\[ *(?:0|[1-9][0-9]{0,14})(?: *, *(?:0|[1-9][0-9]{0,14}))* *\]$/;

/** Digits without a leading zero, signs, `_` or exponent, with at most one `.`: a number as written. */
const PLAIN_DECIMAL = /^(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?$/;

/** The same location scanKeyLines reports for this key. */
function keyLocation(line: number, keyOffset: number, key: string, value: string, text: string): KeyLocation {
  const rawValue = value.trim();
  const valueOffset = rawValue === '' ? keyOffset + key.length + 1 : text.length - value.length;
  return { line, column: keyOffset + 1, valueColumn: valueOffset + 1, rawValue };
}
