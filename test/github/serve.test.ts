import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import nock from 'nock';
import { runServe } from '../../src/cli/serve-command.js';
import { readEnvironment } from '../../src/config/environment.js';
import { createLogger } from '../../src/service/create-logger.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { giteeFixture, postGiteeDelivery, SECRET } from '../helpers/gitee-harness.js';
import { API, pullRequestPayload, REPO_API } from '../helpers/github-app-harness.js';
import { useStrictNock } from '../helpers/nock-strict.js';

useStrictNock();

describe('mshub-review serve', () => {
  it('serves /healthz and reviews a signed pull_request webhook in the background', async () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const environment = readEnvironment({
      APP_ID: '1',
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: 'hook-secret',
      STATE_DIR: mkdtempSync(join(tmpdir(), 'serve-github-')),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'fatal',
    });
    // At start-up, the embedded queue looks for reviews a previous run left pending: none here.
    nock(API).get('/app/installations').query({ per_page: 100 }).reply(200, []);
    const server = await runServe(environment);
    const { port } = server;
    assert.equal(await server.recovered, 0);
    try {
      const base = `http://127.0.0.1:${port}`;
      const health = await fetch(`${base}/healthz`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok', queue: { ok: true, engine: 'embedded' } });
      const metrics = await fetch(`${base}/metrics`);
      assert.match(await metrics.text(), /^mshub_queue_depth 0$/m);
      const status = await fetch(`${base}/status`);
      assert.match(await status.text(), /No review yet\./);

      const api = nock(API);
      api
        .post('/app/installations/42/access_tokens')
        .reply(201, { token: 't', expires_at: '2099-01-01T00:00:00Z' });
      api.get(`${REPO_API}/contents/.github%2Fmshub-review.yml`).reply(404);
      api.get('/repos/Codertocat/.github/contents/.github%2Fmshub-review.yml').reply(404);
      api
        .get(`${REPO_API}/pulls/2/files`)
        .query({ per_page: 100 })
        .reply(200, [{ filename: 'README.md', status: 'modified' }]);

      const body = JSON.stringify(pullRequestPayload('opened', 'c'.repeat(40)));
      const headers = {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': 'serve-test-1',
        'x-hub-signature-256': `sha256=${createHmac('sha256', 'hook-secret').update(body).digest('hex')}`,
      };
      const refused = await fetch(`${base}/api/github/webhooks`, {
        method: 'POST',
        body,
        headers: { ...headers, 'x-hub-signature-256': 'sha256=00' },
      });
      assert.ok(
        refused.status >= 400 && refused.status < 500,
        `a wrong signature answered ${refused.status}`,
      );
      const accepted = await fetch(`${base}/api/github/webhooks`, { method: 'POST', body, headers });
      assert.equal(accepted.status, 200);
    } finally {
      await server.stop();
    }
  });

  it('serves Gitee alone: without APP_ID it answers a signed Gitee webhook, and says once what it serves', async () => {
    const lines: string[] = [];
    const log = createLogger(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
          done();
        },
      }),
    );
    const server = await runServe(
      readEnvironment({
        GITEE_WEBHOOK_SECRET: SECRET,
        GITEE_TOKEN: 'tok',
        STATE_DIR: mkdtempSync(join(tmpdir(), 'serve-gitee-')),
        HOST: '127.0.0.1',
        PORT: '0',
      }),
      { log },
    );
    try {
      assert.equal(await server.recovered, 0);
      const started = lines
        .map((line) => JSON.parse(line))
        .filter((line) => line.msg === 'mshub-review serve started');
      assert.equal(started.length, 1);
      assert.deepEqual(started[0].platforms, ['gitee']);
      const base = `http://127.0.0.1:${server.port}`;
      const reply = await postGiteeDelivery(
        `${base}/api/gitee/webhooks`,
        'Merge Request Hook',
        giteeFixture('merge-request-update-title', 'd'.repeat(40)),
      );
      assert.equal(reply.status, 200);
      assert.deepEqual(await reply.json(), { outcome: 'ignored' });
      const github = await fetch(`${base}/api/github/webhooks`, { method: 'POST', body: '{}' });
      assert.equal(github.status, 404, 'no GitHub App is configured');
    } finally {
      await server.stop();
    }
  });

  it('serves GitCode alone: it answers a signed GitCode webhook, and not the others', async () => {
    const lines: string[] = [];
    const log = createLogger(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
          done();
        },
      }),
    );
    const server = await runServe(
      readEnvironment({
        GITCODE_WEBHOOK_SECRET: 'gitcode-secret',
        GITCODE_TOKEN: 'tok',
        STATE_DIR: mkdtempSync(join(tmpdir(), 'serve-gitcode-')),
        HOST: '127.0.0.1',
        PORT: '0',
      }),
      { log },
    );
    try {
      const started = lines
        .map((line) => JSON.parse(line))
        .filter((line) => line.msg === 'mshub-review serve started');
      assert.deepEqual(started[0]?.platforms, ['gitcode']);
      const base = `http://127.0.0.1:${server.port}`;
      // A push to a branch that is not the default one (go-gitcode's captured push), signed as GitCode signs.
      const body = readFileSync(join(REPO_ROOT, 'test/fixtures/gitcode/push_code.json'), 'utf8');
      const reply = await fetch(`${base}/api/gitcode/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-gitcode-event': 'Push Hook',
          'x-gitcode-delivery': 'serve-test-1',
          'x-gitcode-signature-256': `sha256=${createHmac('sha256', 'gitcode-secret').update(body).digest('hex')}`,
        },
        body,
      });
      assert.equal(reply.status, 200);
      assert.deepEqual(await reply.json(), { outcome: 'ignored' });
      const gitee = await fetch(`${base}/api/gitee/webhooks`, { method: 'POST', body: '{}' });
      assert.equal(gitee.status, 404, 'no Gitee webhook is configured');
    } finally {
      await server.stop();
    }
  });
});
