import { stripInvisible } from '../text/quote.js';

const WORD_JOINER = '\u2060';

/**
 * Escapes text for GitHub- and Gitee-flavoured markdown: no HTML, no links or images, no emphasis,
 * no @-mentions and no #-references can come out of it.
 */
export function escapeMarkdown(text: string): string {
  return (
    stripInvisible(text.replace(/\r?\n/g, ' '))
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_{}[\]()#+!|~]/g, (char) => `\\${char}`)
      .replace(/([@#])/g, `$1${WORD_JOINER}`)
      .replace(/:\/\//g, `:${WORD_JOINER}//`)
      // GitHub links `www.host` by itself (extended autolinks), with no scheme to break.
      .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}${WORD_JOINER}.`)
  );
}

/** A code span that holds any text: the fence is longer than any run of backticks inside. */
export function codeSpan(text: string): string {
  const clean = stripInvisible(text);
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/**
 * Renders a finding message: the parts in backticks (made safe by `q()` or written by the rules)
 * stay code spans, everything else is escaped. A message with unbalanced backticks is escaped whole.
 */
export function renderMessage(message: string): string {
  const parts = message.split('`');
  if (parts.length % 2 === 0) return escapeMarkdown(message);
  return parts.map((part, index) => (index % 2 === 1 ? codeSpan(part) : escapeMarkdown(part))).join('');
}
