import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { frontMatterData } from '../../src/core/parse/front-matter-values.js';
import { replaceEvaluationDash } from '../../src/core/parse/parse-front-matter.js';
import { loadPyYaml } from '../../src/core/parse/pyyaml/construct.js';
import { PyDict } from '../../src/core/parse/pyyaml/py-values.js';
import { scanKeyLines } from '../../src/core/parse/scan-key-lines.js';
import { parseSimpleFrontMatter } from '../../src/core/parse/simple-front-matter.js';
import { splitFrontMatter } from '../../src/core/parse/split-front-matter.js';
import { CLEAN_TEXT, CORPUS_ROOT, CORPUS_SKIP, SAMPLE_HUB } from '../helpers/fixtures.js';

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(folder, name));
}

/** What the PyYAML reader gives for the lines, as the rules read it. */
function pyyamlData(lines: readonly { text: string }[]): unknown {
  const value = loadPyYaml(lines.map((line) => `${line.text}\n`).join(''));
  if (!(value instanceof PyDict)) return value ?? {};
  const data = frontMatterData(value, 8);
  assert.ok(data.ok);
  return data.data;
}

/** When the fast reader accepts a text, it must give exactly what the PyYAML reader and scanKeyLines give. */
function assertSameAsPyYaml(text: string, label: string): boolean {
  const { lines: frontMatter } = replaceEvaluationDash(splitFrontMatter(text).frontMatter);
  const simple = parseSimpleFrontMatter(frontMatter);
  if (!simple) return false;
  assert.deepEqual(simple.data, pyyamlData(frontMatter), `${label}: values differ from the PyYAML reader`);
  assert.deepEqual(simple.layout, scanKeyLines(frontMatter), `${label}: positions differ from scanKeyLines`);
  return true;
}

describe('the fast front matter reader', () => {
  it('reads the sample hub files exactly as the PyYAML reader does', () => {
    const files = markdownFiles(SAMPLE_HUB);
    const accepted = files.filter((file) => assertSameAsPyYaml(readFileSync(file, 'utf8'), file));
    assert.ok(accepted.length >= 7, `only ${accepted.length} of ${files.length} files took the fast path`);
  });

  it('reads every real hub file exactly as the PyYAML reader does', { skip: CORPUS_SKIP }, () => {
    const files = [
      ...markdownFiles(join(CORPUS_ROOT, 'hub')),
      ...markdownFiles(join(CORPUS_ROOT, 'hub-history')),
    ];
    const accepted = files.filter((file) => assertSameAsPyYaml(readFileSync(file, 'utf8'), file)).length;
    assert.ok(accepted > files.length * 0.8, `only ${accepted} of ${files.length} files took the fast path`);
  });

  it('reads numbers as the PyYAML reader does, whether or not they take the plain-decimal shortcut', () => {
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
        assertSameAsPyYaml(`---\nmodel-version: ${value}\n---\n`, value) || value.startsWith('-'),
        value,
      );
  });

  it('reads a flow list of numbers as the PyYAML reader does, and steps aside for any other flow list', () => {
    for (const value of ['[224, 224, 3]', '[32,32,3]', '[ 1 ,2 ]', '[0]'])
      assert.ok(assertSameAsPyYaml(`---\ninput-shape: ${value}\n---\n`, value), value);
    for (const value of ['[]', '[1, 2,]', '[[1, 2], [3, 4]]', '[1.5, 2]', '[01, 2]', '[a, 2]', '[1, 2] # c'])
      assert.ok(!assertSameAsPyYaml(`---\ninput-shape: ${value}\n---\n`, value), value);
  });

  it('agrees with the PyYAML reader or steps aside on every small edit of a real file', () => {
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
            pyyamlData(splitFrontMatter(text).frontMatter);
          } catch {
            assert.equal(
              parseSimpleFrontMatter(splitFrontMatter(text).frontMatter),
              undefined,
              `accepted invalid YAML: ${mutated}`,
            );
            continue;
          }
          assertSameAsPyYaml(text, `line ${line + 1} as ${JSON.stringify(mutated)}`);
        }
      }
    }
  });

  it('leaves quoted text with escapes, flow lists other than of numbers, and comments to the PyYAML reader', () => {
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
