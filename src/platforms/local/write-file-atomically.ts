import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's content so that a crash or a full disk leaves either the old file or the new
 * one, never half of each: the text goes to a file beside it, which then takes its name.
 */
export function writeFileAtomically(path: string, text: string): void {
  // A file not there yet is written beside its folder's other files, folders made as needed.
  if (!existsSync(path)) mkdirSync(dirname(path), { recursive: true });
  // Through a symbolic link to the file it names: the rename would otherwise replace the link itself.
  const file = existsSync(path) ? realpathSync(path) : path;
  const temporary = join(dirname(file), `.${basename(file)}.mshub-review-${process.pid}.tmp`);
  const mode = existsSync(file) ? statSync(file).mode : 0o644;
  try {
    writeFileSync(temporary, text, { mode, flag: 'wx' });
    renameSync(temporary, file);
  } catch (error) {
    // Never a folder of the same name, and never an error that hides the first one.
    try {
      rmSync(temporary, { force: true });
    } catch {}
    throw error;
  }
}
