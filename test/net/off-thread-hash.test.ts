import assert from 'node:assert/strict';
import { createHash, randomFillSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { hashOffThread } from '../../src/net/hash-download.js';
import { OffThreadHash } from '../../src/net/off-thread-hash.js';

const MIB = 1024 * 1024;

describe('hashing on a worker thread', () => {
  it('gives the digest of the whole stream, holding the sender back while four batches are in flight', async () => {
    const bytes = randomFillSync(Buffer.alloc(9 * MIB + 12_345));
    const hash = new OffThreadHash();
    let waits = 0;
    try {
      for (let offset = 0; offset < bytes.length; offset += 64 * 1024) {
        const pending = hash.update(bytes.subarray(offset, offset + 64 * 1024));
        if (pending) {
          waits++;
          await pending;
        }
      }
      assert.equal(await hash.digest(), createHash('sha256').update(bytes).digest('hex'));
    } finally {
      hash.close();
    }
    assert.ok(waits > 0, 'the sender never waited for the worker');
  });

  it('is used for large assets only where SHA-256 is slow on this CPU', () => {
    assert.equal(hashOffThread(512 * MIB, 400), true);
    assert.equal(hashOffThread(512 * MIB, 1700), false);
    assert.equal(hashOffThread(4 * MIB, 400), false);
    assert.equal(hashOffThread(undefined, 400), false);
  });
});
