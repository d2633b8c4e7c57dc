import type { HubLine } from './hub-reading.js';
import { mistuneHeadings, mistunePreprocessing } from './mistune-headings.js';

/** A heading mistune finds whose text ends in `:`, which the hub's check refuses. */
export interface ColonHeading {
  /** The heading's text as mistune gives it (tabs expanded). */
  text: string;
  /** The line it is written on (a setext heading: its title line), when it could be found. */
  line?: number;
  /** That line as written. */
  written?: string;
}

/** Whether a line's text, after spaces, tabs, `>` and list bullets, starts with `#`. */
const ATX_LIKE = /^[ \t>*+\-0-9.]*#/;
const UNDERLINE = /^[ \t>]*[=-]+[ \t]*$/;

/**
 * The headings of the markdown that end in `:`, as mistune 0.8.4 (the hub's markdown reader) finds
 * them, each placed on the line it is written on: the first line after the heading before that
 * holds its text and looks like a heading (a `#`, or an underline below it).
 */
export function colonHeadings(markdown: string, lines: () => readonly HubLine[]): ColonHeading[] {
  const found = mistuneHeadings(markdown).filter((text) => text.endsWith(':'));
  if (found.length === 0) return [];
  const all = lines();
  // mistune yields headings in the order they are written: each is looked for after the one before,
  // so a file of thousands of headings is read once, not once for each.
  let from = 0;
  return found.map((text) => {
    const needle = text.trim();
    for (let index = from; index < all.length; index++) {
      const source = all[index] as HubLine;
      if (!source.text.includes(':')) continue;
      const written = source.text.replace(/\r?\n$/, '');
      const next = all[index + 1]?.text.replace(/\r?\n$/, '') ?? '';
      if (!(ATX_LIKE.test(written) || UNDERLINE.test(next))) continue;
      if (!mistunePreprocessing(written).includes(needle)) continue;
      from = index + 1;
      return { text, line: source.line, written };
    }
    return { text };
  });
}
