import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import nock from 'nock';
import { GitCodePlatform } from '../../src/platforms/gitcode/gitcode-platform.js';
import {
  createGitCodeWebhookHandler,
  GITCODE_WEBHOOK_PATH,
} from '../../src/platforms/gitcode/gitcode-webhook-handler.js';
import { GiteeApi } from '../../src/platforms/gitee/gitee-api.js';
import { FileReplayGuard } from '../../src/platforms/replay-guard.js';
import { BodyBudget } from '../../src/platforms/webhook-http.js';
import { QueueIntentSink } from '../../src/service/queue-intent-sink.js';
import { ReviewService } from '../../src/service/review-service.js';
import { CLEAN_PATH, CLEAN_TEXT, REPO_ROOT, replaceOnce } from '../helpers/fixtures.js';
import { useStrictNock } from '../helpers/nock-strict.js';

useStrictNock();

const SECRET = 'gitcode-hook-secret';
const API = 'https://api.gitcode.com';
/** The repository of go-gitcode's captured merge request (test/fixtures/gitcode/pr_create.json). */
const REPO_API = '/api/v5/repos/ibforuorg/test1';
const HEAD = '12314124';
const base64 = (text: string) => Buffer.from(text).toString('base64');
const fixture = (name: string) =>
  readFileSync(join(REPO_ROOT, 'test/fixtures/gitcode', `${name}.json`), 'utf8');

