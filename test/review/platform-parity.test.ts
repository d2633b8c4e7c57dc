import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import nock from 'nock';
import { type AssetServer, serveAsset, startAssetServer, testAsset } from '../helpers/asset-server.js';
import { CLEAN_PATH, CLEAN_TEXT, REPO_ROOT, replaceOnce } from '../helpers/fixtures.js';
import { GITEE_API, giteeFixture, HUB_API, startGiteeHarness } from '../helpers/gitee-harness.js';
import { API, pullRequestPayload, REPO_API, startHarness } from '../helpers/github-app-harness.js';
import { useStrictNock } from '../helpers/nock-strict.js';
import { runCliCaptured } from '../helpers/run-cli.js';

useStrictNock();

const HEAD = 'e'.repeat(40);
const CONFIG = 'asset-hosts: ["127.0.0.1:*"]\n';
const HUB_CONF = 'def create_network(name):\n    return None\n';
const asset = testAsset(16 * 1024, 5);
const base64 = (text: string) => Buffer.from(text).toString('base64');
type Key = [string, number | undefined];
const sorted = (keys: Key[]) => keys.map(([rule, line]) => `${line}:${rule}`).sort();

/** A real file with defects on known lines: an unknown family, an unquoted 1.10, a cut digest that does not match. */
function defectiveFile(server: AssetServer): string {
  let text = replaceOnce(CLEAN_TEXT, 'module-type: nlp', 'module-type: vision');
  text = replaceOnce(text, 'model-version: 1.9', 'model-version: 1.10');
  text = replaceOnce(text, 'ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a', 'ec4f2c53');
  return replaceOnce(
    text,
    '<https://download.mindspore.cn/models/r1.9/albert_ascend_v190_mnli_research_nlp_acc82.25.ckpt>',
    `<${server.url('/albert.ckpt')}>`,
  );
}

/** Each platform asks Gitee once for the source repository's mindspore_hub_conf.py. */
function mockHubConf(): void {
  nock(GITEE_API)
    .get('/api/v5/repos/mindspore/models/contents/research/nlp/albert/mindspore_hub_conf.py')
    .query(true)
    .reply(200, { type: 'file', encoding: 'base64', content: base64(HUB_CONF) });
}

async function runCli(text: string): Promise<Key[]> {
  const root = mkdtempSync(join(tmpdir(), 'mshub-parity-'));
  mkdirSync(join(root, CLEAN_PATH, '..'), { recursive: true });
  mkdirSync(join(root, '.github'));
  writeFileSync(join(root, '.github/mshub-review.yml'), CONFIG);
  writeFileSync(join(root, CLEAN_PATH), text);
  mockHubConf();
  const cli = await runCliCaptured(
    ['validate', root, '--format', 'json', '--verify-assets', '--check-repo'],
    {
      env: {
        ALLOW_PRIVATE_ASSET_HOSTS: '127.0.0.1',
        ASSET_CA_FILE: join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem'),
      },
    },
  );
  return JSON.parse(cli.stdout).files[0].findings.map((finding: any) => [finding.rule, finding.line]);
}

async function runGitHub(text: string): Promise<Key[]> {
  const github = await startHarness();
  const api = nock(API);
  api
    .get(`${REPO_API}/contents/.github%2Fmshub-review.yml`)
    .reply(200, CONFIG, { 'content-type': 'text/plain; charset=utf-8' });
  api
    .get(`${REPO_API}/pulls/2/files`)
    .query(true)
    .reply(200, [{ filename: CLEAN_PATH, status: 'added' }]);
  api
    .get(`${REPO_API}/commits/${HEAD}/check-runs`)
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] });
  api.post(`${REPO_API}/check-runs`).reply(201, { id: 1 });
  api
    .get(`${REPO_API}/contents/${CLEAN_PATH.replaceAll('/', '%2F')}`)
    .query(true)
    .reply(200, { type: 'file', encoding: 'base64', size: text.length, content: base64(text) });
  api.get(`${REPO_API}/git/trees/${HEAD}`).query(true).reply(200, { tree: [], truncated: false });
  mockHubConf();
  let annotations: any[] = [];
  api
    .patch(`${REPO_API}/check-runs/1`, (body) => {
      annotations = body.output.annotations;
      return true;
    })
    .reply(200, {});
  api.get(`${REPO_API}/issues/2/comments`).query(true).reply(200, []);
  api.post(`${REPO_API}/issues/2/comments`).reply(201, { id: 3 });
  await github.receive('pull_request', pullRequestPayload('opened', HEAD));
  await github.close();
  return annotations.map((annotation) => [annotation.title, annotation.start_line]);
}

async function runGitee(text: string): Promise<Key[]> {
  const gitee = await startGiteeHarness();
  const api = nock(GITEE_API, { reqheaders: { authorization: 'Bearer tok' } });
  api
    .get(`${HUB_API}/contents/.github/mshub-review.yml`)
    .reply(200, { type: 'file', encoding: 'base64', content: base64(CONFIG) });
  api.get(`${HUB_API}/pulls/1/files`).reply(200, [{ filename: CLEAN_PATH, status: 'added' }]);
  api
    .get(`${HUB_API}/contents/${CLEAN_PATH}`)
    .query(true)
    .reply(200, { type: 'file', encoding: 'base64', size: text.length, content: base64(text) });
  api.get(`${HUB_API}/git/trees/${HEAD}`).query(true).reply(200, { tree: [], truncated: false });
  mockHubConf();
  api.get('/api/v5/user').reply(200, { login: 'mshub-bot' });
  api.get(`${HUB_API}/pulls/1/comments`).query(true).reply(200, []);
  let comment = '';
  api
    .post(`${HUB_API}/pulls/1/comments`, (body) => {
      comment = body.body;
      return true;
    })
    .reply(201, { id: 4 });
  api
    .delete(/labels/)
    .times(4)
    .reply(404);
  api.post(`${HUB_API}/pulls/1/labels`).times(2).reply(201, []);
  await gitee.send('Merge Request Hook', giteeFixture('merge-request-open', HEAD));
  await gitee.close();
  return [...comment.matchAll(/\*\*\[Line (\d+)\]\([^)]*\)\*\* `([a-z0-9-]+)`/g)].map((match) => [
    match[2] ?? '',
    Number(match[1]),
  ]);
}

describe('the same findings on every platform', () => {
  let server: AssetServer;
  before(async () => {
    server = await startAssetServer(serveAsset(asset.bytes));
  });
  after(() => server.close());

  it('gives the same rules on the same lines in the CLI, the GitHub App and on Gitee', async () => {
    const text = defectiveFile(server);
    const cli = await runCli(text);
    assert.deepEqual(sorted(cli), [
      '13:version-text',
      '36:asset-digest-mismatch',
      '36:asset-sha256-format',
      '9:module-type',
    ]);
    assert.deepEqual(sorted(await runGitHub(text)), sorted(cli));
    assert.deepEqual(sorted(await runGitee(text)), sorted(cli));
  });
});
