import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import nock from 'nock';
import { type AssetServer, serveAsset, startAssetServer, testAsset } from '../helpers/asset-server.js';
import { CLEAN_PATH, CLEAN_TEXT, replaceOnce } from '../helpers/fixtures.js';
import {
  GITEE_API,
  type GiteeHarness,
  giteeFixture,
  giteeSignatureFor,
  HUB_API,
  startGiteeHarness,
} from '../helpers/gitee-harness.js';
import { useStrictNock } from '../helpers/nock-strict.js';
import { assertSnapshot } from '../helpers/snapshot.js';

useStrictNock();

const asset = testAsset(32 * 1024, 9);
const HEAD = 'e'.repeat(40);
const ORIGINAL_LINK =
  '<https://download.mindspore.cn/models/r1.9/albert_ascend_v190_mnli_research_nlp_acc82.25.ckpt>';
const ORIGINAL_SHA = 'ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a';
const HUB_CONF = 'def create_network(name, *args, **kwargs):\n    return None\n';
const base64 = (text: string) => Buffer.from(text).toString('base64');

let server: AssetServer;
let harness: GiteeHarness;

function assetFile(sha256: string): string {
  return replaceOnce(
    replaceOnce(CLEAN_TEXT, ORIGINAL_LINK, `<${server.url('/albert.ckpt')}>`),
    ORIGINAL_SHA,
    sha256,
  );
}

interface Captured {
  comments: string[];
  edits: string[];
  labels: unknown[];
  deletedLabels: string[];
}

/** Mocks every Gitee API call one review makes and captures what it writes. */
function mockGiteeReview(options: {
  text: string;
  comments?: unknown[];
  filesFail?: boolean;
  files?: string[];
}): Captured {
  const captured: Captured = { comments: [], edits: [], labels: [], deletedLabels: [] };
  const gitee = nock(GITEE_API);
  const auth = { access_token: 'tok' };
  gitee
    .get(`${HUB_API}/contents/.github/mshub-review.yml`)
    .query(auth)
    .reply(200, { type: 'file', encoding: 'base64', content: base64('asset-hosts: [127.0.0.1]\n') });
  if (options.filesFail)
    gitee
      .get(`${HUB_API}/pulls/1/files`)
      .query({ ...auth, page: 1, per_page: 100 })
      .reply(500);
  const files = options.files ?? [CLEAN_PATH];
  gitee
    .get(`${HUB_API}/pulls/1/files`)
    .query({ ...auth, page: 1, per_page: 100 })
    .reply(
      200,
      files.map((filename) => ({ filename, status: 'added' })),
    );
  if (!files.includes(CLEAN_PATH)) return captured;
  gitee
    .get(`${HUB_API}/contents/${CLEAN_PATH}`)
    .query({ ...auth, ref: HEAD })
    .reply(200, {
      type: 'file',
      encoding: 'base64',
      size: options.text.length,
      content: base64(options.text),
    });
  gitee
    .get(`${HUB_API}/git/trees/${HEAD}`)
    .query({ ...auth, recursive: 1 })
    .reply(200, { tree: [{ path: CLEAN_PATH, type: 'blob' }], truncated: false });
  gitee
    .get('/api/v5/repos/mindspore/models/contents/research/nlp/albert/mindspore_hub_conf.py')
    .query({ ref: 'r1.9' })
    .reply(200, { type: 'file', encoding: 'base64', content: base64(HUB_CONF) });
  gitee.get('/api/v5/user').query(auth).reply(200, { login: 'mshub-bot' });
  gitee
    .get(`${HUB_API}/pulls/1/comments`)
    .query({ ...auth, page: 1, per_page: 100 })
    .reply(200, options.comments ?? []);
  gitee
    .post(`${HUB_API}/pulls/1/comments`, (body) => {
      captured.comments.push(body.body);
      return true;
    })
    .query(auth)
    .optionally()
    .reply(201, { id: 500 });
  gitee
    .patch(/\/api\/v5\/repos\/mindspore\/hub\/pulls\/comments\/\d+/, (body) => {
      captured.edits.push(body.body);
      return true;
    })
    .query(auth)
    .optionally()
    .reply(200, {});
  gitee
    .delete(/\/api\/v5\/repos\/mindspore\/hub\/pulls\/1\/labels\/.+/)
    .query(auth)
    .reply(function () {
      captured.deletedLabels.push(this.req.path.split('?')[0]?.split('/').pop() ?? '');
      return [404, { message: 'Not Found' }];
    });
  gitee
    .post(`${HUB_API}/pulls/1/labels`, (body) => {
      captured.labels.push(body);
      return true;
    })
    .query(auth)
    .reply(201, []);
  return captured;
}

