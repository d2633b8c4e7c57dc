import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTransientError } from '../../src/core/transient-error.js';
import { EmbeddedReviewQueue } from '../../src/jobs/embedded-queue.js';

const request = (headSha: string, deliveryId = headSha) => ({
  platform: 'github' as const,
  owner: 'o',
  repo: 'r',
  pullNumber: 1,
  headSha,
  deliveryId,
  trigger: 't',
});

describe('the embedded queue', () => {
  it('retries a transient failure with backoff, and reports only on the last attempt', async () => {
    const lastAttempts: boolean[] = [];
    const waits: number[] = [];
    const queue = new EmbeddedReviewQueue(
      async (_request, control) => {
        lastAttempts.push(control.lastAttempt());
        if (lastAttempts.length < 3) throw Object.assign(new Error('server error'), { status: 502 });
      },
      {
        concurrency: 1,
        attempts: 3,
        backoffMs: (retry) => {
          waits.push(retry);
          return 0;
        },
      },
    );
    queue.enqueue(request('a'.repeat(40)));
    await queue.idle();
    assert.deepEqual(lastAttempts, [false, false, true]);
    assert.deepEqual(waits, [1, 2]);
  });

  it('remembers a bounded number of reviewed heads, forgetting the oldest first', async () => {
    const reviewed: string[] = [];
    const queue = new EmbeddedReviewQueue(
      async (job) => {
        reviewed.push(job.headSha ?? '');
      },
      { concurrency: 1, attempts: 1, maxRemembered: 2 },
    );
    const pull = (number: number, headSha: string, deliveryId: string) => ({
      ...request(headSha, deliveryId),
      pullNumber: number,
    });
    for (const [number, letter] of [
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ] as const)
      await queue.enqueue(pull(number, letter.repeat(40), `first-${letter}`));
    await queue.idle();
    assert.equal(await queue.enqueue(pull(3, 'c'.repeat(40), 'again-c')), 'already-reviewed');
    // The first head was pushed out by the two after it: asked again, it is reviewed again.
    assert.notEqual(await queue.enqueue(pull(1, 'a'.repeat(40), 'again-a')), 'already-reviewed');
    await queue.idle();
    assert.deepEqual(
      reviewed,
      ['a', 'b', 'c', 'a'].map((letter) => letter.repeat(40)),
    );
  });

  it('does not retry a final failure', async () => {
    let runs = 0;
    const errors: unknown[] = [];
    const queue = new EmbeddedReviewQueue(
      async () => {
        runs++;
        throw Object.assign(new Error('not found'), { status: 404 });
      },
      { concurrency: 1, attempts: 3, backoffMs: () => 0, onError: (error) => errors.push(error) },
    );
    queue.enqueue(request('b'.repeat(40)));
    await queue.idle();
    assert.equal(runs, 1);
    assert.equal(errors.length, 1);
  });

  it('skips a queued review of a closed pull request', async () => {
    const ran: string[] = [];
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const queue = new EmbeddedReviewQueue(
      async (item) => {
        ran.push(item.headSha ?? '');
        if (item.pullNumber === 9) await gate;
      },
      { concurrency: 1 },
    );
    queue.enqueue({ ...request('c'.repeat(40)), pullNumber: 9 });
    queue.enqueue(request('d'.repeat(40)));
    queue.cancel({ platform: 'github', owner: 'o', repo: 'r', pullNumber: 1 });
    open();
    await queue.idle();
    assert.deepEqual(ran, ['c'.repeat(40)]);
    assert.equal(await queue.depth(), 0);
  });

  it('knows which failures are transient', () => {
    assert.ok(isTransientError({ status: 503 }));
    assert.ok(isTransientError({ status: 429 }));
    assert.ok(isTransientError(Object.assign(new Error('reset'), { code: 'ECONNRESET' })));
    assert.ok(!isTransientError({ status: 404 }));
    assert.ok(!isTransientError(new Error('bug')));
  });
});
