import { isAscii } from 'node:buffer';

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

/** For ASCII bytes, the same characters as UTF-8 gives, always as a one-byte string. */
const ASCII = new TextDecoder('latin1');

/**
 * The first `length` characters of the text decodeText made of `bytes`, as a one-byte string, when
 * they are ASCII (and so are the first `length` bytes); undefined otherwise. V8 stores a string two
 * bytes a character as soon as one character needs it, and hub files put typographic quotes in the
 * markdown below front matter that is plain ASCII.
 */
export function asciiPrefix(bytes: Uint8Array, length: number): string | undefined {
  if (length > bytes.byteLength) return undefined;
  const prefix = bytes.subarray(0, length);
  return isAscii(prefix) ? ASCII.decode(prefix) : undefined;
}
