import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import nock from 'nock';
import { type AssetServer, serveAsset, startAssetServer, testAsset } from '../helpers/asset-server.js';
import { CLEAN_PATH, CLEAN_TEXT, replaceOnce } from '../helpers/fixtures.js';
import {
  API,
  examplePayload,
  type Harness,
  OWNER,
  pullRequestPayload,
  REPO_API,
  startHarness,
} from '../helpers/github-app-harness.js';
import { useStrictNock } from '../helpers/nock-strict.js';
import { assertSnapshot } from '../helpers/snapshot.js';

useStrictNock();

const asset = testAsset(64 * 1024, 3);
const HEAD = 'a'.repeat(40);
const NEXT_HEAD = 'b'.repeat(40);
const ORIGINAL_LINK =
  '<https://download.mindspore.cn/models/r1.9/albert_ascend_v190_mnli_research_nlp_acc82.25.ckpt>';
const ORIGINAL_SHA = 'ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a';
const HUB_CONF = 'def create_network(name, *args, **kwargs):\n    return None\n';
const CONFIG = 'asset-hosts: ["127.0.0.1:*"]\n';

let server: AssetServer;
let harness: Harness;

/** The asset file with its link on the loopback server and the given digest. */
function assetFile(sha256: string, edit: (text: string) => string = (text) => text): string {
  return edit(
    replaceOnce(
      replaceOnce(CLEAN_TEXT, ORIGINAL_LINK, `<${server.url('/albert.ckpt')}>`),
      ORIGINAL_SHA,
      sha256,
    ),
  );
}

interface Captured {
  checkRuns: any[];
  checkUpdates: any[];
  comments: any[];
  commentEdits: any[];
  deleted: number[];
  reviews: any[];
}

/** GitHub's `patch` of a file the pull request adds: every line is new. */
function addedFilePatch(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join('\n');
}

/** The files of pull request `pull`, as GitHub lists them: added, with their patch unless given. */
function pullFiles(files: Record<string, string>, patches: Record<string, string> = {}) {
  return Object.entries(files).map(([filename, text]) => ({
    filename,
    status: 'added',
    patch: patches[filename] ?? addedFilePatch(text),
  }));
}

/**
 * The calls of the suggestion review (the changed lines come from the file list the review read):
 * the bot's earlier suggestion comments, the review it posts (or none), the stale comments it deletes.
 */
function mockSuggestionReview(
  captured: Captured,
  options: { posted?: any[]; review?: boolean; deletes?: number[] } = {},
): void {
  const api = nock(API);
  api
    .get(`${REPO_API}/pulls/2/comments`)
    .query({ per_page: 100 })
    .reply(200, options.posted ?? []);
  if (options.review !== false)
    api
      .post(`${REPO_API}/pulls/2/reviews`, (body) => {
        captured.reviews.push(body);
        return true;
      })
      .reply(200, { id: 300 });
  for (const id of options.deletes ?? []) api.delete(`${REPO_API}/pulls/comments/${id}`).reply(204);
}

