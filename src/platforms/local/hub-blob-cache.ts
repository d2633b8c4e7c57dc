import { existsSync, renameSync, rmSync } from 'node:fs';
import { isMshubError } from '../../core/errors.js';
import { besideStateFile } from './audit-state-file.js';
import { type RecordCodec, RecordLog } from './record-log.js';
import { ScratchRecordLog } from './scratch-record-log.js';

const BYTES: RecordCodec<Uint8Array> = {
  encode: (bytes) => Buffer.from(bytes).toString('base64'),
  decode: (json) => Buffer.from(json as string, 'base64'),
};

/** A file of a hub at one commit, by its path and its blob id (its content's address). */
export interface HubBlob {
  path: string;
  blob: string;
}

/** The bytes of a hub's files at one commit, read back from disk when asked for. */
export interface CachedBlobs {
  bytes(blob: string): Uint8Array | undefined;
  /** Files the platform was asked for: those that the last read did not have. */
  readonly asked: number;
  close(): void;
}

/** Where `serve` keeps the files of a hub the last audit read: beside the hub's audit state. */
export function hubBlobsPath(statePath: string): string {
  return besideStateFile(statePath, 'blobs.jsonl');
}

/**
 * The hub's files at one commit, kept on disk at `path` for the audit and the next one: a file whose
 * blob the last read kept is not asked for again (blobs are content-addressed; GitCode allows 50
 * calls a minute, a hub has thousands of files, and few change between audits), in this process or
 * after a restart. Only this commit's blobs are kept. When a read fails, the last read stays as it was.
 */
export async function readHubBlobs(
  path: string,
  files: readonly HubBlob[],
  read: (file: HubBlob) => Promise<Uint8Array>,
  concurrency: number,
): Promise<CachedBlobs> {
  // A blob several files share (the same card copied) is asked for once.
  const unique = [...new Map(files.map((file) => [file.blob, file])).values()];
  const previous = openCache(path);
  const next = new ScratchRecordLog<Uint8Array>(`${path}.next`, BYTES);
  let asked = 0;
  try {
    let index = 0;
    const reader = async () => {
      while (index < unique.length) {
        const file = unique[index++] as HubBlob;
        let bytes = previous?.get(file.blob);
        if (bytes === undefined) {
          asked++;
          bytes = await read(file);
        }
        next.set(file.blob, bytes);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, unique.length) }, reader));
  } catch (error) {
    next.discard();
    throw error;
  } finally {
    previous?.close();
  }
  // Let go before the rename: Windows refuses to replace an open file.
  next.close();
  renameSync(next.path, path);
  const current = new RecordLog<Uint8Array>(path, BYTES);
  return { bytes: (blob) => current.get(blob), asked, close: () => current.close() };
}

/** The last read's blobs; a damaged file is a cache lost, not an audit stopped: it is read again. */
function openCache(path: string): RecordLog<Uint8Array> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return new RecordLog<Uint8Array>(path, BYTES);
  } catch (error) {
    if (!isMshubError(error, 'CONFIG_INVALID')) throw error;
    rmSync(path, { force: true });
    return undefined;
  }
}
