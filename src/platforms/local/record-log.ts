import {
  closeSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { MshubError } from '../../core/errors.js';
import { writeFileAtomically } from './write-file-atomically.js';

/** How a value goes on its line and comes back (a `Set` has no JSON of its own). */
export interface RecordCodec<T> {
  encode(value: T): unknown;
  decode(json: unknown): T;
}

const AS_IS: RecordCodec<never> = { encode: (value) => value, decode: (json) => json as never };

const READ_BYTES = 64 * 1024;

/**
 * Thirty bits of a key's FNV-1a hash: a small integer, which V8 keeps in a `Map` without a box, so
 * that the index costs a few bytes a key and never holds the key itself.
 */
export function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  return hash & 0x3fffffff;
}

interface Line {
  offset: number;
  text: string;
}

/**
 * Values by key in one append-only file of JSON lines, `[key, value]`, with only where each key's
 * last line starts kept in memory: a value is read back from the file when asked for. A set is one
 * appended line, on disk at once, so a process that dies loses nothing set before; a line cut off by
 * a crash is dropped when the file is opened again. Lines that later ones replaced are dropped when
 * they outnumber the live ones (`compactIfWasteful`).
 */
export class RecordLog<T> {
  /** Where each key's last line starts, by the key's hash; keys that share a hash share a list. */
  private index = new Map<number, number | number[]>();
  private fd: number | undefined;
  private end = 0;
  private lines = 0;
  private count = 0;
  private scratch = Buffer.allocUnsafe(1024);

  constructor(
    readonly path: string,
    private readonly codec: RecordCodec<T> = AS_IS,
    /** Replaced lines tolerated before `compactIfWasteful` rewrites the file, beside one per live key. */
    private readonly minimumWaste = 1000,
  ) {
    if (existsSync(path)) this.readIndex();
  }

  get size(): number {
    return this.count;
  }

  get(key: string): T | undefined {
    const at = this.index.get(keyHash(key));
    if (at === undefined) return undefined;
    for (const offset of typeof at === 'number' ? [at] : at) {
      const [lineKey, value] = this.lineAt(offset);
      if (lineKey === key) return this.codec.decode(value);
    }
    return undefined;
  }

