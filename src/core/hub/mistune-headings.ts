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

/**
 * Python's `\s`, `\w` and `\d` for `str` patterns. The patterns run on a stand-in of the text (see
 * standIn) where every character beyond ASCII that is a word character is WORD, a decimal digit is
 * DIGIT, Python whitespace is itself, and anything else is OTHER: the same length, the same verdict
 * of every class, and patterns small enough to compile in a few milliseconds (with Unicode property
 * classes, mistune's patterns took 25 ms to compile, for every hub-wide run).
 */
const S = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SP = `[${S}]`;
const WORD = '\ue000';
const DIGIT = '\ue001';
const OTHER = '\ue002';
const W = '[A-Za-z0-9_\\ue000\\ue001]';
const D = '[0-9\\ue001]';
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
const VALID_END = `(?!:/|[^A-Za-z0-9_\\ue000\\ue001${S}@]*@)${WORD_BOUNDARY}`;
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
  newline: /^\n+/,
  block_code: /^( {4}[^\n]+\n*)+/,
  fences: new RegExp(`^${FENCES(1)}`),
  hrule: new RegExp(`^${HRULE}`),
  heading: new RegExp(`^${HEADING}`, 'd'),
  nptable: new RegExp(
    `^ *([^${S}\\n][^\\n]*\\|[^\\n]*)\\n *([-:]+ *\\|[-| :]*)\\n((?:[^\\n]*\\|[^\\n]*(?:\\n|${END}))*)\\n*`,
  ),
  lheading: new RegExp(`^${LHEADING}`, 'd'),
  block_quote: new RegExp(`^${BLOCK_QUOTE}`),
  block_html: new RegExp(
    `^ *(?:<!--[\\s\\S]*?-->|<(${BLOCK_TAG})((?:${VALID_ATTR})*?)>([\\s\\S]*?)<\\/\\1>|<${BLOCK_TAG}(?:${VALID_ATTR})*?${SP}*\\/?>) *(?:\\n{2,}|${SP}*${END})`,
  ),
  def_links: new RegExp(`^${DEF_LINKS}`),
  def_footnotes: new RegExp(`^${DEF_FOOTNOTES}`, 'd'),
  table: new RegExp(`^ *\\|([^\\n]+)\\n *\\|( *[-:]+[-| :]*)\\n((?: *\\|[^\\n]*(?:\\n|${END}))*)\\n*`),
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
  ),
  text: /^[^\n]+/,
} as const;

const LIST_BLOCK_BULLET = listBlock(true);
const LIST_BLOCK_NUMBER = listBlock(false);
const LIST_ITEM = new RegExp(
  `(?<![^\\n])(( *)(?:[*+-]|${D}+\\.) [^\\n]*(?:\\n(?!\\2(?:[*+-]|${D}+\\.) )[^\\n]*)*)`,
  'gd',
);
const LIST_BULLET = new RegExp(`^ *(?:[*+-]|${D}+\\.) +`);
const BLOCK_QUOTE_LEADING = /(?<![^\n]) *> ?/g;

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
  const original = mistunePreprocessing(markdown);
  const lexer = new BlockLexer();
  lexer.parse({ text: standIn(original), original }, DEFAULT_RULES);
  return lexer.headings;
}

/** The text the patterns run on, and the text it stands for: always the same length. */
interface Pair {
  text: string;
  original: string;
}

