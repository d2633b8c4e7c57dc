import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Pieces of text are gathered to this size before each write. */
const WRITE_BYTES = 64 * 1024;

/**
 * Replaces a file's content so that a crash or a full disk leaves either the old file or the new
 * one, never half of each: the text goes to a file beside it, which then takes its name. The text
 * may come in pieces, so that a large file is never one string in memory.
 */
export function writeFileAtomically(path: string, text: string | Iterable<string>): void {
  // A file not there yet is written beside its folder's other files, folders made as needed.
  if (!existsSync(path)) mkdirSync(dirname(path), { recursive: true });
  // Through a symbolic link to the file it names: the rename would otherwise replace the link itself.
  const file = existsSync(path) ? realpathSync(path) : path;
  const temporary = join(dirname(file), `.${basename(file)}.mshub-review-${process.pid}.tmp`);
  const mode = existsSync(file) ? statSync(file).mode : 0o644;
  try {
    const fd = openSync(temporary, 'wx', mode);
    try {
      let pending = '';
      for (const piece of typeof text === 'string' ? [text] : text) {
        pending += piece;
        if (pending.length >= WRITE_BYTES) {
          writeSync(fd, pending);
          pending = '';
        }
      }
      if (pending.length > 0) writeSync(fd, pending);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    // Never a folder of the same name, and never an error that hides the first one.
    try {
      rmSync(temporary, { force: true });
    } catch {}
    throw error;
  }
}