interface Harness {
  service: ReviewService;
  send(
    event: string,
    body: string,
    options?: { signature?: string | null; delivery?: string; token?: string },
  ): Promise<{ status: number; body: any }>;
  warnings: string[];
  close(): Promise<void>;
}

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The GitCode webhook as `serve` mounts it, on a loopback server, reviewing through a stand-in api.gitcode.com. */
async function startHarness(
  maxBodyBytes = 64 * 1024,
  mode: 'signature' | 'password' = 'signature',
): Promise<Harness> {
  const warnings: string[] = [];
  const service = new ReviewService({
    platforms: {
      gitcode: new GitCodePlatform({
        api: new GiteeApi(
          { apiUrl: `${API}/api/v5`, token: 'tok', retries: 2, timeoutMs: 5000, alsoTransient: [418] },
          async () => {},
        ),
        webUrl: 'https://gitcode.com',
        labels: {
          pending: 'mshub-review/pending',
          passed: 'mshub-review/passed',
          failed: 'mshub-review/failed',
        },
      }),
    },
    adapters: {},
    concurrency: 1,
    retry: { attempts: 1 },
    log: { info() {}, error() {} },
  });
  const handler = createGitCodeWebhookHandler({
    intents: new QueueIntentSink(service.queue),
    secret: SECRET,
    mode,
    maxBodyBytes,
    log: {
      info() {},
      error() {},
      warn: (data: object, message: string) => {
        warnings.push(`${message} ${JSON.stringify(data)}`);
      },
    } as never,
    replays: new FileReplayGuard(join(mkdtempSync(join(tmpdir(), 'gitcode-replays-')), 'seen.txt'), 3600_000),
    budget: new BodyBudget(1024 * 1024),
  });
  const server: Server = createServer((request, response) => {
    void handler(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let deliveries = 0;
  return {
    service,
    warnings,
    async send(event, body, options = {}) {
      const signature =
        options.signature === undefined
          ? `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`
          : options.signature;
      const response = await fetch(`http://127.0.0.1:${port}${GITCODE_WEBHOOK_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'git-gitcode-hook',
          'x-gitcode-event': event,
          'x-gitcode-delivery': options.delivery ?? `delivery-${++deliveries}`,
          ...(signature === null ? {} : { 'x-gitcode-signature-256': signature }),
          ...(options.token === undefined ? {} : { 'x-gitcode-token': options.token }),
        },
        body,
      });
      return { status: response.status, body: await response.json() };
    },
    async close() {
      await service.queue.idle();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The calls one review of merge request 4 makes on api.gitcode.com; returns what was written. */
function mockGitCodeReview(text: string, options: { firewallOnce?: boolean } = {}) {
  const written = { comments: [] as string[], labels: [] as unknown[] };
  const api = nock(API, { reqheaders: { authorization: 'Bearer tok' } });
  api.get(`${REPO_API}/contents/.github/mshub-review.yml`).reply(404, { message: 'Not Found' });
  if (options.firewallOnce) api.get(`${REPO_API}/pulls/4/files`).reply(418, 'busy');
  // GitCode's files answer has no `status`; a file's kind is in `patch` (go-gitcode testdata).
  const files = JSON.parse(fixture('pull_requests_files'));
  files[0].filename = CLEAN_PATH;
  files.push({
    ...files[0],
    filename: 'mshub_res/assets/old/1.0/gone.md',
    patch: { ...files[0].patch, deleted_file: true },
  });
  api.get(`${REPO_API}/pulls/4/files`).reply(200, files);
  api
    .get(`${REPO_API}/contents/${CLEAN_PATH}`)
    .query({ ref: HEAD })
    .reply(200, { type: 'file', encoding: 'base64', size: text.length, content: base64(text) });
  api
    .get(`${REPO_API}/git/trees/${HEAD}`)
    .query({ recursive: 1 })
    .reply(200, { tree: [{ path: CLEAN_PATH, type: 'blob' }], truncated: false });
  api.get('/api/v5/user').reply(200, { login: 'mshub-bot' });
  api.get(`${REPO_API}/pulls/4/comments`).query({ page: 1, per_page: 100 }).reply(200, []);
  api
    .post(`${REPO_API}/pulls/4/comments`, (body) => {
      written.comments.push(body.body);
      return true;
    })
    .reply(201, { id: '9f3c' });
  api
    .delete(/\/pulls\/4\/labels\/.+/)
    .times(4)
    .reply(404, { message: 'Not Found' });
  api
    .post(`${REPO_API}/pulls/4/labels`, (body) => {
      written.labels.push(body);
      return true;
    })
    .times(2)
    .reply(201, []);
  return written;
}

const FAILING = replaceOnce(CLEAN_TEXT, 'module-type: nlp', 'module-type: NLP cv');

describe('the GitCode webhook', () => {
  it('reviews a merge request opened on GitCode: one comment and the verdict label, through API v5', async () => {
    harness = await startHarness();
    const written = mockGitCodeReview(FAILING);
    const reply = await harness.send('Merge Request Hook', fixture('pr_create'));
    assert.deepEqual(reply, { status: 200, body: { outcome: 'queued' } });
    await harness.service.queue.idle();
    assert.equal(written.comments.length, 1);
    assert.match(written.comments[0] ?? '', /^<!-- mshub-review -->\n### ❌ mshub-review：/);
    assert.match(written.comments[0] ?? '', /https:\/\/gitcode\.com\/ibforuorg\/test1\/blob\/12314124\//);
    assert.doesNotMatch(written.comments[0] ?? '', /gone\.md/, 'a deleted file is not reviewed');
    assert.deepEqual(written.labels, [['mshub-review/pending'], ['mshub-review/failed']]);
  });

  it('asks again when the GitCode firewall answers 418', async () => {
    harness = await startHarness();
    const written = mockGitCodeReview(CLEAN_TEXT, { firewallOnce: true });
    await harness.send('Merge Request Hook', fixture('pr_create'));
    await harness.service.queue.idle();
    assert.deepEqual(written.labels, [['mshub-review/pending'], ['mshub-review/passed']]);
  });

  it('refuses a forged delivery, and one without a signature, before doing anything', async () => {
    harness = await startHarness();
    const forged = await harness.send('Merge Request Hook', fixture('pr_create'), {
      signature: `sha256=${createHmac('sha256', 'not-the-secret').update(fixture('pr_create')).digest('hex')}`,
    });
    assert.equal(forged.status, 401);
    assert.equal(
      (await harness.send('Merge Request Hook', fixture('pr_create'), { signature: 'sha1=abc' })).status,
      401,
    );
  });

  it('accepts a delivery once: a replay is a duplicate and reviews nothing', async () => {
    harness = await startHarness();
    mockGitCodeReview(CLEAN_TEXT);
    const first = await harness.send('Merge Request Hook', fixture('pr_create'), { delivery: 'd-1' });
    assert.deepEqual(first.body, { outcome: 'queued' });
    await harness.service.queue.idle();
    const again = await harness.send('Merge Request Hook', fixture('pr_create'), { delivery: 'd-1' });
    assert.deepEqual(again, { status: 200, body: { outcome: 'duplicate' } });
  });

  it('refuses a captured body sent again under a new X-GitCode-Delivery, which the signature does not cover', async () => {
    harness = await startHarness();
    mockGitCodeReview(CLEAN_TEXT);
    const first = await harness.send('Merge Request Hook', fixture('pr_create'), { delivery: 'd-1' });
    assert.deepEqual(first.body, { outcome: 'queued' });
    await harness.service.queue.idle();
    const replayed = await harness.send('Merge Request Hook', fixture('pr_create'), { delivery: 'forged-2' });
    assert.deepEqual(replayed, { status: 200, body: { outcome: 'duplicate' } });
  });

  it('in password mode, takes X-GitCode-Token equal to the secret (go-gitcode 9f7c53e), refuses any other, and never logs it', async () => {
    harness = await startHarness(64 * 1024, 'password');
    mockGitCodeReview(CLEAN_TEXT);
    const body = fixture('pr_create');
    for (const token of [undefined, '', 'gitcode-hook-secreT', `${SECRET}x`]) {
      const refused = await harness.send('Merge Request Hook', body, {
        signature: null,
        ...(token === undefined ? {} : { token }),
      });
      assert.equal(refused.status, 401, `token ${JSON.stringify(token)}`);
    }
    const accepted = await harness.send('Merge Request Hook', body, { signature: null, token: SECRET });
    assert.deepEqual(accepted, { status: 200, body: { outcome: 'queued' } });
    await harness.service.queue.idle();
    assert.equal(harness.warnings.length, 4);
    assert.ok(
      harness.warnings.every((line) => !line.includes(SECRET.slice(0, 12))),
      'the token is never logged',
    );
  });

  it('answers 400, saying why, for a signed body that is not a JSON object', async () => {
    harness = await startHarness();
    for (const [body, error] of [
      ['{"object_kind":', 'the body is not JSON'],
      ['[]', 'the body is not a JSON object'],
    ]) {
      const reply = await harness.send('Merge Request Hook', body as string, { delivery: body as string });
      assert.deepEqual(reply, { status: 400, body: { error } });
    }
  });

  it('refuses a body over the limit unread', async () => {
    harness = await startHarness(1024);
    const reply = await harness.send('Merge Request Hook', fixture('pr_create'));
    assert.equal(reply.status, 413);
  });

  it('takes a /recheck comment on a merge request as a command, and nothing else', async () => {
    harness = await startHarness();
    const note = JSON.parse(fixture('pr_note'));
    assert.deepEqual((await harness.send('Note Hook', JSON.stringify(note))).body, { outcome: 'ignored' });
    note.object_attributes.note = '/recheck';
    const written = mockGitCodeReview(CLEAN_TEXT);
    // A comment names no commit: the review reads the merge request's head (GitCode says `opened`).
    nock(API, { reqheaders: { authorization: 'Bearer tok' } })
      .get(`${REPO_API}/pulls/4`)
      .reply(200, { state: 'opened', head: { sha: HEAD } });
    assert.deepEqual((await harness.send('Note Hook', JSON.stringify(note))).body, { outcome: 'queued' });
    await harness.service.queue.idle();
    assert.deepEqual(written.labels, [['mshub-review/pending'], ['mshub-review/passed']]);
  });
});
