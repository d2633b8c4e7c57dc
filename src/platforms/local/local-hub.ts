import { closeSync, type Dirent, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { MshubError } from '../../core/errors.js';
import { ASSETS_ROOT, hubContextFromPaths, isSubmissionFile, toPosixPath } from '../../core/hub-path.js';
import { VENDORED_CLI_PATH } from '../../core/local-command.js';
import { msg } from '../../core/messages/format-message.js';
import type { HubContext } from '../../core/rules/rule-context.js';
import type { AssetFileInput } from '../../core/validate-asset-file.js';

/** The files chosen on the command line, and what the rules may know about the hub around them. */
export interface LocalSelection {
  /** The folder that holds `mshub_res`, when the paths are inside a hub checkout. */
  hubRoot?: string;
  /** Absolute paths of the asset files to check. */
  files: string[];
  hub: HubContext;
}

/** The nearest folder at or above `start` that contains `mshub_res/`. */
export function findHubRoot(start: string): string | undefined {
  let current = resolve(start);
  for (;;) {
    if (isDirectory(join(current, 'mshub_res'))) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * Expands the paths given on the command line into asset files (a path that does not exist is an
 * error) and lists the hub once for its images and asset paths. A folder above the assets (the hub
 * root, `mshub_res`) means the assets in it, not the hub's documentation.
 *
 * Reads are synchronous: the CLI reads thousands of small files and nothing else waits on it.
 */
export function selectAssetFiles(paths: readonly string[]): LocalSelection {
  const hubRoot = findHubRoot(paths[0] === undefined ? process.cwd() : resolve(paths[0]));
  const hubFiles = hubRoot ? listFiles(join(hubRoot, 'mshub_res')) : [];
  const assetsRoot = hubRoot ? join(hubRoot, ASSETS_ROOT) + sep : undefined;

  const files = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(path);
    const stat = statSync(absolute, { throwIfNoEntry: false });
    if (!stat) throw new MshubError('PATH_NOT_FOUND', msg('cli.error-path-not-found', { path }));
    if (!stat.isDirectory()) {
      files.add(absolute);
      continue;
    }
    const folder = absolute + sep;
    const candidates = hubRoot && absolute.startsWith(hubRoot) ? hubFiles : listFiles(absolute);
    for (const file of candidates) {
      if (!file.startsWith(folder) || !isSubmissionFile(file)) continue;
      if (assetsRoot && file.startsWith(hubRoot ?? '') && !file.startsWith(assetsRoot)) continue;
      files.add(file);
    }
  }
  const selection: LocalSelection = { files: [...files].sort(), hub: hubContext(hubRoot, hubFiles) };
  if (hubRoot) selection.hubRoot = hubRoot;
  return selection;
}

function hubContext(hubRoot: string | undefined, hubFiles: readonly string[]): HubContext {
  if (!hubRoot) return {};
  const hub = hubContextFromPaths(hubFiles.map((file) => relativePath(hubRoot, file)));
  hub.vendoredCli = statSync(join(hubRoot, VENDORED_CLI_PATH), { throwIfNoEntry: false })?.isFile() === true;
  return hub;
}

/** `/`-separated path of `file` below `root`; the walk gives absolute paths under it, sliced directly. */
function relativePath(root: string, file: string): string {
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
  return toPosixPath(file.startsWith(prefix) ? file.slice(prefix.length) : relative(root, file));
}

/** Reads the selected files, each cut at `maxBytes + 1` so a huge file is never read whole. */
export function readAssetFiles(
  selection: LocalSelection,
  maxBytes: number,
  base = process.cwd(),
): AssetFileInput[] {
  // Each file copied out of the one buffer the stream reads them all into.
  return Array.from(streamAssetFiles(selection, maxBytes, base), ({ path, bytes }) => ({
    path,
    bytes: Buffer.from(bytes),
  }));
}

/**
 * The selected files one at a time, as readAssetFiles reads them, for a caller that is done with
 * each file before it asks for the next: each one's bytes are in the one buffer this reads every
 * file into, and are overwritten by the next. No copy and no memory of its own for each file of a
 * hub: about 10 ms less of a hub-wide run, most of it the garbage collector's.
 */
export function* streamAssetFiles(
  selection: LocalSelection,
  maxBytes: number,
  base = process.cwd(),
): Generator<AssetFileInput, void, undefined> {
  const root = selection.hubRoot ?? base;
  for (let index = 0; index < selection.files.length; index++) {
    const file = selection.files[index] as string;
    yield { path: relativePath(root, file), bytes: readPrefix(file, maxBytes + 1) };
  }
}

/** Grows up to the largest file read (at most the file size limit, 1 MiB by default). */
let scratch = Buffer.allocUnsafeSlow(64 * 1024);

/** The file's first `length` bytes, in the shared buffer: valid until the next read. */
function readPrefix(file: string, length: number): Uint8Array {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch (error) {
    throw new MshubError('FILE_UNREADABLE', `${file} cannot be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    // Read until the end (a read of 0) or the limit into one reused buffer: the same number of
    // system calls as asking the size first, without a Stats object (and its four Dates) for every
    // file of a hub. The caller copies what it keeps.
    let filled = 0;
    for (;;) {
      if (filled === scratch.length && scratch.length < length) {
        const larger = Buffer.allocUnsafeSlow(Math.min(length, scratch.length * 4));
        scratch.copy(larger, 0, 0, filled);
        scratch = larger;
      }
      const wanted = Math.min(scratch.length, length) - filled;
      if (wanted === 0) break;
      const read = readSync(descriptor, scratch, filled, wanted, filled);
      if (read === 0) break;
      filled += read;
    }
    return scratch.subarray(0, filled);
  } finally {
    closeSync(descriptor);
  }
}

/** Every regular file below `folder`; symbolic links are not followed, so a link loop cannot hang the walk. */
function listFiles(folder: string): string[] {
  const found: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = `${current}${sep}${entry.name}`;
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) found.push(path);
    }
  }
  return found;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}