const PYTHON_SPACE_BEYOND_ASCII = /[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const PYTHON_WORD = /[\p{L}\p{N}]/u;
const PYTHON_DIGIT = /\p{Nd}/u;
const classOf = new Map<number, string>();

/**
 * The text with each character beyond ASCII replaced by the stand-in of its class: each UTF-16
 * unit of it, so positions stay the same (an astral character is two units of its class, which no
 * pattern counts).
 */
function standIn(text: string): string {
  let out = '';
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x80) continue;
    const point = text.codePointAt(at) as number;
    let stand = classOf.get(point);
    if (stand === undefined) {
      const char = String.fromCodePoint(point);
      stand = PYTHON_SPACE_BEYOND_ASCII.test(char)
        ? char
        : PYTHON_DIGIT.test(char)
          ? DIGIT
          : PYTHON_WORD.test(char)
            ? WORD
            : OTHER;
      if (classOf.size < 10_000) classOf.set(point, stand);
    }
    const width = point > 0xffff ? 2 : 1;
    out += text.slice(from, at) + stand.repeat(width === 2 && stand.length === 1 ? 2 : 1);
    at += width - 1;
    from = at + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

function slicePair(pair: Pair, start: number, end?: number): Pair {
  return { text: pair.text.slice(start, end), original: pair.original.slice(start, end) };
}

/** Removes every match of `pattern` (global) from both texts, found in the stand-in. */
function removeAll(pattern: RegExp, pair: Pair): Pair {
  let text = '';
  let original = '';
  let from = 0;
  for (const match of pair.text.matchAll(pattern)) {
    text += pair.text.slice(from, match.index);
    original += pair.original.slice(from, match.index);
    from = match.index + match[0].length;
  }
  return { text: text + pair.text.slice(from), original: original + pair.original.slice(from) };
}

function group(pair: Pair, match: RegExpExecArray, index: number): string {
  const range = match.indices?.[index];
  return range ? pair.original.slice(range[0], range[1]) : '';
}

class BlockLexer {
  readonly headings: string[] = [];
  private readonly footnotes = new Set<string>();
  private listDepth = 0;
  private quoteDepth = 0;

  parse(input: Pair, rules: readonly RuleName[]): void {
    let end = input.text.length;
    while (end > 0 && input.text.charCodeAt(end - 1) === 10) end--;
    let pair = slicePair(input, 0, end);
    while (pair.text) {
      const consumed = this.step(pair, rules);
      pair = slicePair(pair, consumed);
    }
  }

  /** Applies the first rule that matches at the start; returns how much it consumed. */
  private step(pair: Pair, rules: readonly RuleName[]): number {
    const text = pair.text;
    for (const rule of rules) {
      const match =
        rule === 'list_block'
          ? (/^ *[*+-]/.test(text) ? LIST_BLOCK_BULLET : LIST_BLOCK_NUMBER).exec(text)
          : RULES[rule].exec(text);
      if (!match) continue;
      this.apply(rule, match, pair);
      return match[0].length;
    }
    // mistune's `text` rule matches any non-empty first line; a text of line breaks is `newline`.
    return text.length;
  }

  private apply(rule: RuleName, match: RegExpExecArray, pair: Pair): void {
    switch (rule) {
      case 'heading':
        this.headings.push(group(pair, match, 2));
        return;
      case 'lheading':
        this.headings.push(group(pair, match, 1));
        return;
      case 'list_block':
        this.listDepth++;
        if (this.listDepth <= MAX_RECURSIVE_DEPTH) this.listItems(slicePair(pair, 0, match[0].length));
        this.listDepth--;
        return;
      case 'block_quote':
        this.quoteDepth++;
        if (this.quoteDepth <= MAX_RECURSIVE_DEPTH)
          this.parse(removeAll(BLOCK_QUOTE_LEADING, slicePair(pair, 0, match[0].length)), DEFAULT_RULES);
        this.quoteDepth--;
        return;
      case 'def_footnotes': {
        const body = match.indices?.[2];
        this.footnote(
          group(pair, match, 1),
          body ? slicePair(pair, body[0], body[1]) : { text: '', original: '' },
        );
        return;
      }
      default:
        return;
    }
  }

  private listItems(cap: Pair): void {
    for (const found of cap.text.matchAll(LIST_ITEM)) {
      const range = found.indices?.[1] ?? [found.index, found.index];
      let item = slicePair(cap, range[0], range[1]);
      let space = item.text.length;
      const bullet = LIST_BULLET.exec(item.text);
      if (bullet) item = slicePair(item, bullet[0].length);
      if (item.text.includes('\n ')) {
        space -= item.text.length;
        item = removeAll(new RegExp(`(?<![^\\n]) {1,${space}}`, 'g'), item);
      }
      this.parse(item, LIST_RULES);
    }
  }

  private footnote(key: string, body: Pair): void {
    const id = key.toLowerCase().replace(new RegExp(`${SP}+`, 'g'), ' ');
    if (this.footnotes.has(id)) return;
    this.footnotes.add(id);
    let pair = body;
    if (pair.text.includes('\n')) {
      const lines = pair.text.split('\n');
      const originals = pair.original.split('\n');
      let whitespace: number | undefined;
      for (const line of lines.slice(1)) {
        const space = line.length - line.replace(new RegExp(`^${SP}+`), '').length;
        if (space && (!whitespace || space < whitespace)) whitespace = space;
      }
      const cut = (list: string[]) =>
        [list[0], ...list.slice(1).map((line) => line.slice(whitespace ?? 0))].join('\n');
      pair = { text: cut(lines), original: cut(originals) };
    }
    this.parse(pair, FOOTNOTE_RULES);
  }
}
