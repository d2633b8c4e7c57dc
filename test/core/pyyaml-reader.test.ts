import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadPyYaml } from '../../src/core/parse/pyyaml/construct.js';
import { PyDate, PyDict, type PyValue } from '../../src/core/parse/pyyaml/py-values.js';
import { PyYamlError } from '../../src/core/parse/pyyaml/pyyaml-error.js';
import { pyyamlMissing } from '../helpers/pyyaml-oracle.js';
import { compareReaderWithPyYaml } from '../helpers/reader-parity.js';

const PYYAML_SKIP = pyyamlMissing() ?? false;

function field(text: string, key: string): PyValue | undefined {
  const value = loadPyYaml(text);
  assert.ok(value instanceof PyDict, `not a mapping: ${text}`);
  return value.get(key);
}

function errorOf(text: string): PyYamlError {
  try {
    loadPyYaml(text);
  } catch (error) {
    assert.ok(error instanceof PyYamlError, String(error));
    return error;
  }
  assert.fail(`no error for ${JSON.stringify(text)}`);
}

describe('the PyYAML reader', () => {
  it('reads YAML 1.1 values as the hub does: yes/on/Off booleans, base-60 integers, dates, octal', () => {
    assert.equal(field('fine-tunable: yes\n', 'fine-tunable'), true);
    assert.equal(field('fine-tunable: on\n', 'fine-tunable'), true);
    assert.equal(field('fine-tunable: Off\n', 'fine-tunable'), false);
    assert.equal(field('update-time: 2024:01:01\n', 'update-time'), 2024n * 3600n + 60n + 1n);
    assert.equal(field('mode: 0755\n', 'mode'), 493n);
    assert.equal(field('version: 1.10\n', 'version'), 1.1);
    assert.equal(field('version: "1.10"\n', 'version'), '1.10');
    const date = field('update-time: 2023-02-17\n', 'update-time');
    assert.ok(date instanceof PyDate);
    assert.equal(date.python, '2023-02-17');
    assert.equal((field('t: 2023-02-17T10:00:00Z\n', 't') as PyDate).python, '2023-02-17 10:00:00+00:00');
  });

  it('keeps a trailing ideographic space in a value, as PyYAML does', () => {
    assert.equal(field('author: MindSpore\u3000\n', 'author'), 'MindSpore\u3000');
  });

  it('keeps the last value of a key written twice, also through an alias', () => {
    assert.equal(field('a: 1\na: 2\n', 'a'), 2n);
    assert.equal(field('x: &x model-name\n*x : y\n', 'model-name'), 'y');
  });

  it('merges `<<` keys, explicit keys winning', () => {
    const value = loadPyYaml('base: &b {a: 1, c: 3}\nm:\n  <<: *b\n  a: 2\n') as PyDict;
    const merged = value.get('m') as PyDict;
    assert.deepEqual(merged.keys, ['a', 'c']);
    assert.deepEqual(merged.values, [2n, 3n]);
  });

  it('refuses a tab after the colon, before it, after a value and inside a plain value, where PyYAML does', () => {
    for (const [text, line, column] of [
      ['a:\tb\n', 0, 2],
      ['a\t: b\n', 0, 1],
      ['a: b\t\nc: d\n', 0, 4],
      ['a: b\tc\n', 0, 4],
    ] as const) {
      const error = errorOf(text);
      assert.equal(error.problem, "found character '\\t' that cannot start any token", JSON.stringify(text));
      assert.deepEqual([error.mark?.line, error.mark?.column], [line, column], JSON.stringify(text));
    }
  });

  it('names the line and column PyYAML names for a missing colon', () => {
    const error = errorOf('model-name: x\nbackbone-name resnet\nlicense: y\n');
    assert.equal(error.context, 'while scanning a simple key');
    assert.equal(error.problem, "could not find expected ':'");
    assert.deepEqual([error.contextMark?.line, error.contextMark?.column], [1, 0]);
    assert.deepEqual([error.problemMark?.line, error.problemMark?.column], [2, 0]);
  });

  it('fails where Python itself would, outside PyYAML: an impossible date', () => {
    const error = errorOf('update-time: 2023-02-30\n');
    assert.equal(error.pythonException, 'ValueError');
    assert.equal(error.mark?.line, 0);
  });

  it('refuses characters PyYAML refuses, at their position', () => {
    const error = errorOf('a: b\nc: \x07\n');
    assert.equal(error.stage, 'reader');
    assert.deepEqual([error.mark?.index, error.mark?.line, error.mark?.column], [8, 1, 3]);
  });

  it('never hands out Python objects', () => {
    assert.equal(errorOf('a: !!python/name:os.system\n').pythonException, 'unsafe');
  });

  it('agrees with PyYAML on 10,000 generated documents, value for value and error for error', {
    skip: PYYAML_SKIP,
  }, async () => {
    const parity = await compareReaderWithPyYaml(20261207, 10_000);
    assert.ok(parity.values >= 2000 && parity.errors >= 2000, `too few of a kind: ${JSON.stringify(parity)}`);
    const shown = parity.differences
      .slice(0, 3)
      .map((difference) => JSON.stringify(difference))
      .join('\n');
    assert.equal(
      parity.differences.length,
      0,
      `the reader differs from PyYAML on ${parity.differences.length} documents:\n${shown}`,
    );
  });
});
