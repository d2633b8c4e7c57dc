import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nock from 'nock';
import { Probot } from 'probot';
import type { Octokit } from '../../src/platforms/github/github-auth.js';
import { GitHubPlatform } from '../../src/platforms/github/github-platform.js';
import { upsertAuditIssue } from '../../src/review/audit-issue.js';
import { API, TEST_APP_KEY, testOctokit } from '../helpers/github-app-harness.js';
import { useStrictNock } from '../helpers/nock-strict.js';

useStrictNock();

const HUB = '/repos/mindspore-ai/hub';
const MARKER = '<!-- mshub-review:audit -->';

function platform(): GitHubPlatform {
  const probot = new Probot({
    appId: 1,
    privateKey: TEST_APP_KEY,
    logLevel: 'fatal',
    Octokit: testOctokit(),
  });
  return new GitHubPlatform((installationId) => probot.auth(installationId) as Promise<Octokit>);
}

function installation(api: nock.Scope): void {
  api
    .get(`${HUB}/installation`)
    .reply(200, { id: 42 })
    .post('/app/installations/42/access_tokens')
    .reply(201, { token: 'ghs_hub', expires_at: '2099-01-01T00:00:00Z' });
}

describe('the audit on a GitHub hub', () => {
  it('reads the head of the default branch as the installation the App has there', async () => {
    const api = nock(API);
    installation(api);
    api
      .get(HUB)
      .reply(200, { default_branch: 'main' })
      .get(`${HUB}/branches/main`)
      .reply(200, { commit: { sha: 'a'.repeat(40) } });
    assert.deepEqual(await platform().defaultHead({ owner: 'mindspore-ai', repo: 'hub' }), {
      commit: 'a'.repeat(40),
      installationId: 42,
    });
  });

  it("edits only the App's own issue, never one another app or a person wrote with the same marker", async () => {
    const api = nock(API);
    installation(api);
    api.get('/app').reply(200, { slug: 'mshub-review' });
    api
      .get(`${HUB}/issues`)
      .query(true)
      .reply(200, [
        { number: 5, body: `${MARKER}\ncopied`, user: { login: 'someone', type: 'User' } },
        { number: 6, body: `${MARKER}\nby another app`, user: { login: 'other-app[bot]', type: 'Bot' } },
        {
          number: 7,
          body: `${MARKER}\nold`,
          user: { login: 'mshub-review[bot]', type: 'Bot' },
          html_url: 'https://github.com/mindspore-ai/hub/issues/7',
        },
      ]);
    let edited: unknown;
    api
      .patch(`${HUB}/issues/7`, (body) => {
        edited = body;
        return true;
      })
      .reply(200, { number: 7 });
    const access = await platform().auditAccess({ owner: 'mindspore-ai', repo: 'hub' });
    const written = await upsertAuditIssue(access.issues, 'Hub audit', `${MARKER}\nnew`);
    assert.deepEqual(written, {
      kind: 'updated',
      id: '7',
      url: 'https://github.com/mindspore-ai/hub/issues/7',
    });
    assert.deepEqual(edited, { body: `${MARKER}\nnew` });
  });

  it('opens the issue when the App has none open', async () => {
    const api = nock(API);
    installation(api);
    api.get('/app').reply(200, { slug: 'mshub-review' });
    api.get(`${HUB}/issues`).query(true).reply(200, []);
    api
      .post(`${HUB}/issues`, (body) => body.title === 'Hub audit' && String(body.body).startsWith(MARKER))
      .reply(201, { number: 8, html_url: 'https://github.com/mindspore-ai/hub/issues/8' });
    const access = await platform().auditAccess({ owner: 'mindspore-ai', repo: 'hub' });
    assert.deepEqual(await upsertAuditIssue(access.issues, 'Hub audit', `${MARKER}\nfirst`), {
      kind: 'created',
      id: '8',
      url: 'https://github.com/mindspore-ai/hub/issues/8',
    });
  });
});
