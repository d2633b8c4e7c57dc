import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { buildCatalog } from '../../src/core/catalog/build-catalog.js';
import { IncrementalCatalog } from '../../src/core/catalog/incremental-catalog.js';
import { hubContextFromPaths } from '../../src/core/hub-path.js';
import { defaultRulesConfig } from '../../src/core/rules/rules-config.js';
import { readAssetFiles, selectAssetFiles } from '../../src/platforms/local/local-hub.js';
import { REPO_ROOT, replaceOnce } from '../helpers/fixtures.js';

const sample = selectAssetFiles([`${REPO_ROOT}/test/fixtures/hub-sample/mshub_res/assets`]);
const decoder = new TextDecoder();
const identified = (files: Array<{ path: string; bytes: Uint8Array }>) =>
  files.map((file) => ({ ...file, blob: createHash('sha1').update(file.bytes).digest('hex') }));

describe('the incremental catalog', () => {
  const config = defaultRulesConfig();
  const files = identified(readAssetFiles(sample, 1024 * 1024));
  const hub = hubContextFromPaths(files.map((file) => file.path));

  it('builds the same catalog as a full build, and checks again only a file that changed', () => {
    const incremental = new IncrementalCatalog();
    assert.deepEqual(incremental.build(files, config, hub), buildCatalog(files, config, hub));
    assert.equal(incremental.checked, files.length);
    assert.deepEqual(incremental.build(files, config, hub), buildCatalog(files, config, hub));
    assert.equal(incremental.checked, 0);

    const [first, ...rest] = files;
    assert.ok(first);
    const text = decoder.decode(first.bytes);
    const changed = identified([
      { path: first.path, bytes: new TextEncoder().encode(replaceOnce(text, 'author:', 'author: ')) },
    ]);
    const next = [...changed, ...rest];
    assert.deepEqual(incremental.build(next, config, hub), buildCatalog(next, config, hub));
    assert.equal(incremental.checked, 1);
  });

  it('checks everything again when the rules change, and a Chinese page when its twin goes', () => {
    const incremental = new IncrementalCatalog();
    incremental.build(files, config, hub);
    const stricter = { ...config, severities: { 'version-text': 'error' as const } };
    assert.deepEqual(incremental.build(files, stricter, hub), buildCatalog(files, stricter, hub));
    assert.equal(incremental.checked, files.length);

    const chinese = files.find((file) => file.path.endsWith('_cn.md'));
    assert.ok(chinese, 'the sample hub holds a _cn.md page');
    const twin = chinese.path.replace(/_cn\.md$/, '.md');
    const withoutTwin = files.filter((file) => file.path !== twin);
    const smallerHub = hubContextFromPaths(withoutTwin.map((file) => file.path));
    const catalog = incremental.build(withoutTwin, stricter, smallerHub);
    assert.deepEqual(catalog, buildCatalog(withoutTwin, stricter, smallerHub));
    assert.equal(incremental.checked, 1);
    assert.ok(catalog.invalid.some((entry) => entry.path === chinese.path));
  });
});
