import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import nock from 'nock';
import { type AssetServer, serveAsset, startAssetServer, testAsset } from '../helpers/asset-server.js';
import { CLEAN_PATH, CLEAN_TEXT, REPO_ROOT, replaceOnce, SAMPLE_HUB } from '../helpers/fixtures.js';
import { useStrictNock } from '../helpers/nock-strict.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const asset = testAsset(256 * 1024, 7);
const ORIGINAL_LINK =
  '<https://download.mindspore.cn/models/r1.9/albert_ascend_v190_mnli_research_nlp_acc82.25.ckpt>';
const ORIGINAL_SHA = 'ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a';
const ENV = {
  ALLOW_PRIVATE_ASSET_HOSTS: '127.0.0.1',
  ASSET_CA_FILE: join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem'),
  ASSET_RETRIES: '0',
};

/** A hub checkout in a temporary folder with one asset file linking to the loopback server. */
function hubWithAsset(link: string, sha256: string): string {
  const root = mkdtempSync(join(tmpdir(), 'mshub-verify-'));
  const file = join(root, CLEAN_PATH);
  mkdirSync(join(file, '..'), { recursive: true });
  mkdirSync(join(root, '.github'));
  writeFileSync(join(root, '.github/mshub-review.yml'), 'asset-hosts: ["127.0.0.1:*"]\n');
  writeFileSync(file, replaceOnce(replaceOnce(CLEAN_TEXT, ORIGINAL_LINK, `<${link}>`), ORIGINAL_SHA, sha256));
  return root;
}

describe('mshub-review validate --verify-assets', () => {
  let server: AssetServer;
  before(async () => {
    server = await startAssetServer(serveAsset(asset.bytes));
  });
  after(() => server.close());

  it('passes when the downloaded asset has the stated digest', async () => {
    const hub = hubWithAsset(server.url('/albert.ckpt'), asset.sha256);
    const run = await runCliCaptured(['validate', hub, '--verify-assets'], { env: ENV });
    assert.equal(run.stdout, '✔ 1 file checked, no problems\n');
    assert.equal(run.code, 0);
    assert.match(run.stderr, /^downloading albert\.ckpt \(256\.0 KiB\)\n/);
    assert.match(run.stderr, /✔ albert\.ckpt: 256\.0 KiB in \d+\.\d s\n$/);
  });

  it('fails the file when the digest differs, naming both digests and the size', async () => {
    const hub = hubWithAsset(server.url('/albert.ckpt'), ORIGINAL_SHA);
    const run = await runCliCaptured(['validate', hub, '--verify-assets', '--format', 'json'], { env: ENV });
    assert.equal(run.code, 1);
    const [finding] = JSON.parse(run.stdout).files[0].findings;
    assert.equal(finding.rule, 'asset-digest-mismatch');
    assert.equal(finding.line, 36);
    assert.ok(finding.message.includes(asset.sha256) && finding.message.includes(ORIGINAL_SHA.slice(0, 20)));
    assert.match(finding.message, /262144 bytes/);
  });

  it("advises running the command again, not the bot's /recheck, when the download keeps failing", async () => {
    const failing = await startAssetServer((_request, response) => {
      response.writeHead(503);
      response.end();
    });
    try {
      const hub = hubWithAsset(failing.url('/albert.ckpt'), asset.sha256);
      const run = await runCliCaptured(['validate', hub, '--verify-assets', '--format', 'json'], {
        env: ENV,
      });
      const [finding] = JSON.parse(run.stdout).files[0].findings;
      assert.equal(finding.rule, 'asset-download-failed');
      assert.equal(
        finding.fix,
        'This is often temporary. Run the same command again later; if it keeps failing, check the download host.',
      );
    } finally {
      await failing.close();
    }
  });

  it('does not download anything without --verify-assets', async () => {
    const before = server.requests.length;
    const hub = hubWithAsset(server.url('/albert.ckpt'), ORIGINAL_SHA);
    const run = await runCliCaptured(['validate', hub], { env: ENV });
    assert.equal(run.code, 0);
    assert.equal(server.requests.length, before);
  });

  it('refuses the loopback server when it is not allowed', async () => {
    const hub = hubWithAsset(server.url('/albert.ckpt'), asset.sha256);
    const run = await runCliCaptured(['validate', hub, '--verify-assets', '--format', 'json'], {
      env: { ...ENV, ALLOW_PRIVATE_ASSET_HOSTS: '' },
    });
    assert.equal(run.code, 1);
    const [finding] = JSON.parse(run.stdout).files[0].findings;
    assert.equal(finding.rule, 'asset-unreachable');
    assert.match(finding.message, /127\.0\.0\.1 is a loopback address/);
  });

  it('exits 2 when a download setting is not a number', async () => {
    const run = await runCliCaptured(['validate', CLEAN_PATH, '--verify-assets'], {
      env: { ASSET_MAX_BYTES: 'lots' },
    });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /ASSET_MAX_BYTES must be a whole number/);
  });
});

