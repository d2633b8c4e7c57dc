import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';
import { replaceEvaluationDash } from '../../src/core/parse/parse-front-matter.js';
import { scanKeyLines } from '../../src/core/parse/scan-key-lines.js';
import { parseSimpleFrontMatter } from '../../src/core/parse/simple-front-matter.js';
import { splitFrontMatter } from '../../src/core/parse/split-front-matter.js';
import { CLEAN_TEXT, CORPUS_ROOT, CORPUS_SKIP, SAMPLE_HUB } from '../helpers/fixtures.js';

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(folder, name));
}

/** When the fast reader accepts a text, it must give exactly what js-yaml and scanKeyLines give. */
function assertSameAsJsYaml(text: string, label: string): boolean {
  const { lines: frontMatter } = replaceEvaluationDash(splitFrontMatter(text).frontMatter);
  const simple = parseSimpleFrontMatter(frontMatter);
  if (!simple) return false;
  const expected = yaml.load(frontMatter.map((line) => line.text).join('\n'), { schema: yaml.CORE_SCHEMA });
  assert.deepEqual(simple.data, expected ?? {}, `${label}: values differ from js-yaml`);
  assert.deepEqual(simple.layout, scanKeyLines(frontMatter), `${label}: positions differ from scanKeyLines`);
  return true;
}

describe('the fast front matter reader', () => {
  it('reads the sample hub files exactly as js-yaml does', () => {
    const files = markdownFiles(SAMPLE_HUB);
    const accepted = files.filter((file) => assertSameAsJsYaml(readFileSync(file, 'utf8'), file));
    assert.ok(accepted.length >= 7, `only ${accepted.length} of ${files.length} files took the fast path`);
  });

  it('reads every real hub file exactly as js-yaml does', { skip: CORPUS_SKIP }, () => {
    const files = [
      ...markdownFiles(join(CORPUS_ROOT, 'hub')),
      ...markdownFiles(join(CORPUS_ROOT, 'hub-history')),
    ];
    const accepted = files.filter((file) => assertSameAsJsYaml(readFileSync(file, 'utf8'), file)).length;
    assert.ok(accepted > files.length * 0.8, `only ${accepted} of ${files.length} files took the fast path`);
  });

  it('reads numbers as js-yaml does, whether or not they take the plain-decimal shortcut', () => {
    for (const value of [
      '0',
      '7',
      '10',
      '1.8',
      '1.10',
      '0.5',
      '76.18',
      '01',
      '00.1',
      '1.',
      '.5',
      '1_0',
      '1e3',
      '123456789012345',
      '1234567890123456',
      '1.000000000000001',
      '-1',
      '+2',
    ])
      assert.ok(
        assertSameAsJsYaml(`---\nmodel-version: ${value}\n---\n`, value) || value.startsWith('-'),
        value,
      );
  });

  it('reads a flow list of numbers as js-yaml does, and steps aside for any other flow list', () => {
    for (const value of ['[224, 224, 3]', '[32,32,3]', '[ 1 ,2 ]', '[0]'])
      assert.ok(assertSameAsJsYaml(`---\ninput-shape: ${value}\n---\n`, value), value);
    for (const value of ['[]', '[1, 2,]', '[[1, 2], [3, 4]]', '[1.5, 2]', '[01, 2]', '[a, 2]', '[1, 2] # c'])
      assert.ok(!assertSameAsJsYaml(`---\ninput-shape: ${value}\n---\n`, value), value);
  });

  it('agrees with js-yaml or steps aside on every small edit of a real file', () => {
    const lines = CLEAN_TEXT.split('\n');
    const edits = [
      '- ',
      ': ',
      ' ',
      '  ',
      '#',
      'x: ',
      '"',
      "'",
      'true',
      '1.10',
      '0x1F',
      '~',
      '.inf',
      'key',
      '\t',
      '<',
    ];
    for (let line = 3; line < 41; line++) {
      for (const edit of edits) {
        for (const mutated of [`${edit}${lines[line]}`, `${lines[line]}${edit}`]) {
          const text = [...lines.slice(0, line), mutated, ...lines.slice(line + 1)].join('\n');
          try {
            yaml.load(
              splitFrontMatter(text)
                .frontMatter.map((entry) => entry.text)
                .join('\n'),
              { schema: yaml.CORE_SCHEMA },
            );
          } catch {
            assert.equal(
              parseSimpleFrontMatter(splitFrontMatter(text).frontMatter),
              undefined,
              `accepted invalid YAML: ${mutated}`,
            );
            continue;
          }
          assertSameAsJsYaml(text, `line ${line + 1} as ${JSON.stringify(mutated)}`);
        }
      }
    }
  });

  it('leaves quoted text with escapes, flow lists other than of numbers, and comments to js-yaml', () => {
    for (const text of [
      'a: "x\\ny"',
      'a: [1, b]',
      'a: b # c',
      'a: |\n  x',
      'a:\n  b: c',
      '__proto__: x',
      '1.10: x',
    ]) {
      assert.equal(
        parseSimpleFrontMatter(text.split('\n').map((line, index) => ({ line: index + 1, text: line }))),
        undefined,
        text,
      );
    }
  });
});
