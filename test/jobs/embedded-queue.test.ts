import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EmbeddedReviewQueue } from '../../src/jobs/embedded-queue.js';
import { isTransientError } from '../../src/jobs/transient-error.js';

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
