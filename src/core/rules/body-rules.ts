import { forEachLine, markdownLineCursor } from '../parse/split-front-matter.js';
import { q } from '../text/quote.js';
import type { Rule } from './rule-context.js';

const SETEXT_UNDERLINE = /^ {0,3}=+[ \t]*$/;
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Lines that can start or end a heading or a code block; every other line is skipped unread. */
const INTERESTING_START = /^ {0,3}[#`~=]/my;

/** The hub's validator rejects headings that end with `:` (its site builds section titles from them). */
export const checkHeadingColons: Rule = ({ doc, sink }) => {
  let openFence: string | undefined;
  const isMarkdownLine = markdownLineCursor(doc.fenceLines);
  // The line before, for a setext underline; kept in numbers, as this runs for every line of the hub.
  let previousLine = 0;
  let previousStart = 0;
  let previousEnd = 0;
  forEachLine(doc.text, (line, start, end) => {
    const beforeStart = previousStart;
    const beforeEnd = previousEnd;
    const followsText = previousLine === line - 1;
    previousLine = line;
    previousStart = start;
    previousEnd = end;
    if (!isMarkdownLine(line)) {
      previousLine = 0;
      return;
    }
    INTERESTING_START.lastIndex = start;
    if (!INTERESTING_START.test(doc.text)) return;
    const text = doc.text.slice(start, end);
    const fence = CODE_FENCE.exec(text)?.[1];
    if (openFence !== undefined) {
      if (fence && fence[0] === openFence[0] && fence.length >= openFence.length) openFence = undefined;
      return;
    }
    if (fence) {
      openFence = fence;
      return;
    }
    const atx = atxHeadingText(text);
    let heading: { line: number; text: string } | undefined;
    if (atx !== undefined) heading = { line, text: atx };
    else if (SETEXT_UNDERLINE.test(text) && followsText) {
      const title = doc.text.slice(beforeStart, beforeEnd).trim();
      if (title !== '') heading = { line: line - 1, text: title };
    }
    if (!heading?.text.endsWith(':')) return;
    sink.report(
      'heading-colon',
      { line: heading.line },
      `The heading ${q(heading.text)} ends with \`:\`, which the hub does not accept.`,
      `Remove the \`:\` at the end: ${q(heading.text.replace(/:+$/, ''))}.`,
    );
  });
};

const SPACE = 32;
const TAB = 9;
const HASH = 35;
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
