import type { LineEdit } from '../findings.js';
import type { SourceLine } from './split-front-matter.js';

export type LeftoverKind = 'marker' | 'help-line' | 'assets-heading' | 'ellipsis';

/** Parts of the hub's template (`mshub_res/examples/commit_example.md`) left in a submission. */
export interface TemplateLeftovers {
  kinds: ReadonlySet<LeftoverKind>;
  /** The front matter with them taken out: `## assets` becomes `asset:`, markers and help lines go. */
  corrected: readonly SourceLine[];
  /** The same, as changes to the file's lines, one per line that holds a leftover. */
  edits: LineEdit[];
}

/** No whitespace before it in the pattern: `[ \\t]*<` unanchored rescans a line of spaces from every position. */
const MARKER = /<(?:required|optional)>/i;
const MARKERS = /<(?:required|optional)>/gi;
const MAYBE_LEFTOVER = /^[ \t]*[>#.-]|</;
/**
 * Whether any line of a text could hold a leftover: a line that trims to `>...` or `#...`, a
 * `...`, a marker. More than the lines above match; no line they match escapes it. A line is
 * found from the `\n` before it (the first line apart), which lets the engine skip to line breaks;
 * the spaces after it stop at the next `\n`, so a run of blank lines is not rescanned.
 */
const ANY_LEFTOVER = /\n[^\S\n]*[>#]|\.\.\.|<(?:required|optional)>/i;
const FIRST_LINE_LEFTOVER = /^[^\S\n]*[>#]/;

const NO_KINDS: ReadonlySet<LeftoverKind> = new Set();

/** Finds what the template puts in the front matter that a submission must not keep. */
export function findTemplateLeftovers(
  lines: readonly SourceLine[],
  /** The same lines as one text (SplitFile.frontMatterText), when no slip changed them. */
  text?: string,
): TemplateLeftovers {
  if (text !== undefined && !FIRST_LINE_LEFTOVER.test(text) && !ANY_LEFTOVER.test(text))
    return { kinds: NO_KINDS, corrected: lines, edits: [] };
  const kinds = new Set<LeftoverKind>();
  const edits: LineEdit[] = [];
  let corrected: SourceLine[] | undefined;
  for (let index = 0; index < lines.length; index++) {
    const source = lines[index] as SourceLine;
    // Most lines hold none of `>`, `#`, `.` or `<`: one test, and they are left alone.
    if (!MAYBE_LEFTOVER.test(source.text)) continue;
    const trimmed = source.text.trim();
    let kind: LeftoverKind | undefined;
    let text = source.text;
    if (trimmed.startsWith('>')) {
      kind = 'help-line';
      text = '';
    } else if (/^#{1,6}[ \t]+assets?$/i.test(trimmed)) {
      kind = 'assets-heading';
      text = 'asset:';
    } else if (trimmed === '...' || trimmed === '- ...') {
      kind = 'ellipsis';
      text = '';
    } else if (MARKER.test(source.text)) {
      kind = 'marker';
      text = source.text.replace(MARKERS, '').trimEnd();
    }
    if (!kind) continue;
    kinds.add(kind);
    // A line left blank is removed from the file; YAML reads both the same.
    edits.push({ line: source.line, text: text === '' ? null : text });
    corrected ??= [...lines];
    corrected[index] = { line: source.line, text };
  }
  return { kinds, corrected: corrected ?? lines, edits };
}

/** `3, 5, 11-27, 61`: consecutive line numbers as ranges. */
export function lineRanges(lines: readonly number[]): string {
  const ranges: string[] = [];
  let start = lines[0];
  let previous = start;
  for (const line of [...lines.slice(1), undefined]) {
    if (line !== undefined && previous !== undefined && line === previous + 1) {
      previous = line;
      continue;
    }
    if (start !== undefined) ranges.push(start === previous ? `${start}` : `${start}-${previous}`);
    start = line;
    previous = line;
  }
  return ranges.join(', ');
}
