import type { Finding, LineEdit } from '../findings.js';

interface TextLine {
  text: string;
  /** `\n`, `\r\n`, or nothing on the last line. */
  ending: string;
}

function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const crlf = end > start && text.charCodeAt(end - 1) === 13;
    lines.push({
      text: text.slice(start, crlf ? end - 1 : end),
      ending: newline === -1 ? '' : crlf ? '\r\n' : '\n',
    });
    start = end + 1;
  }
  return lines;
}

/** An edit the file can take: a line it has, and lines separated by `\n` only. */
function isApplicable(edit: LineEdit, lineCount: number): boolean {
  return (
    Number.isInteger(edit.line) &&
    edit.line >= 1 &&
    edit.line <= lineCount &&
    (edit.text === null || !edit.text.includes('\r'))
  );
}

/**
 * Applies the edits of each finding, all of a finding's or none: a finding whose lines another
 * finding already changed differently waits for the next pass (it is re-read from the new text).
 * Lines keep their own line breaks; untouched lines stay byte for byte.
 */
export function applyFindingEdits(
  text: string,
  findings: readonly Finding[],
): { text: string; applied: Finding[] } {
  const lines = splitLines(text);
  const planned = new Map<number, string | null>();
  const applied: Finding[] = [];
  for (const finding of findings) {
    const edits = finding.edits ?? [];
    if (edits.length === 0 || !edits.every((edit) => isApplicable(edit, lines.length))) continue;
    const conflicts = edits.some((edit) => planned.has(edit.line) && planned.get(edit.line) !== edit.text);
    if (conflicts) continue;
    for (const edit of edits) planned.set(edit.line, edit.text);
    applied.push(finding);
  }
  if (applied.length === 0) return { text, applied };
  // A line an edit adds takes the break of the line it is added to (of the file, after the last line).
  const fileBreak = lines.find((line) => line.ending !== '')?.ending ?? '\n';
  let result = '';
  lines.forEach((line, index) => {
    const edit = planned.get(index + 1);
    if (edit === null) return;
    result += `${edit === undefined ? line.text : edit.replaceAll('\n', line.ending || fileBreak)}${line.ending}`;
  });
  return { text: result, applied };
}
