import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { asciiPrefix, decodeText } from '../../src/core/parse/decode-text.js';
import { splitFrontMatter } from '../../src/core/parse/split-front-matter.js';
import { CORPUS_ROOT, CORPUS_SKIP, SAMPLE_HUB } from '../helpers/fixtures.js';

/**
 * Splits the file as validateAssetFile does, the front matter cut from a one-byte copy where it is
 * ASCII; returns the split and whether the copy was used.
 */
function splitFromBytes(bytes: Uint8Array) {
  const decoded = decodeText(bytes, bytes.byteLength);
  assert.ok(decoded.ok);
  let used = false;
  const split = splitFrontMatter(decoded.text, (length) => {
    const prefix = asciiPrefix(bytes, length);
    used = prefix !== undefined;
    return prefix;
  });
  return { text: decoded.text, split, used };
}

function assertSameSplit(bytes: Uint8Array, label: string): boolean {
  const { text, split, used } = splitFromBytes(bytes);
  assert.deepEqual(split, splitFrontMatter(text), label);
  return used;
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(folder, name));
}

describe('asciiPrefix', () => {
  it('gives the first characters of ASCII bytes, and nothing once a byte is not ASCII', () => {
    const bytes = Buffer.from('---\nmodel-name: a\n---\n“materials”\n');
    assert.equal(asciiPrefix(bytes, 22), '---\nmodel-name: a\n---\n');
    assert.equal(asciiPrefix(bytes, 0), '');
    assert.equal(asciiPrefix(bytes, 23), undefined, 'the first byte of a quote');
    assert.equal(asciiPrefix(bytes, bytes.byteLength + 1), undefined, 'more than there is');
    assert.equal(asciiPrefix(Buffer.from('\ufeff---\n'), 4), undefined, 'a byte order mark');
  });
});

describe('cutting ASCII front matter from a one-byte copy of the text', () => {
  const cases: Record<string, { text: string; copied: boolean }> = {
    'a typographic quote below the front matter': {
      text: '---\nmodel-name: a\nmodel-version: 1.10\n---\n“materials”\n---\nmore\n',
      copied: true,
    },
    'CRLF line ends': { text: '# T\r\n---\r\nmodel-name: a\r\n---\r\n中文\r\n', copied: true },
    'a title line before the first fence': { text: '# Title\n---\nmodel-name: a\n---\n中文', copied: true },
    'a full-width colon in the front matter': { text: '---\nmodel-name：a\n---\n中文\n', copied: false },
    'a character just before the closing fence': { text: '---\nmodel-name: é\n---\nx', copied: false },
    'a byte order mark': { text: '\ufeff---\nmodel-name: a\n---\n“x”\n', copied: false },
    'no closing fence': { text: '---\nmodel-name: a\n“x”', copied: false },
    'a fence on the last line': { text: '---\nmodel-name: a\n---', copied: true },
    'no fence at all': { text: 'model-name: a\n“x”\n', copied: false },
    'an empty front matter': { text: '---\n---\n“x”', copied: true },
  };

  it('cuts the same lines and fences, and copies only ASCII front matter', () => {
    for (const [label, { text, copied }] of Object.entries(cases))
      assert.equal(assertSameSplit(Buffer.from(text), label), copied, `${label}: copied`);
  });

  it('cuts the same lines from every sample hub file', () => {
    for (const file of markdownFiles(SAMPLE_HUB)) assertSameSplit(readFileSync(file), file);
  });

  it('cuts the same lines from every real hub file and past version', { skip: CORPUS_SKIP }, () => {
    let copied = 0;
    for (const folder of ['hub', 'hub-history'])
      for (const file of markdownFiles(join(CORPUS_ROOT, folder)))
        if (assertSameSplit(readFileSync(file), file)) copied++;
    // Nearly every real file has ASCII front matter above markdown that is not ASCII.
    assert.ok(copied > 2500, `${copied} files copied`);
  });
});
