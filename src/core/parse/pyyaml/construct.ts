import { type CompositionNotes, composeSingleDocument, type YamlNode } from './compose.js';
import { isHashable, PyDate, PyDict, PyOpaque, PyTuple, type PyValue } from './py-values.js';
import { type Mark, PyYamlError, pythonRepr } from './pyyaml-error.js';
import { resolveScalarTag } from './resolve.js';

/**
 * PyYAML's FullConstructor (`constructor.py`) for every tag `yaml.FullLoader` knows, with its
 * order of work: a collection is made empty first and filled later, breadth first, as PyYAML's
 * generators do, so the first error raised is the same one. `!!python/name:` would hand out a
 * Python object; it is refused here (the caller reports it as unsafe), never resolved.
 */

const TAG = 'tag:yaml.org,2002:';

/** PyYAML's `yaml.load(text, Loader=yaml.FullLoader)`. Throws PyYamlError where PyYAML raises. */
export function loadPyYaml(text: string, notes?: CompositionNotes): PyValue {
  const node = composeSingleDocument(text, notes);
  if (node === undefined) return null;
  return new Constructor().constructDocument(node);
}

/**
 * What PyYAML makes of a plain scalar written without a tag, for a reader that has already found
 * one: its implicit type resolved and constructed. Throws where PyYAML would (an impossible date).
 * Undefined for the tags no plain value of a hub file should carry (`<<`, `=`).
 */
export function constructPlainScalar(text: string): PyValue | undefined {
  const tag = resolveScalarTag(text, PLAIN);
  switch (tag) {
    case STR_TAG:
      return text;
    case NULL_TAG:
      return null;
    case BOOL_TAG:
      return constructBool(text, NO_MARK);
    case INT_TAG:
      return constructInt(text, NO_MARK);
    case FLOAT_TAG:
      return constructFloat(text, NO_MARK);
    case TIMESTAMP_TAG:
      return constructTimestamp(text, { kind: 'scalar', tag, value: text, start: NO_MARK, end: NO_MARK });
    default:
      return undefined;
  }
}

const PLAIN: [boolean, boolean] = [true, false];
const STR_TAG = `${TAG}str`;
const NULL_TAG = `${TAG}null`;
const BOOL_TAG = `${TAG}bool`;
const INT_TAG = `${TAG}int`;
const FLOAT_TAG = `${TAG}float`;
const TIMESTAMP_TAG = `${TAG}timestamp`;

const NO_MARK: Mark = { index: 0, line: 0, column: 0 };

class Constructor {
  private readonly constructed = new Map<YamlNode, PyValue>();
  private readonly recursive = new Set<YamlNode>();
  private readonly pending: Array<() => void> = [];

  constructDocument(node: YamlNode): PyValue {
    const data = this.constructObject(node);
    for (let index = 0; index < this.pending.length; index++) (this.pending[index] as () => void)();
    return data;
  }

  private constructObject(node: YamlNode): PyValue {
    if (this.constructed.has(node)) return this.constructed.get(node) as PyValue;
    if (this.recursive.has(node))
      throw new PyYamlError(
        'constructor',
        undefined,
        undefined,
        'found unconstructable recursive node',
        node.start,
      );
    this.recursive.add(node);
    const data = this.constructByTag(node);
    this.constructed.set(node, data);
    this.recursive.delete(node);
    return data;
  }

  private constructByTag(node: YamlNode): PyValue {
    const tag = node.tag;
    switch (tag) {
      case `${TAG}null`:
      case `${TAG}python/none`:
        this.constructScalar(node);
        return null;
      case `${TAG}bool`:
      case `${TAG}python/bool`:
        return constructBool(this.constructScalar(node), node.start);
      case `${TAG}int`:
      case `${TAG}python/int`:
      case `${TAG}python/long`:
        return constructInt(this.constructScalar(node), node.start);
      case `${TAG}float`:
      case `${TAG}python/float`:
        return constructFloat(this.constructScalar(node), node.start);
      case `${TAG}binary`:
      case `${TAG}python/bytes`:
        return constructBinary(this.constructScalar(node), node.start);
      case `${TAG}timestamp`:
        return constructTimestamp(this.constructScalar(node), node);
      case `${TAG}str`:
      case `${TAG}python/str`:
      case `${TAG}python/unicode`:
        return this.constructScalar(node);
      case `${TAG}seq`:
      case `${TAG}python/list`: {
        const list: PyValue[] = [];
        this.pending.push(() => list.push(...this.constructSequence(node)));
        return list;
      }
      case `${TAG}map`:
      case `${TAG}python/dict`: {
        const dict = new PyDict();
        this.pending.push(() => this.constructMapping(node, dict));
        return dict;
      }
      case `${TAG}python/tuple`:
        return new PyTuple(this.constructSequence(node));
      case `${TAG}python/complex`:
        return new PyOpaque('complex', [this.constructScalar(node)]);
      case `${TAG}set`: {
        const set = new PyOpaque('set', []);
        this.pending.push(() => {
          const dict = new PyDict();
          this.constructMapping(node, dict);
          set.items.push(...dict.keys);
        });
        return set;
      }
      case `${TAG}omap`:
      case `${TAG}pairs`: {
        const pairs: PyValue[] = [];
        this.pending.push(() =>
          this.constructPairs(node, pairs, tag === `${TAG}omap` ? 'an ordered map' : 'pairs'),
        );
        return pairs;
      }
    }
    if (tag.startsWith(`${TAG}python/name:`))
      throw new PyYamlError(
        'constructor',
        'while constructing a Python object',
        node.start,
        `the tag ${pythonRepr(tag)} names Python code, which is not read here`,
        node.start,
        'unsafe',
      );
    throw new PyYamlError(
      'constructor',
      undefined,
      undefined,
      `could not determine a constructor for the tag ${pythonRepr(tag)}`,
      node.start,
    );
  }

