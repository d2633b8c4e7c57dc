import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addedLines } from '../../src/core/diff/added-lines.js';
import type { Finding, LineEdit } from '../../src/core/findings.js';
import { planSuggestions } from '../../src/core/report/render-suggestions.js';
import { buildReport } from '../../src/core/report/review-report.js';

const PATH = 'mshub_res/assets/me/2.5/model.md';

function finding(rule: string, edits: LineEdit[]): Finding {
  return {
    rule,
    severity: 'warning',
    path: PATH,
    line: edits[0]?.line ?? 1,
    message: `${rule} message`,
    edits,
  };
}

const plan = (findings: Finding[], added: number[]) =>
  planSuggestions(buildReport([{ path: PATH, findings }]), new Map([[PATH, new Set(added)]]));

describe('the lines a pull request adds', () => {
  it('counts added lines in the new file, past context and removed lines', () => {
    const patch = [
      '@@ -1,3 +1,4 @@',
      ' ---',
      '-model-name: a',
      '+model-name: b',
      '+model-version: "1.0"',
      ' author: me',
      '@@ -20,2 +21,2 @@',
      ' x',
      '+y',
      '\\ No newline at end of file',
    ].join('\n');
    assert.deepEqual([...addedLines(patch)], [2, 3, 22]);
  });

  it('is every line of a new file', () => {
    assert.deepEqual([...addedLines('@@ -0,0 +1,3 @@\n+a\n+b\n+c')], [1, 2, 3]);
  });
});

describe('planning suggestions', () => {
  it('puts a one-line fix on its line', () => {
    const [suggestion] = plan([finding('version-text', [{ line: 4, text: 'model-version: "1.10"' }])], [4]);
    assert.equal(suggestion?.line, 4);
    assert.equal(suggestion?.startLine, undefined);
    assert.match(suggestion?.body ?? '', /\n```suggestion\nmodel-version: "1\.10"\n```$/);
  });

  it('spans the lines of a fix that changes several in a row, and leaves out removed ones', () => {
    const [suggestion] = plan(
      [
        finding('template-leftover', [
          { line: 5, text: null },
          { line: 6, text: 'asset:' },
          { line: 7, text: null },
        ]),
      ],
      [5, 6, 7],
    );
    assert.equal(suggestion?.startLine, 5);
    assert.equal(suggestion?.line, 7);
    assert.match(suggestion?.body ?? '', /```suggestion\nasset:\n```$/);
  });

  it('deletes lines with an empty suggestion', () => {
    const [suggestion] = plan([finding('template-leftover', [{ line: 3, text: null }])], [3]);
    assert.match(suggestion?.body ?? '', /```suggestion\n```$/);
  });

  it('adds the lines of an insertion below its line', () => {
    const [suggestion] = plan(
      [finding('asset-digest-mismatch', [{ line: 9, text: '  asset-link: x\n  asset-sha256: abc' }])],
      [9],
    );
    assert.match(suggestion?.body ?? '', /```suggestion\n {2}asset-link: x\n {2}asset-sha256: abc\n```$/);
  });

  it('offers nothing on a line the pull request did not add, or for edits with a gap', () => {
    assert.deepEqual(plan([finding('version-text', [{ line: 4, text: 'x' }])], [5]), []);
    assert.deepEqual(
      plan(
        [
          finding('template-leftover', [
            { line: 2, text: null },
            { line: 9, text: null },
          ]),
        ],
        [2, 9],
      ),
      [],
    );
  });

  it('offers one suggestion per line, and a fence no line can close', () => {
    const suggestions = plan(
      [
        finding('wrong-character', [{ line: 4, text: 'summary: ```code```' }]),
        finding('other', [{ line: 4, text: 'y' }]),
      ],
      [4],
    );
    assert.equal(suggestions.length, 1);
    assert.match(suggestions[0]?.body ?? '', /\n````suggestion\nsummary: ```code```\n````$/);
  });
});

describe('planning suggestions for long lines', () => {
  it('offers none that a review comment could not hold', () => {
    const long = `summary: ${'x'.repeat(70_000)}`;
    assert.deepEqual(plan([finding('wrong-character', [{ line: 4, text: long }])], [4]), []);
  });
});
