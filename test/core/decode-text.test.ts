import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { describe, it } from 'node:test';
import { decodeText } from '../../src/core/parse/decode-text.js';

/** What the file's bytes mean, the way Node's own checks read them. */
function reference(bytes: Uint8Array): string | 'binary' | 'not-utf8' {
  if (bytes.includes(0)) return 'binary';
  if (!isUtf8(bytes)) return 'not-utf8';
  const text = Buffer.from(bytes).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const outcome = (bytes: Uint8Array) => {
  const decoded = decodeText(bytes, 1024 * 1024);
  return decoded.ok ? decoded.text : decoded.reason;
};

describe('decodeText', () => {
  it('reads UTF-8 as Node does, drops one byte order mark, refuses NUL bytes and malformed UTF-8', () => {
    const cases = [
      Buffer.from('model-name: vgg19\n'),
      Buffer.from('\ufeff---\nmodel-name: a\n'),
      Buffer.from('\ufeff\ufeffx'),
      Buffer.from('中文：全角\u3000空格 😀'),
      Buffer.from([0x61, 0x00, 0x62]),
      Buffer.from([0x61, 0xff]),
      Buffer.from([0xe4, 0xb8]),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from([0xc0, 0xaf]),
      Buffer.from([0xf4, 0x8f, 0xbf, 0xbf]),
      Buffer.from([0xf4, 0x90, 0x80, 0x80]),
      Buffer.alloc(0),
    ];
    for (const bytes of cases) assert.equal(outcome(bytes), reference(bytes), bytes.toString('hex'));
  });

  it('agrees with Node on random bytes', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let run = 0; run < 2000; run++) {
      const bytes = Buffer.from(Array.from({ length: random() % 12 }, () => 0x80 + (random() % 0x80)));
      assert.equal(outcome(bytes), reference(bytes), bytes.toString('hex'));
    }
  });

  it('refuses a file over the limit without reading it', () => {
    const decoded = decodeText(Buffer.alloc(11, 0x61), 10);
    assert.equal(decoded.ok, false);
    assert.equal(!decoded.ok && decoded.reason, 'too-large');
  });
});
