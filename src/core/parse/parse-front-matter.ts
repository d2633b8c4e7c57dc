import yaml from 'js-yaml';
import { type FrontMatterLayout, scanKeyLines } from './scan-key-lines.js';
import { parseSimpleFrontMatter } from './simple-front-matter.js';
import type { SourceLine } from './split-front-matter.js';

export type FrontMatterData = Record<string, unknown>;

export type ParseFailure =
  | { kind: 'yaml'; line: number; column?: number; reason: string; key?: string }
  | { kind: 'not-mapping'; line: number; found: 'list' | 'text' }
  | { kind: 'empty'; line: number }
  | { kind: 'unsafe'; line: number; column?: number; reason: string }
  | { kind: 'too-large'; line: number; bytes: number; limit: number };

export interface ParsedFrontMatter {
  data: FrontMatterData;
  layout: FrontMatterLayout;
  /** Line of a legacy `evaluation: -`, which the hub reads as "no evaluation". */
  evaluationDashLine?: number;
}

export interface ParseLimits {
  maxFrontMatterBytes: number;
  maxDepth: number;
}

const EVALUATION_DASH = /^evaluation:[ \t]*-[ \t]*$/;
/**
 * The same line anywhere in the front matter as written, `\r\n` or `\n` after it; found from the
 * `\n` before it (the first line apart), which lets the engine skip from line break to line break.
 */
const ANY_EVALUATION_DASH = /\nevaluation:[ \t]*-[ \t]*\r?(?:\n|$)/;
const FIRST_LINE_EVALUATION_DASH = /^evaluation:[ \t]*-[ \t]*\r?(?:\n|$)/;

/**
 * Reads the front matter with js-yaml's CORE schema only: no JavaScript types, no timestamps (dates
 * stay text), no merge keys. Unknown tags are refused by the parser; anchors shared between
 * collections (the shape of an alias bomb) and deep nesting are refused here.
 */
export function parseFrontMatter(
  lines: readonly SourceLine[],
  firstLine: number,
  limits: ParseLimits,
  /** The same lines as one text (SplitFile.frontMatterText), when nothing before changed them. */
  text?: string,
): { ok: true; value: ParsedFrontMatter } | { ok: false; failure: ParseFailure } {
  const { lines: yamlLines, evaluationDashLine } =
    text !== undefined && !FIRST_LINE_EVALUATION_DASH.test(text) && !ANY_EVALUATION_DASH.test(text)
      ? { lines }
      : replaceEvaluationDash(lines);
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
    const value: ParsedFrontMatter = simple;
    if (evaluationDashLine !== undefined) value.evaluationDashLine = evaluationDashLine;
    return { ok: true, value };
  }

  const yamlText = yamlLines.map((line) => line.text).join('\n');
  let data: unknown;
  try {
    // json: a key written twice keeps its last value, as the hub's PyYAML does (the duplicate-key rule says so).
    data = yaml.load(yamlText, { schema: yaml.CORE_SCHEMA, filename: 'front matter', json: true });
  } catch (error) {
    return { ok: false, failure: withSecondColonHint(describeLoadError(error, firstLine), lines) };
  }

  if (data === null || data === undefined) return { ok: false, failure: { kind: 'empty', line: firstLine } };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      failure: { kind: 'not-mapping', line: firstLine, found: Array.isArray(data) ? 'list' : 'text' },
    };
  }
  const shape = checkShape(data, limits.maxDepth);
  if (shape) return { ok: false, failure: { kind: 'unsafe', line: firstLine, reason: shape } };

  const value: ParsedFrontMatter = { data: data as FrontMatterData, layout: scanKeyLines(yamlLines) };
  if (evaluationDashLine !== undefined) value.evaluationDashLine = evaluationDashLine;
  return { ok: true, value };
}

/** The hub reads the legacy `evaluation: -` as "no evaluation"; so does mshub-review (with a warning). */
export function replaceEvaluationDash(lines: readonly SourceLine[]): {
  lines: readonly SourceLine[];
  evaluationDashLine?: number;
} {
  const first = lines.findIndex((line) => EVALUATION_DASH.test(line.text));
  if (first === -1) return { lines };
  const replaced = lines.map((line, index) =>
    index >= first && EVALUATION_DASH.test(line.text) ? { line: line.line, text: 'evaluation:' } : line,
  );
  return { lines: replaced, evaluationDashLine: (lines[first] as SourceLine).line };
}

function frontMatterBytes(lines: readonly SourceLine[]): number {
  let bytes = Math.max(lines.length - 1, 0);
  for (const line of lines) bytes += Buffer.byteLength(line.text, 'utf8');
  return bytes;
}

function describeLoadError(error: unknown, firstLine: number): ParseFailure {
  if (error instanceof yaml.YAMLException) {
    const line = firstLine + (error.mark?.line ?? 0);
    const column = (error.mark?.column ?? 0) + 1;
    const reason = error.reason || 'the YAML could not be read';
    if (/unknown tag|unresolved tag/i.test(reason)) return { kind: 'unsafe', line, column, reason };
    return { kind: 'yaml', line, column, reason };
  }
  if (error instanceof RangeError)
    return { kind: 'unsafe', line: firstLine, reason: 'it is nested too deeply' };
  return { kind: 'yaml', line: firstLine, reason: 'the YAML could not be read' };
}

const KEY_WITH_COLON_IN_VALUE = /^([A-Za-z0-9_-]+):[ \t]+[^'"\s][^#]*:(?:[ \t]|$)/;

/** `accuracy: top1: 83.7` is the most common YAML error in hub files; name the key so the fix is obvious. */
function withSecondColonHint(failure: ParseFailure, lines: readonly SourceLine[]): ParseFailure {
  if (failure.kind !== 'yaml') return failure;
  const text = lines.find((line) => line.line === failure.line)?.text ?? '';
  const key = KEY_WITH_COLON_IN_VALUE.exec(text)?.[1];
  return key ? { ...failure, key } : failure;
}

/** Walks the parsed value once; returns why it is refused, or undefined when it is plain data. */
function checkShape(root: object, maxDepth: number): string | undefined {
  const seen = new Set<object>();
  const stack: Array<{ value: object; depth: number }> = [{ value: root, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: object; depth: number };
    if (seen.has(value)) return 'it reuses a collection through a YAML anchor and alias';
    seen.add(value);
    if (depth > maxDepth) return `it is nested more than ${maxDepth} levels deep`;
    for (const child of Object.values(value)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
    }
  }
  return undefined;
}
