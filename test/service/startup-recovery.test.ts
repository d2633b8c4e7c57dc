import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import nock from 'nock';
import { Probot } from 'probot';
import { EmbeddedReviewQueue } from '../../src/jobs/embedded-queue.js';
import { GiteeApi } from '../../src/platforms/gitee/gitee-api.js';
import { findPendingGiteeReviews } from '../../src/platforms/gitee/gitee-pending-reviews.js';
import { findPendingGitHubReviews } from '../../src/platforms/github/github-pending-reviews.js';
import type { PendingReviewOptions } from '../../src/review/pending-review.js';
import type { ReviewRequest } from '../../src/review/review-request.js';
import { recoverPendingReviews } from '../../src/service/startup-recovery.js';
import { testOctokit } from '../helpers/github-app-harness.js';
import { useStrictNock } from '../helpers/nock-strict.js';

useStrictNock();

const NOW = Date.parse('2026-11-27T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW - hours * 3600_000).toISOString();
const sha = (char: string) => char.repeat(40);

function options(skipped: string[] = []): PendingReviewOptions {
  return {
    now: () => NOW,
    recentMs: 24 * 3600_000,
    maxPullsPerRepository: 100,
    onError: (_error, repository) => skipped.push(repository),
  };
}

describe('start-up recovery of the embedded queue', () => {
  it('finds GitHub pull requests whose check run never completed, or that changed unseen', async () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const probot = new Probot({
      appId: 1,
      privateKey,
      logLevel: 'fatal',
      Octokit: testOctokit(),
    });
    const api = nock('https://api.github.com');
    api
      .get('/app/installations')
      .query({ per_page: 100 })
      .reply(200, [{ id: 42 }]);
    api
      .post('/app/installations/42/access_tokens')
      .reply(201, { token: 't', expires_at: '2099-01-01T00:00:00Z' });
    api
      .get('/installation/repositories')
      .query({ per_page: 100 })
      .reply(200, {
        total_count: 2,
        repositories: [
          { owner: { login: 'mindspore' }, name: 'hub' },
          { owner: { login: 'mindspore' }, name: 'gone' },
        ],
      });
    const pulls = [
      { number: 1, head: { sha: sha('a') }, updated_at: hoursAgo(30) },
      { number: 2, head: { sha: sha('b') }, updated_at: hoursAgo(1) },
      { number: 3, head: { sha: sha('c') }, updated_at: hoursAgo(2) },
      { number: 4, head: { sha: sha('d') }, updated_at: hoursAgo(72) },
    ];
    const listQuery = { state: 'open', sort: 'updated', direction: 'desc', per_page: 100 };
    api.get('/repos/mindspore/hub/pulls').query(listQuery).reply(200, pulls);
    api.get('/repos/mindspore/gone/pulls').query(listQuery).reply(404, { message: 'Not Found' });
    const runs: Record<string, Array<{ status: string }>> = {
      [sha('a')]: [{ status: 'in_progress' }],
      [sha('b')]: [{ status: 'completed' }],
      [sha('c')]: [],
      [sha('d')]: [],
    };
    for (const [head, checkRuns] of Object.entries(runs)) {
      api
        .get(`/repos/mindspore/hub/commits/${head}/check-runs`)
        .query({ check_name: 'mshub-review', filter: 'latest' })
        .reply(200, { total_count: checkRuns.length, check_runs: checkRuns });
    }
    const skipped: string[] = [];
    const found = await findPendingGitHubReviews((id) => probot.auth(id), options(skipped));
    assert.deepEqual(
      found.map((request) => [request.pullNumber, request.headSha, request.installationId, request.trigger]),
      [
        [1, sha('a'), 42, 'startup.recovery'],
        [3, sha('c'), 42, 'startup.recovery'],
      ],
    );
    assert.deepEqual(skipped, ['mindspore/gone']);
  });

  it('finds Gitee pull requests still labelled pending, or unlabelled and changed recently', async () => {
    const labels = {
      pending: 'mshub-review/pending',
      passed: 'mshub-review/passed',
      failed: 'mshub-review/failed',
    };
    nock('https://gitee.com', { reqheaders: { authorization: 'Bearer tok' } })
      .get('/api/v5/repos/mindspore/hub/pulls')
      .query({
        state: 'open',
        sort: 'updated',
        direction: 'desc',
        page: 1,
        per_page: 100,
      })
      .reply(200, [
        { number: 7, head: { sha: sha('e') }, updated_at: hoursAgo(50), labels: [{ name: labels.pending }] },
        { number: 8, head: { sha: sha('f') }, updated_at: hoursAgo(1), labels: [{ name: labels.passed }] },
        { number: 9, head: { sha: sha('1') }, updated_at: hoursAgo(1), labels: [{ name: 'cla/yes' }] },
        { number: 10, head: { sha: 'not a commit' }, updated_at: hoursAgo(1), labels: [] },
      ]);
    const api = new GiteeApi(
      { apiUrl: 'https://gitee.com/api/v5', token: 'tok', retries: 0, timeoutMs: 5000 },
      async () => {},
    );
    const found = await findPendingGiteeReviews(
      api,
      [{ owner: 'mindspore', repo: 'hub' }],
      labels,
      options(),
    );
    assert.deepEqual(
      found.map((request) => [request.pullNumber, request.headSha]),
      [
        [7, sha('e')],
        [9, sha('1')],
      ],
    );
  });

  it("finds GitCode's pull requests left pending, read as its API v5 answers them (go-gitcode's capture)", async () => {
    const captured = JSON.parse(
      readFileSync(new URL('../fixtures/gitcode/pull_requests.json', import.meta.url), 'utf8'),
    );
    const labels = {
      pending: 'mshub-review/pending',
      passed: 'mshub-review/passed',
      failed: 'mshub-review/failed',
    };
    const stillPending = { ...captured, labels: [...captured.labels, { name: labels.pending }] };
    const reviewed = { ...captured, number: 2, labels: [{ name: labels.passed }] };
    nock('https://api.gitcode.com', { reqheaders: { authorization: 'Bearer tok' } })
      .get('/api/v5/repos/ibforuorg/test1/pulls')
      .query({ state: 'open', sort: 'updated', direction: 'desc', page: 1, per_page: 100 })
      .reply(200, [stillPending, reviewed]);
    const api = new GiteeApi(
      { apiUrl: 'https://api.gitcode.com/api/v5', token: 'tok', retries: 0, timeoutMs: 5000 },
      async () => {},
    );
    const found = await findPendingGiteeReviews(
      api,
      [{ owner: 'ibforuorg', repo: 'test1' }],
      labels,
      options(),
      'gitcode',
    );
    assert.deepEqual(found, [
      {
        platform: 'gitcode',
        owner: 'ibforuorg',
        repo: 'test1',
        pullNumber: 1,
        headSha: captured.head.sha,
        deliveryId: `recovery:gitcode:ibforuorg/test1#1@${captured.head.sha}`,
        trigger: 'startup.recovery',
      },
    ]);
  });

  it('queues what it finds once, and still looks at the other platforms when one fails', async () => {
    const ran: string[] = [];
    const queue = new EmbeddedReviewQueue(async (request) => void ran.push(request.deliveryId), {
      concurrency: 1,
    });
    const pending = (pullNumber: number): ReviewRequest => ({
      platform: 'gitee',
      owner: 'mindspore',
      repo: 'hub',
      pullNumber,
      headSha: sha('e'),
      deliveryId: `recovery:${pullNumber}`,
      trigger: 'startup.recovery',
    });
    const errors: string[] = [];
    const queued = await recoverPendingReviews(
      queue,
      [
        {
          platform: 'github',
          find: async () => {
            throw new Error('Bad credentials');
          },
        },
        { platform: 'gitee', find: async () => [pending(7), pending(7), pending(9)] },
      ],
      { info() {}, error: (data: { err?: Error }) => errors.push(data.err?.message ?? '') } as never,
    );
    await queue.idle();
    assert.equal(queued, 2);
    assert.deepEqual(ran, ['recovery:7', 'recovery:9']);
    assert.deepEqual(errors, ['Bad credentials']);
  });
});
