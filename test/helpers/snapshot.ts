import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './fixtures.js';

const SNAPSHOT_DIR = join(REPO_ROOT, 'test/__snapshots__');

/**
 * Compares text with a stored snapshot under test/__snapshots__. `UPDATE_SNAPSHOTS=1 npm test`
 * writes them; a missing snapshot fails, so CI never passes by writing one.
 */
export function assertSnapshot(name: string, actual: string): void {
  const file = join(SNAPSHOT_DIR, name);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `snapshot ${name} is missing: run UPDATE_SNAPSHOTS=1 npm test and review it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `snapshot ${name} differs`);
}
