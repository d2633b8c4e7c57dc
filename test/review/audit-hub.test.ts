import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyAuditState } from '../../src/core/audit/audit-state.js';
import type { AuditTargets } from '../../src/core/audit/audit-targets.js';
import { type AuditAdapters, auditHub } from '../../src/review/audit-hub.js';

const OPTIONS = {
  hashPolicy: { rollingBytes: 0, rehashAfterMs: 1e12 },
  hash: true,
  perHost: 2,
  repoConcurrency: 1,
};

function targetsOf(links: string[]): AuditTargets {
  return {
    links: new Map(links.map((link) => [link, { link, expected: new Set(['a'.repeat(64)]), files: [] }])),
    repos: new Map(),
    rejected: [],
    files: links.length,
  };
}

describe('auditHub', () => {
  it('goes on where a stopped audit stopped: every link looked at once, in the same run', async () => {
    const links = Array.from({ length: 12 }, (_, index) => `https://host${index % 3}.example/${index}.ckpt`);
    const observed: string[] = [];
    const stop = new AbortController();
    let clock = 0;
    const adapters = (signal?: AbortSignal): AuditAdapters => ({
      observe: async (link) => {
        observed.push(link);
        if (observed.length === 5) stop.abort();
        return { ok: true, validators: { etag: '"v"' } };
      },
      hash: async () => ({ ok: true, sha256: 'a'.repeat(64), bytes: 1 }),
      save: () => {},
      now: () => new Date(Date.UTC(2026, 11, 1) + clock++ * 1000),
      ...(signal ? { signal } : {}),
    });
    const state = emptyAuditState();
    const first = await auditHub(targetsOf(links), state, adapters(stop.signal), OPTIONS);
    assert.equal(first.finished, false);
    assert.equal(state.run?.finishedAt, undefined);
    const runId = state.run?.id;
    const second = await auditHub(targetsOf(links), state, adapters(), OPTIONS);
    assert.equal(second.finished, true);
    assert.equal(state.run?.id, runId);
    assert.deepEqual([...observed].sort(), [...links].sort());
    assert.ok(links.every((link) => state.links.get(link)?.run === runId));
  });

  it('leaves a host that answers 429 alone as long as it asks, then asks the link again', async () => {
    const links = ['https://one.example/a.ckpt', 'https://one.example/b.ckpt', 'https://two.example/c.ckpt'];
    const asked: Array<[string, number]> = [];
    const started = Date.now();
    let throttled = 0;
    const state = emptyAuditState();
    await auditHub(
      targetsOf(links),
      state,
      {
        observe: async (link) => {
          asked.push([link, Date.now() - started]);
          if (link.endsWith('/a.ckpt') && throttled++ === 0)
            return { ok: false, final: false, reason: 'the server answered HTTP 429', retryAfterMs: 150 };
          return { ok: true, validators: { etag: '"v"' } };
        },
        hash: async () => ({ ok: true, sha256: 'a'.repeat(64), bytes: 1 }),
        save: () => {},
        now: () => new Date(),
      },
      { ...OPTIONS, perHost: 1 },
    );
    const onOne = asked.filter(([link]) => link.includes('one.example'));
    assert.deepEqual(
      onOne.map(([link]) => link.slice(-6)),
      ['a.ckpt', 'a.ckpt', 'b.ckpt'],
      'the throttled link is asked again before the next',
    );
    assert.ok((onOne[1]?.[1] ?? 0) >= 140, `the host was left alone for its 150 ms (${onOne[1]?.[1]} ms)`);
    const other = asked.find(([link]) => link.includes('two.example'));
    assert.ok((other?.[1] ?? Infinity) < 100, 'another host is not held up');
    assert.equal(state.links.get(links[0] as string)?.state, 'alive');
  });

  it('asks one host no faster than its rate, whatever the requests at once allow', async () => {
    const links = [
      ...Array.from({ length: 6 }, (_, index) => `https://slow.example/${index}.ckpt`),
      'https://other.example/a.ckpt',
    ];
    const started = Date.now();
    const asked: Array<[string, number]> = [];
    await auditHub(
      targetsOf(links),
      emptyAuditState(),
      {
        observe: async (link) => {
          asked.push([link, Date.now() - started]);
          return { ok: true, validators: { etag: '"v"' } };
        },
        hash: async () => ({ ok: true, sha256: 'a'.repeat(64), bytes: 1 }),
        save: () => {},
        now: () => new Date(),
      },
      { ...OPTIONS, perHost: 4, hostRate: 20 },
    );
    const slow = asked.filter(([link]) => link.includes('slow.example')).map(([, at]) => at);
    for (let index = 1; index < slow.length; index++)
      assert.ok(
        (slow[index] ?? 0) - (slow[index - 1] ?? 0) >= 45,
        `links of one host 50 ms apart at 20 a second: ${slow.join(', ')}`,
      );
    const other = asked.find(([link]) => link.includes('other.example'));
    assert.ok((other?.[1] ?? Infinity) < 40, 'another host keeps its own rate');
  });

  it('records a link unknown, with the reason, when its host still throttles after three tries', async () => {
    const link = 'https://busy.example/a.ckpt';
    let asked = 0;
    const state = emptyAuditState();
    await auditHub(
      targetsOf([link]),
      state,
      {
        observe: async () => {
          asked++;
          return { ok: false, final: false, reason: 'the server answered HTTP 503', retryAfterMs: 10 };
        },
        hash: async () => ({ ok: true, sha256: 'a'.repeat(64), bytes: 1 }),
        save: () => {},
        now: () => new Date(),
      },
      OPTIONS,
    );
    assert.equal(asked, 3);
    assert.equal(state.links.get(link)?.state, 'unknown');
    assert.equal(state.links.get(link)?.reason, 'the server answered HTTP 503');
  });

  it('holds at most the per-host number of requests to one host at once', async () => {
    const links = Array.from({ length: 20 }, (_, index) => `https://one.example/${index}.ckpt`);
    let running = 0;
    let most = 0;
    await auditHub(
      targetsOf(links),
      emptyAuditState(),
      {
        observe: async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((resolve) => setImmediate(resolve));
          running--;
          return { ok: true, validators: {} };
        },
        hash: async () => ({ ok: true, sha256: 'a'.repeat(64), bytes: 1 }),
        save: () => {},
        now: () => new Date(),
      },
      OPTIONS,
    );
    assert.equal(most, 2);
  });

  it('calls a link whose host does not resolve dead only when the network answered others (an offline machine kills nothing)', async () => {
    const links = ['https://gone.example/a.ckpt', 'https://alive.example/b.ckpt'];
    const run = async (online: boolean) => {
      const state = emptyAuditState();
      await auditHub(
        targetsOf(links),
        state,
        {
          observe: async (link) =>
            online && link.includes('alive')
              ? { ok: true, validators: {} }
              : {
                  ok: false,
                  final: false,
                  unresolved: true,
                  reason: 'the name could not be resolved (ENOTFOUND)',
                },
          hash: async () => ({ ok: true, sha256: 'a'.repeat(64), bytes: 1 }),
          save: () => {},
          now: () => new Date(),
        },
        { ...OPTIONS, hash: false },
      );
      return links.map((link) => state.links.get(link)?.state);
    };
    assert.deepEqual(await run(false), ['unknown', 'unknown']);
    assert.deepEqual(await run(true), ['dead', 'alive']);
  });
});
