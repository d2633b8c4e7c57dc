import type { SourceLine } from './split-front-matter.js';

export type SlipKind =
  | 'full-width-colon'
  | 'full-width-comma'
  | 'full-width-space'
  | 'tab'
  | 'tab-in-line'
  | 'smart-quote'
  | 'no-break-space'
  | 'byte-order-mark';

/** A character that a Chinese input method or a word processor put where YAML needs an ASCII one. */
export interface TypingSlip {
  kind: SlipKind;
  line: number;
  /** 1-based column of the first such character on the line. */
  column: number;
  /** The line as written, and as it should be. */
  written: string;
  corrected: string;
}

const FULL_WIDTH_COLON = '\uff1a';
const FULL_WIDTH_COMMA = '\uff0c';
const IDEOGRAPHIC_SPACE = '\u3000';
const NO_BREAK_SPACE = '\u00a0';
const BOM = '\ufeff';
const SMART_QUOTES: Record<string, string> = { '\u201c': '"', '\u201d': '"', '\u2018': "'", '\u2019': "'" };
const KEY_CHARS = /^[A-Za-z0-9_-]+$/;

const SLIP_CHARACTER: Record<SlipKind, RegExp> = {
  'full-width-colon': /\uff1a/,
  'full-width-comma': /\uff0c/,
  'full-width-space': /\u3000/,
  tab: /\t/,
  'tab-in-line': /\t/,
  'smart-quote': /[\u201c\u201d\u2018\u2019]/,
  'no-break-space': /\u00a0/,
  'byte-order-mark': /\ufeff/,
};

interface LineFix {
  kind: SlipKind;
  column: number;
  corrected: string;
}

const NO_FIXES: LineFix[] = [];

/**
 * The slips on one line, in the order they are fixed: each fix works on the text the one before
 * left. Only where YAML reads structure (the key's colon, the indentation, the quotes around a
 * value, a flow list) is a character a slip: a full-width comma in a Chinese summary is prose.
 */
/** Every character a slip can be made of: a line without any is skipped at the cost of one test. */
const ANY_SLIP = /[\uff1a\uff0c\u3000\t\u201c\u201d\u2018\u2019\u00a0\ufeff]/;

function slipsOn(text: string, expectedIndent: number): LineFix[] {
  if (!ANY_SLIP.test(text)) return NO_FIXES;
  const fixes: LineFix[] = [];
  let current = text;
  const record = (kind: SlipKind, column: number, next: string) => {
    fixes.push({ kind, column, corrected: next });
    current = next;
  };

  const bom = current.indexOf(BOM);
  if (bom !== -1) record('byte-order-mark', bom + 1, current.replaceAll(BOM, ''));

  const indentEnd = current.search(/[^ \t\u3000\u00a0]/);
  const indent = indentEnd === -1 ? current : current.slice(0, indentEnd);
  const rest = indentEnd === -1 ? '' : current.slice(indentEnd);
  for (const [kind, char] of [
    ['tab', '\t'],
    ['full-width-space', IDEOGRAPHIC_SPACE],
    ['no-break-space', NO_BREAK_SPACE],
  ] as const) {
    const at = indent.indexOf(char);
    // The line is indented like the lines around it, in plain spaces (what the contributor meant).
    if (at !== -1) record(kind, at + 1, `${' '.repeat(expectedIndent)}${rest}`);
  }

  const body = current.trimStart();
  const bodyStart = current.length - body.length;
  const listPrefix = /^-[ \t]+/.exec(body)?.[0] ?? '';
  const keyStart = bodyStart + listPrefix.length;
  const colon = current.indexOf(FULL_WIDTH_COLON, keyStart);
  const asciiColon = current.indexOf(':', keyStart);
  if (
    colon !== -1 &&
    (asciiColon === -1 || colon < asciiColon) &&
    KEY_CHARS.test(current.slice(keyStart, colon).trim())
  ) {
    const rest = current.slice(colon + 1).replace(/^[ \t\u3000\u00a0]*/, '');
    record('full-width-colon', colon + 1, `${current.slice(0, colon).trimEnd()}: ${rest}`);
  }

  // After a key's colon, a wide or no-break space is not the space YAML needs.
  const separator = /^([ \t]*(?:-[ \t]+)?[A-Za-z0-9_-]+):([\u3000\u00a0]+)/.exec(current);
  if (separator) {
    const [whole, key = '', spaces = ''] = separator;
    record(
      spaces.includes(IDEOGRAPHIC_SPACE) ? 'full-width-space' : 'no-break-space',
      key.length + 2,
      `${key}: ${current.slice(whole.length)}`,
    );
  }

  const withoutTabs = tabsOutsideQuotesReplaced(current);
  if (withoutTabs !== undefined) record('tab-in-line', current.indexOf('\t') + 1, withoutTabs);

  const valueAt = current.indexOf(': ');
  if (valueAt !== -1) {
    const value = current.slice(valueAt + 2);
    const first = value[0] ?? '';
    if (Object.hasOwn(SMART_QUOTES, first)) {
      const fixed = value.replace(/[\u201c\u201d\u2018\u2019]/g, (quote) => SMART_QUOTES[quote] ?? quote);
      record('smart-quote', valueAt + 3, `${current.slice(0, valueAt + 2)}${fixed}`);
    }
    const flow = current.slice(valueAt + 2);
    const comma = flow.indexOf(FULL_WIDTH_COMMA);
    if ((flow.startsWith('[') || flow.startsWith('{')) && comma !== -1) {
      record(
        'full-width-comma',
        valueAt + 3 + comma,
        `${current.slice(0, valueAt + 2)}${flow.replaceAll(FULL_WIDTH_COMMA, ', ').replace(/, +/g, ', ')}`,
      );
    }
  }
  return fixes;
}

