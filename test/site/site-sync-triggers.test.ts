import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import nock from 'nock';
import { Probot } from 'probot';
import { gitcodeIntents } from '../../src/platforms/gitcode/gitcode-intents.js';
import { GitCodePlatform } from '../../src/platforms/gitcode/gitcode-platform.js';
import { GiteeApi } from '../../src/platforms/gitee/gitee-api.js';
import { GiteePlatform } from '../../src/platforms/gitee/gitee-platform.js';
import type { GitHubAuth, Octokit } from '../../src/platforms/github/github-auth.js';
import { GitHubPlatform } from '../../src/platforms/github/github-platform.js';
import { SiteSyncService } from '../../src/service/site-sync-service.js';
import { CLEAN_PATH, CLEAN_TEXT, REPO_ROOT } from '../helpers/fixtures.js';
import { GITEE_API, giteeFixture, HUB_API, startGiteeHarness } from '../helpers/gitee-harness.js';
import {
  API,
  examplePayload,
  OWNER,
  REPO,
  REPO_API,
  startHarness,
  TEST_APP_KEY,
  testOctokit,
} from '../helpers/github-app-harness.js';
import { useStrictNock } from '../helpers/nock-strict.js';

useStrictNock();

const MERGE = 'c4295bd74fb0f4fda03689c3df3f2803b658fd85';
const BLOB = '9'.repeat(40);
const base64 = (text: string) => Buffer.from(text).toString('base64');

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** Gitee as the runtime registers it; a site sync reads only its hub trees. */
const giteePlatform = (api: GiteeApi) =>
  new GiteePlatform({
    api,
    webUrl: 'https://gitee.com',
    labels: { pending: 'p', passed: 'ok', failed: 'x' },
  });

function siteSyncFor(
  hub: string,
  gitee?: GiteeApi,
): { service: SiteSyncService; out: string; withGitHub: (github: GitHubAuth) => SiteSyncService } {
  const out = mkdtempSync(join(tmpdir(), 'mshub-site-out-'));
  const create = (github?: GitHubAuth) =>
    new SiteSyncService({
      hubs: [hub],
      outDir: out,
      platforms: {
        ...(gitee ? { gitee: giteePlatform(gitee) } : {}),
        ...(github ? { github: new GitHubPlatform(github) } : {}),
      },
      ...(github ? { github } : {}),
    });
  return { service: create(), out, withGitHub: create };
}

describe('site sync on GitHub', () => {
  it('publishes the catalog of the merge commit when a pull request is merged into the default branch', async () => {
    const { withGitHub, out } = siteSyncFor(`github:${OWNER}/${REPO}`);
    const harness = await startHarness({ siteSync: withGitHub });
    const service = harness.siteSync as SiteSyncService;
    close = () => harness.close();
    const api = nock(API);
    api
      .get(`${REPO_API}/git/trees/${MERGE}`)
      .query({ recursive: 'true' })
      .reply(200, { truncated: false, tree: [{ path: CLEAN_PATH, type: 'blob', sha: BLOB }] });
    api.get(`${REPO_API}/contents/.github%2Fmshub-review.yml`).reply(404);
    api.get(`/repos/${OWNER}/.github/contents/.github%2Fmshub-review.yml`).reply(404);
    api.get(`${REPO_API}/git/blobs/${BLOB}`).reply(200, { content: base64(CLEAN_TEXT), encoding: 'base64' });
    const merged = examplePayload('pull_request', 'closed', (payload) => {
      payload.pull_request.merged = true;
    });
    await harness.receive('pull_request', merged);
    await service.idle();
    const catalog = JSON.parse(readFileSync(join(out, 'github', OWNER, REPO, 'catalog.json'), 'utf8'));
    assert.equal(catalog.commit, MERGE);
    assert.deepEqual(
      catalog.models.map((model: { markdown_name: string }) => model.markdown_name),
      ['albert_mnli'],
    );
  });

  it('does nothing for a pull request closed without merging, or a push to a tag', async () => {
    const { withGitHub, out } = siteSyncFor(`github:${OWNER}/${REPO}`);
    const harness = await startHarness({ siteSync: withGitHub });
    const service = harness.siteSync as SiteSyncService;
    close = () => harness.close();
    nock.cleanAll();
    await harness.receive('pull_request', examplePayload('pull_request', 'closed'));
    const tagPush = examplePayload('push', undefined as never);
    await harness.receive('push', tagPush);
    await service.idle();
    assert.equal(existsSync(join(out, 'github')), false);
  });

  it('ignores repositories that are not configured hubs', async () => {
    const { service } = siteSyncFor('github:mindspore/hub');
    assert.equal(
      await service.request({
        platform: 'github',
        owner: 'someone',
        repo: 'fork',
        commit: MERGE,
        deliveryId: 'd',
        trigger: 't',
      }),
      'not-a-hub',
    );
  });
});

