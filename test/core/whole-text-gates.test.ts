import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseFrontMatter } from '../../src/core/parse/parse-front-matter.js';
import { splitFrontMatter } from '../../src/core/parse/split-front-matter.js';
import { findTemplateLeftovers } from '../../src/core/parse/template-leftovers.js';
import { findTypingSlips } from '../../src/core/parse/typing-slips.js';
import { CLEAN_TEXT, CORPUS_ROOT, CORPUS_SKIP, SAMPLE_HUB } from '../helpers/fixtures.js';

const LIMITS = { maxFrontMatterBytes: 64 * 1024, maxDepth: 8 };

/**
 * The slip, leftover and parse steps may search the front matter's text once instead of each line;
 * whatever the text, that must give exactly what the search line by line gives.
 */
function assertSameWithWholeText(text: string, label: string): void {
  const split = splitFrontMatter(text);
  const lines = split.frontMatter;
  const whole = split.frontMatterText;
  assert.equal(
    whole === '' ? 0 : whole.split('\n').length - (whole.endsWith('\n') ? 1 : 0),
    lines.length,
    `${label}: the front matter text holds other lines`,
  );
  assert.deepEqual(findTypingSlips(lines, split.frontMatterText), findTypingSlips(lines), `${label}: slips`);
  assert.deepEqual(
    findTemplateLeftovers(lines, split.frontMatterText),
    findTemplateLeftovers(lines),
    `${label}: template leftovers`,
  );
  assert.deepEqual(
    parseFrontMatter(lines, 2, LIMITS, split.frontMatterText),
    parseFrontMatter(lines, 2, LIMITS),
    `${label}: parse`,
  );
}

const frontMatter = (body: string) => `---\n${body}\n---\n# Title\n`;

/** Characters and line ends that each gate looks for, in the places a line-by-line search finds them. */
const EDGE_CASES: Record<string, string> = {
  'CRLF line ends': CLEAN_TEXT.replaceAll('\n', '\r\n'),
  'evaluation dash with CRLF': frontMatter('model-name: a\nevaluation: -\nmodel-version: 1.0').replaceAll(
    '\n',
    '\r\n',
  ),
  'evaluation dash as the last line': '---\nmodel-name: a\nevaluation: - \n---\n',
  'a help line': frontMatter('model-name: a\n  > the name of the model'),
  'a help line first': frontMatter('  > the name of the model\nmodel-name: a'),
  'evaluation dash first': frontMatter('evaluation: -\nmodel-name: a'),
  'a help line after an ideographic space': frontMatter('model-name: a\n\u3000> the model name'),
  'a help line after a line separator': frontMatter('model-name: a\u2028> help'),
  'a help line after a carriage return': frontMatter('model-name: a\r> help'),
  'a marker': frontMatter('model-name: <required> a'),
  'an ellipsis entry': frontMatter('asset:\n  - ...'),
  'an assets heading': frontMatter('model-name: a\n## assets'),
  'a full-width colon': frontMatter('model-name\uff1aa'),
  'a byte order mark in a line': frontMatter('model-\ufeffname: a'),
  'a tab': frontMatter('model-name:\ta'),
  'a non-breaking space': frontMatter('model-name:\u00a0a'),
  'a control character': frontMatter('model-name: a\u0007'),
  'a lone surrogate': frontMatter('model-name: a\ud800'),
  'no closing fence': '---\nmodel-name: a\nevaluation: -\n> help',
  'no fence at all': 'model-name: a\n',
  'blank lines only': frontMatter('\n\n\n'),
};

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(folder, name));
}

describe('searching the front matter once instead of line by line', () => {
  it('changes nothing on the sample hub files', () => {
    for (const file of markdownFiles(SAMPLE_HUB)) assertSameWithWholeText(readFileSync(file, 'utf8'), file);
  });

  it('changes nothing where a slip, a leftover, a CRLF or an odd character is', () => {
    for (const [label, text] of Object.entries(EDGE_CASES)) assertSameWithWholeText(text, label);
  });

  it('still finds what the line-by-line search finds in those files', () => {
    const slips = splitFrontMatter(EDGE_CASES['a full-width colon'] as string);
    assert.equal(findTypingSlips(slips.frontMatter, slips.frontMatterText).slips.length, 1);
    const help = splitFrontMatter(EDGE_CASES['a help line'] as string);
    assert.deepEqual([...findTemplateLeftovers(help.frontMatter, help.frontMatterText).kinds], ['help-line']);
    const first = splitFrontMatter(EDGE_CASES['a help line first'] as string);
    assert.deepEqual(
      [...findTemplateLeftovers(first.frontMatter, first.frontMatterText).kinds],
      ['help-line'],
    );
    const dashFirst = splitFrontMatter(EDGE_CASES['evaluation dash first'] as string);
    const dashParsed = parseFrontMatter(dashFirst.frontMatter, 2, LIMITS, dashFirst.frontMatterText);
    assert.ok(dashParsed.ok && dashParsed.value.evaluationDashLine === 2);
    const marker = splitFrontMatter(EDGE_CASES['a marker'] as string);
    assert.deepEqual(
      [...findTemplateLeftovers(marker.frontMatter, marker.frontMatterText).kinds],
      ['marker'],
    );
    const dash = splitFrontMatter(EDGE_CASES['evaluation dash with CRLF'] as string);
    const parsed = parseFrontMatter(dash.frontMatter, 2, LIMITS, dash.frontMatterText);
    assert.ok(parsed.ok && parsed.value.evaluationDashLine === 3);
  });

  it('changes nothing on any real hub file or any of its past versions', { skip: CORPUS_SKIP }, () => {
    for (const folder of ['hub', 'hub-history'])
      for (const file of markdownFiles(join(CORPUS_ROOT, folder)))
        assertSameWithWholeText(readFileSync(file, 'utf8'), file);
  });
});
