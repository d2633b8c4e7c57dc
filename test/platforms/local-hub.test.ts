import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readAssetFiles, selectAssetFiles, streamAssetFiles } from '../../src/platforms/local/local-hub.js';

describe('reading a hub checkout from disk', () => {
  it('reads every file whole up to the limit and cuts a larger one at the limit plus one byte', () => {
    const { root, limit, written, count } = hubOfManySizes();
    const inputs = readAssetFiles(selectAssetFiles([root]), limit);
    assert.equal(inputs.length, count);
    // Compared after every file is read: the buffer they are read into is reused, their bytes are not.
    for (const input of inputs) {
      const bytes = written.get(input.path);
      assert.ok(bytes, input.path);
      assert.deepEqual(Buffer.from(input.bytes), bytes.subarray(0, limit + 1), input.path);
    }
  });

  it('streams the same files with the same bytes, each valid until the next is read', () => {
    const { root, limit, written, count } = hubOfManySizes();
    const selection = selectAssetFiles([root]);
    const streamed = [...streamAssetFiles(selection, limit)].map((input) => input.path);
    assert.deepEqual(
      streamed,
      readAssetFiles(selection, limit).map((input) => input.path),
    );
    let seen = 0;
    for (const input of streamAssetFiles(selection, limit)) {
      assert.deepEqual(Buffer.from(input.bytes), written.get(input.path)?.subarray(0, limit + 1), input.path);
      seen++;
    }
    assert.equal(seen, count);
  });
});

/** A hub whose files are of sizes around the reused read buffer (64 KiB), its growth, and the limit. */
function hubOfManySizes() {
  const root = mkdtempSync(join(tmpdir(), 'mshub-local-hub-'));
  const folder = join(root, 'mshub_res/assets/mindspore/2.5');
  mkdirSync(folder, { recursive: true });
  const limit = 300 * 1024;
  const sizes = [0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 200 * 1024, limit, limit + 1, 2 * limit];
  const written = new Map<string, Buffer>();
  for (const [index, size] of sizes.entries()) {
    const bytes = randomBytes(size);
    const name = `model${index}_imagenet2012.md`;
    writeFileSync(join(folder, name), bytes);
    written.set(`mshub_res/assets/mindspore/2.5/${name}`, bytes);
  }
  return { root, limit, written, count: sizes.length };
}
