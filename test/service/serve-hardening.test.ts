import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import nock from 'nock';
import { type RunningServer, runServe } from '../../src/cli/serve-command.js';
import { readEnvironment } from '../../src/config/environment.js';
import { createLogger } from '../../src/service/create-logger.js';
import { floodPost } from '../helpers/flood-post.js';
import { giteeFixture } from '../helpers/gitee-harness.js';
import { API, pullRequestPayload, TEST_APP_KEY } from '../helpers/github-app-harness.js';
import { useStrictNock } from '../helpers/nock-strict.js';

useStrictNock();

const GITHUB_SECRET = 'github-hook-secret-4f1c';
const GITEE_SECRET = 'gitee-hook-password-9b2e';
const GITEE_TOKEN = 'gitee-api-token-77aa';
const SOURCE_TOKEN = 'source-github-token-31cd';
const PUBLISH_SECRET = 'site-publish-secret-5e6f';

/** Every log line the server writes, kept as text. */
class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
}

async function startServe(extra: Record<string, string> = {}): Promise<{
  server: RunningServer;
  base: string;
  logs: LogCapture;
}> {
  const logs = new LogCapture();
  nock(API).get('/app/installations').query({ per_page: 100 }).reply(200, []);
  const environment = readEnvironment({
    APP_ID: '1',
    PRIVATE_KEY: TEST_APP_KEY,
    WEBHOOK_SECRET: GITHUB_SECRET,
    GITEE_WEBHOOK_SECRET: GITEE_SECRET,
    GITEE_WEBHOOK_AUTH: 'password',
    GITEE_TOKEN,
    SOURCE_GITHUB_TOKEN: SOURCE_TOKEN,
    SITE_PUBLISH_URL: 'https://site.example.org/hook',
    SITE_PUBLISH_SECRET: PUBLISH_SECRET,
    GITHUB_WEBHOOK_MAX_BYTES: String(1024 * 1024),
    STATE_DIR: mkdtempSync(join(tmpdir(), 'serve-state-')),
    HOST: '127.0.0.1',
    PORT: '0',
    ...extra,
  });
  const server = await runServe(environment, { log: createLogger({ level: 'debug' }, logs) });
  await server.recovered;
  return { server, base: `http://127.0.0.1:${server.port}`, logs };
}

