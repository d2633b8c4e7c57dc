import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createGiteeWebhookHandler } from '../../src/platforms/gitee/gitee-webhook-handler.js';
import { FileReplayGuard } from '../../src/platforms/replay-guard.js';
import { BodyBudget } from '../../src/platforms/webhook-http.js';
import { QueueIntentSink } from '../../src/service/queue-intent-sink.js';
import type { ReviewService } from '../../src/service/review-service.js';
import type { SiteSyncService } from '../../src/service/site-sync-service.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { postGiteeDelivery, SECRET } from '../helpers/gitee-harness.js';

const captured = (name: string) =>
  readFileSync(join(REPO_ROOT, 'test/fixtures/gitee/captured', `${name}.json`), 'utf8');

describe('Gitee deliveries captured from gitee.com (drone/go-scm testdata)', () => {
  const calls: Array<[string, Record<string, unknown>, unknown?]> = [];
  let server: Server;
  let url: string;
  let clock = Date.now();

  before(async () => {
    const service = {
      queue: {
        enqueue: async (request: Record<string, unknown>, options?: unknown) => {
          calls.push(['review', request, options]);
          return 'queued';
        },
        cancel: async (target: Record<string, unknown>) => {
          calls.push(['cancel', target]);
        },
      },
    } as unknown as ReviewService;
    const siteSync = {
      request: async (request: Record<string, unknown>) => {
        calls.push(['site-sync', request]);
        return 'queued';
      },
    } as unknown as SiteSyncService;
    const handler = createGiteeWebhookHandler({
      intents: new QueueIntentSink(service.queue, siteSync),
      auth: { secret: SECRET, mode: 'signature', windowMs: 3600_000 },
      maxBodyBytes: 1024 * 1024,
      replays: new FileReplayGuard(
        join(mkdtempSync(join(tmpdir(), 'gitee-captured-')), 'seen.txt'),
        3600_000,
      ),
      budget: new BodyBudget(8 * 1024 * 1024),
    });
    server = createServer((request, response) => {
      void handler(request, response).then((handled) => {
        if (!handled) response.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/gitee/webhooks`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = async (event: string, body: string) => {
    calls.length = 0;
    const reply = await postGiteeDelivery(url, event, body, String(clock++));
    return { status: reply.status, body: (await reply.json()) as { outcome?: string } };
  };

  it('reviews the head commit of an opened pull request', async () => {
    const reply = await send('Merge Request Hook', captured('pr_open'));
    assert.deepEqual(reply, { status: 200, body: { outcome: 'queued' } });
    assert.deepEqual(calls[0]?.[1], {
      platform: 'gitee',
      owner: 'kit101',
      repo: 'drone-yml-test',
      pullNumber: 9,
      headSha: 'dc8fa2ebe050d63f639c5b834311e96bc2303523',
      deliveryId: calls[0]?.[1].deliveryId,
      trigger: 'merge_request.open',
    });
  });

  it('reviews again after a push to the pull request (update, source_branch_changed)', async () => {
    const reply = await send('Merge Request Hook', captured('pr_update'));
    assert.equal(reply.body.outcome, 'queued');
    assert.equal(calls[0]?.[1].trigger, 'merge_request.update');
  });

  it('cancels the queued review of a closed pull request', async () => {
    const reply = await send('Merge Request Hook', captured('pr_close'));
    assert.equal(reply.body.outcome, 'cancelled');
    assert.equal(calls[0]?.[0], 'cancel');
  });

  it('drops the queued reviews and syncs the site from the merge commit of a merged pull request', async () => {
    const merged = JSON.parse(captured('pr_merge'));
    const reply = await send('Merge Request Hook', captured('pr_merge'));
    assert.equal(reply.body.outcome, 'queued');
    assert.deepEqual(
      calls.map(([kind]) => kind),
      ['cancel', 'site-sync'],
    );
    assert.equal(calls[1]?.[1].commit, merged.pull_request.merge_commit_sha);
  });

  it('takes a pull request comment as a command only when it is /recheck', async () => {
    assert.equal((await send('Note Hook', captured('note_hook_pr_comment'))).body.outcome, 'ignored');
    const recheck = JSON.parse(captured('note_hook_pr_comment'));
    recheck.comment.body = '/recheck';
    const reply = await send('Note Hook', JSON.stringify(recheck));
    assert.equal(reply.body.outcome, 'queued');
    assert.deepEqual(calls[0]?.[2], { force: true });
  });

  it('ignores a push to a branch that is not the default one', async () => {
    assert.equal((await send('Push Hook', captured('push'))).body.outcome, 'ignored');
    assert.deepEqual(calls, []);
  });
});