/** Mocks every GitHub and Gitee call one review of `files` makes, and captures what it writes. */
function mockReview(options: {
  sha?: string;
  pull?: number;
  files: Record<string, string>;
  existingRun?: { id: number; status: string; conclusion: string | null; title: string; summary: string };
  comments?: any[];
  gitee?: boolean;
  filesDelayMs?: number;
  /** A newer push supersedes this review: it never reads the comments. */
  superseded?: boolean;
  /** The diff GitHub lists for a file; all of it added unless given. */
  patches?: Record<string, string>;
}): Captured {
  const sha = options.sha ?? HEAD;
  const pull = options.pull ?? 2;
  const runId = sha === HEAD ? 7 : 8;
  const captured: Captured = {
    checkRuns: [],
    checkUpdates: [],
    comments: [],
    commentEdits: [],
    deleted: [],
    reviews: [],
  };
  const api = nock(API);
  api
    .get(`${REPO_API}/contents/.github%2Fmshub-review.yml`)
    .reply(200, CONFIG, { 'content-type': 'text/plain; charset=utf-8' });
  api
    .get(`${REPO_API}/pulls/${pull}/files`)
    .query({ per_page: 100 })
    .delay(options.filesDelayMs ?? 0)
    .reply(200, pullFiles(options.files, options.patches));
  const assetPaths = Object.keys(options.files).filter((path) => path.startsWith('mshub_res/assets/'));
  if (assetPaths.length === 0) return captured;

  api
    .get(`/repos/Codertocat/Hello-World/commits/${sha}/check-runs`)
    .query({ check_name: 'mshub-review', filter: 'latest' })
    .reply(200, {
      total_count: options.existingRun ? 1 : 0,
      check_runs: options.existingRun ? [{ ...options.existingRun, output: options.existingRun }] : [],
    });
  if (!options.existingRun) {
    api
      .post(`${REPO_API}/check-runs`, (body) => {
        if (body.head_sha !== sha) return false;
        captured.checkRuns.push(body);
        return true;
      })
      .reply(201, { id: runId });
  }
  for (const path of assetPaths) {
    api
      .get(`${REPO_API}/contents/${path.split('/').map(encodeURIComponent).join('%2F')}`)
      .query({ ref: sha })
      .reply(200, {
        type: 'file',
        encoding: 'base64',
        size: options.files[path]?.length,
        content: Buffer.from(options.files[path] ?? '').toString('base64'),
      });
  }
  api
    .get(`${REPO_API}/git/trees/${sha}`)
    .query({ recursive: 'true' })
    .reply(200, {
      truncated: false,
      tree: assetPaths.map((path) => ({ path, type: 'blob', sha: '1'.repeat(40) })),
    });
  if (options.gitee !== false)
    nock('https://gitee.com')
      .get('/api/v5/repos/mindspore/models/contents/research/nlp/albert/mindspore_hub_conf.py')
      .query({ ref: 'r1.9' })
      .reply(200, { type: 'file', encoding: 'base64', content: Buffer.from(HUB_CONF).toString('base64') });
  api
    .patch(`${REPO_API}/check-runs/${options.existingRun?.id ?? runId}`, (body) => {
      captured.checkUpdates.push(body);
      return true;
    })
    .optionally()
    .times(5)
    .reply(200, {});
  if (!options.superseded) {
    api
      .get(`${REPO_API}/issues/${pull}/comments`)
      .query({ per_page: 100 })
      .reply(200, options.comments ?? []);
  }
  return captured;
}

function mockCommentWrites(captured: Captured, pull = 2): void {
  nock(API)
    .post(`${REPO_API}/issues/${pull}/comments`, (body) => {
      captured.comments.push(body.body);
      return true;
    })
    .reply(201, { id: 99 });
}

