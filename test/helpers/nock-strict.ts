import assert from 'node:assert/strict';
import { afterEach, beforeEach } from 'node:test';
import nock from 'nock';

/**
 * Every test in the calling file runs with real network off (loopback stays open for the asset
 * servers) and fails if a mocked call it set up was never made.
 */
export function useStrictNock(): void {
  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    assert.deepEqual(pending, [], 'mocked HTTP calls that were never made');
  });
}