  private constructScalar(node: YamlNode): string {
    if (node.kind === 'mapping') {
      for (const [key, value] of node.value)
        if (key.tag === `${TAG}value`) return this.constructScalar(value);
    }
    if (node.kind !== 'scalar')
      throw new PyYamlError(
        'constructor',
        undefined,
        undefined,
        `expected a scalar node, but found ${node.kind}`,
        node.start,
      );
    return node.value;
  }

  private constructSequence(node: YamlNode): PyValue[] {
    if (node.kind !== 'sequence')
      throw new PyYamlError(
        'constructor',
        undefined,
        undefined,
        `expected a sequence node, but found ${node.kind}`,
        node.start,
      );
    return node.value.map((child) => this.constructObject(child));
  }

  private constructMapping(node: YamlNode, into: PyDict): void {
    if (node.kind === 'mapping') flattenMapping(node);
    if (node.kind !== 'mapping')
      throw new PyYamlError(
        'constructor',
        undefined,
        undefined,
        `expected a mapping node, but found ${node.kind}`,
        node.start,
      );
    for (const [keyNode, valueNode] of node.value) {
      const key = this.constructObject(keyNode);
      if (!isHashable(key))
        throw new PyYamlError(
          'constructor',
          'while constructing a mapping',
          node.start,
          'found unhashable key',
          keyNode.start,
        );
      into.set(key, this.constructObject(valueNode));
    }
  }

  private constructPairs(node: YamlNode, into: PyValue[], what: string): void {
    const context = `while constructing ${what}`;
    if (node.kind !== 'sequence')
      throw new PyYamlError(
        'constructor',
        context,
        node.start,
        `expected a sequence, but found ${node.kind}`,
        node.start,
      );
    for (const sub of node.value) {
      if (sub.kind !== 'mapping')
        throw new PyYamlError(
          'constructor',
          context,
          node.start,
          `expected a mapping of length 1, but found ${sub.kind}`,
          sub.start,
        );
      if (sub.value.length !== 1)
        throw new PyYamlError(
          'constructor',
          context,
          node.start,
          `expected a single mapping item, but found ${sub.value.length} items`,
          sub.start,
        );
      const [keyNode, valueNode] = sub.value[0] as [YamlNode, YamlNode];
      into.push(new PyTuple([this.constructObject(keyNode), this.constructObject(valueNode)]));
    }
  }
}

/** SafeConstructor.flatten_mapping: `<<` merges, which PyYAML applies to the node itself. */
function flattenMapping(node: Extract<YamlNode, { kind: 'mapping' }>): void {
  const merge: Array<[YamlNode, YamlNode]> = [];
  let index = 0;
  while (index < node.value.length) {
    const [keyNode, valueNode] = node.value[index] as [YamlNode, YamlNode];
    if (keyNode.tag === `${TAG}merge`) {
      node.value.splice(index, 1);
      if (valueNode.kind === 'mapping') {
        flattenMapping(valueNode);
        merge.push(...valueNode.value);
      } else if (valueNode.kind === 'sequence') {
        const submerge: Array<Array<[YamlNode, YamlNode]>> = [];
        for (const sub of valueNode.value) {
          if (sub.kind !== 'mapping')
            throw new PyYamlError(
              'constructor',
              'while constructing a mapping',
              node.start,
              `expected a mapping for merging, but found ${sub.kind}`,
              sub.start,
            );
          flattenMapping(sub);
          submerge.push(sub.value);
        }
        submerge.reverse();
        for (const value of submerge) merge.push(...value);
      } else {
        throw new PyYamlError(
          'constructor',
          'while constructing a mapping',
          node.start,
          `expected a mapping or list of mappings for merging, but found ${valueNode.kind}`,
          valueNode.start,
        );
      }
    } else {
      if (keyNode.tag === `${TAG}value`) keyNode.tag = `${TAG}str`;
      index++;
    }
  }
  if (merge.length > 0) node.value = [...merge, ...node.value];
}

