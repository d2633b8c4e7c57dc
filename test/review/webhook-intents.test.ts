import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gitcodeIntents } from '../../src/platforms/gitcode/gitcode-intents.js';
import { giteeIntents } from '../../src/platforms/gitee/gitee-intents.js';
import { githubIntents } from '../../src/platforms/github/github-intents.js';
import type { WebhookDecision } from '../../src/review/webhook-intent.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { examplePayload, pullRequestPayload } from '../helpers/github-app-harness.js';

/** Gitee deliveries captured from gitee.com (drone/go-scm testdata; see the folder's README). */
const captured = (name: string) =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/gitee/captured', `${name}.json`), 'utf8'));

/** GitCode deliveries from opensourceways/go-gitcode testdata (see test/fixtures/gitcode/README.md). */
const gitcodeFixture = (name: string) =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/gitcode', `${name}.json`), 'utf8'));

/** go-gitcode's merge request event with another action (GitLab-shaped: `object_attributes.action`). */
function gitcodeMergeRequest(action: string, change: (attributes: any) => void = () => {}) {
  const payload = gitcodeFixture('pr_create');
  payload.object_attributes.action = action;
  change(payload.object_attributes);
  return payload;
}

const SHA = 'a'.repeat(40);

/** What an intent does, without the fields that only name the delivery. */
function summary(decision: WebhookDecision): unknown {
  if (!decision.ok) return decision.problem;
  return decision.intents.map((intent) => {
    if (intent.kind === 'cancel') return { cancel: intent.target.pullNumber };
    if (intent.kind === 'sync') return { sync: intent.request.commit };
    const { pullNumber, headSha } = intent.request;
    return { review: pullNumber ?? null, headSha: headSha ?? null, force: intent.force };
  });
}

