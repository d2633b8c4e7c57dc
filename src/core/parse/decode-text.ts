import { isAscii, isUtf8 } from 'node:buffer';

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'too-large' | 'binary' | 'not-utf8'; detail: string };

/** Checks and decodes in one pass; a byte order mark at the start is dropped, as the hub reads it. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Turns the bytes of an asset file into text, refusing what no contributor meant as a markdown file. */
export function decodeText(bytes: Uint8Array, maxBytes: number): DecodeResult {
  const refused = refusal(bytes, maxBytes, false);
  if (refused) return refused;
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    return NOT_UTF8;
  }
}

type Refusal = Extract<DecodeResult, { ok: false }>;
const NOT_UTF8: Refusal = { ok: false, reason: 'not-utf8', detail: 'it is not valid UTF-8' };

function refusal(bytes: Uint8Array, maxBytes: number, checkUtf8: boolean): Refusal | undefined {
  if (bytes.byteLength > maxBytes) {
    return {
      ok: false,
      reason: 'too-large',
      detail: `${bytes.byteLength} bytes or more, the limit is ${maxBytes}`,
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: 'binary', detail: `a NUL byte at offset ${nul}` };
  return checkUtf8 && !isUtf8(bytes) ? NOT_UTF8 : undefined;
}

/**
 * An asset file as the rules read it: one character for each byte, after a byte order mark. The
 * markdown is read for its structure only (line breaks, fences, headings, colons: all ASCII, and a
 * UTF-8 sequence has no ASCII byte inside it), so the whole file is not decoded: V8 would keep it two
 * bytes a character as soon as one typographic quote is in it, and make every line cut from it so.
 * What is shown to a contributor, and the front matter, is decoded where it is.
 */
export class ByteText {
  /** Each byte as the character U+0000 to U+00FF of its value: ASCII is itself, and V8 keeps one byte each. */
  readonly text: string;
  readonly #bytes: Buffer;

  constructor(bytes: Uint8Array) {
    const start = hasByteOrderMark(bytes) ? 3 : 0;
    this.#bytes = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start);
    this.text = this.#bytes.toString('latin1');
  }

  /** The text of the file between two offsets of `text` that are not inside a UTF-8 sequence. */
  decode(start: number, end: number): string {
    const bytes = this.#bytes.subarray(start, end);
    return isAscii(bytes) ? this.text.slice(start, end) : WITHIN_UTF8.decode(bytes);
  }
}

/** For text from within a file: a U+FEFF there is a character of the file, not a mark to drop. */
const WITHIN_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function hasByteOrderMark(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Checks the bytes as decodeText does, and reads them without decoding the whole file. */
export function readByteText(bytes: Uint8Array, maxBytes: number): { ok: true; file: ByteText } | Refusal {
  return refusal(bytes, maxBytes, true) ?? { ok: true, file: new ByteText(bytes) };
}
