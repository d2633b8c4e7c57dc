import { isUtf8 } from 'node:buffer';

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'too-large' | 'binary' | 'not-utf8'; detail: string };

/** Turns the bytes of an asset file into text, refusing what no contributor meant as a markdown file. */
export function decodeText(bytes: Uint8Array, maxBytes: number): DecodeResult {
  if (bytes.byteLength > maxBytes) {
    return {
      ok: false,
      reason: 'too-large',
      detail: `${bytes.byteLength} bytes or more, the limit is ${maxBytes}`,
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: 'binary', detail: `a NUL byte at offset ${nul}` };
  if (!isUtf8(bytes)) return { ok: false, reason: 'not-utf8', detail: 'it is not valid UTF-8' };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
