import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readAsHub } from '../../src/core/hub/hub-reading.js';
import { mistuneHeadings } from '../../src/core/hub/mistune-headings.js';
import { CORPUS_ROOT, CORPUS_SKIP, REPO_ROOT } from '../helpers/fixtures.js';
import { generateMarkdownDocuments } from '../helpers/markdown-documents.js';
import { pyyamlMissing, runPythonOracle } from '../helpers/pyyaml-oracle.js';

const MISTUNE_FOLDER = join(REPO_ROOT, '../shared/tools/hub-validator');
const MISTUNE_SKIP =
  pyyamlMissing() ??
  (existsSync(join(MISTUNE_FOLDER, 'mistune.py'))
    ? false
    : `the hub validator's vendored mistune 0.8.4 is not at ${MISTUNE_FOLDER} (it ships beside the developers' checkout)`);
const ORACLE = join(REPO_ROOT, 'scripts/pyyaml/mistune-oracle.py');

async function assertSameHeadings(texts: readonly string[], label: string): Promise<void> {
  const oracle = await runPythonOracle<{ id: number; headings?: string[]; error?: string }>(
    [ORACLE, MISTUNE_FOLDER],
    texts,
  );
  const differences: string[] = [];
  texts.forEach((text, index) => {
    const expected = oracle[index]?.headings;
    const actual = mistuneHeadings(text);
    if (!expected || JSON.stringify(actual) !== JSON.stringify(expected))
      differences.push(
        `${label} ${index}: ${JSON.stringify(text).slice(0, 300)}\n  mistune: ${JSON.stringify(expected ?? oracle[index])}\n  port:    ${JSON.stringify(actual)}`,
      );
  });
  assert.equal(
    differences.length,
    0,
    `${differences.length} of ${texts.length} differ:\n${differences.slice(0, 5).join('\n')}`,
  );
}

describe('headings as mistune 0.8.4 finds them', () => {
  it('counts `#Title` without a space, and setext headings, but not code', () => {
    assert.deepEqual(mistuneHeadings('#Usage:\n\ntext\n'), ['Usage:']);
    assert.deepEqual(mistuneHeadings('Notes:\n====\n'), ['Notes:']);
    assert.deepEqual(mistuneHeadings('```\n# Usage:\n```\n'), []);
    assert.deepEqual(mistuneHeadings('    # Usage:\n'), []);
  });

  it('agrees with mistune on 3,000 generated markdown texts', { skip: MISTUNE_SKIP }, async () => {
    await assertSameHeadings(generateMarkdownDocuments(20261207, 3000), 'generated');
  });

  it('agrees with mistune on the markdown of every real hub file', {
    skip: CORPUS_SKIP || MISTUNE_SKIP,
  }, async () => {
    const folder = join(CORPUS_ROOT, 'hub/mshub_res/assets');
    const texts = readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.md'))
      .map((name) => readAsHub(readFileSync(join(folder, name))))
      .filter((reading) => reading !== undefined)
      .map((reading) => reading.markdown.map((line) => line.text).join(''));
    await assertSameHeadings(texts, 'real');
  });
});
