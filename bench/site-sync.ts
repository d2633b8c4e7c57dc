import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '..');

/** Wall time of `mshub-review site-sync` over the real hub (catalog and page), start-up included. */
export function benchSiteSync(runs = 3): { name: string; runsMs: number[]; targetMs: number } {
  const corpus = resolve(REPO_ROOT, '../shared/corpus/hub');
  const hub = existsSync(corpus) ? corpus : join(REPO_ROOT, 'test/fixtures/hub-sample');
  const out = mkdtempSync(join(tmpdir(), 'mshub-bench-site-'));
  const runsMs: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const started = process.hrtime.bigint();
      const result = spawnSync(
        process.execPath,
        [join(REPO_ROOT, 'bin/mshub-review.js'), 'site-sync', '--hub', hub, '--out', out],
        { encoding: 'utf8' },
      );
      runsMs.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (result.status !== 0) throw new Error(`site-sync failed: ${result.stderr}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return {
    name: hub === corpus ? 'site-sync of the real hub (catalog + page)' : 'site-sync of the sample hub',
    runsMs,
    targetMs: 2000,
  };
}

/**
 * An incremental site sync in one process, as the bot runs it after a merge: the hub was synced
 * before, one file changed, and the catalog and page are rebuilt and published to a folder.
 */
export async function benchIncrementalSync(
  runs = 5,
): Promise<{ name: string; files: number; fullMs: number; runsMs: number[]; targetMs: number }> {
  const { defaultRepoConfig } = await import('../src/config/repo-config.js');
  const { readAssetFiles, selectAssetFiles } = await import('../src/platforms/local/local-hub.js');
  const { FolderPublisher } = await import('../src/site/folder-publisher.js');
  const { SiteSyncer } = await import('../src/site/site-sync.js');
  const corpus = resolve(REPO_ROOT, '../shared/corpus/hub');
  const hub = existsSync(corpus) ? corpus : join(REPO_ROOT, 'test/fixtures/hub-sample');
  const selection = selectAssetFiles([join(hub, 'mshub_res/assets')]);
  const files = new Map(
    readAssetFiles(selection, 1024 * 1024).map((file) => [file.path, file.bytes] as const),
  );
  const blobOf = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');
  const source = {
    async listFiles() {
      return [...files].map(([path, bytes]) => ({ path, blob: blobOf(bytes) }));
    },
    async readBlob(path: string) {
      return files.get(path) ?? new Uint8Array();
    },
    async loadConfig() {
      return defaultRepoConfig();
    },
  };
  const out = mkdtempSync(join(tmpdir(), 'mshub-bench-incremental-'));
  try {
    const syncer = new SiteSyncer({ publisher: new FolderPublisher(out) });
    let started = process.hrtime.bigint();
    await syncer.sync(source, 'c0');
    const fullMs = Number(process.hrtime.bigint() - started) / 1e6;
    const [changedPath = ''] = files.keys();
    const original = new TextDecoder().decode(files.get(changedPath));
    const runsMs: number[] = [];
    for (let run = 1; run <= runs; run++) {
      files.set(
        changedPath,
        new TextEncoder().encode(original.replace(/\nsummary: /, `\nsummary: (edit ${run}) `)),
      );
      started = process.hrtime.bigint();
      const outcome = await syncer.sync(source, `c${run}`);
      runsMs.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (!outcome.published) throw new Error('the changed file did not change the published catalog');
    }
    return {
      name: `incremental site-sync after one changed file (${hub === corpus ? 'real hub' : 'sample hub'})`,
      files: files.size,
      fullMs,
      runsMs,
      targetMs: 200,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
