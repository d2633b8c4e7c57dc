import { seededRandom } from './fuzz.js';

/**
 * Seeded markdown bodies for the heading differential test against mistune 0.8.4: the blocks hub
 * pages hold (headings in both styles, code in fences and indented, lists, quotes, tables, HTML,
 * link and footnote definitions, paragraphs), with the edge cases that decide whether a line is a
 * heading to mistune (`#Title`, seven `#`, an underline under a list item, a fence never closed,
 * tabs, CR, U+2424), and lines that end in `:`.
 */
export function generateMarkdownDocuments(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const documents: string[] = [];
  for (let index = 0; index < count; index++) {
    const blocks: string[] = [];
    const total = 1 + Math.floor(random() * 8);
    for (let block = 0; block < total; block++) blocks.push(pick(BLOCKS).replaceAll('$', pick(TITLES)));
    documents.push(blocks.join(pick(['\n', '\n\n', '\n\n\n', '\r\n', '\n \n'])));
  }
  return documents;
}

const TITLES = [
  'Model Description',
  'Usage:',
  'Notes :',
  'Results：',
  'Citation:  ',
  'FAQ::',
  'a: b',
  'C#',
  '# x:',
];

const BLOCKS = [
  '# $',
  '## $ ##',
  '#$',
  '####### $',
  '   ### $',
  '    # $',
  '\t# $',
  '$\n===',
  '$\n---',
  '$\n- - -',
  'text\n$\n===',
  '```python\nimport x\n# $\n```',
  '```\n# $',
  '~~~\n$\n~~~~',
  '    code\n    # $',
  '- item\n- $\n  ===',
  '- item\n  # $',
  '1. one\n2. $',
  '* $\n\n  # $',
  '> # $\n> text',
  '> $\n> ===',
  '| a | b |\n| --- | --- |\n| $ | x |',
  'a | b\n--- | ---\n$ | x',
  '<div>\n# $\n</div>',
  '<!-- # $ -->',
  '[key]: https://example.com "title"',
  '[^note]: $\n    # $',
  'Paragraph line\n# $',
  'Paragraph\n$\n---',
  '***',
  '$',
  'plain text: with colon:',
  'x\u2424# $',
  '- a\n\n\n- b',
  '+ $\n+ ===',
  '<dív>\n# $\n</dív>',
  '<ü>\n$\n===\n</ü>',
  '<span>\n# $\n</span>',
  '<table class="x" data-é=\'1\'>\n# $\n</table>',
  '１. $\n２. ===',
  '٣. $',
  '[ключ]: https://example.com\n# $',
  '[^ноте]: $\n    # $',
  '\u00a0# $',
  '𝟘. $',
  '<x𝒜y>\n# $\n</x𝒜y>',
];
