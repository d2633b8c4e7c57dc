import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import nock from 'nock';
import { type AssetServer, serveAsset, startAssetServer, testAsset } from '../helpers/asset-server.js';
import {
  GITEE_API,
  type GiteeHarness,
  giteeFixture,
  giteeSignatureFor,
  HUB_API,
  startGiteeHarness,
} from '../helpers/gitee-harness.js';
import { giteeAssetFile, HEAD, mockGiteeReview, ORIGINAL_SHA } from '../helpers/gitee-review-mocks.js';
import { useStrictNock } from '../helpers/nock-strict.js';
import { assertSnapshot } from '../helpers/snapshot.js';

useStrictNock();

const asset = testAsset(32 * 1024, 9);
let server: AssetServer;
let harness: GiteeHarness;
const assetFile = (sha256: string) => giteeAssetFile(server.url('/albert.ckpt'), sha256);

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
      const reencoded = await harness.send('Merge Request Hook', giteeFixture('merge-request-open', HEAD), {
        timestamp,
        encode: true,
      });
      assert.deepEqual(
        [first.body.outcome, replay.body.outcome, reencoded.body.outcome],
        ['queued', 'duplicate', 'duplicate'],
      );
      await harness.service.queue.idle();
      assert.equal(captured.comments.length, 1);
    });

    it('takes two different events signed in the same millisecond as two deliveries', async () => {
      harness = await startGiteeHarness('signature');
      const timestamp = String(Date.now());
      const merged = giteeFixture('merge-request-merge', HEAD);
      const push = { ref: 'refs/heads/master', after: HEAD, repository: merged.repository };
      const first = await harness.send('Merge Request Hook', giteeFixture('merge-request-close', HEAD), {
        timestamp,
      });
      const second = await harness.send('Push Hook', push, { timestamp });
      assert.deepEqual([first.body.outcome, second.body.outcome], ['cancelled', 'ignored']);
    });

    it('refuses a signature used for more bodies than one action sends', async () => {
      harness = await startGiteeHarness('signature');
      const timestamp = String(Date.now());
      const outcomes: number[] = [];
      for (let index = 0; index < 5; index++) {
        const reply = await harness.send('Tag Push Hook', { ref: `refs/tags/v${index}` }, { timestamp });
        outcomes.push(reply.status);
      }
      assert.deepEqual(outcomes, [200, 200, 200, 200, 409]);
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
      assert.deepEqual(captured.labels, [['mshub-review/pending'], ['mshub-review/failed']]);
      assert.deepEqual(captured.deletedLabels, [
        'mshub-review%2Fpassed',
        'mshub-review%2Ffailed',
        'mshub-review%2Fpending',
        'mshub-review%2Fpassed',
      ]);
      assertSnapshot('gitee/failing-comment.md', captured.comments[0] ?? '');
    });

    it('shows the corrected line under each fix that needs no decision (Gitee has no suggestions)', async () => {
      harness = await startGiteeHarness();
      const text = assetFile(asset.sha256.slice(0, 8)).replace('model-version: 1.9', 'model-version: 1.10');
      const captured = mockGiteeReview({ text });
      await harness.send('Merge Request Hook', giteeFixture('merge-request-open', HEAD));
      await harness.service.queue.idle();
      const comment = captured.comments[0] ?? '';
      assert.match(comment, /Line 13 becomes:\n\n {2}```yaml\n {2}model-version: "1\.10"\n {2}```/);
      assert.match(
        comment,
        new RegExp(`Line 36 becomes:\\n\\n  \`\`\`yaml\\n      asset-sha256: ${asset.sha256}\\n`),
      );
      assertSnapshot('gitee/corrected-lines-comment.md', comment);
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

    it('reviews again when the target branch changed', async () => {
      harness = await startGiteeHarness();
      const captured = mockGiteeReview({ text: assetFile(asset.sha256) });
      const retargeted = giteeFixture('merge-request-update-source-branch', HEAD);
      retargeted.action_desc = 'target_branch_changed';
      const reply = await harness.send('Merge Request Hook', retargeted);
      assert.deepEqual(reply.body, { outcome: 'queued' });
      await harness.service.queue.idle();
      assert.equal(captured.comments.length, 1);
    });

    it('takes its verdict label off when a push leaves no asset file to review, finding it past the first page of labels', async () => {
      harness = await startGiteeHarness();
      const removed: string[] = [];
      const gitee = nock(GITEE_API, { reqheaders: { authorization: 'Bearer tok' } });
      // Gitee pages a pull request's labels (go-gitee: page, per_page up to 100).
      const others = Array.from({ length: 100 }, (_, index) => ({ name: `area/${index}` }));
      gitee
        .get(`${HUB_API}/contents/.github/mshub-review.yml`)
        .reply(200, [])
        .get(`${HUB_API}/pulls/1/files`)
        .reply(200, [{ filename: 'README.md', status: 'modified' }])
        .get(`${HUB_API}/pulls/1/labels`)
        .query({ page: 1, per_page: 100 })
        .reply(200, others)
        .get(`${HUB_API}/pulls/1/labels`)
        .query({ page: 2, per_page: 100 })
        .reply(200, [{ name: 'mshub-review/passed' }, { name: 'documentation' }])
        .delete(`${HUB_API}/pulls/1/labels/mshub-review%2Fpassed`)
        .reply(204, function () {
          removed.push(this.req.path);
          return '';
        });
      const reply = await harness.send(
        'Merge Request Hook',
        giteeFixture('merge-request-update-source-branch', HEAD),
      );
      assert.deepEqual(reply.body, { outcome: 'queued' });
      await harness.service.queue.idle();
      assert.equal(removed.length, 1, "only the bot's label goes; the others stay");
    });

    it('creates its labels in a repository that does not have them yet', async () => {
      harness = await startGiteeHarness();
      const created: unknown[] = [];
      const gitee = nock(GITEE_API, { reqheaders: { authorization: 'Bearer tok' } });
      gitee
        .get(`${HUB_API}/contents/.github/mshub-review.yml`)
        .reply(200, [])
        .get(`${HUB_API}/pulls/1/files`)
        .reply(200, [{ filename: 'mshub_res/assets/../x.md', status: 'added' }])
        .delete(/\/pulls\/1\/labels\/.+/)
        .times(4)
        .reply(404)
        .post(`${HUB_API}/pulls/1/labels`)
        .reply(404, { message: 'label not found' })
        .get(`${HUB_API}/labels`)
        .reply(200, [{ name: 'mshub-review/pending' }])
        .post(`${HUB_API}/labels`, (body) => {
          created.push(body);
          return true;
        })
        .times(2)
        .reply(201, {})
        .post(`${HUB_API}/pulls/1/labels`)
        .times(2)
        .reply(201, [])
        .get('/api/v5/user')
        .reply(200, { login: 'mshub-bot' })
        .get(`${HUB_API}/pulls/1/comments`)
        .query({ page: 1, per_page: 100 })
        .reply(200, [])
        .post(`${HUB_API}/pulls/1/comments`)
        .reply(201, { id: 1 });
      await harness.send('Merge Request Hook', giteeFixture('merge-request-open', HEAD));
      await harness.service.queue.idle();
      assert.deepEqual(created, [
        { name: 'mshub-review/passed', color: '2ea44f' },
        { name: 'mshub-review/failed', color: 'd73a4a' },
      ]);
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
      assert.deepEqual(captured.labels, [['mshub-review/pending'], ['mshub-review/passed']]);
      assert.match(captured.comments[0] ?? '', /all pass/);
    });
  });

  describe('Note Hook', () => {
    it('reviews the current head again on /recheck', async () => {
      harness = await startGiteeHarness();
      nock(GITEE_API, { reqheaders: { authorization: 'Bearer tok' } })
        .get(`${HUB_API}/pulls/1`)
        .reply(200, { state: 'open', head: { sha: HEAD } });
      const captured = mockGiteeReview({ text: assetFile(asset.sha256) });
      const reply = await harness.send('Note Hook', giteeFixture('note-recheck'));
      assert.deepEqual(reply.body, { outcome: 'queued' });
      await harness.service.queue.idle();
      assert.equal(captured.comments.length, 1);
    });

    it('takes only a new comment as a command, not an edited or deleted /recheck', async () => {
      harness = await startGiteeHarness();
      for (const action of ['edit', 'update', 'delete']) {
        const note = giteeFixture('note-recheck');
        note.action = action;
        const reply = await harness.send('Note Hook', note);
        assert.deepEqual(reply.body, { outcome: 'ignored' }, action);
      }
    });
  });
});
