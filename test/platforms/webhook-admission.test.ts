import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReplayGuard } from '../../src/platforms/replay-guard.js';
import { admitDelivery } from '../../src/platforms/webhook-admission.js';

/** A guard in memory that records what it was asked, and can be made to fail or hang. */
class RecordingGuard implements ReplayGuard {
  readonly seen = new Set<string>();
  readonly forgotten: string[] = [];
  constructor(private readonly behaviour: 'answer' | 'fail' | 'hang' = 'answer') {}

  async firstUse(key: string): Promise<boolean> {
    if (this.behaviour === 'fail')
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
    if (this.behaviour === 'hang') await new Promise((resolve) => setTimeout(resolve, 300));
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  async forget(key: string): Promise<void> {
    this.forgotten.push(key);
    this.seen.delete(key);
  }
}

const accepted = { reply: { status: 200, body: { outcome: 'queued' } } };
const errors = () => {
  const lines: string[] = [];
  return {
    lines,
    log: { error: (data: object, message: string) => lines.push(`${message} ${JSON.stringify(data)}`) },
  };
};

describe('admitting an authenticated delivery', () => {
  it('keeps the claim of a delivery that was accepted', async () => {
    const guard = new RecordingGuard();
    const outcome = await admitDelivery({ replays: guard, platform: 'GitCode' }, async (claims) => {
      assert.equal(await claims.claim('body-1'), true);
      return accepted;
    });
    assert.deepEqual(outcome, accepted);
    assert.deepEqual(guard.forgotten, []);
  });

  it('answers 503 and takes the claim back when the queue fails, so the redelivery is accepted', async () => {
    const guard = new RecordingGuard();
    const { lines, log } = errors();
    const outcome = await admitDelivery({ replays: guard, platform: 'Gitee', log }, async (claims) => {
      await claims.claim('body-1');
      await claims.claim('signature#1');
      throw new Error('Connection is closed.');
    });
    assert.equal(outcome.reply.status, 503);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(guard.forgotten, ['body-1', 'signature#1']);
    assert.match(lines.join('\n'), /Gitee webhook answered 503.*Connection is closed/);
  });

  it('answers 503, never a 4xx the platform treats as final, when the replay guard cannot answer', async () => {
    const { lines, log } = errors();
    const outcome = await admitDelivery(
      { replays: new RecordingGuard('fail'), platform: 'GitCode', log },
      async (claims) => {
        await claims.claim('body-1');
        return accepted;
      },
    );
    assert.equal(outcome.reply.status, 503);
    assert.match(lines.join('\n'), /ECONNREFUSED/);
  });

  it('answers 503 at the deadline when the guard does not answer, and takes back the claim it makes late', async () => {
    const guard = new RecordingGuard('hang');
    const started = performance.now();
    const outcome = await admitDelivery(
      { replays: guard, platform: 'GitHub', deadlineMs: 50 },
      async (claims) => {
        await claims.claim('body-1');
        return accepted;
      },
    );
    assert.equal(outcome.reply.status, 503);
    assert.ok(performance.now() - started < 250, 'answered at the deadline, not when the guard answered');
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.deepEqual(guard.forgotten, ['body-1']);
    assert.equal(guard.seen.has('body-1'), false, 'the late claim does not refuse the redelivery');
  });

  it('does not take back a key that another delivery holds', async () => {
    const guard = new RecordingGuard();
    guard.seen.add('body-1');
    const outcome = await admitDelivery({ replays: guard, platform: 'Gitee' }, async (claims) => {
      assert.equal(await claims.claim('body-1'), false);
      return { reply: { status: 503, body: { error: 'the review queue is not available' } } };
    });
    assert.equal(outcome.reply.status, 503);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(guard.forgotten, []);
    assert.equal(guard.seen.has('body-1'), true);
  });
});