describe('mshub-review sha256 URL', () => {
  let server: AssetServer;
  before(async () => {
    server = await startAssetServer((request, response, index) =>
      request.url === '/missing.ckpt'
        ? response.writeHead(404).end()
        : serveAsset(asset.bytes)(request, response, index),
    );
  });
  after(() => server.close());

  it('prints the digest of a downloaded asset', async () => {
    const run = await runCliCaptured(['sha256', server.url('/model.ckpt')], { env: ENV });
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `${asset.sha256}\n`);
  });

  it('exits 1 and says why when the asset cannot be downloaded', async () => {
    const run = await runCliCaptured(['sha256', server.url('/missing.ckpt')], { env: ENV });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /could not be hashed: the server answered HTTP 404/);
  });

  it('exits 2 for an http link', async () => {
    const run = await runCliCaptured(['sha256', 'http://download.mindspore.cn/x.ckpt'], { env: ENV });
    assert.equal(run.code, 2);
  });
});

describe('mshub-review validate --check-repo', () => {
  useStrictNock();

  it('reports a repo-link folder without mindspore_hub_conf.py', async () => {
    nock('https://gitee.com')
      .get('/api/v5/repos/mindspore/models/contents/research/nlp/albert/mindspore_hub_conf.py')
      .query({ ref: 'r1.9' })
      .reply(200, [])
      .get('/api/v5/repos/mindspore/models')
      .reply(200, {})
      .get('/api/v5/repos/mindspore/models/commits/r1.9')
      .reply(200, {});
    const run = await runCliCaptured([
      'validate',
      join(SAMPLE_HUB, CLEAN_PATH),
      '--check-repo',
      '--format',
      'json',
    ]);
    assert.equal(run.code, 1);
    const [finding] = JSON.parse(run.stdout).files[0].findings;
    assert.deepEqual([finding.rule, finding.line], ['hub-conf-missing', 23]);
  });

  it("advises running the command again, not the bot's /recheck, when the host cannot be asked", async () => {
    nock('https://gitee.com')
      .get('/api/v5/repos/mindspore/models/contents/research/nlp/albert/mindspore_hub_conf.py')
      .query({ ref: 'r1.9' })
      .reply(503, 'unavailable');
    const run = await runCliCaptured(
      ['validate', join(SAMPLE_HUB, CLEAN_PATH), '--check-repo', '--format', 'json'],
      { env: { GITEE_API_RETRIES: '0' } },
    );
    const [finding] = JSON.parse(run.stdout).files[0].findings;
    assert.equal(finding.rule, 'source-repo-unchecked');
    assert.match(finding.fix, /^Nothing to change: run the same command again later/);
    assert.doesNotMatch(finding.fix, /recheck/);
  });
});

describe('mshub-review fix --verify-assets', () => {
  let server: AssetServer;
  before(async () => {
    server = await startAssetServer(serveAsset(asset.bytes));
  });
  after(() => server.close());

  const fileOf = (hub: string) => join(hub, CLEAN_PATH);

  it('writes the full digest over one cut to its first 8 digits, and the file then passes', async () => {
    const hub = hubWithAsset(server.url('/albert.ckpt'), asset.sha256.slice(0, 8));
    const requests = server.requests.length;
    const run = await runCliCaptured(['fix', hub, '--verify-assets'], { env: ENV });
    assert.match(run.stdout, new RegExp(`^-    asset-sha256: ${asset.sha256.slice(0, 8)}$`, 'm'));
    assert.match(run.stdout, new RegExp(`^\\+    asset-sha256: ${asset.sha256}$`, 'm'));
    assert.match(run.stdout, /✔ 1 file checked, no problems/);
    assert.equal(run.code, 0);
    assert.ok(readFileSync(fileOf(hub), 'utf8').includes(`asset-sha256: ${asset.sha256}\n`));
    assert.equal(server.requests.length - requests, 1, 'the check after the fix reuses the download');
    const again = await runCliCaptured(['fix', hub, '--verify-assets'], { env: ENV });
    assert.match(again.stdout, /^Nothing to fix/m, 'a second run changes nothing');
  });

  it('adds the digest below asset-link when the entry has none', async () => {
    const hub = hubWithAsset(server.url('/albert.ckpt'), asset.sha256);
    const text = readFileSync(fileOf(hub), 'utf8');
    writeFileSync(fileOf(hub), text.replace(/\n\s+asset-sha256: [0-9a-f]{64}/, ''));
    const run = await runCliCaptured(['fix', hub, '--verify-assets'], { env: ENV });
    assert.equal(run.code, 0, run.stdout);
    assert.equal(readFileSync(fileOf(hub), 'utf8'), text, 'the line is back where the original had it');
  });

  it('never overwrites a digest that names another file, and reports it', async () => {
    const hub = hubWithAsset(server.url('/albert.ckpt'), ORIGINAL_SHA);
    const before = readFileSync(fileOf(hub), 'utf8');
    const run = await runCliCaptured(['fix', hub, '--verify-assets'], { env: ENV });
    assert.equal(run.code, 1);
    assert.equal(readFileSync(fileOf(hub), 'utf8'), before);
    assert.match(run.stdout, /asset-digest-mismatch error: The file behind asset entry 1's `asset-link`/);
  });

  it('writes nothing with --dry-run, and says what it would write', async () => {
    const hub = hubWithAsset(server.url('/albert.ckpt'), asset.sha256.slice(0, 8));
    const before = readFileSync(fileOf(hub), 'utf8');
    const run = await runCliCaptured(['fix', hub, '--verify-assets', '--dry-run'], { env: ENV });
    assert.match(run.stdout, new RegExp(`^\\+    asset-sha256: ${asset.sha256}$`, 'm'));
    assert.equal(readFileSync(fileOf(hub), 'utf8'), before);
  });
});