  set(key: string, value: T): this {
    const bytes = Buffer.from(`${JSON.stringify([key, this.codec.encode(value)])}\n`);
    const offset = this.end;
    const fd = this.file();
    try {
      for (let written = 0; written < bytes.length; )
        written += writeSync(fd, bytes, written, bytes.length - written);
    } catch (error) {
      // A full disk must not leave half a line for the next one to be glued to.
      ftruncateSync(fd, offset);
      throw new MshubError(
        'STATE_UNWRITABLE',
        `could not write to ${this.path}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    this.end += bytes.length;
    this.lines++;
    if (this.place(this.index, key, offset, false)) this.count++;
    return this;
  }

  *entries(): Generator<[string, T]> {
    for (const { offset, text } of this.scan()) {
      const [key, value] = this.parse(text, offset);
      if (this.isLast(key, offset)) yield [key, this.codec.decode(value)];
    }
  }

  *keys(): Generator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): Generator<T> {
    for (const [, value] of this.entries()) yield value;
  }

  /** Rewrites the file with only each key's last line, when replaced lines outnumber live ones. */
  compactIfWasteful(): void {
    const waste = this.lines - this.count;
    if (waste > this.count && waste > this.minimumWaste) this.compact();
  }

  compact(): void {
    const index = new Map<number, number | number[]>();
    let written = 0;
    const live = function* (this: RecordLog<T>): Generator<string> {
      for (const { offset, text } of this.scan()) {
        const [key] = this.parse(text, offset);
        if (!this.isLast(key, offset)) continue;
        this.place(index, key, written, true);
        written += Buffer.byteLength(text) + 1;
        yield `${text}\n`;
      }
      // Let go before the new file takes the old one's name: Windows refuses to replace an open file.
      this.close();
    }.call(this);
    writeFileAtomically(this.path, live);
    this.close();
    this.index = index;
    this.end = written;
    this.lines = this.count;
  }

  /** Lets the file go; the next read or write opens it again. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private file(): number {
    if (this.fd === undefined) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, 'a+');
    }
    return this.fd;
  }

  private readIndex(): void {
    this.end = fstatSync(this.file()).size;
    let complete = 0;
    for (const { offset, text } of this.scan()) {
      const [key] = this.parse(text, offset);
      this.lines++;
      if (this.place(this.index, key, offset, false)) this.count++;
      complete = offset + Buffer.byteLength(text) + 1;
    }
    if (complete < this.end) {
      // The last line was cut off by a crash: what it held was never acknowledged.
      ftruncateSync(this.file(), complete);
      this.end = complete;
    }
  }

  /**
   * Records that `key`'s last line starts at `offset`; true when the key is new to `index`. Keys
   * that share a hash are told apart by the line each offset points at, unless `distinct` says no
   * key comes twice (a rewrite, whose offsets are not yet those of the file).
   */
  private place(
    index: Map<number, number | number[]>,
    key: string,
    offset: number,
    distinct: boolean,
  ): boolean {
    const hash = keyHash(key);
    const at = index.get(hash);
    if (at === undefined) {
      index.set(hash, offset);
      return true;
    }
    const offsets = typeof at === 'number' ? [at] : at;
    const same = distinct ? -1 : offsets.findIndex((candidate) => this.lineAt(candidate)[0] === key);
    if (same === -1) offsets.push(offset);
    else offsets[same] = offset;
    index.set(hash, offsets.length === 1 ? (offsets[0] as number) : offsets);
    return same === -1;
  }

  private isLast(key: string, offset: number): boolean {
    const at = this.index.get(keyHash(key));
    return at === offset || (Array.isArray(at) && at.includes(offset));
  }

  private lineAt(offset: number): [string, unknown] {
    const fd = this.file();
    for (let size = this.scratch.length; ; size *= 4) {
      if (this.scratch.length < size) this.scratch = Buffer.allocUnsafe(size);
      const length = Math.min(size, this.end - offset);
      const read = readSync(fd, this.scratch, 0, length, offset);
      const newline = this.scratch.subarray(0, read).indexOf(10);
      if (newline !== -1) return this.parse(this.scratch.toString('utf8', 0, newline), offset);
      if (read < size) throw this.corrupt(offset, 'it has no end');
    }
  }

  private parse(text: string, offset: number): [string, unknown] {
    let line: unknown;
    try {
      line = JSON.parse(text);
    } catch (error) {
      throw this.corrupt(offset, (error as Error).message);
    }
    if (!Array.isArray(line) || line.length !== 2 || typeof line[0] !== 'string')
      throw this.corrupt(offset, 'it is not a [key, value] pair');
    return line as [string, unknown];
  }

  private corrupt(offset: number, why: string): MshubError {
    return new MshubError(
      'CONFIG_INVALID',
      `${this.path} is damaged at byte ${offset} (${why}); move it away to start afresh.`,
    );
  }

  /** The complete lines from the start, up to the end as it is when each chunk is read. */
  private *scan(): Generator<Line> {
    const fd = this.file();
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    let pending: Buffer[] = [];
    let pendingAt = 0;
    for (let position = 0; position < this.end; ) {
      const read = readSync(fd, buffer, 0, Math.min(READ_BYTES, this.end - position), position);
      if (read === 0) break;
      const chunk = buffer.subarray(0, read);
      let start = 0;
      for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, newline);
        const offset = pending.length > 0 ? pendingAt : position + start;
        const text =
          pending.length > 0 ? Buffer.concat([...pending, piece]).toString('utf8') : piece.toString('utf8');
        pending = [];
        start = newline + 1;
        yield { offset, text };
      }
      if (start < read) {
        if (pending.length === 0) pendingAt = position + start;
        pending.push(Buffer.from(chunk.subarray(start)));
      }
      position += read;
    }
  }
}
