import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncState } from './sync-state.js';

/** Git blob ids (SHA-1 or SHA-256); anything else is not cached, so no id can name a path. */
const BLOB_ID = /^[0-9a-f]{40,64}$/;

/**
 * Sync state in a folder, for the embedded queue: a restarted server does not read every file of the
 * hub again on its next sync, and does not publish unchanged output again.
 */
export class FileSyncState implements SyncState {
  constructor(private readonly folder: string) {}

  async getBlobs(ids: readonly string[]): Promise<Map<string, Uint8Array>> {
    const found = new Map<string, Uint8Array>();
    await Promise.all(
      ids
        .filter((id) => BLOB_ID.test(id))
        .map(async (id) => {
          const bytes = await readFile(this.blobPath(id)).catch(() => undefined);
          if (bytes) found.set(id, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        }),
    );
    return found;
  }

  async putBlobs(blobs: ReadonlyMap<string, Uint8Array>): Promise<void> {
    for (const [id, bytes] of blobs) if (BLOB_ID.test(id)) await this.write(this.blobPath(id), bytes);
  }

  /** Deletes the blob files of content no longer in the hub, so the folder stays the size of one hub. */
  async retainBlobs(ids: ReadonlySet<string>): Promise<void> {
    const root = join(this.folder, 'blobs');
    const folders = await readdir(root).catch(() => [] as string[]);
    for (const folder of folders) {
      for (const name of await readdir(join(root, folder)).catch(() => [] as string[])) {
        if (!ids.has(name)) await rm(join(root, folder, name), { force: true });
      }
    }
  }

  async getDigest(hub: string): Promise<string | undefined> {
    return readFile(this.digestPath(hub), 'utf8').catch(() => undefined);
  }

  async setDigest(hub: string, digest: string): Promise<void> {
    await this.write(this.digestPath(hub), digest);
  }

  private blobPath(id: string): string {
    return join(this.folder, 'blobs', id.slice(0, 2), id);
  }

  private digestPath(hub: string): string {
    return join(this.folder, 'published', encodeURIComponent(hub));
  }

  /** Written beside and renamed: a crash never leaves half a blob under its id. */
  private async write(path: string, content: Uint8Array | string): Promise<void> {
    await mkdir(join(path, '..'), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, path);
  }
}
