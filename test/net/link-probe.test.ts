import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_DOWNLOAD_SETTINGS } from '../../src/config/environment.js';
import { AddressPolicy } from '../../src/net/address-policy.js';
import { createGuardedAgent } from '../../src/net/guarded-agent.js';
import { observeLink } from '../../src/net/link-probe.js';
import { undiciSend } from '../../src/net/undici-send.js';
import { type AssetServer, startAssetServer, TEST_CA } from '../helpers/asset-server.js';

const LIMITS = { ...DEFAULT_DOWNLOAD_SETTINGS, idleTimeoutMs: 2000, totalTimeoutMs: 5000 };

describe('asking a link whether it is still there, without downloading it', () => {
  let server: AssetServer;
  const agent = createGuardedAgent({
    policy: new AddressPolicy({ allowPrivate: ['127.0.0.1'] }),
    connectTimeoutMs: 2000,
    ca: TEST_CA,
  });
  const send = undiciSend(agent);
  before(async () => {
    server = await startAssetServer((request, response) => {
      const path = request.url ?? '';
      if (path === '/signed.ckpt') {
        // An object store that signs GET only: HEAD is refused, a one-byte range is answered.
        if (request.method === 'HEAD') {
          response.writeHead(403);
          return response.end();
        }
        response.writeHead(206, { 'content-range': 'bytes 0-0/5000000', 'content-length': 1, etag: '"s"' });
        return response.end('x');
      }
      if (path === '/empty.ckpt') {
        // An empty file has no first byte to send: the range is refused, HEAD answers.
        if (request.method === 'HEAD') {
          response.writeHead(200, { 'content-length': 0, etag: '"e"' });
          return response.end();
        }
        response.writeHead(416, { 'content-range': 'bytes */0' });
        return response.end();
      }
      if (path === '/moved.ckpt') {
        response.writeHead(308, { location: '/cdn.ckpt' });
        return response.end();
      }
      if (path === '/cdn.ckpt') {
        // A temporary redirect to a signed address: not a move.
        response.writeHead(302, { location: '/file.ckpt?signature=1' });
        return response.end();
      }
      if (path.startsWith('/file.ckpt')) {
        response.writeHead(200, { 'content-length': 10, etag: '"f"' });
        return response.end(request.method === 'HEAD' ? undefined : '0123456789');
      }
      if (path === '/ignores-range.ckpt') {
        if (request.method === 'HEAD') {
          response.writeHead(405);
          return response.end();
        }
        // The whole file however little was asked for: the probe must hang up, not download it.
        response.writeHead(200, { 'content-length': 64 * 1024 * 1024 });
        const chunk = Buffer.alloc(1024 * 1024);
        let sent = 0;
        const pump = (): void => {
          while (sent < 64) {
            sent++;
            if (!response.write(chunk)) {
              response.once('drain', pump);
              return;
            }
          }
          response.end();
        };
        response.on('error', () => {});
        return pump();
      }
      if (path === '/busy.ckpt') {
        response.writeHead(503);
        return response.end();
      }
      if (path === '/throttled.ckpt') {
        response.writeHead(429, { 'retry-after': '2' });
        return response.end();
      }
      response.writeHead(410);
      response.end();
    });
  });
  after(async () => {
    await server.close();
    await agent.close();
  });

  it("asks for the first byte only, and reads the size from the range's total", async () => {
    const observed = await observeLink(server.url('/signed.ckpt'), send, LIMITS);
    assert.deepEqual(observed, { ok: true, validators: { etag: '"s"', contentLength: 5_000_000 } });
    assert.deepEqual(
      server.requests
        .filter((request) => request.path === '/signed.ckpt')
        .map((request) => [request.method, request.headers.range]),
      [['GET', 'bytes=0-0']],
    );
  });

  it('asks with HEAD where the range is refused (an empty file)', async () => {
    const observed = await observeLink(server.url('/empty.ckpt'), send, LIMITS);
    assert.deepEqual(observed, { ok: true, validators: { etag: '"e"', contentLength: 0 } });
  });

  it('keeps one connection for many links of one host (undici closes it after every HEAD)', async () => {
    const before = server.connections();
    for (let index = 0; index < 20; index++) await observeLink(server.url('/file.ckpt'), send, LIMITS);
    assert.ok(
      server.connections() - before <= 1,
      `${server.connections() - before} connections for 20 links`,
    );
  });

  it('hangs up on a server that answers a one-byte request with the whole file', async () => {
    const observed = await observeLink(server.url('/ignores-range.ckpt'), send, LIMITS);
    assert.deepEqual(observed, { ok: true, validators: { contentLength: 64 * 1024 * 1024 } });
  });

  it('names where permanent redirects moved the link, not the temporary address behind them', async () => {
    const observed = await observeLink(server.url('/moved.ckpt'), send, LIMITS);
    assert.deepEqual(observed, {
      ok: true,
      movedTo: server.url('/cdn.ckpt'),
      validators: { etag: '"f"', contentLength: 10 },
    });
  });

  it('calls a file the server says is gone dead, and a busy server not answering', async () => {
    assert.deepEqual(await observeLink(server.url('/gone.ckpt'), send, LIMITS), {
      ok: false,
      final: true,
      reason: 'the server answered HTTP 410',
    });
    const busy = await observeLink(server.url('/busy.ckpt'), send, LIMITS);
    assert.equal(busy.ok, false);
    assert.equal(!busy.ok && busy.final, false);
  });

  it('tells how long a host that answers 429 or 503 asks to be left alone (a minute when it does not say)', async () => {
    assert.deepEqual(await observeLink(server.url('/throttled.ckpt'), send, LIMITS), {
      ok: false,
      final: false,
      reason: 'the server answered HTTP 429',
      retryAfterMs: 2000,
    });
    const busy = await observeLink(server.url('/busy.ckpt'), send, LIMITS);
    assert.equal(!busy.ok && busy.retryAfterMs, 60_000);
  });

  it('never reaches a private address the guard refuses', async () => {
    const guarded = createGuardedAgent({
      policy: new AddressPolicy({ allowPrivate: [] }),
      connectTimeoutMs: 2000,
      ca: TEST_CA,
    });
    try {
      const observed = await observeLink(server.url('/file.ckpt'), undiciSend(guarded), LIMITS);
      assert.equal(observed.ok, false);
      assert.match(!observed.ok ? observed.reason : '', /private|loopback|refused/i);
    } finally {
      await guarded.close();
    }
  });
});
