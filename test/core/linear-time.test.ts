import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hubHostName } from '../../src/core/catalog/hub-uid.js';
import { splitFrontMatter } from '../../src/core/parse/split-front-matter.js';
import { defaultRulesConfig } from '../../src/core/rules/rules-config.js';
import { validateAssetFile } from '../../src/core/validate-asset-file.js';
import { PATHOLOGICAL_FILES, perByteGrowth, roomyConfig } from '../helpers/pathological-files.js';

describe('the rules on files built to be slow', () => {
  const config = roomyConfig();
  for (const [name, make] of Object.entries(PATHOLOGICAL_FILES)) {
    it(`take time linear in the size for ${name}`, () => {
      const growth = perByteGrowth(make, 96 * 1024, config);
      assert.ok(
        growth < 3,
        `each byte costs ${growth.toFixed(1)}× more in a file 8× larger (linear: about 1)`,
      );
    });
  }
});

describe("the hub's uid host name", () => {
  it("gives what the hub's greedy pattern gives", () => {
    assert.equal(hubHostName('https://gitee.com/mindspore/models'), 'gitee');
    assert.equal(hubHostName('https://github.com/a/b/tree/x/y.com'), 'github.com/a/b/tree/x/y');
    assert.equal(hubHostName('http://x.com https://y.com'), 'y');
    assert.equal(hubHostName('https://com'), undefined);
    assert.equal(hubHostName('ftp://gitee.com/a/b'), undefined);
  });
});

describe('the fence and heading scans, which skip the lines that cannot matter', () => {
  const front = '---\nmodel-name: x\n---\n';
  const headingLines = (body: string) =>
    validateAssetFile(
      { path: 'mshub_res/assets/mindspore/2.5/x.md', bytes: Buffer.from(`${front}${body}`) },
      defaultRulesConfig(),
    )
      .findings.filter((finding) => finding.rule === 'heading-colon')
      .map((finding) => finding.line);

  it('numbers every fence line, in CRLF files and after the front matter', () => {
    const split = splitFrontMatter('# Title\r\n---\r\na: 1\r\n---\r\ntext\r\n---\r\n\r\n---x\r\n');
    assert.deepEqual(split.fenceLines, [2, 4, 6, 8]);
    assert.deepEqual(split.fenceStarts, [9, 20, 31, 38]);
    assert.deepEqual(split.frontMatter, [{ line: 3, text: 'a: 1' }]);
  });

  it('reports headings on the right line, skips code blocks and later front matter', () => {
    const body = [
      '## Usage:', // 4
      '```', // 5
      '# not a heading:', // 6
      '```', // 7
      'Title:', // 8
      '===', // 9
      '---', // 10
      '# inside a second front matter:', // 11
      '---', // 12
      '# Back in the text:', // 13
    ].join('\r\n');
    assert.deepEqual(headingLines(body), [4, 8, 13]);
  });

  it('takes a lone carriage return for the end of a line, as the hub reads the file', () => {
    // check.py opens the file with Python's universal newlines.
    assert.deepEqual(headingLines('Some text\r# a heading too:\n# Heading:\n'), [4, 5]);
  });
});
