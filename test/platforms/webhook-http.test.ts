import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { BodyBudget, readCappedBody } from '../../src/platforms/webhook-http.js';

/** A request body in chunks, with the headers a client sent. */
function body(chunks: number[], headers: Record<string, string> = {}): IncomingMessage {
  const stream = Readable.from(chunks.map((size) => Buffer.alloc(size, 'a')));
  return Object.assign(stream, { headers }) as unknown as IncomingMessage;
}

/** What the budget still lends: all of it once every read has ended. */
function available(budget: BodyBudget): number {
  let bytes = 0;
  while (budget.take(1024)) bytes += 1024;
  budget.give(bytes);
  return bytes;
}

describe('reading a webhook body', () => {
  it('refuses a body over the limit without Content-Length, and gives its bytes back to the budget', async () => {
    const budget = new BodyBudget(64 * 1024);
    // Another body being read at the same time holds 16 KiB: exactly that must stay taken.
    assert.ok(budget.take(16 * 1024));
    const result = await readCappedBody(body([4096, 4096, 4096]), 10_000, budget);
    assert.equal(result.ok ? 0 : result.reply.status, 413);
    assert.equal(available(budget), 48 * 1024);
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const result = await readCappedBody(
      body([10], { 'content-length': '999999' }),
      1000,
      new BodyBudget(1 << 20),
    );
    assert.equal(result.ok ? 0 : result.reply.status, 413);
  });

  it('answers 503 when the bodies being read at once pass the shared budget, and recovers after', async () => {
    const budget = new BodyBudget(8 * 1024);
    const held = budget.take(6 * 1024);
    assert.ok(held);
    const refused = await readCappedBody(body([2048, 2048]), 1 << 20, budget);
    assert.equal(refused.ok ? 0 : refused.reply.status, 503);
    budget.give(6 * 1024);
    assert.equal(available(budget), 8 * 1024);
    const accepted = await readCappedBody(body([2048, 2048]), 1 << 20, budget);
    assert.equal(accepted.ok ? accepted.bytes.length : 0, 4096);
    assert.equal(available(budget), 8 * 1024);
  });

  it('answers 413, final, for one body larger than the whole budget, rather than a 503 that would never pass', async () => {
    const budget = new BodyBudget(8 * 1024);
    const refused = await readCappedBody(body([4096, 4096, 4096]), 1 << 20, budget);
    assert.equal(refused.ok ? 0 : refused.reply.status, 413);
    assert.match(refused.ok ? '' : String(refused.reply.body.error), /8192 bytes unverified bodies may hold/);
    assert.equal(available(budget), 8 * 1024);
  });
});
