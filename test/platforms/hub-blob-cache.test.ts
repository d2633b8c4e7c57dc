import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type HubBlob, readHubBlobs } from '../../src/platforms/local/hub-blob-cache.js';

const cachePath = () => join(mkdtempSync(join(tmpdir(), 'mshub-blobs-')), 'audit', 'hub.blobs.jsonl');
const file = (blob: string): HubBlob => ({ path: `mshub_res/assets/p/1.9/${blob}.md`, blob });
const text = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);

/** The platform's side: each file's bytes, and which blobs were asked for. */
function platform(contents: Record<string, string>) {
  const asked: string[] = [];
  return {
    asked,
    read: async ({ blob }: HubBlob) => {
      asked.push(blob);
      const content = contents[blob];
      if (content === undefined) throw new Error(`no blob ${blob}`);
      return new TextEncoder().encode(content);
    },
  };
}

describe('readHubBlobs', () => {
  it('asks the platform only for the blobs the last read did not have, and keeps only this commit’s', async () => {
    const path = cachePath();
    const first = platform({ a: '模型 a', b: 'b\u0000\xff' });
    const read1 = await readHubBlobs(path, [file('a'), file('b')], first.read, 2);
    assert.deepEqual([...first.asked].sort(), ['a', 'b']);
    assert.equal(read1.asked, 2);
    assert.equal(text(read1.bytes('a')), '模型 a');
    assert.equal(text(read1.bytes('b')), 'b\u0000\xff');
    read1.close();

    // The next commit: a unchanged, b gone, c new. A process started afresh reads the same file.
    const second = platform({ c: 'c' });
    const read2 = await readHubBlobs(path, [file('a'), file('c')], second.read, 2);
    assert.deepEqual(second.asked, ['c']);
    assert.equal(text(read2.bytes('a')), '模型 a');
    assert.equal(read2.bytes('b'), undefined, 'a blob no longer in the hub is not kept');
    read2.close();
    assert.equal(readFileSync(path, 'utf8').trim().split('\n').length, 2);
  });

  it('asks once for a blob that several files share', async () => {
    const hub = platform({ same: 'same' });
    const cached = await readHubBlobs(
      cachePath(),
      [file('same'), { path: 'x.md', blob: 'same' }],
      hub.read,
      1,
    );
    assert.deepEqual(hub.asked, ['same']);
    cached.close();
  });

  it('keeps the last read as it was when a read fails', async () => {
    const path = cachePath();
    (await readHubBlobs(path, [file('a')], platform({ a: 'a' }).read, 1)).close();
    const before = readFileSync(path, 'utf8');
    await assert.rejects(
      readHubBlobs(path, [file('a'), file('missing')], platform({}).read, 1),
      /no blob missing/,
    );
    assert.equal(readFileSync(path, 'utf8'), before);
    assert.equal(existsSync(`${path}.next`), false);
  });

  it('reads every file again when the kept ones are damaged, instead of stopping the audit', async () => {
    const path = cachePath();
    (await readHubBlobs(path, [file('a')], platform({ a: 'a' }).read, 1)).close();
    writeFileSync(path, 'not json\n["a","YQ=="]\n');
    const hub = platform({ a: 'a' });
    const cached = await readHubBlobs(path, [file('a')], hub.read, 1);
    assert.deepEqual(hub.asked, ['a']);
    assert.equal(text(cached.bytes('a')), 'a');
    cached.close();
  });
});