/**
 * The line with every tab that YAML refuses replaced, or undefined when it has none: PyYAML takes a
 * tab for the start of a token after a key's colon, before it, after a value or inside a plain one
 * ("found character '\t' that cannot start any token"), but allows one inside quotes and comments.
 * Tabs before a colon or at the end go; others become one space. The indentation is seen to before.
 */
function tabsOutsideQuotesReplaced(line: string): string | undefined {
  if (!line.includes('\t')) return undefined;
  let out = '';
  let quote: string | undefined;
  let changed = false;
  for (let at = 0; at < line.length; at++) {
    const char = line[at] as string;
    if (quote !== undefined) {
      out += char;
      if (quote === '"' && char === '\\') {
        out += line[at + 1] ?? '';
        at++;
      } else if (char === quote) quote = undefined;
      continue;
    }
    // A comment keeps what it holds, tabs too.
    if (char === '#' && (at === 0 || out.endsWith(' '))) return changed ? out + line.slice(at) : undefined;
    if ((char === '"' || char === "'") && /(?:^|[:\-[{,] *)$/.test(out)) quote = char;
    if (char !== '\t') {
      out += char;
      continue;
    }
    changed = true;
    // A tab before `:` or at the end of the line goes; elsewhere it stands for a space.
    const rest = line.slice(at + 1);
    if (/^[\t ]*(?::(?:[ \t]|$)|$)/.test(rest)) continue;
    if (!out.endsWith(' ')) out += ' ';
  }
  return changed ? out.replace(/[ ]+$/, '') : undefined;
}

/**
 * Finds the slips in the front matter and returns it corrected, so that the rest of the file can
 * be checked as if they were fixed: one run shows the contributor every problem.
 */
export function findTypingSlips(
  lines: readonly SourceLine[],
  /** The same lines as one text (SplitFile.frontMatterText): when it holds no such character, no line does. */
  text?: string,
): {
  slips: TypingSlip[];
  corrected: readonly SourceLine[];
} {
  if (text !== undefined && !ANY_SLIP.test(text)) return { slips: [], corrected: lines };
  const slips: TypingSlip[] = [];
  let corrected: SourceLine[] | undefined;
  const indents = new IndentTracker();
  for (let index = 0; index < lines.length; index++) {
    const source = lines[index] as SourceLine;
    // Nearly every line holds no slip: one test, no allocation.
    if (!ANY_SLIP.test(source.text)) continue;
    const fixes = slipsOn(source.text, indents.expectedAt(corrected ?? lines, index));
    if (fixes.length === 0) continue;
    const last = fixes[fixes.length - 1]?.corrected ?? source.text;
    for (const fix of fixes) {
      // Columns in the line as written: a fix before it may have moved the character.
      const column = source.text.search(SLIP_CHARACTER[fix.kind]) + 1 || fix.column;
      slips.push({ kind: fix.kind, line: source.line, column, written: source.text, corrected: last });
    }
    corrected ??= [...lines];
    corrected[index] = { line: source.line, text: last };
  }
  return { slips, corrected: corrected ?? lines };
}

/**
 * The indentation a line should have: the previous line's, one step in after a `-` or a `key:` that
 * opens a block. Blank and comment lines are skipped; the lines before are read once in all, in
 * order, so a front matter of many blank lines with a slip on each stays linear.
 */
class IndentTracker {
  private readUpTo = 0;
  private expected = 0;

  expectedAt(lines: readonly SourceLine[], index: number): number {
    for (; this.readUpTo < index; this.readUpTo++) {
      const text = lines[this.readUpTo]?.text ?? '';
      const trimmed = text.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const indent = text.length - text.trimStart().length;
      // The keys of a `- key: value` entry line up with its first key, after the dash.
      const dash = /^-[ \t]+(?=\S)/.exec(trimmed)?.[0].length ?? 0;
      this.expected =
        trimmed === '-' ? indent + 4 : trimmed.endsWith(':') ? indent + dash + 2 : indent + dash;
    }
    return this.expected;
  }
}
