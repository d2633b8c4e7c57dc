import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { perHost } from '../../src/review/per-host-lanes.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Links of `hosts` hosts in turn, counting how far the reader has read. */
function linksOf(count: number, hosts: number, read: { count: number }): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      for (let index = 0; index < count; index++) {
        read.count = index + 1;
        yield `https://h${index % hosts}.example/${index}`;
      }
    },
  };
}

describe('links worked through host by host', () => {
  it('does every link once, never more at once per host than the limit, every host at once', async () => {
    const read = { count: 0 };
    const done: string[] = [];
    const running = new Map<string, number>();
    const most = new Map<string, number>();
    let hostsAtOnce = 0;
    await perHost(
      linksOf(300, 3, read),
      2,
      async (link) => {
        const host = new URL(link).host;
        running.set(host, (running.get(host) ?? 0) + 1);
        most.set(host, Math.max(most.get(host) ?? 0, running.get(host) ?? 0));
        hostsAtOnce = Math.max(hostsAtOnce, [...running.values()].filter((count) => count > 0).length);
        await tick();
        running.set(host, (running.get(host) ?? 0) - 1);
        done.push(link);
      },
      () => false,
    );
    assert.equal(new Set(done).size, 300);
    assert.deepEqual([...most.values()], [2, 2, 2]);
    assert.equal(hostsAtOnce, 3);
  });

  it('reads no further than a backlog of links ahead of the host that takes them', async () => {
    const read = { count: 0 };
    let doneCount = 0;
    let mostAhead = 0;
    await perHost(
      linksOf(500, 1, read),
      1,
      async () => {
        mostAhead = Math.max(mostAhead, read.count - doneCount);
        await tick();
        doneCount++;
      },
      () => false,
      10,
    );
    assert.equal(doneCount, 500);
    assert.ok(mostAhead <= 12, `read ${mostAhead} links ahead of the host`);
  });

  it('takes no further link once stopped, and throws the first failure after what runs settles', async () => {
    const read = { count: 0 };
    let doneCount = 0;
    await perHost(
      linksOf(1_000, 2, read),
      2,
      async () => {
        await tick();
        doneCount++;
      },
      () => doneCount >= 10,
      20,
    );
    assert.ok(doneCount >= 10 && doneCount <= 14, `${doneCount} done`);
    assert.ok(read.count < 100, `read ${read.count}`);

    let settled = 0;
    await assert.rejects(
      perHost(
        linksOf(100, 2, { count: 0 }),
        2,
        async (link) => {
          await tick();
          if (link.endsWith('/5')) throw new Error('disk full');
          settled++;
        },
        () => false,
      ),
      /disk full/,
    );
    assert.ok(settled < 100);
  });
});
