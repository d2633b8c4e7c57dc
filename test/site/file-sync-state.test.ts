import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultRepoConfig } from '../../src/config/repo-config.js';
import { FileSyncState } from '../../src/site/file-sync-state.js';
import { type HubTreeSource, type SiteArtifacts, SiteSyncer } from '../../src/site/site-sync.js';
import { CLEAN_PATH, CLEAN_TEXT } from '../helpers/fixtures.js';

const BLOB = 'ab'.repeat(20);

describe('sync state in a folder', () => {
  it('lets a restarted server sync without reading the hub again or publishing unchanged output', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mshub-state-'));
    let reads = 0;
    const hub: HubTreeSource = {
      listFiles: async () => [{ path: CLEAN_PATH, blob: BLOB }],
      readBlob: async () => {
        reads++;
        return new TextEncoder().encode(CLEAN_TEXT);
      },
      loadConfig: async () => defaultRepoConfig(),
    };
    const published: SiteArtifacts[] = [];
    const publisher = { publish: async (artifacts: SiteArtifacts) => void published.push(artifacts) };
    const before = await new SiteSyncer({
      publisher,
      state: new FileSyncState(folder),
      hubKey: 'gitee:mindspore/hub',
    }).sync(hub, 'c1');
    const after = await new SiteSyncer({
      publisher,
      state: new FileSyncState(folder),
      hubKey: 'gitee:mindspore/hub',
    }).sync(hub, 'c1');
    assert.deepEqual([before.blobsRead, before.published], [1, true]);
    assert.deepEqual([after.blobsRead, after.published, after.models], [0, false, 1]);
    assert.equal(reads, 1);
    assert.equal(published.length, 1);
  });

  it('forgets the files of content no longer in the hub', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mshub-state-'));
    const state = new FileSyncState(folder);
    const old = 'cd'.repeat(20);
    await state.putBlobs(
      new Map([
        [BLOB, new Uint8Array([1])],
        [old, new Uint8Array([2])],
      ]),
    );
    await state.retainBlobs(new Set([BLOB]));
    assert.deepEqual([...(await state.getBlobs([BLOB, old])).keys()], [BLOB]);
    assert.deepEqual(readdirSync(join(folder, 'blobs', 'cd')), []);
  });

  it('never turns a blob id into a path of its choosing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mshub-state-'));
    const state = new FileSyncState(folder);
    const hostile = '../../../../tmp/owned';
    await state.putBlobs(
      new Map([
        [hostile, new Uint8Array([1])],
        [BLOB, new Uint8Array([2])],
      ]),
    );
    assert.deepEqual([...(await state.getBlobs([hostile, BLOB])).keys()], [BLOB]);
    assert.deepEqual(readdirSync(join(folder, 'blobs')), ['ab']);
    assert.equal(existsSync('/tmp/owned'), false);
  });
});
