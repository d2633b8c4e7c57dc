import { spawnSync } from 'node:child_process';
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