const sign = (body: string | Buffer, secret = GITHUB_SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

const githubHeaders = (body: string, signature = sign(body)) => ({
  'content-type': 'application/json',
  'x-github-event': 'pull_request',
  'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
  'x-hub-signature-256': signature,
});

describe('serve, against a stranger on the network', () => {
  it('refuses a forged 200 MB chunked body at the limit, without buffering it or logging it', async () => {
    const { server, base, logs } = await startServe();
    try {
      const url = `${base}/api/github/webhooks`;
      // A signature that is not even of the right form is refused before a byte is read.
      const malformed = await floodPost(url, githubHeaders('', 'sha256=00'), 200 * 1024 * 1024);
      assert.equal(malformed.status, 401);
      // A well-formed but wrong signature: the body is read up to the limit (1 MiB here), no further.
      const forged = await floodPost(url, githubHeaders('', `sha256=${'0'.repeat(64)}`), 200 * 1024 * 1024);
      assert.equal(forged.status, 413);
      for (const attempt of [malformed, forged])
        assert.ok(
          attempt.written < 32 * 1024 * 1024,
          `the server took ${attempt.written} bytes before refusing`,
        );
      for (const line of logs.lines) {
        assert.ok(line.length < 2000, `a log line of ${line.length} characters`);
        assert.doesNotMatch(line, /aaaaaaaa/);
      }
      assert.ok(logs.lines.some((line) => line.includes('GitHub webhook refused')));
      assert.equal((await fetch(`${base}/healthz`)).status, 200);
    } finally {
      await server.stop();
    }
  });

  it('refuses a forged signature over a small body with 401 and logs only its size and reason', async () => {
    const { server, base, logs } = await startServe();
    try {
      const body = JSON.stringify({
        ...pullRequestPayload('opened', 'c'.repeat(40)),
        marker: 'PAYLOAD-MARKER',
      });
      const response = await fetch(`${base}/api/github/webhooks`, {
        method: 'POST',
        body,
        headers: githubHeaders(body, sign(body, 'not-the-secret')),
      });
      assert.equal(response.status, 401);
      assert.ok(logs.lines.every((line) => !line.includes('PAYLOAD-MARKER')));
    } finally {
      await server.stop();
    }
  });

  it('refuses a captured GitHub delivery sent again under a new delivery id', async () => {
    const { server, base } = await startServe();
    try {
      // An event the bot does not act on: accepted, and nothing is reviewed.
      const body = JSON.stringify(pullRequestPayload('assigned', 'c'.repeat(40)));
      const send = (delivery: string) =>
        fetch(`${base}/api/github/webhooks`, {
          method: 'POST',
          body,
          headers: { ...githubHeaders(body), 'x-github-delivery': delivery },
        });
      const first = await send('72d3162e-cc78-11e3-81ab-4c9367dc0958');
      assert.deepEqual([first.status, await first.json()], [200, { ok: true }]);
      // X-GitHub-Delivery is not signed: the body is what was signed, and it was seen.
      const replayed = await send('0b6c0a4e-1f1f-4bd5-9f4b-000000000001');
      assert.deepEqual([replayed.status, await replayed.json()], [200, { outcome: 'duplicate' }]);
    } finally {
      await server.stop();
    }
  });

  it('answers signed but malformed GitHub payloads with 400, naming what is missing', async () => {
    const { server, base } = await startServe();
    try {
      const cases: Array<[string, RegExp]> = [
        ['{"action":"opened"}', /pull_request payload has no repository\.name/],
        [
          JSON.stringify({ ...pullRequestPayload('opened', 'c'.repeat(40)), pull_request: null }),
          /pull_request\.number/,
        ],
        ['[]', /not a JSON object/],
        ['null', /not a JSON object/],
        ['{"action":', /not JSON/],
      ];
      for (const [body, error] of cases) {
        const response = await fetch(`${base}/api/github/webhooks`, {
          method: 'POST',
          body,
          headers: githubHeaders(body),
        });
        assert.equal(response.status, 400, body);
        assert.match(((await response.json()) as { error: string }).error, error);
      }
    } finally {
      await server.stop();
    }
  });

  it('never writes a configured secret, a token or a signature to the log', async () => {
    const { server, base, logs } = await startServe();
    try {
      // Gitee in password mode: the secret itself travels in X-Gitee-Token.
      const closed = giteeFixture('merge-request-close');
      for (const token of [GITEE_SECRET, 'wrong-password']) {
        await fetch(`${base}/api/gitee/webhooks?access_token=${GITEE_TOKEN}`, {
          method: 'POST',
          body: JSON.stringify(closed),
          headers: {
            'content-type': 'application/json',
            'x-gitee-event': 'Merge Request Hook',
            'x-gitee-timestamp': String(Date.now()),
            'x-gitee-token': token,
            authorization: `Bearer ${GITEE_TOKEN}`,
          },
        });
      }
      const body = JSON.stringify(pullRequestPayload('closed', 'c'.repeat(40)));
      await fetch(`${base}/api/github/webhooks`, { method: 'POST', body, headers: githubHeaders(body) });
      await fetch(`${base}/api/github/webhooks`, {
        method: 'POST',
        body,
        headers: githubHeaders(body, sign(body, 'other')),
      });
      const signature = sign(body).slice('sha256='.length);
      const text = logs.lines.join('\n');
      assert.ok(logs.lines.length > 4, 'the requests were logged');
      for (const secret of [
        GITHUB_SECRET,
        GITEE_SECRET,
        GITEE_TOKEN,
        SOURCE_TOKEN,
        PUBLISH_SECRET,
        signature,
        'PRIVATE KEY',
      ])
        assert.ok(!text.includes(secret), `the log holds ${secret}`);
    } finally {
      await server.stop();
    }
  });
});