describe('site sync on GitCode', () => {
  it('publishes the catalog of the merge commit when a merge request is merged into the default branch', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mshub-site-out-'));
    const api = new GiteeApi(
      { apiUrl: 'https://api.gitcode.com/api/v5', token: 'tok', retries: 0, timeoutMs: 5000 },
      async () => {},
    );
    const service = new SiteSyncService({
      hubs: ['gitcode:ibforuorg/test1'],
      outDir: out,
      platforms: {
        gitcode: new GitCodePlatform({
          api,
          webUrl: 'https://gitcode.com',
          labels: { pending: 'p', passed: 'ok', failed: 'x' },
        }),
      },
    });
    const merged = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/gitcode/pr_create.json'), 'utf8'));
    merged.object_attributes.action = 'merge';
    merged.object_attributes.merge_commit_sha = MERGE;
    const decision = gitcodeIntents('Merge Request Hook', merged, 'd');
    assert.ok(decision.ok);
    const sync = decision.intents.find((intent) => intent.kind === 'sync');
    assert.ok(sync?.kind === 'sync');
    nock('https://api.gitcode.com', { reqheaders: { authorization: 'Bearer tok' } })
      .get(`/api/v5/repos/ibforuorg/test1/git/trees/${MERGE}`)
      .query({ recursive: 1 })
      .reply(200, { truncated: false, tree: [{ path: CLEAN_PATH, type: 'blob', sha: BLOB }] })
      .get('/api/v5/repos/ibforuorg/test1/contents/.github/mshub-review.yml')
      .reply(404, { message: 'Not Found' })
      .get(`/api/v5/repos/ibforuorg/test1/git/blobs/${BLOB}`)
      .reply(200, { content: base64(CLEAN_TEXT), encoding: 'base64' });
    assert.equal(await service.request(sync.request), 'started');
    await service.idle();
    const catalog = JSON.parse(
      readFileSync(join(out, 'gitcode', 'ibforuorg', 'test1', 'catalog.json'), 'utf8'),
    );
    assert.equal(catalog.commit, MERGE);
    assert.equal(catalog.models.length, 1);
  });
});

