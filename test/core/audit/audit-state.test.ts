import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareWithSaid } from '../../../src/core/audit/audit-faults.js';
import { emptyAuditState, startRun } from '../../../src/core/audit/audit-state.js';
import { hashReason, rollingHashes } from '../../../src/core/audit/hash-plan.js';
import { nextLinkRecord } from '../../../src/core/audit/link-transition.js';

const DAY = 24 * 3600 * 1000;
const at = (day: number) => new Date(Date.UTC(2026, 10, 1) + day * DAY);

describe('what an audit remembers of a link', () => {
  it('keeps when it was last alive through the days it is dead, and the day it died', () => {
    const alive = nextLinkRecord(
      undefined,
      { ok: true, validators: { etag: '"a"' }, sha256: 'a'.repeat(64) },
      at(0),
      'r1',
    );
    const dead = nextLinkRecord(alive, { ok: false, final: true, reason: 'HTTP 404' }, at(1), 'r2');
    const stillDead = nextLinkRecord(dead, { ok: false, final: true, reason: 'HTTP 404' }, at(2), 'r3');
    assert.equal(stillDead.state, 'dead');
    assert.equal(stillDead.deadSince, at(1).toISOString());
    assert.equal(stillDead.lastAliveAt, at(0).toISOString());
    assert.equal(stillDead.sha256, 'a'.repeat(64));
  });

  it('tells a server that did not answer from a file that is gone', () => {
    const record = nextLinkRecord(undefined, { ok: false, final: false, reason: 'timeout' }, at(0), 'r1');
    assert.equal(record.state, 'unknown');
    assert.equal(record.deadSince, undefined);
  });

  it('keeps the digest a file had before it was replaced, with the day the change was seen', () => {
    const first = nextLinkRecord(
      undefined,
      { ok: true, validators: {}, sha256: 'a'.repeat(64) },
      at(0),
      'r1',
    );
    const second = nextLinkRecord(first, { ok: true, validators: {}, sha256: 'b'.repeat(64) }, at(3), 'r2');
    const third = nextLinkRecord(second, { ok: true, validators: {} }, at(4), 'r3');
    assert.deepEqual(third.replaced, { sha256: 'a'.repeat(64), seenAt: at(3).toISOString() });
    assert.equal(third.sha256, 'b'.repeat(64));
  });

  it('forgets a move once the link answers without it', () => {
    const movedRecord = nextLinkRecord(
      undefined,
      { ok: true, validators: {}, movedTo: 'https://b/x' },
      at(0),
      'r1',
    );
    assert.equal(nextLinkRecord(movedRecord, { ok: true, validators: {} }, at(1), 'r2').movedTo, undefined);
  });

  it('goes on with a run that was stopped, and starts a new one after a finished run', () => {
    const state = emptyAuditState();
    state.run = { id: 'r1', startedAt: at(0).toISOString() };
    assert.equal(startRun(state, at(1)).id, 'r1');
    state.run.finishedAt = at(0).toISOString();
    assert.equal(startRun(state, at(1)).id, at(1).toISOString());
  });
});

describe('which links an audit downloads', () => {
  const record = (hashedDay: number, size: number, etag = '"v"') => ({
    state: 'alive' as const,
    checkedAt: at(hashedDay).toISOString(),
    validators: { etag, contentLength: size },
    sha256: 'a'.repeat(64),
    hashedAt: at(hashedDay).toISOString(),
    run: 'r',
  });

  it('hashes a link never hashed and one whose validators changed, and leaves an unchanged one', () => {
    assert.equal(hashReason(undefined, {}, false), 'never-hashed');
    assert.equal(hashReason(record(0, 10), { etag: '"w"', contentLength: 10 }, false), 'changed');
    assert.equal(hashReason(record(0, 10), { etag: '"v"', contentLength: 10 }, false), undefined);
    assert.equal(hashReason(record(0, 10), { etag: '"v"' }, true), 'rolling');
  });

  it('re-hashes the longest-unhashed due links first, as far as the budget reaches', () => {
    const state = emptyAuditState();
    state.links = new Map(
      Object.entries({ a: record(0, 60), b: record(5, 30), c: record(10, 30), fresh: record(39, 1) }),
    );
    const chosen = rollingHashes(state, ['a', 'b', 'c', 'fresh'], at(40), {
      rollingBytes: 90,
      rehashAfterMs: 30 * DAY,
    });
    assert.deepEqual([...chosen].sort(), ['a', 'b']);
  });
});

describe('faults said once', () => {
  const fault = (key: string) => ({ key }) as never;

  it('says a fault once, keeps its first date while it lasts, and says when it has ended', () => {
    const first = compareWithSaid([fault('dead|x'), fault('moved|y')], {}, at(0));
    assert.equal(first.fresh.length, 2);
    const second = compareWithSaid([fault('dead|x')], first.said, at(1));
    assert.deepEqual(second.fresh, []);
    assert.equal(second.ongoing.length, 1);
    assert.deepEqual(second.ended, ['moved|y']);
    assert.deepEqual(second.said, { 'dead|x': at(0).toISOString() });
    // A link that breaks again after it came back is said again.
    assert.equal(compareWithSaid([fault('dead|x'), fault('moved|y')], second.said, at(2)).fresh.length, 1);
  });
});
