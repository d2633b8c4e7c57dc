import { msg } from '../messages/format-message.js';
import { lineNumberCursor, markdownLineCursor } from '../parse/split-front-matter.js';
import { q } from '../text/quote.js';
import type { Rule } from './rule-context.js';

const SETEXT_UNDERLINE = /^ {0,3}=+[ \t]*$/;
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;
/**
 * Lines that can start or end a heading or a code block; every other line is skipped unread. A
 * line starts after `\n` (or at the start of the text, checked apart): a pattern that begins with
 * `\n` lets the engine skip to each line break, where `^` in multiline mode tries every position.
 */
const INTERESTING_START = /\n {0,3}[#`~=]/g;
const FIRST_LINE_INTERESTING = /^ {0,3}[#`~=]/;
const CARRIAGE_RETURN = 13;

/**
 * The hub's validator rejects headings that end with `:` (its site builds section titles from them).
 * Headings and code blocks are found in the file read one character a byte (their marks are ASCII);
 * a heading with a `:` in it is decoded, and its text judged as written.
 */
export const checkHeadingColons: Rule = ({ doc, sink }) => {
  const { file } = doc;
  const text = file.text;
  let openFence: string | undefined;
  const isMarkdownLine = markdownLineCursor(doc.fenceStarts);
  const lineAt = lineNumberCursor(text);
  // Lines are found by their start; a line's number is counted only for a finding.
  INTERESTING_START.lastIndex = 0;
  let start = FIRST_LINE_INTERESTING.test(text) ? 0 : nextInterestingLine(text);
  for (; start !== -1; start = nextInterestingLine(text)) {
    const previousStart = start === 0 ? -1 : text.lastIndexOf('\n', start - 2) + 1;
    const followsText = previousStart !== -1 && isMarkdownLine(previousStart);
    if (!isMarkdownLine(start)) continue;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    INTERESTING_START.lastIndex = end;
    if (end > start && text.charCodeAt(end - 1) === CARRIAGE_RETURN) end--;
    const lineText = text.slice(start, end);
    const fence = CODE_FENCE.exec(lineText)?.[1];
    if (openFence !== undefined) {
      if (fence && fence[0] === openFence[0] && fence.length >= openFence.length) openFence = undefined;
      continue;
    }
    if (fence) {
      openFence = fence;
      continue;
    }
    let heading: { start: number; text: string; written: string } | undefined;
    if (atxHeadingText(lineText) !== undefined) {
      if (!lineText.includes(':')) continue;
      const written = file.decode(start, end);
      heading = { start, text: atxHeadingText(written) ?? '', written };
    } else if (followsText && SETEXT_UNDERLINE.test(lineText)) {
      // Within the title line only: a search on from it could cross the file for every heading.
      if (!text.slice(previousStart, start).includes(':')) continue;
      const written = file.decode(previousStart, start - 1).replace(/\r$/, '');
      heading = { start: previousStart, text: written.trim(), written };
    }
    if (!heading?.text.endsWith(':')) continue;
    const line = lineAt(heading.start);
    const fixed = withoutTrailingColon(heading.written);
    sink.report(
      'heading-colon',
      { line },
      msg('heading-colon.message', { heading: q(heading.text) }),
      msg('heading-colon.fix', { heading: q(heading.text.replace(/:+$/, '')) }),
      fixed === undefined ? undefined : [{ line, text: fixed }],
    );
  }
};

/**
 * Where the next line that can start or end a heading or a code block begins (searching from
 * INTERESTING_START.lastIndex), or -1. `test`, not `exec`: no match array for each such line.
 */
function nextInterestingLine(text: string): number {
  if (!INTERESTING_START.test(text)) return -1;
  // The match is a `\n`, up to three spaces and a marker: the line starts after that `\n`.
  return text.lastIndexOf('\n', INTERESTING_START.lastIndex - 1) + 1;
}

/**
 * The heading line without the `:` its text ends with, a closing run of `#` and spaces kept. A
 * scan from the end: a pattern with a lookahead would rescan a line of colons from every one.
 */
function withoutTrailingColon(written: string): string | undefined {
  let end = written.length;
  while (end > 0 && isBlank(written.charCodeAt(end - 1))) end--;
  let contentEnd = end;
  let closing = end;
  while (closing > 0 && written.charCodeAt(closing - 1) === HASH) closing--;
  if (closing < end && closing > 0 && isBlank(written.charCodeAt(closing - 1))) {
    contentEnd = closing;
    while (contentEnd > 0 && isBlank(written.charCodeAt(contentEnd - 1))) contentEnd--;
  }
  let colons = contentEnd;
  while (colons > 0 && written.charCodeAt(colons - 1) === COLON) colons--;
  if (colons === contentEnd) return undefined;
  return `${written.slice(0, colons)}${written.slice(contentEnd)}`;
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const COLON = 58;
const isBlank = (code: number) => code === SPACE || code === TAB;

/**
 * The text of an ATX heading (`## Title ##` gives `Title`), or undefined when the line is none.
 * A scan, not a regular expression: the obvious pattern backtracks for minutes on one long line of
 * spaces, and every line of a pull request's file passes through here.
 */
export function atxHeadingText(line: string): string | undefined {
  let at = 0;
  while (at < 3 && line.charCodeAt(at) === SPACE) at++;
  const hashesStart = at;
  while (line.charCodeAt(at) === HASH) at++;
  const level = at - hashesStart;
  if (level < 1 || level > 6) return undefined;
  if (at < line.length && !isBlank(line.charCodeAt(at))) return undefined;
  let end = line.length;
  while (end > at && isBlank(line.charCodeAt(end - 1))) end--;
  let closing = end;
  while (closing > at && line.charCodeAt(closing - 1) === HASH) closing--;
  // A closing run of `#` counts only after a space (`# C#` keeps its `#`), or when it is all there is.
  if (closing === at || isBlank(line.charCodeAt(closing - 1))) end = closing;
  return line.slice(at, end).trim();
}
