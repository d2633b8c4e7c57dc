import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hubHostName } from '../../src/core/catalog/hub-uid.js';
import { atxHeadingText } from '../../src/core/rules/body-rules.js';
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

describe('the ATX heading scan', () => {
  it('reads headings as CommonMark does', () => {
    assert.equal(atxHeadingText('## Usage:'), 'Usage:');
    assert.equal(atxHeadingText('   # Title #  '), 'Title');
    assert.equal(atxHeadingText('# C#'), 'C#');
    assert.equal(atxHeadingText('# ###'), '');
    assert.equal(atxHeadingText('#'), '');
    assert.equal(atxHeadingText('#\tTabbed:'), 'Tabbed:');
  });

  it('refuses what is not a heading', () => {
    assert.equal(atxHeadingText('#hashtag'), undefined);
    assert.equal(atxHeadingText('####### seven'), undefined);
    assert.equal(atxHeadingText('    # indented code'), undefined);
    assert.equal(atxHeadingText('text # not at the start'), undefined);
  });
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
