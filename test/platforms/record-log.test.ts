import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { keyHash, RecordLog } from '../../src/platforms/local/record-log.js';

const logPath = () => join(mkdtempSync(join(tmpdir(), 'mshub-record-log-')), 'log.jsonl');

/** Two keys whose 30-bit hashes are the same: the index must tell them apart by their lines. */
function collidingKeys(): [string, string] {
  const seen = new Map<number, string>();
  for (let index = 0; ; index++) {
    const key = `https://download.example/${index}.ckpt`;
    const other = seen.get(keyHash(key));
    if (other !== undefined) return [other, key];
    seen.set(keyHash(key), key);
  }
}

describe('RecordLog', () => {
  it('gives back the last value set for each key, after a reopen too', () => {
    const path = logPath();
    const log = new RecordLog<{ n: number }>(path);
    log.set('a', { n: 1 }).set('b', { n: 2 }).set('a', { n: 3 });
    assert.deepEqual(log.get('a'), { n: 3 });
    assert.equal(log.get('c'), undefined);
    assert.equal(log.size, 2);
    log.close();
    const reopened = new RecordLog<{ n: number }>(path);
    assert.deepEqual(
      [...reopened.entries()],
      [
        ['b', { n: 2 }],
        ['a', { n: 3 }],
      ],
    );
    assert.equal(reopened.size, 2);
  });

  it('tells apart keys that share a hash, in memory and after a reopen', () => {
    const [first, second] = collidingKeys();
    assert.equal(keyHash(first), keyHash(second));
    const path = logPath();
    const log = new RecordLog<string>(path);
    log.set(first, 'one').set(second, 'two').set(first, 'one again');
    assert.equal(log.get(first), 'one again');
    assert.equal(log.get(second), 'two');
    assert.equal(log.size, 2);
    const reopened = new RecordLog<string>(path);
    assert.equal(reopened.get(first), 'one again');
    assert.equal(reopened.get(second), 'two');
    reopened.compact();
    assert.deepEqual(new Set(reopened.keys()), new Set([first, second]));
    assert.equal(reopened.get(second), 'two');
    assert.equal(readFileSync(path, 'utf8').split('\n').length - 1, 2);
  });

  it('reads values longer than its read buffer, and keeps the types its codec gives', () => {
    const path = logPath();
    const codec = {
      encode: (value: Set<string>) => [...value],
      decode: (json: unknown) => new Set(json as string[]),
    };
    const log = new RecordLog<Set<string>>(path, codec);
    const long = new Set(Array.from({ length: 20_000 }, (_, index) => `digest-${index}`));
    log.set('big', long).set('small', new Set(['x']));
    assert.equal(log.get('big')?.size, 20_000);
    assert.deepEqual(new RecordLog<Set<string>>(path, codec).get('small'), new Set(['x']));
  });

  it('sees lines set while it goes through the log, each key once', () => {
    const log = new RecordLog<number>(logPath());
    for (let index = 0; index < 100; index++) log.set(`k${index}`, index);
    const seen: string[] = [];
    for (const [key, value] of log.entries()) {
      seen.push(key);
      if (value < 100) log.set(key, value + 100);
    }
    assert.equal(new Set(seen).size, 100);
    assert.equal(log.get('k7'), 107);
  });

  it('compacts only when the replaced lines outnumber the live ones and a minimum', () => {
    const path = logPath();
    const log = new RecordLog<number>(path, undefined, 10);
    for (let index = 0; index < 20; index++) log.set('k', index);
    log.set('j', 0);
    log.compactIfWasteful();
    assert.equal(readFileSync(path, 'utf8'), '["k",19]\n["j",0]\n');
    log.set('k', 20);
    log.compactIfWasteful();
    assert.equal(readFileSync(path, 'utf8').split('\n').length - 1, 3);
  });

  it('refuses a damaged line, naming the file and the byte', () => {
    const path = logPath();
    writeFileSync(path, '["a",1]\n{"x":1}\n');
    assert.throws(() => new RecordLog(path), /log\.jsonl is damaged at byte 8/);
  });
});
