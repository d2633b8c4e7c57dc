/**
 * The headings mistune 0.8.4 finds in a markdown text: its `preprocessing()` and its BlockLexer
 * (`mistune.py`, BSD-3-Clause, Hsiaoming Yang), ported rule for rule, because the hub's check.py
 * rejects a file when the text of any heading it gets from `mistune.Markdown().block(...)` ends
 * with `:`. mistune is not CommonMark: `#Title` is a heading, fenced code and lists are tried in its
 * own order, and a setext underline counts. Python's regular expressions are rewritten for
 * JavaScript where they differ (`\s`, `\w`, `\d` and `\b` are Unicode-aware, `$` matches before a
 * final `\n`, a back-reference to a group that did not take part never matches). Held equal to the
 * real mistune by a differential test.
 */

/** Python's `\s`, `\w` and `\d` for `str` patterns. */
const S = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SP = `[${S}]`;
const W = '[\\p{L}\\p{N}_]';
const D = '\\p{Nd}';
/** Python's `$` outside multiline mode: the end, or before a `\n` that ends the text. */
const END = '(?=\\n?(?![\\s\\S]))';
const WORD_BOUNDARY = `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;

const INLINE_TAGS = [
  'a',
  'em',
  'strong',
  'small',
  's',
  'cite',
  'q',
  'dfn',
  'abbr',
  'data',
  'time',
  'code',
  'var',
  'samp',
  'kbd',
  'sub',
  'sup',
  'i',
  'b',
  'u',
  'mark',
  'ruby',
  'rt',
  'rp',
  'bdi',
  'bdo',
  'span',
  'br',
  'wbr',
  'ins',
  'del',
  'img',
  'font',
];
const VALID_END = `(?!:/|[^\\p{L}\\p{N}_${S}@]*@)${WORD_BOUNDARY}`;
const VALID_ATTR = `${SP}*[a-zA-Z\\-](?:${SP}*=${SP}*(?:"[^"]*"|'[^']*'|[^${S}'">]+))?`;
const BLOCK_TAG = `(?!(?:${INLINE_TAGS.join('|')})${WORD_BOUNDARY})${W}+${VALID_END}`;

const DEF_LINKS = ` *\\[([^^\\]]+)\\]: *<?([^${S}>]+)>?(?: +["(]([^\\n]+)[")])? *(?:\\n+|${END})`;
const DEF_FOOTNOTES = `\\[\\^([^\\]]+)\\]: *([^\\n]*(?:\\n+|${END})(?: {1,}[^\\n]*(?:\\n+|${END}))*)`;
const FENCES = (group: number) =>
  ` *(\`{3,}|~{3,}) *([^\`${S}]+)? *\\n([\\s\\S]+?)${SP}*\\${group} *(?:\\n+|${END})`;
const HRULE = ` {0,3}[-*_](?: *[-*_]){2,} *(?:\\n+|${END})`;
const HEADING = ` *(#{1,6}) *([^\\n]+?) *#* *(?:\\n+|${END})`;
const LHEADING = `([^\\n]+)\\n *(=|-)+ *(?:\\n+|${END})`;
const BLOCK_QUOTE = `( *>[^\\n]+(\\n[^\\n]+)*\\n*)+`;

/**
 * mistune's list_block, whose `(?(3)\d+\.|[*+-])` (a conditional group, which JavaScript lacks)
 * is resolved by trying the variant for a text that starts with a bullet, or with a number.
 */
function listBlock(bullet: boolean): RegExp {
  const start = bullet ? `([*+-])(?:${D}+\\.)?` : `(?![*+-])()(?:${D}+\\.)?`;
  const next = bullet ? `${D}+\\.` : '[*+-]';
  return new RegExp(
    `^( *)(?=[*+-]|${D}+\\.)(${start}) [\\s\\S]+?(?:` +
      `\\n+(?=\\1?(?:[-*_] *){3,}(?:\\n+|${END}))` +
      `|\\n+(?=${DEF_LINKS})` +
      `|\\n+(?=${DEF_FOOTNOTES})` +
      `|\\n+(?=\\1${next} )` +
      `|\\n{2,}(?! )(?!\\1(?:[*+-]|${D}+\\.) )\\n*` +
      `|${SP}*${END})`,
    'u',
  );
}

/**
 * Inside the paragraph rule, mistune rewrites list_block's `\1` as `\3`, which there names the
 * fence's language group: a group that never took part when the list alternative is tried, so in
 * Python every branch that needs it fails, and the conditional takes its `[*+-]` branch.
 */
const LIST_BLOCK_IN_PARAGRAPH =
  ` *(?=[*+-]|${D}+\\.)(?:[*+-])?(?:${D}+\\.)? [\\s\\S]+?(?:` +
  `\\n+(?=(?:[-*_] *){3,}(?:\\n+|${END}))` +
  `|\\n+(?=${DEF_LINKS})` +
  `|\\n+(?=${DEF_FOOTNOTES})` +
  `|\\n{2,}(?! )\\n*` +
  `|${SP}*${END})`;

const RULES = {
  newline: /^\n+/u,
  block_code: /^( {4}[^\n]+\n*)+/u,
  fences: new RegExp(`^${FENCES(1)}`, 'u'),
  hrule: new RegExp(`^${HRULE}`, 'u'),
  heading: new RegExp(`^${HEADING}`, 'u'),
  nptable: new RegExp(
    `^ *([^${S}\\n][^\\n]*\\|[^\\n]*)\\n *([-:]+ *\\|[-| :]*)\\n((?:[^\\n]*\\|[^\\n]*(?:\\n|${END}))*)\\n*`,
    'u',
  ),
  lheading: new RegExp(`^${LHEADING}`, 'u'),
  block_quote: new RegExp(`^${BLOCK_QUOTE}`, 'u'),
  block_html: new RegExp(
    `^ *(?:<!--[\\s\\S]*?-->|<(${BLOCK_TAG})((?:${VALID_ATTR})*?)>([\\s\\S]*?)<\\/\\1>|<${BLOCK_TAG}(?:${VALID_ATTR})*?${SP}*\\/?>) *(?:\\n{2,}|${SP}*${END})`,
    'u',
  ),
  def_links: new RegExp(`^${DEF_LINKS}`, 'u'),
  def_footnotes: new RegExp(`^${DEF_FOOTNOTES}`, 'u'),
  table: new RegExp(`^ *\\|([^\\n]+)\\n *\\|( *[-:]+[-| :]*)\\n((?: *\\|[^\\n]*(?:\\n|${END}))*)\\n*`, 'u'),
  paragraph: new RegExp(
    `^((?:[^\\n]+\\n?(?!${[
      FENCES(2),
      LIST_BLOCK_IN_PARAGRAPH,
      HRULE,
      HEADING,
      LHEADING,
      BLOCK_QUOTE,
      DEF_LINKS,
      DEF_FOOTNOTES,
      `<${BLOCK_TAG}`,
    ].join('|')}))+)\\n*`,
    'u',
  ),
  text: /^[^\n]+/u,
} as const;

const LIST_BLOCK_BULLET = listBlock(true);
const LIST_BLOCK_NUMBER = listBlock(false);
const LIST_ITEM = new RegExp(
  `(?<![^\\n])(( *)(?:[*+-]|${D}+\\.) [^\\n]*(?:\\n(?!\\2(?:[*+-]|${D}+\\.) )[^\\n]*)*)`,
  'gu',
);
const LIST_BULLET = new RegExp(`^ *(?:[*+-]|${D}+\\.) +`, 'u');
const BLOCK_QUOTE_LEADING = /(?<![^\n]) *> ?/gu;

type RuleName = keyof typeof RULES | 'list_block';

const DEFAULT_RULES: readonly RuleName[] = [
  'newline',
  'hrule',
  'block_code',
  'fences',
  'heading',
  'nptable',
  'lheading',
  'block_quote',
  'list_block',
  'block_html',
  'def_links',
  'def_footnotes',
  'table',
  'paragraph',
  'text',
];
const LIST_RULES: readonly RuleName[] = [
  'newline',
  'block_code',
  'fences',
  'lheading',
  'hrule',
  'block_quote',
  'list_block',
  'block_html',
  'text',
];
const FOOTNOTE_RULES: readonly RuleName[] = [
  'newline',
  'block_code',
  'fences',
  'heading',
  'nptable',
  'lheading',
  'hrule',
  'block_quote',
  'list_block',
  'block_html',
  'table',
  'paragraph',
  'text',
];

const MAX_RECURSIVE_DEPTH = 6;

/** mistune's `preprocessing()`: line breaks, tabs to 4 columns, U+2424 as a line break, blank lines emptied. */
export function mistunePreprocessing(text: string): string {
  let out = '';
  let column = 0;
  const normalized = text.replace(/\r\n|\r/g, '\n');
  for (const char of normalized) {
    if (char === '\t') {
      const spaces = 4 - (column % 4);
      out += ' '.repeat(spaces);
      column += spaces;
    } else {
      out += char;
      column = char === '\n' ? 0 : column + 1;
    }
  }
  return out.replaceAll('\u2424', '\n').replace(/(?<![^\n]) +(?=\n|$)/g, '');
}

/** The text of every heading mistune's block lexer yields for the text, nested ones included, in order. */
export function mistuneHeadings(markdown: string): string[] {
  const lexer = new BlockLexer();
  lexer.parse(mistunePreprocessing(markdown), DEFAULT_RULES);
  return lexer.headings;
}

class BlockLexer {
  readonly headings: string[] = [];
  private readonly footnotes = new Set<string>();
  private listDepth = 0;
  private quoteDepth = 0;

  parse(input: string, rules: readonly RuleName[]): void {
    let text = input.replace(/\n+$/, '');
    while (text) {
      const consumed = this.step(text, rules);
      text = text.slice(consumed);
    }
  }

  /** Applies the first rule that matches at the start; returns how much it consumed. */
  private step(text: string, rules: readonly RuleName[]): number {
    for (const rule of rules) {
      const match =
        rule === 'list_block'
          ? (/^ *[*+-]/.test(text) ? LIST_BLOCK_BULLET : LIST_BLOCK_NUMBER).exec(text)
          : RULES[rule].exec(text);
      if (!match) continue;
      this.apply(rule, match);
      return match[0].length;
    }
    // mistune's `text` rule matches any non-empty first line; a text of line breaks is `newline`.
    return text.length;
  }

  private apply(rule: RuleName, match: RegExpExecArray): void {
    switch (rule) {
      case 'heading':
        this.headings.push(match[2] ?? '');
        return;
      case 'lheading':
        this.headings.push(match[1] ?? '');
        return;
      case 'list_block':
        this.listDepth++;
        if (this.listDepth <= MAX_RECURSIVE_DEPTH) this.listItems(match[0]);
        this.listDepth--;
        return;
      case 'block_quote':
        this.quoteDepth++;
        if (this.quoteDepth <= MAX_RECURSIVE_DEPTH)
          this.parse(match[0].replace(BLOCK_QUOTE_LEADING, ''), DEFAULT_RULES);
        this.quoteDepth--;
        return;
      case 'def_footnotes':
        this.footnote(match[1] ?? '', match[2] ?? '');
        return;
      default:
        return;
    }
  }

  private listItems(cap: string): void {
    for (const found of cap.matchAll(LIST_ITEM)) {
      let item = found[1] ?? '';
      let space = item.length;
      item = item.replace(LIST_BULLET, '');
      if (item.includes('\n ')) {
        space -= item.length;
        item = item.replace(new RegExp(`(?<![^\\n]) {1,${space}}`, 'g'), '');
      }
      this.parse(item, LIST_RULES);
    }
  }

  private footnote(key: string, body: string): void {
    const id = key.toLowerCase().replace(new RegExp(`${SP}+`, 'gu'), ' ');
    if (this.footnotes.has(id)) return;
    this.footnotes.add(id);
    let text = body;
    if (text.includes('\n')) {
      const lines = text.split('\n');
      let whitespace: number | undefined;
      for (const line of lines.slice(1)) {
        const space = line.length - line.replace(new RegExp(`^${SP}+`, 'u'), '').length;
        if (space && (!whitespace || space < whitespace)) whitespace = space;
      }
      text = [lines[0], ...lines.slice(1).map((line) => line.slice(whitespace ?? 0))].join('\n');
    }
    this.parse(text, FOOTNOTE_RULES);
  }
}
