import type { ChangedFile } from './review-platform.js';

/**
 * The files whose blob differs between two trees (path → blob id), as a pull request's changed files
 * when the platform's list stops short. A file only in the base is gone and needs no review.
 */
export function changedBetweenTrees(
  base: ReadonlyMap<string, string | undefined>,
  head: ReadonlyMap<string, string | undefined>,
): ChangedFile[] {
  const changed: ChangedFile[] = [];
  for (const [path, blob] of head) {
    const before = base.get(path);
    if (before !== blob) changed.push({ path, status: before === undefined ? 'added' : 'modified' });
  }
  return changed;
}
