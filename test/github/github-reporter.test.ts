import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import type { Finding } from '../../src/core/findings.js';
import { buildReport } from '../../src/core/report/review-report.js';
import { GitHubReporter } from '../../src/platforms/github/github-reporter.js';
import { CLEAN_PATH, CLEAN_TEXT, check, replaceOnce } from '../helpers/fixtures.js';
import { API, REPO_API } from '../helpers/github-app-harness.js';
import { useStrictNock } from '../helpers/nock-strict.js';

useStrictNock();

const SHA = 'd'.repeat(40);

describe('GitHubReporter', () => {
  it('sends annotations 50 per request, completing the run with the first batch', async () => {
    const octokit = new (ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }))(
      { auth: 'token t' },
    );
    const findings: Finding[] = Array.from({ length: 120 }, (_, index) => ({
      rule: 'version-text',
      severity: 'warning',
      path: `mshub_res/assets/mindspore/1.9/m${index}.md`,
      line: 13,
      column: 16,
      message: 'YAML reads it as a number.',
      fix: 'Quote it.',
    }));
    const updates: any[] = [];
    nock(API)
      .get(`${REPO_API}/commits/${SHA}/check-runs`)
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] })
      .post(`${REPO_API}/check-runs`)
      .reply(201, { id: 3 })
      .patch(`${REPO_API}/check-runs/3`, (body) => {
        updates.push(body);
        return true;
      })
      .times(3)
      .reply(200, {})
      .get(`${REPO_API}/issues/5/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_API}/issues/5/comments`)
      .reply(201, { id: 1 });
    const reporter = new GitHubReporter(octokit, {
      owner: 'Codertocat',
      repo: 'Hello-World',
      pullNumber: () => 5,
    });
    await reporter.started(SHA);
    await reporter.completed(SHA, buildReport([{ path: 'x.md', findings }]));
    assert.deepEqual(
      updates.map((update) => [update.status, update.conclusion, update.output.annotations.length]),
      [
        ['completed', 'neutral', 50],
        [undefined, undefined, 50],
        [undefined, undefined, 20],
      ],
    );
    assert.deepEqual(updates[0].output.annotations[0], {
      path: 'mshub_res/assets/mindspore/1.9/m0.md',
      start_line: 13,
      end_line: 13,
      start_column: 16,
      end_column: 16,
      annotation_level: 'warning',
      title: 'version-text',
      message: 'YAML reads it as a number.\nFix: Quote it.',
    });
  });

  it("writes the check run, its annotations and the comment in the hub's language", async () => {
    const octokit = new (ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }))(
      { auth: 'token t' },
    );
    const text = replaceOnce(CLEAN_TEXT, 'module-type: nlp', 'module-type: NLP');
    const findings = check(text);
    let finished: any;
    let comment = '';
    nock(API)
      .get(`${REPO_API}/commits/${SHA}/check-runs`)
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] })
      .post(`${REPO_API}/check-runs`)
      .reply(201, { id: 3 })
      .patch(`${REPO_API}/check-runs/3`, (body) => {
        finished = body;
        return true;
      })
      .reply(200, {})
      .get(`${REPO_API}/issues/5/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_API}/issues/5/comments`, (body) => {
        comment = body.body;
        return true;
      })
      .reply(201, { id: 1 });
    const reporter = new GitHubReporter(octokit, {
      owner: 'Codertocat',
      repo: 'Hello-World',
      pullNumber: () => 5,
    });
    await reporter.started(SHA);
    await reporter.completed(
      SHA,
      buildReport([{ path: CLEAN_PATH, findings }], undefined, { language: 'zh+en' }),
    );
    assert.equal(finished.output.title, '1 个模型描述文件中有 1 个警告');
    assert.match(
      finished.output.annotations[0].message,
      /有大写字母.*\n修改方法：改成 `module-type: nlp`。/s,
    );
    assert.match(comment, /^<!-- mshub-review -->\n### ⚠️ mshub-review：/);
    assert.match(comment, /<summary>English（英文版本）<\/summary>[\s\S]*has capital letters/);
  });
});
