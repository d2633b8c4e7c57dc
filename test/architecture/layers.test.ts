import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { REPO_ROOT } from '../helpers/fixtures.js';

/**
 * DESIGN.md's one-way layers, as what each folder of src/ may import (besides itself and packages):
 * `cli` → `service` → `jobs`, `platforms`, `review`, `site`, `net` → `core`; `config` is read by
 * `service` and `cli` (and holds the settings types the adapters take). Among the middle layers the
 * order is `jobs`, `platforms` → `review` → `site` → `config` → `net` → `core`, so that no two import
 * each other. A type two layers share lives in the lower one.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  net: ['core'],
  config: ['core', 'net'],
  site: ['core', 'config', 'net'],
  review: ['core', 'config', 'site', 'net'],
  jobs: ['core', 'review', 'site'],
  platforms: ['core', 'config', 'review', 'site', 'net'],
  service: ['core', 'config', 'jobs', 'platforms', 'review', 'site', 'net'],
  // The command line composes the contributor commands from the adapters; the servers come from service.
  cli: ['core', 'config', 'service', 'platforms', 'review', 'site', 'net'],
};

const SRC = join(REPO_ROOT, 'src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const layerOf = (file: string) => relative(SRC, file).split('/')[0] ?? '';

/** Every relative import of every source file (static, type-only, re-exports and dynamic), as layer edges. */
function crossings(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = layerOf(file);
    if (!(from in MAY_IMPORT)) continue;
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), fileName);
      // package.json and the like: not a layer.
      if (relative(SRC, target).startsWith('..')) continue;
      const to = layerOf(target);
      if (to !== from && !MAY_IMPORT[from]?.includes(to))
        found.push(`${relative(REPO_ROOT, file)} (${from}) imports ${fileName} (${to})`);
    }
  }
  return found;
}

describe('the layers of src/', () => {
  it('import only downwards, as DESIGN.md draws them', () => {
    assert.deepEqual(crossings(), []);
  });

  it('name every folder of src/', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    assert.deepEqual(folders, Object.keys(MAY_IMPORT).sort(), 'a new folder needs its place in MAY_IMPORT');
  });
});
