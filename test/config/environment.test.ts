import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { rootCertificates } from 'node:tls';
import { readEnvironment } from '../../src/config/environment.js';
import { isMshubError } from '../../src/core/errors.js';
import { trustedCertificates } from '../../src/net/guarded-lookup.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const refuses = (env: NodeJS.ProcessEnv, pattern: RegExp) =>
  assert.throws(
    () => readEnvironment(env),
    (error: unknown) => isMshubError(error, 'CONFIG_INVALID') && pattern.test(error.message),
  );

describe('settings from the environment', () => {
  it('runs reviews in process when REDIS_URL is unset', () => {
    const environment = readEnvironment({});
    assert.deepEqual(environment.queue, {});
    assert.equal(environment.reviewConcurrency, 4);
  });

  it('queues in Redis under a prefix when REDIS_URL is set', () => {
    const environment = readEnvironment({ REDIS_URL: 'redis://127.0.0.1:6379/2', WORKER_PORT: '3001' });
    assert.deepEqual(environment.queue, {
      redis: { url: 'redis://127.0.0.1:6379/2', prefix: 'mshub-review' },
      workerPort: 3001,
    });
    assert.equal(
      readEnvironment({ REDIS_URL: 'rediss://cache:6380', QUEUE_PREFIX: 'hub-a' }).queue.redis?.prefix,
      'hub-a',
    );
  });

  it('refuses a REDIS_URL that is not redis:// or rediss://, and an unsafe prefix', () => {
    refuses({ REDIS_URL: 'http://127.0.0.1:6379' }, /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    refuses({ REDIS_URL: '127.0.0.1:6379' }, /REDIS_URL/);
    refuses({ REDIS_URL: 'redis://x', QUEUE_PREFIX: 'a b:*' }, /QUEUE_PREFIX/);
    refuses({ WORKER_PORT: 'many' }, /WORKER_PORT must be a whole number/);
  });

  it('refuses a GitCode label GitCode would refuse (2 to 20 characters, a comma), and a webhook mode it does not know', () => {
    assert.equal(readEnvironment({ GITCODE_LABEL_PASSED: '审核通过' }).gitcode.labels.passed, '审核通过');
    refuses({ GITCODE_LABEL_FAILED: 'x' }, /GITCODE_LABEL_FAILED must be 2 to 20 characters/);
    refuses({ GITCODE_LABEL_FAILED: 'bad,label' }, /GITCODE_LABEL_FAILED must not contain a comma/);
    assert.deepEqual(readEnvironment({}).gitcode.labels, {
      pending: 'mshub-review-pending',
      passed: 'mshub-review-passed',
      failed: 'mshub-review-failed',
    });
    refuses(
      { GITCODE_LABEL_PENDING: 'mshub-review/waiting-for-review' },
      /"mshub-review\/waiting-for-review" has 31/,
    );
    assert.equal(readEnvironment({ GITCODE_WEBHOOK_AUTH: 'password' }).gitcode.webhook.mode, 'password');
    refuses({ GITCODE_WEBHOOK_AUTH: 'token' }, /GITCODE_WEBHOOK_AUTH must be signature or password/);
  });

  it('reads the shutdown grace period and the API deadlines', () => {
    const defaults = readEnvironment({
      APP_ID: '1',
      PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----',
      WEBHOOK_SECRET: 's',
    });
    assert.equal(defaults.server.shutdownGraceMs, 25_000);
    assert.equal(defaults.github?.apiTimeoutMs, 15_000);
    assert.deepEqual(
      [
        defaults.github?.apiConnectTimeoutMs,
        defaults.gitee.api.connectTimeoutMs,
        defaults.gitcode.api.connectTimeoutMs,
      ],
      [10_000, 10_000, 10_000],
    );
    const set = readEnvironment({
      GITEE_API_CONNECT_TIMEOUT_MS: '2000',
      GITCODE_API_CONNECT_TIMEOUT_MS: '3000',
    });
    assert.deepEqual([set.gitee.api.connectTimeoutMs, set.gitcode.api.connectTimeoutMs], [2000, 3000]);
    refuses({ GITCODE_API_CONNECT_TIMEOUT_MS: '0' }, /GITCODE_API_CONNECT_TIMEOUT_MS must be/);
    assert.equal(defaults.downloads.minBytesPerSecond, 16 * 1024);
    assert.equal(readEnvironment({ SHUTDOWN_GRACE_SECONDS: '5' }).server.shutdownGraceMs, 5000);
    refuses({ SHUTDOWN_GRACE_SECONDS: 'soon' }, /SHUTDOWN_GRACE_SECONDS must be a whole number/);
  });

  it("keeps github.com's write limits by default, and none for a GitHub Enterprise Server unless set", () => {
    const app = {
      APP_ID: '1',
      PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----',
      WEBHOOK_SECRET: 's',
    };
    const dotcom = readEnvironment(app).github;
    assert.deepEqual([dotcom?.writesPerMinute, dotcom?.writesPerHour], [80, 500]);
    const enterprise = readEnvironment({ ...app, GHE_HOST: 'git.example.com' }).github;
    assert.deepEqual([enterprise?.writesPerMinute, enterprise?.writesPerHour], [0, 0]);
    const set = readEnvironment({
      ...app,
      GHE_HOST: 'git.example.com',
      GITHUB_API_WRITES_PER_HOUR: '900',
    }).github;
    assert.equal(set?.writesPerHour, 900);
  });

  it('turns Gitee check runs on with true or 1, and refuses a value it cannot read', () => {
    assert.equal(readEnvironment({}).gitee.checkRuns, false);
    assert.equal(readEnvironment({ GITEE_CHECK_RUNS: 'true' }).gitee.checkRuns, true);
    assert.equal(readEnvironment({ GITEE_CHECK_RUNS: '0' }).gitee.checkRuns, false);
    assert.throws(
      () => readEnvironment({ GITEE_CHECK_RUNS: 'yes please' }),
      (error: unknown) =>
        isMshubError(error, 'CONFIG_INVALID') && /GITEE_CHECK_RUNS must be true or false/.test(error.message),
    );
  });

  it('refuses a site-sync hub that is not platform:owner/repo', () => {
    refuses({ SITE_SYNC_REPOS: 'mindspore/hub' }, /SITE_SYNC_REPOS lists "mindspore\/hub"/);
    assert.deepEqual(readEnvironment({ SITE_SYNC_REPOS: 'gitee:mindspore/hub, github:o/r' }).site.hubs, [
      'gitee:mindspore/hub',
      'github:o/r',
    ]);
  });

  it('resumes the pending reviews of GITEE_REPOS and GITCODE_REPOS, by default the hubs each platform syncs', () => {
    const hubs = readEnvironment({
      SITE_SYNC_REPOS: 'gitee:mindspore/hub,gitcode:mindspore/hub2,github:o/r',
    });
    assert.deepEqual(hubs.gitee.repositories, [{ owner: 'mindspore', repo: 'hub' }]);
    assert.deepEqual(hubs.gitcode.repositories, [{ owner: 'mindspore', repo: 'hub2' }]);
    const listed = readEnvironment({ SITE_SYNC_REPOS: 'gitcode:a/b', GITCODE_REPOS: 'c/d, e/f' });
    assert.deepEqual(listed.gitcode.repositories, [
      { owner: 'c', repo: 'd' },
      { owner: 'e', repo: 'f' },
    ]);
    refuses({ GITCODE_REPOS: 'gitcode:c/d' }, /GITCODE_REPOS lists "gitcode:c\/d"; write owner\/repo/);
  });
});

describe('mshub-review worker', () => {
  it('explains that it needs REDIS_URL, and exits 2', async () => {
    const run = await runCliCaptured(['worker']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /set REDIS_URL/);
    assert.match(run.stderr, /Without Redis, `mshub-review serve` runs the reviews itself/);
  });

  it('refuses to serve a GitHub App without a webhook secret, rather than accept "development"', async () => {
    const run = await runCliCaptured(['serve'], {
      env: { APP_ID: '1', PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----' },
    });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /WEBHOOK_SECRET is empty/);
  });

  it('says in one line when PRIVATE_KEY_PATH cannot be read', async () => {
    const run = await runCliCaptured(['serve'], {
      env: { APP_ID: '1', PRIVATE_KEY_PATH: '/nonexistent/key.pem', WEBHOOK_SECRET: 's' },
    });
    assert.equal(run.code, 2);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /PRIVATE_KEY_PATH=\/nonexistent\/key\.pem cannot be read/);
  });

  it('says the private key is missing when only APP_ID is set, and that a key is no PEM key when it is not', async () => {
    const missing = await runCliCaptured(['serve'], { env: { APP_ID: '1', WEBHOOK_SECRET: 's' } });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /APP_ID is set, but the private key is missing: set PRIVATE_KEY/);
    const wrong = await runCliCaptured(['serve'], {
      env: { APP_ID: '1', PRIVATE_KEY: 'abc', WEBHOOK_SECRET: 's' },
    });
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /is not a PEM private key/);
  });

  it('stops serve with a configuration error when no platform is configured', async () => {
    const run = await runCliCaptured(['serve'], { env: {} });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /serve has no platform to serve/);
  });
});

describe('ASSET_CA_FILE', () => {
  it("adds the mirror's authority to the usual roots instead of replacing them", () => {
    const ca = readFileSync(join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem'), 'utf8');
    const trusted = trustedCertificates(ca);
    assert.ok(trusted.length > rootCertificates.length);
    for (const root of rootCertificates) assert.ok(trusted.includes(root));
    assert.ok(trusted.includes(ca));
  });

  it('keeps the authorities of NODE_EXTRA_CA_CERTS trusted', () => {
    const file = join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem');
    const extra = join(mkdtempSync(join(tmpdir(), 'extra-ca-')), 'extra.pem');
    writeFileSync(extra, '-----BEGIN CERTIFICATE-----\nEXTRA\n-----END CERTIFICATE-----\n');
    const { downloads } = readEnvironment({ ASSET_CA_FILE: file, NODE_EXTRA_CA_CERTS: extra });
    assert.match(downloads.ca ?? '', /EXTRA/);
    assert.ok(downloads.ca?.startsWith(readFileSync(file, 'utf8')));
  });
});
