import { ruleValue } from './front-matter-values.js';
import { constructPlainScalar } from './pyyaml/construct.js';
import { mayResolve } from './pyyaml/resolve.js';
import type { AssetEntryLayout, FrontMatterLayout, KeyLocation } from './scan-key-lines.js';
import type { SourceLine } from './split-front-matter.js';

/**
 * A fast reader for the plain subset of YAML that hub files use: `key: value` lines, and a list of
 * `key: value` entries under a key. It gives exactly what the PyYAML reader (./pyyaml, YAML 1.1 as
 * the hub reads it) and scanKeyLines give for such text (the tests compare both on every real hub
 * file), and returns undefined for anything else — quotes with escapes, flow collections, comments,
 * anchors, tags, tabs, continuation lines — which then goes to the PyYAML reader. It exists for
 * speed: the PyYAML reader takes about 0.15 ms a file, and validating the whole hub is 3,000 files.
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
 * Tabs, characters PyYAML refuses as non-printable, surrogates, a byte order mark (PyYAML gives it
 * no column) and line breaks other than `\n` (a lone `\r`, U+0085, U+2028, U+2029): left to the
 * PyYAML reader.
 */
const UNSUPPORTED_CHARACTERS = /[\t\x00-\x08\x0B-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF\uD800-\uDFFF]/;
const BLANK = /^ *$/;

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
const OPEN_BRACKET = 91;

/** The value PyYAML makes of a plain scalar, as the rules read it; UNSUPPORTED where it would raise. */
function typedValue(text: string): unknown {
  const first = text.charCodeAt(0);
  // A word that starts like a boolean or null is one only when it is one of theirs: `false` is the longest.
  if (first > 57 && text.length > 5) return text;
  const cacheable = text.length <= 40;
  if (cacheable) {
    const known = typedValues.get(text);
    if (known !== undefined) return known;
  }
  let value: unknown;
  try {
    const constructed = constructPlainScalar(text);
    value = constructed === undefined ? UNSUPPORTED : ruleValue(constructed);
  } catch {
    value = UNSUPPORTED;
  }
  // The same few hundred values (True, dates, versions) recur in every hub; an odd one is not remembered.
  if (cacheable && typedValues.size < 4000) typedValues.set(text, value);
  return value;
}
const typedValues = new Map<string, unknown>();

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
  if (!mayResolve(key)) return key !== '__proto__';
  // The same few dozen keys recur in every file; an unbounded set of odd ones is not remembered.
  let plain = plainKeys.get(key);
  if (plain === undefined) {
    plain = key !== '__proto__' && typeof typedValue(key) === 'string';
    if (plainKeys.size < 1000 && key.length <= 64) plainKeys.set(key, plain);
  }
  return plain;
}

function readScalar(raw: string): unknown {
  // Only spaces end a plain value for PyYAML (tabs and line breaks never get here): a trailing
  // U+3000 or no-break space is part of it.
  let end = raw.length;
  while (end > 0 && raw.charCodeAt(end - 1) === SPACE) end--;
  const value = end === raw.length ? raw : raw.slice(0, end);
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
  if (!mayResolve(value)) return value;
  // Versions and accuracies (`1.8`, `76.18`, `2`): what PyYAML's int and float make of them.
  if (first >= 48 && first <= 57 && PLAIN_DECIMAL.test(value)) return Number(value);
  return typedValue(value);
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