describe('the Gitee webhook', () => {
  before(async () => {
    server = await startAssetServer(serveAsset(asset.bytes));
  });
  after(() => server.close());
  afterEach(async () => {
    await harness?.close();
  });

  describe('authentication', () => {
    it('accepts the signature, sent raw or URL-encoded', async () => {
      harness = await startGiteeHarness('signature');
      for (const encode of [false, true]) {
        const reply = await harness.send('Merge Request Hook', giteeFixture('merge-request-update-title'), {
          encode,
        });
        assert.deepEqual(reply, { status: 200, body: { outcome: 'ignored' } });
      }
    });

    it('accepts the password in password mode', async () => {
      harness = await startGiteeHarness('password');
      const reply = await harness.send('Merge Request Hook', giteeFixture('merge-request-update-title'));
      assert.equal(reply.status, 200);
    });

    it('answers 401 to a wrong or missing token and does no work', async () => {
      harness = await startGiteeHarness('signature');
      assert.deepEqual(
        await harness.send('Merge Request Hook', giteeFixture('merge-request-open', HEAD), {
          token: 'forged',
        }),
        {
          status: 401,
          body: { error: 'unauthorized' },
        },
      );
      assert.equal(
        (await harness.send('Merge Request Hook', giteeFixture('merge-request-open', HEAD), { token: '' }))
          .status,
        401,
      );
    });

    it('answers 401 to a stale timestamp, even with its valid signature', async () => {
      harness = await startGiteeHarness('signature');
      const timestamp = String(Date.now() - 2 * 3600_000);
      const reply = await harness.send('Merge Request Hook', giteeFixture('merge-request-open', HEAD), {
        timestamp,
        token: giteeSignatureFor(timestamp),
      });
      assert.deepEqual(reply, { status: 401, body: { error: 'stale timestamp' } });
    });

    it('accepts a (timestamp, token) pair once: a replay does nothing', async () => {
      harness = await startGiteeHarness('signature');
      const captured = mockGiteeReview({ text: assetFile(asset.sha256) });
      const timestamp = String(Date.now());
      const first = await harness.send('Merge Request Hook', giteeFixture('merge-request-open', HEAD), {
        timestamp,
      });
      const replay = await harness.send('Merge Request Hook', giteeFixture('merge-request-open', HEAD), {
        timestamp,
      });
      assert.deepEqual([first.body.outcome, replay.body.outcome], ['queued', 'duplicate']);
      await harness.service.queue.idle();
      assert.equal(captured.comments.length, 1);
    });
  });

  describe('bad requests', () => {
    it('refuses a body that is not JSON, too large, or an unknown event', async () => {
      harness = await startGiteeHarness('signature');
      assert.equal((await harness.send('Merge Request Hook', 'not json')).status, 400);
      assert.equal((await harness.send('Merge Request Hook', { pad: 'x'.repeat(70 * 1024) })).status, 413);
      const unknown = await harness.send('Wiki Hook', giteeFixture('merge-request-open', HEAD));
      assert.equal(unknown.status, 400);
      assert.match(unknown.body.error, /is not handled/);
      assert.equal((await harness.send('Merge Request Hook', { action: 'open' })).status, 422);
    });
  });

  describe('Merge Request Hook', () => {
    it('reviews an opened pull request: failing comment with line links and the failed label', async () => {
      harness = await startGiteeHarness();
      const captured = mockGiteeReview({ text: assetFile(ORIGINAL_SHA) });
      const reply = await harness.send('Merge Request Hook', giteeFixture('merge-request-open', HEAD));
      assert.deepEqual(reply, { status: 200, body: { outcome: 'queued' } });
      await harness.service.queue.idle();
      assert.deepEqual(captured.labels, [['mshub-review/failed']]);
      assert.deepEqual(captured.deletedLabels, ['mshub-review%2Fpassed']);
      assertSnapshot('gitee/failing-comment.md', captured.comments[0] ?? '');
    });

    it('edits the comment when new commits keep the verdict, instead of adding one', async () => {
      harness = await startGiteeHarness();
      const old = {
        id: 77,
        user: { login: 'mshub-bot' },
        body: '<!-- mshub-review -->\nold\n<!-- mshub-review:verdict=failure -->\n',
      };
      const captured = mockGiteeReview({ text: assetFile(ORIGINAL_SHA), comments: [old] });
      await harness.send('Merge Request Hook', giteeFixture('merge-request-update-source-branch', HEAD));
      await harness.service.queue.idle();
      assert.equal(captured.comments.length, 0);
      assert.equal(captured.edits.length, 1);
    });

    it('ignores an update that did not change the source branch', async () => {
      harness = await startGiteeHarness();
      const reply = await harness.send(
        'Merge Request Hook',
        giteeFixture('merge-request-update-title', HEAD),
      );
      assert.deepEqual(reply.body, { outcome: 'ignored' });
    });

    it('reviews nothing when the pull request is closed', async () => {
      harness = await startGiteeHarness();
      const reply = await harness.send('Merge Request Hook', giteeFixture('merge-request-close', HEAD));
      assert.deepEqual(reply.body, { outcome: 'cancelled' });
    });

    it('retries a 500 from the Gitee API, then reviews and labels passed', async () => {
      harness = await startGiteeHarness();
      const captured = mockGiteeReview({ text: assetFile(asset.sha256), filesFail: true });
      await harness.send('Merge Request Hook', giteeFixture('merge-request-open', HEAD));
      await harness.service.queue.idle();
      assert.deepEqual(captured.labels, [['mshub-review/passed']]);
      assert.match(captured.comments[0] ?? '', /all pass/);
    });
  });

  describe('Note Hook', () => {
    it('reviews the current head again on /recheck', async () => {
      harness = await startGiteeHarness();
      nock(GITEE_API)
        .get(`${HUB_API}/pulls/1`)
        .query({ access_token: 'tok' })
        .reply(200, { state: 'open', head: { sha: HEAD } });
      const captured = mockGiteeReview({ text: assetFile(asset.sha256) });
      const reply = await harness.send('Note Hook', giteeFixture('note-recheck'));
      assert.deepEqual(reply.body, { outcome: 'queued' });
      await harness.service.queue.idle();
      assert.equal(captured.comments.length, 1);
    });
  });
});
