import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nock from 'nock';
import { buildReport } from '../../src/core/report/review-report.js';
import { GiteeApi } from '../../src/platforms/gitee/gitee-api.js';
import { GiteeReporter } from '../../src/platforms/gitee/gitee-reporter.js';
import { CLEAN_PATH, CLEAN_TEXT, check, replaceOnce } from '../helpers/fixtures.js';
import { useStrictNock } from '../helpers/nock-strict.js';

useStrictNock();

const SHA = 'e'.repeat(40);
const HUB = '/api/v5/repos/mindspore/hub';
const LABELS = {
  pending: 'mshub-review/pending',
  passed: 'mshub-review/passed',
  failed: 'mshub-review/failed',
};

function reporter(errors: unknown[]) {
  const api = new GiteeApi(
    { apiUrl: 'https://gitee.com/api/v5', token: 'tok', retries: 0, timeoutMs: 5000 },
    async () => {},
  );
  return new GiteeReporter(
    api,
    { owner: 'mindspore', repo: 'hub', pullNumber: () => 3 },
    { webUrl: 'https://gitee.com', labels: LABELS, checkRuns: { onError: (error) => errors.push(error) } },
  );
}

/** The comment and label calls every Gitee review makes, check run or not. */
/** The bot's other two labels taken off, then `label` put on. */
function labelled(gitee: nock.Scope, label: string): void {
  gitee
    .delete(/\/pulls\/3\/labels\//)
    .times(2)
    .reply(204);
  gitee.post(`${HUB}/pulls/3/labels`, [label]).reply(201, []);
}

function commentAndLabels(gitee: nock.Scope, label: string): void {
  gitee.get('/api/v5/user').reply(200, { login: 'mshub-bot' });
  gitee.get(`${HUB}/pulls/3/comments`).query({ page: 1, per_page: 100 }).reply(200, []);
  gitee.post(`${HUB}/pulls/3/comments`).reply(201, { id: 10 });
  labelled(gitee, label);
}

describe('Gitee check runs (GITEE_CHECK_RUNS)', () => {
  const failing = () =>
    buildReport([
      {
        path: CLEAN_PATH,
        findings: check(replaceOnce(CLEAN_TEXT, 'module-type: nlp', 'module-type: NLP cv')),
      },
    ]);

  it('opens a run while reviewing and completes it with the verdict, the report and line annotations', async () => {
    const errors: unknown[] = [];
    const gitee = nock('https://gitee.com', { reqheaders: { authorization: 'Bearer tok' } });
    labelled(gitee, LABELS.pending);
    gitee
      .get(`${HUB}/commits/${SHA}/check-runs`)
      .query({ check_name: 'mshub-review' })
      .reply(200, { check_runs: [] });
    let opened: any;
    gitee
      .post(`${HUB}/check-runs`, (body) => {
        opened = body;
        return true;
      })
      .reply(201, { id: 41 });
    commentAndLabels(gitee, LABELS.failed);
    let completed: any;
    gitee
      .patch(`${HUB}/check-runs/41`, (body) => {
        completed = body;
        return true;
      })
      .reply(200, { id: 41 });
    const gitReporter = reporter(errors);
    await gitReporter.started(SHA);
    await gitReporter.completed(SHA, failing());
    assert.deepEqual(errors, []);
    assert.equal(opened.name, 'mshub-review');
    assert.equal(opened.head_sha, SHA);
    assert.equal(opened.status, 'in_progress');
    assert.equal(completed.status, 'completed');
    assert.equal(completed.conclusion, 'failure');
    assert.match(completed.output.title, /个模型描述文件中有/);
    assert.match(completed.output.summary, /module-type/);
    assert.ok(completed.output.annotations.length > 0);
    assert.equal(completed.output.annotations[0].path, CLEAN_PATH);
    assert.match(completed.output.annotations[0].message, /修改方法/);
  });

  it('gives the run up, says why, and still comments and labels when Gitee refuses the token', async () => {
    const errors: unknown[] = [];
    const gitee = nock('https://gitee.com', { reqheaders: { authorization: 'Bearer tok' } });
    labelled(gitee, LABELS.pending);
    gitee.get(`${HUB}/commits/${SHA}/check-runs`).query(true).reply(200, { check_runs: [] });
    gitee.post(`${HUB}/check-runs`).reply(403, { message: '没有权限' });
    commentAndLabels(gitee, LABELS.failed);
    const gitReporter = reporter(errors);
    await gitReporter.started(SHA);
    await gitReporter.completed(SHA, failing());
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /403/);
  });

  it('closes the run it opened as cancelled when a newer commit supersedes the review', async () => {
    const gitee = nock('https://gitee.com', { reqheaders: { authorization: 'Bearer tok' } });
    labelled(gitee, LABELS.pending);
    gitee
      .get(`${HUB}/commits/${SHA}/check-runs`)
      .query(true)
      .reply(200, { check_runs: [{ id: 7, status: 'in_progress' }] });
    let cancelled: any;
    gitee
      .patch(`${HUB}/check-runs/7`, (body) => {
        cancelled = body;
        return true;
      })
      .reply(200, { id: 7 });
    const gitReporter = reporter([]);
    await gitReporter.started(SHA);
    await gitReporter.superseded(SHA);
    assert.equal(cancelled.conclusion, 'cancelled');
  });
});