function pythonError(exception: string, detail: string, at: Mark): PyYamlError {
  return new PyYamlError('constructor', undefined, undefined, `${exception}: ${detail}`, at, exception);
}

const BOOL_VALUES: Record<string, boolean> = {
  yes: true,
  no: false,
  true: true,
  false: false,
  on: true,
  off: false,
};

function constructBool(value: string, at: Mark): boolean {
  const bool = BOOL_VALUES[value.toLowerCase()];
  if (bool === undefined || !Object.hasOwn(BOOL_VALUES, value.toLowerCase()))
    throw pythonError('KeyError', pythonRepr(value.toLowerCase()), at);
  return bool;
}

/** What Python's `str.strip()` removes: `str.isspace()` characters, which are not JavaScript's. */
const PYTHON_SPACE =
  '[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const PYTHON_STRIP = new RegExp(`^${PYTHON_SPACE}+|${PYTHON_SPACE}+$`, 'g');

function pythonStrip(text: string): string {
  return text.replace(PYTHON_STRIP, '');
}

/** A decimal digit of any script, as Python's `int()` reads it: its place in its run of ten. */
function decimalDigits(text: string): string {
  let out = '';
  for (const char of text) {
    let code = char.codePointAt(0) as number;
    if (code < 128) {
      out += char;
      continue;
    }
    let place = 0;
    while (/\p{Nd}/u.test(String.fromCodePoint(code - 1))) {
      code--;
      place++;
    }
    out += String(place % 10);
  }
  return out;
}

/** Python's `int(text, base)`: surrounding whitespace and, in base 10, any script's digits allowed. */
function pythonInt(text: string, base: number, at: Mark): bigint {
  const trimmed = pythonStrip(text);
  const digits = base === 2 ? '[01]' : base === 8 ? '[0-7]' : base === 16 ? '[0-9a-fA-F]' : '\\p{Nd}';
  if (!new RegExp(`^[-+]?${digits}+$`, 'u').test(trimmed))
    throw pythonError('ValueError', `invalid literal for int() with base ${base}: ${pythonRepr(text)}`, at);
  const negative = trimmed.startsWith('-');
  const body = decimalDigits(trimmed.replace(/^[-+]/, ''));
  const prefix = base === 2 ? '0b' : base === 8 ? '0o' : base === 16 ? '0x' : '';
  const magnitude = BigInt(`${prefix}${body}`);
  return negative ? -magnitude : magnitude;
}

function constructInt(written: string, at: Mark): bigint {
  let value = written.replaceAll('_', '');
  if (value === '') throw pythonError('IndexError', 'string index out of range', at);
  const sign = value[0] === '-' ? -1n : 1n;
  if (value[0] === '+' || value[0] === '-') value = value.slice(1);
  if (value === '0') return 0n;
  if (value.startsWith('0b')) return sign * pythonInt(value.slice(2), 2, at);
  if (value.startsWith('0x')) return sign * pythonInt(value.slice(2), 16, at);
  if (value[0] === '0') return sign * pythonInt(value, 8, at);
  if (value.includes(':')) {
    const parts = value.split(':').map((part) => pythonInt(part, 10, at));
    let total = 0n;
    for (const part of parts) total = total * 60n + part;
    return sign * total;
  }
  return sign * pythonInt(value, 10, at);
}

const PYTHON_FLOAT = /^[-+]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|inf|infinity|nan)$/i;

/** Python's `float(text)`. */
function pythonFloat(text: string, at: Mark): number {
  const trimmed = pythonStrip(text);
  if (!PYTHON_FLOAT.test(trimmed))
    throw pythonError('ValueError', `could not convert string to float: ${pythonRepr(text)}`, at);
  const lower = trimmed.toLowerCase().replace(/^\+/, '');
  if (lower === 'inf' || lower === 'infinity') return Number.POSITIVE_INFINITY;
  if (lower === '-inf' || lower === '-infinity') return Number.NEGATIVE_INFINITY;
  if (lower.endsWith('nan')) return Number.NaN;
  return Number(lower);
}

function constructFloat(written: string, at: Mark): number {
  let value = written.replaceAll('_', '').toLowerCase();
  if (value === '') throw pythonError('IndexError', 'string index out of range', at);
  const sign = value[0] === '-' ? -1 : 1;
  if (value[0] === '+' || value[0] === '-') value = value.slice(1);
  if (value === '.inf') return sign * Number.POSITIVE_INFINITY;
  if (value === '.nan') return Number.NaN;
  if (value.includes(':')) {
    let total = 0;
    for (const part of value.split(':')) total = total * 60 + pythonFloat(part, at);
    return sign * total;
  }
  return sign * pythonFloat(value, at);
}

