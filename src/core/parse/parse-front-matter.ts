import { frontMatterData } from './front-matter-values.js';
import { loadPyYaml } from './pyyaml/construct.js';
import { PyDict, type PyValue } from './pyyaml/py-values.js';
import { type Mark, PyYamlError } from './pyyaml/pyyaml-error.js';
import { type FrontMatterLayout, scanKeyLines } from './scan-key-lines.js';
import { parseSimpleFrontMatter } from './simple-front-matter.js';
import type { SourceLine } from './split-front-matter.js';

export type FrontMatterData = Record<string, unknown>;

export type ParseFailure =
  | {
      kind: 'yaml';
      line: number;
      column?: number;
      /** PyYAML's words for the problem (`could not find expected ':'`). */
      reason: string;
      /** PyYAML's words for what it was reading, and the line it started on. */
      context?: { text: string; line: number };
      key?: string;
    }
  /** YAML read a value as a date or number that Python cannot make (`2023-02-30`): the hub fails. */
  | { kind: 'impossible-value'; line: number; column?: number; value: string; reason: string }
  | { kind: 'not-mapping'; line: number; found: 'list' | 'text' }
  | { kind: 'empty'; line: number }
  | { kind: 'unsafe'; line: number; column?: number; reason: string }
  | { kind: 'too-large'; line: number; bytes: number; limit: number };

export interface ParsedFrontMatter {
  data: FrontMatterData;
  layout: FrontMatterLayout;
  /** The lines YAML was given (after `check.py`'s rewrite of `evaluation: -`). */
  yamlLines: readonly SourceLine[];
  /** Read by the fast reader: plain `key: value` lines and a list of plain entries, nothing else. */
  plain: boolean;
  /** Line of a legacy `evaluation: -`, which the hub reads as "no evaluation". */
  evaluationDashLine?: number;
}

export interface ParseLimits {
  maxFrontMatterBytes: number;
  maxDepth: number;
}

/** `check.py` rewrites every line that holds this text: each `-` in it becomes `no`. */
const EVALUATION_DASH = 'evaluation: -';

/**
 * Reads the front matter as the hub does: PyYAML's `yaml.load(..., Loader=yaml.FullLoader)`, YAML
 * 1.1 (see ./pyyaml), after `check.py`'s rewrite of `evaluation: -` lines. Values that are not plain
 * data (binary, sets, tuples), collections shared through an alias, anchors and aliases at all, and
 * deep nesting are refused as unsafe; `!!python/name:` is never resolved.
 */
export function parseFrontMatter(
  lines: readonly SourceLine[],
  firstLine: number,
  limits: ParseLimits,
  /** The same lines as one text (SplitFile.frontMatterText), when nothing before changed them. */
  text?: string,
): { ok: true; value: ParsedFrontMatter } | { ok: false; failure: ParseFailure } {
  const { lines: yamlLines, evaluationDashLine } =
    text !== undefined && !text.includes(EVALUATION_DASH) ? { lines } : replaceEvaluationDash(lines);
  // Measured line by line: the joined text is only needed when js-yaml has to read it. A UTF-16
  // unit is at most 3 bytes in UTF-8, so the exact count is needed only near the limit. The lines
  // as written are their whole text, which is no shorter than them joined (it has their `\r`s too).
  const asWritten = yamlLines === lines && text !== undefined;
  let units = asWritten ? text.length : Math.max(yamlLines.length - 1, 0);
  if (!asWritten)
    for (let index = 0; index < yamlLines.length; index++)
      units += (yamlLines[index] as SourceLine).text.length;
  const bytes = units * 3 <= limits.maxFrontMatterBytes ? units : frontMatterBytes(yamlLines);
  if (bytes > limits.maxFrontMatterBytes) {
    return {
      ok: false,
      failure: { kind: 'too-large', line: firstLine, bytes, limit: limits.maxFrontMatterBytes },
    };
  }

  const simple = parseSimpleFrontMatter(yamlLines, text);
  // Every top-level key it reads is in the layout too: no array of the keys just to count them.
  if (simple && simple.layout.keys.size > 0) {
    const value: ParsedFrontMatter = { data: simple.data, layout: simple.layout, yamlLines, plain: true };
    if (evaluationDashLine !== undefined) value.evaluationDashLine = evaluationDashLine;
    return { ok: true, value };
  }

  // check.py hands PyYAML each line with its line break, the last one too.
  let yamlText = '';
  for (let index = 0; index < yamlLines.length; index++)
    yamlText += `${(yamlLines[index] as SourceLine).text}\n`;
  const notes: { firstAnchorOrAlias?: Mark } = {};
  let value: PyValue;
  try {
    value = loadPyYaml(yamlText, notes);
  } catch (error) {
    if (!(error instanceof PyYamlError)) throw error;
    return {
      ok: false,
      failure: withSecondColonHint(describeLoadError(error, yamlText, yamlLines, firstLine), lines),
    };
  }
  if (notes.firstAnchorOrAlias) {
    const at = sourcePosition(notes.firstAnchorOrAlias, yamlText, yamlLines, firstLine);
    return {
      ok: false,
      failure: { kind: 'unsafe', ...at, reason: 'it uses a YAML anchor (`&`) or alias (`*`)' },
    };
  }
  if (value === null || value === false || value === '' || value === 0n || value === 0)
    return { ok: false, failure: { kind: 'empty', line: firstLine } };
  if (!(value instanceof PyDict)) {
    return {
      ok: false,
      failure: { kind: 'not-mapping', line: firstLine, found: Array.isArray(value) ? 'list' : 'text' },
    };
  }
  if (value.size === 0) return { ok: false, failure: { kind: 'empty', line: firstLine } };
  const data = frontMatterData(value, limits.maxDepth);
  if (!data.ok) return { ok: false, failure: { kind: 'unsafe', line: firstLine, reason: data.reason } };

  const parsed: ParsedFrontMatter = {
    data: data.data,
    layout: scanKeyLines(yamlLines),
    yamlLines,
    plain: false,
  };
  if (evaluationDashLine !== undefined) parsed.evaluationDashLine = evaluationDashLine;
  return { ok: true, value: parsed };
}

