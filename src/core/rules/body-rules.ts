import { q } from '../text/quote.js';
import type { Rule } from './rule-context.js';

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}=+[ \t]*$/;
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The hub's validator rejects headings that end with `:` (its site builds section titles from them). */
export const checkHeadingColons: Rule = ({ doc, sink }) => {
  let openFence: string | undefined;
  let previous: { line: number; text: string } | undefined;
  for (const line of doc.body) {
    const fence = CODE_FENCE.exec(line.text);
    if (openFence !== undefined) {
      if (fence?.[1] && fence[1][0] === openFence[0] && fence[1].length >= openFence.length) openFence = undefined;
      previous = undefined;
      continue;
    }
    if (fence?.[1]) {
      openFence = fence[1];
      previous = undefined;
      continue;
    }
    const atx = ATX_HEADING.exec(line.text);
    const headingText = atx
      ? (atx[2] ?? '').trim()
      : SETEXT_UNDERLINE.test(line.text) && previous && previous.text.trim() !== ''
        ? previous.text.trim()
        : undefined;
    if (headingText?.endsWith(':')) {
      const at = atx ? line.line : (previous?.line ?? line.line);
      sink.report(
        'heading-colon',
        { line: at },
        `The heading ${q(headingText)} ends with \`:\`, which the hub does not accept.`,
        `Remove the \`:\` at the end: ${q(headingText.replace(/:+$/, ''))}.`,
      );
    }
    previous = line;
  }
};
