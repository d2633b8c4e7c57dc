export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'too-large' | 'binary' | 'not-utf8'; detail: string };

/** Checks and decodes in one pass; a byte order mark at the start is dropped, as the hub reads it. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

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
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    return { ok: false, reason: 'not-utf8', detail: 'it is not valid UTF-8' };
  }
}
