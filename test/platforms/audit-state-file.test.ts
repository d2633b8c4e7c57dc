import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { emptyAuditState } from '../../src/core/audit/audit-state.js';
import { isMshubError } from '../../src/core/errors.js';
import { AuditStateFile } from '../../src/platforms/local/audit-state-file.js';

describe('AuditStateFile', () => {
  it('writes at most once an interval while links are done, and whole at the end', () => {
    let now = 10_000;
    const path = join(mkdtempSync(join(tmpdir(), 'mshub-audit-state-')), 'audit', 'state.json');
    const file = new AuditStateFile(path, 1000, () => now);
    const state = emptyAuditState();
    file.save(state);
    assert.ok(existsSync(path));
    state.links.a = { state: 'alive', checkedAt: 'x', run: 'r' };
    now += 500;
    file.save(state);
    assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')).links, {});
    file.flush(state);
    assert.deepEqual(Object.keys(file.load().links), ['a']);
  });

  it('waits longer between writes of a large state: a fifth of a millisecond per link', () => {
    let now = 0;
    const path = join(mkdtempSync(join(tmpdir(), 'mshub-audit-state-')), 'state.json');
    const file = new AuditStateFile(path, 1000, () => now);
    const state = emptyAuditState();
    for (let index = 0; index < 30_000; index++)
      state.links[`l${index}`] = { state: 'alive', checkedAt: 'x', run: 'r' };
    file.flush(state);
    state.links.extra = { state: 'dead', checkedAt: 'x', run: 'r' };
    now += 5_000;
    file.save(state);
    assert.equal(file.load().links.extra, undefined);
    now += 1_001;
    file.save(state);
    assert.equal(file.load().links.extra?.state, 'dead');
  });

  it('writes, a record at a time, the JSON that reads back as the same state', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mshub-audit-state-')), 'state.json');
    const state = emptyAuditState();
    state.run = { id: 'r1', startedAt: '2026-12-07T00:00:00.000Z' };
    state.repos['gitee:a/b@main:x'] = { state: 'ok', checkedAt: 'x', run: 'r1' };
    state.said['asset-dead|https://h/"q"'] = '2026-12-01';
    for (let index = 0; index < 5_000; index++)
      state.links[`https://h.example/模型/${index}?"x"=\\${index}`] = {
        state: 'alive',
        checkedAt: 'x',
        validators: { etag: `"${index}"` },
        run: 'r1',
      };
    new AuditStateFile(path).flush(state);
    assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), JSON.parse(JSON.stringify(state)));
    assert.deepEqual(new AuditStateFile(path).load(), state);
    const empty = emptyAuditState();
    new AuditStateFile(path).flush(empty);
    assert.deepEqual(new AuditStateFile(path).load(), empty);
  });

  it('refuses a file that is not an audit state, saying how to start afresh', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mshub-audit-state-')), 'state.json');
    writeFileSync(path, '{"links": [');
    assert.throws(
      () => new AuditStateFile(path).load(),
      (error) => isMshubError(error, 'CONFIG_INVALID') && /move it away to start afresh/.test(error.message),
    );
  });
});