/**
 * `check.py` rewrites a line that holds `evaluation: -` by turning each `-` in it into `no`, so the
 * legacy `evaluation: -` reads as `evaluation: no` (false). mshub-review reads it the same way.
 */
export function replaceEvaluationDash(lines: readonly SourceLine[]): {
  lines: readonly SourceLine[];
  evaluationDashLine?: number;
} {
  const first = lines.findIndex((line) => line.text.includes(EVALUATION_DASH));
  if (first === -1) return { lines };
  const replaced = lines.map((line, index) =>
    index >= first && line.text.includes(EVALUATION_DASH)
      ? { line: line.line, text: line.text.replaceAll('-', 'no') }
      : line,
  );
  return { lines: replaced, evaluationDashLine: (lines[first] as SourceLine).line };
}

function frontMatterBytes(lines: readonly SourceLine[]): number {
  let bytes = Math.max(lines.length - 1, 0);
  for (const line of lines) bytes += Buffer.byteLength(line.text, 'utf8');
  return bytes;
}

/**
 * The file's line and column of a PyYAML mark. PyYAML counts a lone `\r` (and U+0085, U+2028,
 * U+2029) as a line break and columns in code points; the file's lines are cut at `\n` only.
 */
function sourcePosition(
  mark: Mark,
  yamlText: string,
  lines: readonly SourceLine[],
  firstLine: number,
): { line: number; column: number } {
  const chars = Array.from(yamlText);
  let index = 0;
  let column = 0;
  for (let at = 0; at < mark.index && at < chars.length; at++) {
    if (chars[at] === '\n') {
      index++;
      column = 0;
    } else column += (chars[at] as string).length;
  }
  return { line: lines[index]?.line ?? firstLine + index, column: column + 1 };
}

/** Where a simple key or a quoted scalar began says more than where PyYAML gave up on it. */
const STARTED_AT_CONTEXT = new Set(['while scanning a simple key', 'while scanning a quoted scalar']);

function describeLoadError(
  error: PyYamlError,
  yamlText: string,
  lines: readonly SourceLine[],
  firstLine: number,
): ParseFailure {
  const startedAt =
    error.context !== undefined &&
    (STARTED_AT_CONTEXT.has(error.context) || /<stream end>|end of stream/.test(error.problem));
  const mark = startedAt && error.contextMark ? error.contextMark : error.mark;
  const at = mark ? sourcePosition(mark, yamlText, lines, firstLine) : { line: firstLine };
  if (error.pythonException === 'unsafe')
    return { kind: 'unsafe', ...at, reason: 'it names Python code in a tag' };
  if (error.pythonException === 'RecursionError')
    return { kind: 'unsafe', ...at, reason: 'it is nested too deeply' };
  if (error.pythonException !== undefined) {
    const line = lines.find((source) => source.line === at.line)?.text ?? '';
    const value = line.slice(line.indexOf(':') + 1).trim();
    return { kind: 'impossible-value', ...at, value, reason: error.problem };
  }
  if (/could not determine a constructor for the tag/.test(error.problem))
    return { kind: 'unsafe', ...at, reason: error.problem };
  const failure: ParseFailure = { kind: 'yaml', ...at, reason: error.problem };
  if (error.context !== undefined && error.contextMark)
    failure.context = {
      text: error.context,
      line: sourcePosition(error.contextMark, yamlText, lines, firstLine).line,
    };
  return failure;
}

const KEY_WITH_COLON_IN_VALUE = /^([A-Za-z0-9_-]+):[ \t]+[^'"\s][^#]*:(?:[ \t]|$)/;

/** `accuracy: top1: 83.7` is the most common YAML error in hub files; name the key so the fix is obvious. */
function withSecondColonHint(failure: ParseFailure, lines: readonly SourceLine[]): ParseFailure {
  if (failure.kind !== 'yaml') return failure;
  const text = lines.find((line) => line.line === failure.line)?.text ?? '';
  const key = KEY_WITH_COLON_IN_VALUE.exec(text)?.[1];
  return key ? { ...failure, key } : failure;
}
