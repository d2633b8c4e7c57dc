import { forEachLine, isMarkdownLine } from '../parse/split-front-matter.js';
import { q } from '../text/quote.js';
import type { Rule } from './rule-context.js';

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}=+[ \t]*$/;
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Lines that can start or end a heading or a code block; every other line is skipped unread. */
const INTERESTING_START = /^ {0,3}[#`~=]/my;

/** The hub's validator rejects headings that end with `:` (its site builds section titles from them). */
export const checkHeadingColons: Rule = ({ doc, sink }) => {
  let openFence: string | undefined;
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
    if (!isMarkdownLine(line, doc.fenceLines)) {
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
    const atx = ATX_HEADING.exec(text);
    let heading: { line: number; text: string } | undefined;
    if (atx) heading = { line, text: (atx[2] ?? '').trim() };
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