function constructBinary(value: string, at: Mark): Uint8Array {
  const chars = Array.from(value);
  const first = chars.findIndex((char) => (char.codePointAt(0) as number) > 0x7f);
  if (first !== -1) {
    let end = first;
    while (end < chars.length && (chars[end]?.codePointAt(0) as number) > 0x7f) end++;
    const code = chars[first]?.codePointAt(0) as number;
    const escaped =
      code <= 0xff
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : code <= 0xffff
          ? `\\u${code.toString(16).padStart(4, '0')}`
          : `\\U${code.toString(16).padStart(8, '0')}`;
    const what =
      end - first === 1
        ? `character '${escaped}' in position ${first}`
        : `characters in position ${first}-${end - 1}`;
    throw new PyYamlError(
      'constructor',
      undefined,
      undefined,
      `failed to convert base64 data into ascii: 'ascii' codec can't encode ${what}: ordinal not in range(128)`,
      at,
    );
  }
  const decoded = decodeBase64LikePython(value);
  if (typeof decoded === 'string')
    throw new PyYamlError(
      'constructor',
      undefined,
      undefined,
      `failed to decode base64 data: ${decoded}`,
      at,
    );
  return decoded;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** CPython's `binascii.a2b_base64` (not strict): the bytes, or the error's text. */
function decodeBase64LikePython(text: string): Uint8Array | string {
  const out: number[] = [];
  let quadPosition = 0;
  let leftChar = 0;
  let pads = 0;
  let dataCharacters = 0;
  for (const char of text) {
    if (char === '=') {
      pads++;
      if (quadPosition >= 2 && quadPosition + pads >= 4) return Uint8Array.from(out);
      continue;
    }
    const value = BASE64_ALPHABET.indexOf(char);
    if (value === -1) continue;
    dataCharacters++;
    pads = 0;
    switch (quadPosition) {
      case 0:
        quadPosition = 1;
        leftChar = value;
        break;
      case 1:
        quadPosition = 2;
        out.push((leftChar << 2) | (value >> 4));
        leftChar = value & 0x0f;
        break;
      case 2:
        quadPosition = 3;
        out.push((leftChar << 4) | (value >> 2));
        leftChar = value & 0x03;
        break;
      default:
        quadPosition = 0;
        out.push((leftChar << 6) | value);
        leftChar = 0;
    }
  }
  if (quadPosition === 1)
    return `Invalid base64-encoded string: number of data characters (${dataCharacters}) cannot be 1 more than a multiple of 4`;
  if (quadPosition !== 0) return 'Incorrect padding';
  return Uint8Array.from(out);
}

const TIMESTAMP_PARTS =
  /^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$/;

function constructTimestamp(value: string, node: YamlNode): PyDate {
  const match = TIMESTAMP_PARTS.exec(node.kind === 'scalar' ? node.value : value);
  if (!match)
    throw pythonError('AttributeError', "'NoneType' object has no attribute 'groupdict'", node.start);
  const [, y, mo, d, h, mi, s, fraction, tz, tzSign, tzHour, tzMinute] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  checkDate(year, month, day, node.start);
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (!h) return new PyDate(date, value, false);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (hour > 23) throw pythonError('ValueError', 'hour must be in 0..23', node.start);
  if (minute > 59) throw pythonError('ValueError', 'minute must be in 0..59', node.start);
  if (second > 59) throw pythonError('ValueError', 'second must be in 0..59', node.start);
  let text = `${date} ${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}`;
  if (fraction) {
    const micro = Number(fraction.slice(0, 6).padEnd(6, '0'));
    if (micro) text += `.${pad(micro, 6)}`;
  }
  if (tzSign) {
    const minutes = Number(tzHour) * 60 + Number(tzMinute ?? 0);
    if (minutes >= 24 * 60)
      throw pythonError(
        'ValueError',
        'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)',
        node.start,
      );
    const sign = tzSign === '-' && minutes > 0 ? '-' : '+';
    text += `${sign}${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
  } else if (tz) {
    text += '+00:00';
  }
  return new PyDate(text, value, true);
}

function checkDate(year: number, month: number, day: number, at: Mark): void {
  if (year < 1) throw pythonError('ValueError', `year ${year} is out of range`, at);
  if (month < 1 || month > 12) throw pythonError('ValueError', 'month must be in 1..12', at);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  if (day < 1 || day > days) throw pythonError('ValueError', 'day is out of range for month', at);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