describe('the GitHub App', () => {
  before(async () => {
    server = await startAssetServer(serveAsset(asset.bytes));
  });
  after(() => server.close());
  afterEach(async () => {
    await harness?.close();
  });

  describe('pull_request.opened', () => {
    it('passes the check and posts a short comment when every asset file is right', async () => {
      harness = await startHarness();
      const captured = mockReview({ files: { [CLEAN_PATH]: assetFile(asset.sha256) } });
      mockCommentWrites(captured);
      await harness.receive('pull_request', pullRequestPayload('opened', HEAD));
      await harness.service.queue.idle();

      assert.equal(captured.checkRuns[0].status, 'in_progress');
      assert.equal(captured.checkRuns[0].head_sha, HEAD);
      const done = captured.checkUpdates.at(-1);
      assert.equal(done.conclusion, 'success');
      assert.equal(done.output.title, 'All 1 asset file passes');
      assert.deepEqual(done.output.annotations, []);
      assertSnapshot('github/passing-comment.md', captured.comments[0]);
    });

    it('fails the check when the hash differs, with annotations on the exact lines', async () => {
      harness = await startHarness();
      const files = {
        [CLEAN_PATH]: assetFile(ORIGINAL_SHA, (text) =>
          replaceOnce(text, 'model-version: 1.9', 'model-version: 1.10'),
        ),
      };
      const captured = mockReview({ files });
      mockCommentWrites(captured);
      mockSuggestionReview(captured);
      await harness.receive('pull_request', pullRequestPayload('opened', HEAD));
      await harness.service.queue.idle();

      const done = captured.checkUpdates.at(-1);
      assert.equal(done.conclusion, 'failure');
      assert.equal(done.output.title, '1 error and 1 warning in 1 asset file');
      assert.deepEqual(
        done.output.annotations.map((a: any) => [a.path, a.start_line, a.annotation_level, a.title]),
        [
          [CLEAN_PATH, 13, 'warning', 'version-text'],
          [CLEAN_PATH, 36, 'failure', 'asset-digest-mismatch'],
        ],
      );
      assertSnapshot('github/failing-check-summary.md', done.output.summary);
      assertSnapshot('github/failing-comment.md', captured.comments[0]);
    });

    it('posts no check and no comment when no asset file changed', async () => {
      harness = await startHarness();
      const captured = mockReview({ files: { 'README.md': '# hub' } });
      await harness.receive('pull_request', pullRequestPayload('opened', HEAD));
      await harness.service.queue.idle();
      assert.deepEqual(harness.outcomes(), ['no-asset-files'], 'the pull request was looked at');
      assert.deepEqual(harness.takeErrors(), []);
      assert.deepEqual(
        [captured.checkRuns, captured.checkUpdates, captured.comments, captured.reviews],
        [[], [], [], []],
        'nothing was written',
      );
    });
  });

  describe('one-click suggestions', () => {
    const versionTen = (text: string) => replaceOnce(text, 'model-version: 1.9', 'model-version: 1.10');

    /** A first review of a file with one fixable line: the suggestion it posted, for a second review. */
    const reviewWithSuggestion = async () => {
      const files = { [CLEAN_PATH]: assetFile(asset.sha256, versionTen) };
      const first = mockReview({ files });
      mockCommentWrites(first);
      mockSuggestionReview(first);
      await harness.receive('pull_request', pullRequestPayload('opened', HEAD));
      await harness.service.queue.idle();
      return { files, first, posted: first.reviews[0].comments[0] };
    };

    it('offers a fix as a suggestion on the exact line, in one review of the head commit', async () => {
      harness = await startHarness();
      const files = { [CLEAN_PATH]: assetFile(asset.sha256, versionTen) };
      const captured = mockReview({ files });
      mockCommentWrites(captured);
      mockSuggestionReview(captured);
      await harness.receive('pull_request', pullRequestPayload('opened', HEAD));
      await harness.service.queue.idle();

      assert.equal(captured.reviews.length, 1);
      const [review] = captured.reviews;
      assert.equal(review.commit_id, HEAD);
      assert.equal(review.event, 'COMMENT');
      assert.deepEqual(
        review.comments.map((comment: any) => [comment.path, comment.line, comment.side, comment.start_line]),
        [[CLEAN_PATH, 13, 'RIGHT', undefined]],
      );
      assertSnapshot('github/suggestion-comment.md', review.comments[0].body);
      assert.match(captured.comments[0], /One fix is offered as a suggestion on the lines you changed/);
    });

    it('offers nothing on a line the pull request did not change', async () => {
      harness = await startHarness();
      const files = { [CLEAN_PATH]: assetFile(asset.sha256, versionTen) };
      // The pull request only changed line 36; line 13 was already there.
      const patches = { [CLEAN_PATH]: '@@ -36,1 +36,1 @@\n-    asset-sha256: 1\n+    asset-sha256: 2' };
      const captured = mockReview({ files, patches });
      mockCommentWrites(captured);
      await harness.receive('pull_request', pullRequestPayload('opened', HEAD));
      await harness.service.queue.idle();
      assert.equal(captured.reviews.length, 0);
      assert.doesNotMatch(captured.comments[0], /suggestion/);
    });

    it('posts no second review for a suggestion already there, on a re-delivery or a re-run', async () => {
      harness = await startHarness();
      const { files, first, posted } = await reviewWithSuggestion();

      const sticky = { id: 99, user: { type: 'Bot' }, body: first.comments[0] };
      const done = first.checkUpdates.at(-1);
      const again = mockReview({
        files,
        comments: [sticky],
        existingRun: {
          id: 7,
          status: 'completed',
          conclusion: done.conclusion,
          title: done.output.title,
          summary: done.output.summary,
        },
      });
      mockSuggestionReview(again, {
        review: false,
        posted: [{ id: 400, user: { type: 'Bot' }, commit_id: HEAD, ...posted }],
      });
      await harness.receive(
        'check_suite',
        examplePayload('check_suite', 'rerequested', (payload) => {
          payload.check_suite.head_sha = HEAD;
          payload.check_suite.pull_requests = [{ number: 2, head: { sha: HEAD }, base: {} }];
        }),
      );
      await harness.service.queue.idle();
      assert.equal(again.reviews.length, 0);
    });

    it("leaves another app's comment that copies the marker, and a review GitHub refuses, without failing", async () => {
      harness = await startHarness();
      const files = { [CLEAN_PATH]: assetFile(asset.sha256, versionTen) };
      const captured = mockReview({ files });
      mockCommentWrites(captured);
      const foreign = {
        id: 401,
        user: { type: 'Bot' },
        commit_id: HEAD,
        path: CLEAN_PATH,
        line: 2,
        body: `${'<!-- mshub-review:suggestion -->'}\nnot ours`,
      };
      nock(API)
        .get(`${REPO_API}/pulls/2/comments`)
        .query({ per_page: 100 })
        .reply(200, [foreign])
        .delete(`${REPO_API}/pulls/comments/401`)
        .reply(403, { message: 'Resource not accessible by integration' })
        .post(`${REPO_API}/pulls/2/reviews`)
        .reply(422, { message: 'Validation Failed' });
      await harness.receive('pull_request', pullRequestPayload('opened', HEAD));
      await harness.service.queue.idle();
      assert.equal(captured.checkUpdates.at(-1).conclusion, 'neutral');
      assert.equal(captured.comments.length, 1);
      assert.deepEqual(harness.errors, []);
    });

    it('deletes its suggestion once a push has fixed the line', async () => {
      harness = await startHarness();
      const { first, posted } = await reviewWithSuggestion();

      const fixedFiles = { [CLEAN_PATH]: assetFile(asset.sha256) };
      const sticky = { id: 99, user: { type: 'Bot' }, body: first.comments[0] };
      const next = mockReview({ sha: NEXT_HEAD, files: fixedFiles, comments: [sticky] });
      // The verdict flips to success: a new comment, and the old one goes.
      mockCommentWrites(next);
      nock(API).delete(`${REPO_API}/issues/comments/99`).reply(204);
      // GitHub keeps the comment, outdated: its line is gone from the new diff.
      mockSuggestionReview(next, {
        review: false,
        posted: [{ id: 400, user: { type: 'Bot' }, commit_id: HEAD, ...posted, line: null }],
        deletes: [400],
      });
      await harness.receive('pull_request', pullRequestPayload('synchronize', NEXT_HEAD));
      await harness.service.queue.idle();
      assert.equal(next.reviews.length, 0);
      assert.match(next.comments[0], /all pass/);
    });
  });

  describe('webhook deliveries', () => {
    it('does nothing for a redelivered webhook', async () => {
      harness = await startHarness();
      const captured = mockReview({ files: { [CLEAN_PATH]: assetFile(asset.sha256) } });
      mockCommentWrites(captured);
      const payload = pullRequestPayload('opened', HEAD);
      await harness.receive('pull_request', payload, 'same-delivery');
      await harness.receive('pull_request', payload, 'same-delivery');
      await harness.service.queue.idle();
      assert.equal(captured.comments.length, 1);
    });

    it('does not review the same head commit twice for different events', async () => {
      harness = await startHarness();
      const captured = mockReview({ files: { [CLEAN_PATH]: assetFile(asset.sha256) } });
      mockCommentWrites(captured);
      await harness.receive('pull_request', pullRequestPayload('opened', HEAD));
      await harness.service.queue.idle();
      await harness.receive('pull_request', pullRequestPayload('ready_for_review', HEAD));
      await harness.service.queue.idle();
      assert.equal(captured.checkRuns.length, 1);
    });

    it('answers the webhook before the review runs', async () => {
      harness = await startHarness();
      const captured = mockReview({ files: { [CLEAN_PATH]: assetFile(asset.sha256) }, filesDelayMs: 300 });
      mockCommentWrites(captured);
      const started = performance.now();
      await harness.receive('pull_request', pullRequestPayload('opened', HEAD));
      assert.ok(performance.now() - started < 250, 'the handler waited for the review');
      assert.equal(captured.comments.length, 0);
      await harness.service.queue.idle();
      assert.equal(captured.comments.length, 1);
    });
  });

  describe('pull_request.synchronize', () => {
    it('does not post the result of a commit that a newer push superseded', async () => {
      harness = await startHarness();
      const old = mockReview({
        sha: HEAD,
        files: { [CLEAN_PATH]: assetFile(ORIGINAL_SHA) },
        filesDelayMs: 200,
        superseded: true,
      });
      const next = mockReview({ sha: NEXT_HEAD, files: { [CLEAN_PATH]: assetFile(asset.sha256) } });
      mockCommentWrites(next);
      await harness.receive('pull_request', pullRequestPayload('synchronize', HEAD));
      await harness.receive('pull_request', pullRequestPayload('synchronize', NEXT_HEAD));
      await harness.service.queue.idle();

      assert.deepEqual(
        old.checkUpdates.map((update) => [update.conclusion, update.output.title]),
        [['cancelled', 'Superseded by a newer commit']],
      );
      assert.deepEqual(
        next.checkUpdates.map((update) => update.conclusion),
        ['success'],
      );
      assert.equal(next.comments.length, 1);
      assert.match(next.comments[0], new RegExp(NEXT_HEAD));
    });
  });

  describe('re-running a review', () => {
    it('reviews the current head again on a /recheck comment', async () => {
      harness = await startHarness();
      nock(API)
        .get(`${REPO_API}/pulls/2`)
        .reply(200, { number: 2, state: 'open', head: { sha: HEAD } });
      const captured = mockReview({ files: { [CLEAN_PATH]: assetFile(asset.sha256) } });
      mockCommentWrites(captured);
      const comment = examplePayload('issue_comment', 'created', (payload) => {
        payload.issue.number = 2;
        payload.issue.pull_request = { url: `${API}${REPO_API}/pulls/2` };
        payload.comment.body = '/recheck please';
        payload.comment.user.type = 'User';
      });
      await harness.receive('issue_comment', comment);
      await harness.service.queue.idle();
      assert.equal(captured.checkUpdates.at(-1).conclusion, 'success');
    });

    it('ignores comments that are not a command, and commands from bots', async () => {
      harness = await startHarness();
      nock.cleanAll();
      for (const [body, type] of [
        ['looks good', 'User'],
        ['/recheck', 'Bot'],
      ]) {
        const comment = examplePayload('issue_comment', 'created', (payload) => {
          payload.issue.pull_request = { url: 'x' };
          payload.comment.body = body;
          payload.comment.user.type = type;
        });
        await harness.receive('issue_comment', comment);
      }
      await harness.service.queue.idle();
      // With every mock gone and the network off, any call would have failed a review: none ran.
      assert.deepEqual(harness.outcomes(), []);
      assert.deepEqual(harness.takeErrors(), []);
    });

    it('finds the pull request of a fork by its head commit on check_run.rerequested', async () => {
      harness = await startHarness();
      const rerun = examplePayload('check_run', 'rerequested', (payload) => {
        payload.check_run.name = 'mshub-review';
        payload.check_run.head_sha = HEAD;
        payload.check_run.pull_requests = [];
      });
      nock(API)
        .get(`${REPO_API}/pulls`)
        .query({ state: 'open', per_page: 100 })
        .reply(200, [
          { number: 1, head: { sha: NEXT_HEAD } },
          { number: 2, head: { sha: HEAD } },
        ]);
      const captured = mockReview({ files: { [CLEAN_PATH]: assetFile(asset.sha256) } });
      mockCommentWrites(captured);
      await harness.receive('check_run', rerun);
      await harness.service.queue.idle();
      assert.equal(captured.checkUpdates.at(-1).conclusion, 'success');
    });

    it('reviews again on check_suite.rerequested even when the commit was reviewed', async () => {
      harness = await startHarness();
      const first = mockReview({ files: { [CLEAN_PATH]: assetFile(asset.sha256) } });
      mockCommentWrites(first);
      await harness.receive('pull_request', pullRequestPayload('opened', HEAD));
      await harness.service.queue.idle();
      const existingRun = {
        id: 7,
        status: 'completed',
        conclusion: 'success',
        title: 'All 1 asset file passes',
        summary: first.checkUpdates.at(-1).output.summary,
      };
      const comments = [{ id: 99, user: { type: 'Bot' }, body: first.comments[0] }];
      const again = mockReview({ files: { [CLEAN_PATH]: assetFile(asset.sha256) }, existingRun, comments });
      const suite = examplePayload('check_suite', 'rerequested', (payload) => {
        payload.check_suite.head_sha = HEAD;
        payload.check_suite.pull_requests = [{ number: 2, head: { sha: HEAD }, base: {} }];
      });
      await harness.receive('check_suite', suite);
      await harness.service.queue.idle();
      assert.deepEqual(again.checkUpdates, [], 'an identical check run is not written again');
      assert.deepEqual(again.comments, [], 'an identical comment is not written again');
    });
  });

  describe('the sticky comment', () => {
    it('edits the comment in place while the verdict stays the same', async () => {
      harness = await startHarness();
      const old = {
        id: 55,
        user: { type: 'Bot' },
        body: '<!-- mshub-review -->\nold\n<!-- mshub-review:verdict=failure -->\n',
      };
      const captured = mockReview({ files: { [CLEAN_PATH]: assetFile(ORIGINAL_SHA) }, comments: [old] });
      nock(API)
        .patch(`${REPO_API}/issues/comments/55`, (body) => {
          captured.commentEdits.push(body.body);
          return true;
        })
        .reply(200, {});
      await harness.receive('pull_request', pullRequestPayload('synchronize', HEAD));
      await harness.service.queue.idle();
      assert.equal(captured.commentEdits.length, 1);
      assert.match(captured.commentEdits[0], /asset-digest-mismatch/);
    });

    it('posts a new comment and deletes the old one when the verdict flips', async () => {
      harness = await startHarness();
      const old = {
        id: 55,
        user: { type: 'Bot' },
        body: '<!-- mshub-review -->\nold\n<!-- mshub-review:verdict=failure -->\n',
      };
      const planted = { id: 56, user: { type: 'User' }, body: '<!-- mshub-review -->\nnot the bot' };
      const captured = mockReview({
        files: { [CLEAN_PATH]: assetFile(asset.sha256) },
        comments: [old, planted],
      });
      mockCommentWrites(captured);
      nock(API).delete(`${REPO_API}/issues/comments/55`).reply(204);
      await harness.receive('pull_request', pullRequestPayload('synchronize', HEAD));
      await harness.service.queue.idle();
      assert.equal(captured.comments.length, 1);
      assert.match(captured.comments[0], /all pass/);
    });
  });

  describe('API failures', () => {
    it('retries a 500 from the GitHub API and then reviews', async () => {
      harness = await startHarness({ retry: true });
      nock(API).get(`${REPO_API}/pulls/2/files`).query({ per_page: 100 }).reply(500, { message: 'oops' });
      const captured = mockReview({ files: { [CLEAN_PATH]: assetFile(asset.sha256) } });
      mockCommentWrites(captured);
      await harness.receive('pull_request', pullRequestPayload('opened', HEAD));
      await harness.service.queue.idle();
      assert.equal(captured.checkUpdates.at(-1).conclusion, 'success');
    });

    it('says why in the check run when the review cannot finish', async () => {
      harness = await startHarness();
      const api = nock(API);
      api.get(`${REPO_API}/contents/.github%2Fmshub-review.yml`).reply(404);
      // Probot's config loader falls back to the owner's `.github` repository.
      api.get(`/repos/${OWNER}/.github/contents/.github%2Fmshub-review.yml`).reply(404);
      api
        .get(`${REPO_API}/pulls/2/files`)
        .query({ per_page: 100 })
        .reply(200, [{ filename: CLEAN_PATH, status: 'added' }]);
      api
        .get(`/repos/Codertocat/Hello-World/commits/${HEAD}/check-runs`)
        .query(true)
        .reply(200, { total_count: 0, check_runs: [] });
      api.post(`${REPO_API}/check-runs`).reply(201, { id: 7 });
      api
        .get(/\/contents\/mshub_res/)
        .query(true)
        .reply(503, { message: 'unavailable' });
      const updates: any[] = [];
      api
        .patch(`${REPO_API}/check-runs/7`, (body) => {
          updates.push(body);
          return true;
        })
        .reply(200, {});
      await harness.receive('pull_request', pullRequestPayload('opened', HEAD));
      await harness.service.queue.idle();
      assert.equal(updates[0].conclusion, 'failure');
      assert.equal(updates[0].output.title, 'mshub-review could not finish');
      assert.match(updates[0].output.summary, /HTTP 503/);
      assert.equal(harness.takeErrors().length, 1);
    });
  });

  describe('repo-link', () => {
    it('looks for mindspore_hub_conf.py on GitHub for a GitHub link', async () => {
      harness = await startHarness();
      const edit = (text: string) =>
        replaceOnce(
          text,
          '<https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert>',
          '<https://github.com/mindspore-lab/mindcv/tree/v0.5.0/configs/vgg>',
        );
      const captured = mockReview({ files: { [CLEAN_PATH]: assetFile(asset.sha256, edit) }, gitee: false });
      nock(API)
        .get('/repos/mindspore-lab/mindcv/contents/configs/vgg/mindspore_hub_conf.py')
        .query({ ref: 'v0.5.0' })
        .reply(404)
        .get('/repos/mindspore-lab/mindcv')
        .reply(200, {})
        .get('/repos/mindspore-lab/mindcv/commits/v0.5.0')
        .reply(200, {});
      mockCommentWrites(captured);
      await harness.receive('pull_request', pullRequestPayload('opened', HEAD));
      await harness.service.queue.idle();
      assert.deepEqual(
        captured.checkUpdates.at(-1).output.annotations.map((a: any) => [a.title, a.start_line]),
        [['hub-conf-missing', 23]],
      );
    });
  });
});
