import { msg } from '../messages/format-message.js';
import { q } from '../text/quote.js';
import type { Rule } from './rule-context.js';

/**
 * The hub's validator rejects headings that end with `:` (its site builds section titles from
 * them). Headings are the ones mistune 0.8.4, the hub's markdown reader, finds (see
 * hub/colon-headings.ts): `#Usage:` without a space and a setext `Usage:` over `===` count, a line
 * in fenced code does not. Each is reported on its line, with the line written without the colon.
 */
export const checkHeadingColons: Rule = ({ doc, sink }) => {
  for (const heading of doc.colonHeadings) {
    const shown = heading.text.trim();
    const fixed = heading.written === undefined ? undefined : withoutTrailingColon(heading.written);
    sink.report(
      'heading-colon',
      heading.line === undefined ? undefined : { line: heading.line },
      msg('heading-colon.message', { heading: q(shown) }),
      msg('heading-colon.fix', { heading: q(shown.replace(/:+$/, '')) }),
      fixed === undefined || heading.line === undefined ? undefined : [{ line: heading.line, text: fixed }],
    );
  }
};

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
