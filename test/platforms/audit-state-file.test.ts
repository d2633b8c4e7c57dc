import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type AuditState, emptyAuditState, type LinkRecord } from '../../src/core/audit/audit-state.js';
import { isMshubError } from '../../src/core/errors.js';
import { AuditStateFile, linkRecordsPath } from '../../src/platforms/local/audit-state-file.js';

const folder = () => mkdtempSync(join(tmpdir(), 'mshub-audit-state-'));
const alive = (run = 'r'): LinkRecord => ({ state: 'alive', checkedAt: 'x', run });
const recordsOf = (state: AuditState) =>
  Object.fromEntries([...state.links.keys()].map((link) => [link, state.links.get(link)]));
const lineCount = (path: string) => readFileSync(path, 'utf8').split('\n').length - 1;

describe('AuditStateFile', () => {
  it('keeps each link the moment it is done, and the rest at most once an interval and at the end', () => {
    let now = 10_000;
    const path = join(folder(), 'audit', 'state.json');
    const file = new AuditStateFile(path, 1000, () => now);
    const state = file.load();
    state.run = { id: 'r', startedAt: 'x' };
    file.save(state);
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).run.id, 'r');
    state.links.set('a', alive());
    state.said.fault = 'x';
    now += 500;
    file.save(state);
    // A process killed here has lost no link, and the run it was in is known.
    const killed = new AuditStateFile(path).load();
    assert.deepEqual(recordsOf(killed), { a: alive() });
    assert.equal(killed.run?.id, 'r');
    assert.deepEqual(killed.said, {});
    file.flush(state);
    assert.deepEqual(new AuditStateFile(path).load().said, { fault: 'x' });
  });

  it('reads back the same state, with quotes, backslashes and Chinese in the links', () => {
    const path = join(folder(), 'state.json');
    const state = emptyAuditState();
    state.run = { id: 'r1', startedAt: '2026-12-07T00:00:00.000Z' };
    state.repos['gitee:a/b@main:x'] = { state: 'ok', checkedAt: 'x', run: 'r1' };
    state.said['asset-dead|https://h/"q"'] = '2026-12-01';
    const links = new Map<string, LinkRecord>();
    for (let index = 0; index < 5_000; index++)
      links.set(`https://h.example/模型/${index}?"x"=\\${index}`, {
        state: 'alive',
        checkedAt: 'x',
        validators: { etag: `"${index}"` },
        run: 'r1',
      });
    state.links = links;
    new AuditStateFile(path).flush(state);
    const loaded = new AuditStateFile(path).load();
    assert.deepEqual(recordsOf(loaded), Object.fromEntries(links));
    assert.equal(loaded.links.size, 5_000);
    assert.deepEqual({ ...loaded, links: undefined }, { ...state, links: undefined });
    new AuditStateFile(path).flush(emptyAuditState());
    assert.equal(new AuditStateFile(path).load().links.size, 0);
  });

  it('moves a state file of the single-file form over to the log, records and all', () => {
    const path = join(folder(), 'state.json');
    const old = {
      version: 1,
      run: { id: 'r', startedAt: 'x' },
      links: { a: alive(), b: alive() },
      repos: {},
      said: { s: 'x' },
    };
    writeFileSync(path, JSON.stringify(old));
    const state = new AuditStateFile(path).load();
    assert.deepEqual(recordsOf(state), old.links);
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).links, 'state.links.jsonl');
    assert.deepEqual(recordsOf(new AuditStateFile(path).load()), old.links);
    assert.deepEqual(new AuditStateFile(path).load().said, { s: 'x' });
  });

  it('drops a record cut off by a crash, and keeps every record before it', () => {
    const path = join(folder(), 'state.json');
    const file = new AuditStateFile(path);
    const state = file.load();
    state.links.set('a', alive());
    state.links.set('b', alive());
    file.flush(state);
    appendFileSync(linkRecordsPath(path), '["c",{"state":"ali');
    const again = new AuditStateFile(path);
    const reloaded = again.load();
    assert.deepEqual(Object.keys(recordsOf(reloaded)), ['a', 'b']);
    reloaded.links.set('c', alive());
    again.flush(reloaded);
    assert.deepEqual(Object.keys(recordsOf(new AuditStateFile(path).load())), ['a', 'b', 'c']);
  });

  it('rewrites the log with one line per link once replaced lines outnumber the live ones', () => {
    const path = join(folder(), 'state.json');
    const file = new AuditStateFile(path);
    const state = file.load();
    for (let run = 0; run < 3; run++) {
      for (let index = 0; index < 1_500; index++) state.links.set(`l${index}`, alive(`r${run}`));
      file.flush(state);
    }
    assert.ok(lineCount(linkRecordsPath(path)) <= 3_000, `${lineCount(linkRecordsPath(path))} lines`);
    const loaded = new AuditStateFile(path).load();
    assert.equal(loaded.links.size, 1_500);
    assert.equal(loaded.links.get('l1499')?.run, 'r2');
  });

  it('refuses a file that is not an audit state, or a damaged log, saying how to start afresh', () => {
    const path = join(folder(), 'state.json');
    writeFileSync(path, '{"links": [');
    const startAfresh = (error: unknown) =>
      isMshubError(error, 'CONFIG_INVALID') && /move it away to start afresh/.test(error.message);
    assert.throws(() => new AuditStateFile(path).load(), startAfresh);
    writeFileSync(path, JSON.stringify({ version: 1, links: 'state.links.jsonl', repos: {}, said: {} }));
    writeFileSync(linkRecordsPath(path), '["a",{}]\nnot json\n["b",{}]\n');
    assert.throws(() => new AuditStateFile(path).load(), startAfresh);
    assert.ok(existsSync(linkRecordsPath(path)));
  });

  it('tells the last run from the small file alone, without opening the log', () => {
    const path = join(folder(), 'state.json');
    assert.equal(new AuditStateFile(path).lastRun(), undefined);
    const file = new AuditStateFile(path);
    const state = file.load();
    state.run = { id: 'r7', startedAt: 'x' };
    state.links.set('a', alive('r7'));
    file.flush(state);
    // A damaged log does not hide whether the run finished.
    appendFileSync(linkRecordsPath(path), 'not json\n["b",{}]\n');
    assert.deepEqual(new AuditStateFile(path).lastRun(), { id: 'r7', startedAt: 'x' });
    writeFileSync(path, 'nothing like it');
    assert.throws(
      () => new AuditStateFile(path).lastRun(),
      (error: unknown) => isMshubError(error, 'CONFIG_INVALID'),
    );
  });
});