describe('webhook events as intents, side by side', () => {
  const github = (event: string, payload: unknown) => summary(githubIntents(event, payload as never, 'd'));
  const gitee = (event: string, payload: unknown) => summary(giteeIntents(event, payload as never, 'd'));
  const gitcode = (event: string, payload: unknown) => summary(gitcodeIntents(event, payload as never, 'd'));

  it('reviews the head of an opened pull request', () => {
    assert.deepEqual(github('pull_request', pullRequestPayload('opened', SHA, 9)), [
      { review: 9, headSha: SHA, force: false },
    ]);
    const open = captured('pr_open');
    assert.deepEqual(gitee('Merge Request Hook', open), [
      { review: 9, headSha: open.pull_request.head.sha, force: false },
    ]);
    assert.deepEqual(gitcode('Merge Request Hook', gitcodeFixture('pr_create')), [
      { review: 4, headSha: '12314124', force: false },
    ]);
  });

  it('reviews again when new commits are pushed to the pull request', () => {
    assert.deepEqual(github('pull_request', pullRequestPayload('synchronize', SHA, 7)), [
      { review: 7, headSha: SHA, force: false },
    ]);
    const update = captured('pr_update');
    assert.deepEqual(gitee('Merge Request Hook', update), [
      { review: 7, headSha: update.pull_request.head.sha, force: false },
    ]);
    assert.deepEqual(
      gitee('Merge Request Hook', { ...update, action: 'Update', action_desc: 'SOURCE_BRANCH_CHANGED' }),
      [{ review: 7, headSha: update.pull_request.head.sha, force: false }],
      'actions are compared whatever their case',
    );
    const pushed = gitcodeMergeRequest('update', (attributes) => {
      attributes.oldrev = 'b'.repeat(40);
    });
    assert.deepEqual(gitcode('Merge Request Hook', pushed), [
      { review: 4, headSha: '12314124', force: false },
    ]);
    const retargeted = gitcodeMergeRequest('update');
    retargeted.changes.target_branch.previous = 'dev';
    assert.deepEqual(gitcode('Merge Request Hook', retargeted), [
      { review: 4, headSha: '12314124', force: false },
    ]);
    // go-gitcode's update with an empty `oldrev` and the reason in `update_reason` (its ActionDetail).
    for (const reason of ['source_branch_changed', 'SOURCE_BRANCH_CHANGED', 'target_branch_changed']) {
      const viaReason = gitcodeMergeRequest('Update', (attributes) => {
        attributes.oldrev = '';
        attributes.update_reason = reason;
      });
      assert.deepEqual(
        gitcode('Merge Request Hook', viaReason),
        [{ review: 4, headSha: '12314124', force: false }],
        reason,
      );
    }
  });

  it('asks nothing when only the title or the description changed', () => {
    assert.deepEqual(github('pull_request', { ...pullRequestPayload('opened', SHA), action: 'edited' }), []);
    assert.deepEqual(
      gitee('Merge Request Hook', { ...captured('pr_update'), action_desc: 'title_changed' }),
      [],
    );
    assert.deepEqual(gitcode('Merge Request Hook', gitcodeMergeRequest('update')), []);
    for (const reason of ['title_changed', 'update_label', ''])
      assert.deepEqual(
        gitcode(
          'Merge Request Hook',
          gitcodeMergeRequest('update', (attributes) => {
            attributes.update_reason = reason;
          }),
        ),
        [],
        reason,
      );
  });

  it('ignores an action or update reason that is not a string, rather than fail the delivery', () => {
    assert.deepEqual(
      gitee('Merge Request Hook', { ...captured('pr_update'), action: 7, action_desc: {} }),
      [],
    );
    assert.deepEqual(
      gitcode(
        'Merge Request Hook',
        gitcodeMergeRequest('update', (attributes) => {
          attributes.action = ['update'];
          attributes.update_reason = 3;
        }),
      ),
      [],
    );
  });

  it('drops the queued reviews of a closed pull request', () => {
    const closed = pullRequestPayload('closed', SHA, 8);
    closed.pull_request.merged = false;
    assert.deepEqual(github('pull_request', closed), [{ cancel: 8 }]);
    assert.deepEqual(gitee('Merge Request Hook', captured('pr_close')), [{ cancel: 8 }]);
    assert.deepEqual(gitcode('Merge Request Hook', gitcodeMergeRequest('close')), [{ cancel: 4 }]);
  });

  it('drops the queued reviews and syncs the site from the merge commit of a merged pull request', () => {
    const merged = pullRequestPayload('closed', SHA, 9);
    merged.pull_request.merged = true;
    merged.pull_request.merge_commit_sha = 'b'.repeat(40);
    merged.pull_request.base.ref = merged.repository.default_branch;
    merged.pull_request.base.repo.id = merged.repository.id;
    assert.deepEqual(github('pull_request', merged), [{ cancel: 9 }, { sync: 'b'.repeat(40) }]);
    const giteeMerge = captured('pr_merge');
    assert.deepEqual(gitee('Merge Request Hook', giteeMerge), [
      { cancel: 9 },
      { sync: giteeMerge.pull_request.merge_commit_sha },
    ]);
    const gitcodeMerge = gitcodeMergeRequest('merge', (attributes) => {
      attributes.merge_commit_sha = 'c'.repeat(40);
    });
    assert.deepEqual(gitcode('Merge Request Hook', gitcodeMerge), [{ cancel: 4 }, { sync: 'c'.repeat(40) }]);
  });

  it('does not sync the site for a merge into another branch', () => {
    const merged = pullRequestPayload('closed', SHA, 9);
    merged.pull_request.merged = true;
    merged.pull_request.merge_commit_sha = 'b'.repeat(40);
    merged.pull_request.base.ref = 'release';
    assert.deepEqual(github('pull_request', merged), [{ cancel: 9 }]);
    const giteeMerge = captured('pr_merge');
    giteeMerge.pull_request.base.ref = 'release';
    assert.deepEqual(gitee('Merge Request Hook', giteeMerge), [{ cancel: 9 }]);
    const gitcodeMerge = gitcodeMergeRequest('merge', (attributes) => {
      attributes.merge_commit_sha = 'c'.repeat(40);
      attributes.target_branch = 'release';
    });
    assert.deepEqual(gitcode('Merge Request Hook', gitcodeMerge), [{ cancel: 4 }]);
  });

  it('reviews the current head, forced, for a new /recheck comment only', () => {
    const comment = examplePayload('issue_comment', 'created', (payload) => {
      payload.issue.number = 7;
      payload.issue.pull_request = { url: 'x' };
      payload.comment.body = '/recheck please';
      payload.comment.user.type = 'User';
    });
    assert.deepEqual(github('issue_comment', comment), [{ review: 7, headSha: null, force: true }]);
    assert.deepEqual(github('issue_comment', { ...comment, action: 'edited' }), []);
    const note = captured('note_hook_pr_comment');
    assert.deepEqual(gitee('Note Hook', note), [], 'an ordinary comment');
    note.comment.body = '/recheck';
    assert.deepEqual(gitee('Note Hook', note), [{ review: 7, headSha: null, force: true }]);
    assert.deepEqual(gitee('Note Hook', { ...note, action: 'edited' }), []);
    const gitcodeNote = gitcodeFixture('pr_note');
    assert.deepEqual(gitcode('Note Hook', gitcodeNote), [], '/lgtm is not a command');
    gitcodeNote.object_attributes.note = '/recheck';
    assert.deepEqual(gitcode('Note Hook', gitcodeNote), [{ review: 4, headSha: null, force: true }]);
    gitcodeNote.object_attributes.system = true;
    assert.deepEqual(gitcode('Note Hook', gitcodeNote), [], 'a system note');
  });

  it('syncs the site for a push to the default branch only', () => {
    const push = examplePayload('push', undefined as never, (payload) => {
      payload.ref = `refs/heads/${payload.repository.default_branch}`;
      payload.after = 'c'.repeat(40);
      payload.deleted = false;
    });
    assert.deepEqual(github('push', push), [{ sync: 'c'.repeat(40) }]);
    assert.deepEqual(github('push', { ...push, ref: 'refs/heads/feature' }), []);
    const giteePush = captured('push');
    assert.deepEqual(gitee('Push Hook', giteePush), [], 'pushed to feat-2-1');
    assert.deepEqual(gitee('Push Hook', { ...giteePush, ref: 'refs/heads/master' }), [
      { sync: giteePush.after },
    ]);
    const gitcodePush = gitcodeFixture('push_code');
    assert.deepEqual(gitcode('Push Hook', gitcodePush), [], 'pushed to dev');
    assert.deepEqual(gitcode('Push Hook', { ...gitcodePush, ref: 'refs/heads/main' }), [
      { sync: gitcodePush.after },
    ]);
    assert.deepEqual(
      gitcode('Push Hook', { ...gitcodePush, ref: 'refs/heads/main', after: '0'.repeat(40) }),
      [],
      'the branch was deleted',
    );
  });

  it('tells an event it does not handle, and a payload without a pull request, from one it ignores', () => {
    assert.equal(gitee('Wiki Hook', {}), 'unknown-event');
    assert.equal(gitee('Merge Request Hook', { action: 'open' }), 'bad-payload');
    assert.deepEqual(gitee('Tag Push Hook', {}), []);
    assert.equal(github('pull_request', { action: 'opened' }), 'bad-payload');
    assert.deepEqual(github('star', examplePayload('star', 'created')), []);
    assert.equal(gitcode('Pipeline Hook', {}), 'unknown-event');
    assert.equal(gitcode('Merge Request Hook', { object_attributes: { action: 'open' } }), 'bad-payload');
  });
});

describe('the import graph of the serving half', () => {
  it('has no webhook handler that imports the service layer', () => {
    const platforms = join(REPO_ROOT, 'src/platforms');
    const offenders: string[] = [];
    for (const folder of readdirSync(platforms, { withFileTypes: true })) {
      const files = folder.isDirectory()
        ? readdirSync(join(platforms, folder.name)).map((name) => join(folder.name, name))
        : [folder.name];
      for (const file of files) {
        if (!file.endsWith('.ts')) continue;
        const text = readFileSync(join(platforms, file), 'utf8');
        if (/from '(\.\.\/)+service\//.test(text)) offenders.push(file);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
