import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../src/core/findings.js';
import { decodeText, readByteText } from '../../src/core/parse/decode-text.js';
import { splitFrontMatter } from '../../src/core/parse/split-front-matter.js';
import { defaultRulesConfig } from '../../src/core/rules/rules-config.js';
import { validateAssetFile } from '../../src/core/validate-asset-file.js';
import { CORPUS_ROOT, CORPUS_SKIP, SAMPLE_HUB } from '../helpers/fixtures.js';

const LIMIT = 1024 * 1024;

/** The file split from its bytes read one character a byte must be the file split from its text. */
function assertSameSplit(bytes: Uint8Array, label: string): void {
  const read = readByteText(bytes, LIMIT);
  const decoded = decodeText(bytes, LIMIT);
  assert.equal(read.ok, decoded.ok, label);
  if (!read.ok || !decoded.ok) return;
  const fromBytes = splitFrontMatter(read.file.text, (start, end) => read.file.decode(start, end));
  const fromText = splitFrontMatter(decoded.text);
  assert.deepEqual(fromBytes.frontMatter, fromText.frontMatter, `${label}: front matter lines`);
  assert.equal(fromBytes.frontMatterText, fromText.frontMatterText, `${label}: front matter text`);
  assert.deepEqual(fromBytes.fenceLines, fromText.fenceLines, `${label}: fence lines`);
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(folder, name));
}

/** What checkHeadingColons finds in a file, with the lines, messages and fixes it reports. */
function headingFindings(bytes: Uint8Array): Finding[] {
  return validateAssetFile(
    { path: 'mshub_res/assets/mindspore/2.5/x.md', bytes },
    defaultRulesConfig(),
  ).findings.filter((finding) => finding.rule === 'heading-colon');
}

describe('readByteText', () => {
  it('refuses what decodeText refuses, for the same reason', () => {
    for (const bytes of [
      Buffer.from([0x61, 0x00, 0x62]),
      Buffer.from([0x61, 0xff]),
      Buffer.from([0xe4, 0xb8]),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from([0xc0, 0xaf]),
      Buffer.alloc(LIMIT + 1, 0x61),
    ]) {
      const read = readByteText(bytes, LIMIT);
      const decoded = decodeText(bytes, LIMIT);
      assert.ok(!read.ok && !decoded.ok);
      assert.deepEqual(read, decoded, bytes.subarray(0, 8).toString('hex'));
    }
  });

  it('keeps one character a byte, drops a leading byte order mark, and decodes any stretch', () => {
    const read = readByteText(Buffer.from('\ufeff# “Title”:\nab\ufeffc\n'), LIMIT);
    assert.ok(read.ok);
    assert.equal(read.file.text.length, Buffer.byteLength('# “Title”:\nab\ufeffc\n'));
    assert.equal(read.file.text.slice(0, 2), '# ');
    const lineEnd = read.file.text.indexOf('\n');
    assert.equal(read.file.decode(0, lineEnd), '# “Title”:');
    assert.equal(
      read.file.decode(lineEnd + 1, read.file.text.length),
      'ab\ufeffc\n',
      'a U+FEFF inside stays',
    );
  });
});

describe('splitting a file read one character a byte', () => {
  const cases: Record<string, string> = {
    'a typographic quote below the front matter': '---\nmodel-name: a\n---\n“materials”\n---\nmore\n',
    'CRLF line ends': '# T\r\n---\r\nmodel-name: a\r\n---\r\n中文\r\n',
    'a title line before the first fence': '# 标题\n---\nmodel-name: a\n---\n中文',
    'a full-width colon in the front matter': '---\nmodel-name：a\n---\n中文\n',
    'a character just before the closing fence': '---\nmodel-name: é\n---\nx',
    'a byte order mark': '\ufeff---\nmodel-name: a\n---\n“x”\n',
    'a byte order mark inside the front matter': '---\n\ufeffmodel-name: a\n---\n',
    'no closing fence': '---\nmodel-name: 中\n“x”',
    'a fence on the last line': '---\nmodel-name: a\n---',
    'no fence at all': 'model-name: a\n“x”\n',
    'an empty front matter': '---\n---\n“x”',
  };

  it('cuts the same lines and fences as the decoded text gives', () => {
    for (const [label, text] of Object.entries(cases)) assertSameSplit(Buffer.from(text), label);
  });

  it('cuts the same lines from every sample hub file', () => {
    for (const file of markdownFiles(SAMPLE_HUB)) assertSameSplit(readFileSync(file), file);
  });

  it('cuts the same lines from every real hub file and past version', { skip: CORPUS_SKIP }, () => {
    for (const folder of ['hub', 'hub-history'])
      for (const file of markdownFiles(join(CORPUS_ROOT, folder))) assertSameSplit(readFileSync(file), file);
  });
});

describe('heading colons in a file read one character a byte', () => {
  it('judges a heading by its text as written, with what is not ASCII around the colon', () => {
    const text = [
      '---',
      'model-name: a',
      '---',
      '## 用法：',
      '## Usage:',
      '## Voilà:\u00a0',
      '## Note:\u3000',
      '标题：',
      '===',
      '## 说明:',
      '```',
      '## 代码:',
      '```',
    ].join('\n');
    const found = headingFindings(Buffer.from(text));
    assert.deepEqual(
      found.map((finding) => finding.line),
      [5, 10],
      'a full-width colon is no colon; mistune keeps a no-break or ideographic space after one; a code block holds no heading',
    );
    assert.deepEqual(found[0]?.edits, [{ line: 5, text: '## Usage' }]);
    assert.deepEqual(found[1]?.edits, [{ line: 10, text: '## 说明' }]);
  });
});