describe('site sync on Gitee', () => {
  it('enqueues a site sync of the merge commit when a pull request is merged', async () => {
    const gitee = testGiteeApi();
    const { service, out } = siteSyncFor('gitee:mindspore/hub', gitee);
    const harness = await startGiteeHarness('signature', service);
    close = () => harness.close();
    const merged = giteeFixture('merge-request-merge');
    merged.pull_request.merge_commit_sha = MERGE;
    mockGiteeHubAt(MERGE);
    const reply = await harness.send('Merge Request Hook', merged);
    assert.deepEqual(reply.body, { outcome: 'started' });
    await service.idle();
    const catalog = JSON.parse(readFileSync(join(out, 'gitee', 'mindspore', 'hub', 'catalog.json'), 'utf8'));
    assert.equal(catalog.commit, MERGE);
    assert.equal(catalog.models.length, 1);
  });

  it('publishes a Gitee hub to a GitHub branch as the app installed on the site repository', async () => {
    const gitee = testGiteeApi();
    const errors: string[] = [];
    const probot = new Probot({
      appId: 1,
      privateKey: TEST_APP_KEY,
      logLevel: 'fatal',
      Octokit: testOctokit(),
    });
    const service = new SiteSyncService({
      hubs: ['gitee:mindspore/hub'],
      outDir: mkdtempSync(join(tmpdir(), 'mshub-site-out-')),
      platforms: { gitee: giteePlatform(gitee) },
      github: (installationId) => probot.auth(installationId) as Promise<Octokit>,
      publish: { githubBranch: { owner: 'mindspore-ai', repo: 'hub-site', branch: 'gh-pages' } },
      log: { info() {}, error: (data: { err?: Error }) => errors.push(data.err?.message ?? '') } as never,
    });
    mockGiteeHubAt(MERGE);
    const site = '/repos/mindspore-ai/hub-site';
    const created: unknown[] = [];
    nock(API)
      .get(`${site}/installation`)
      .reply(200, { id: 77 })
      .post('/app/installations/77/access_tokens')
      .reply(201, { token: 'ghs_site', expires_at: '2099-01-01T00:00:00Z' })
      .get(`${site}/git/ref/heads%2Fgh-pages`)
      .reply(404, { message: 'Not Found' })
      .post(`${site}/git/blobs`)
      .times(2)
      .reply(201, { sha: 'b'.repeat(40) })
      .post(`${site}/git/trees`)
      .reply(201, { sha: 't'.repeat(40) })
      .post(`${site}/git/commits`)
      .reply(201, { sha: 'm'.repeat(40) })
      .post(`${site}/git/refs`, (body) => {
        created.push(body);
        return true;
      })
      .reply(201, {});
    assert.equal(
      await service.request({
        platform: 'gitee',
        owner: 'mindspore',
        repo: 'hub',
        commit: MERGE,
        deliveryId: 'd',
        trigger: 'push',
      }),
      'started',
    );
    await service.idle();
    assert.deepEqual(errors, []);
    assert.deepEqual(created, [{ ref: 'refs/heads/gh-pages', sha: 'm'.repeat(40) }]);
  });
});

describe('site sync at start', () => {
  it('publishes each hub at the head of its default branch, so a sync the last shutdown cut short is not lost', async () => {
    const gitee = testGiteeApi();
    const { service, out } = siteSyncFor('gitee:mindspore/hub', gitee);
    nock(GITEE_API, { reqheaders: { authorization: 'Bearer tok' } })
      .get(HUB_API)
      .reply(200, { default_branch: 'master' })
      .get(`${HUB_API}/branches/master`)
      .reply(200, { commit: { sha: MERGE } });
    mockGiteeHubAt(MERGE);
    await service.catchUp();
    await service.idle();
    const catalog = JSON.parse(readFileSync(join(out, 'gitee/mindspore/hub/catalog.json'), 'utf8'));
    assert.equal(catalog.commit, MERGE);
  });

  it('logs a hub whose head cannot be read, and still asks for the others', async () => {
    const errors: string[] = [];
    const service = new SiteSyncService({
      hubs: ['gitee:mindspore/hub', 'github:o/r'],
      outDir: mkdtempSync(join(tmpdir(), 'mshub-site-out-')),
      platforms: { gitee: giteePlatform(testGiteeApi()) },
      log: { info() {}, error: (data: { hub?: string }) => errors.push(data.hub ?? '') } as never,
    });
    nock(GITEE_API).get(HUB_API).reply(500, {});
    await service.catchUp();
    assert.deepEqual(errors.sort(), ['gitee:mindspore/hub', 'github:o/r']);
  });
});

const testGiteeApi = () =>
  new GiteeApi({ apiUrl: 'https://gitee.com/api/v5', token: 'tok', retries: 0, timeoutMs: 5000 });

/** The hub at a commit, as the Gitee API shows it: one clean asset file and no settings file. */
function mockGiteeHubAt(commit: string): void {
  nock(GITEE_API, { reqheaders: { authorization: 'Bearer tok' } })
    .get(`${HUB_API}/git/trees/${commit}`)
    .query({ recursive: 1 })
    .reply(200, { truncated: false, tree: [{ path: CLEAN_PATH, type: 'blob', sha: BLOB }] })
    .get(`${HUB_API}/contents/.github/mshub-review.yml`)
    .reply(200, [])
    .get(`${HUB_API}/git/blobs/${BLOB}`)
    .reply(200, { content: base64(CLEAN_TEXT), encoding: 'base64' });
}
