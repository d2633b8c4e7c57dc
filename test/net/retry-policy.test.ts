import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffMs, isTransientStatus, parseRetryAfter, retryDelayMs } from '../../src/net/retry-policy.js';

describe('the retry policy', () => {
  it('reads Retry-After as seconds and as an HTTP date', () => {
    assert.equal(parseRetryAfter('120'), 120_000);
    assert.equal(
      parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT')),
      10_000,
    );
    assert.equal(
      parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 08:00:00 GMT')),
      0,
    );
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
  });

  it('asks again on rate limits and server errors only', () => {
    assert.deepEqual([200, 404, 422, 429, 500, 502, 503, 504].map(isTransientStatus), [
      false,
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('backs off exponentially up to a cap, and gives up when out of attempts or told to wait too long', () => {
    assert.deepEqual(
      [0, 1, 2, 3].map((attempt) => backoffMs(attempt, 3000)),
      [500, 1000, 2000, 3000],
    );
    assert.equal(retryDelayMs({ attempt: 0, retries: 2, maxDelayMs: 60_000 }), 500);
    assert.equal(retryDelayMs({ attempt: 1, retries: 2, retryAfterMs: 7000, maxDelayMs: 60_000 }), 7000);
    assert.equal(retryDelayMs({ attempt: 2, retries: 2, maxDelayMs: 60_000 }), undefined);
    assert.equal(
      retryDelayMs({ attempt: 0, retries: 2, retryAfterMs: 120_000, maxDelayMs: 60_000 }),
      undefined,
    );
  });
});
