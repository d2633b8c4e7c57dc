import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { AddressPolicy } from '../../src/net/address-policy.js';
import { DownloadError } from '../../src/net/download-error.js';
import { createGuardedHttps } from '../../src/net/guarded-https.js';
import { type AssetServer, startAssetServer, TEST_CA } from '../helpers/asset-server.js';

const guard = (connectTimeoutMs = 2000) =>
  createGuardedHttps({
    policy: new AddressPolicy({ allowPrivate: ['127.0.0.1'] }),
    connectTimeoutMs,
    ca: TEST_CA,
  });

describe('the downloads’ guarded https client', () => {
  it('ends a connection whose TLS handshake never completes at the connect timeout', async () => {
    const sockets: Socket[] = [];
    // Accepts the TCP connection and never answers the TLS hello.
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const client = guard(300);
    const started = performance.now();
    try {
      await assert.rejects(
        client.send(
          'GET',
          `https://127.0.0.1:${(silent.address() as AddressInfo).port}/a.ckpt`,
          {},
          new AbortController().signal,
          5000,
        ),
        (error) => error instanceof DownloadError && error.code === 'timeout-connect',
      );
      const took = performance.now() - started;
      assert.ok(took >= 290 && took < 3000, `ended after ${Math.round(took)} ms`);
    } finally {
      client.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('keeps one connection for many requests to one host, and no connect timeout on it later', async () => {
    let server: AssetServer | undefined;
    const client = guard(200);
    try {
      server = await startAssetServer((_request, response) => {
        setTimeout(() => response.writeHead(200, { 'content-length': 2 }).end('ok'), 300);
      });
      for (let index = 0; index < 3; index++) {
        const answer = await client.send('GET', server.url('/a'), {}, new AbortController().signal, 5000);
        let text = '';
        for await (const chunk of answer.body) text += Buffer.from(chunk).toString();
        assert.equal(text, 'ok', 'an answer slower than the connect timeout, on a connection already open');
      }
      assert.equal(server.connections(), 1);
    } finally {
      client.close();
      await server?.close();
    }
  });

  it('refuses a loopback address the policy does not allow, before connecting', async () => {
    const client = createGuardedHttps({
      policy: new AddressPolicy({ allowPrivate: [] }),
      connectTimeoutMs: 1000,
    });
    try {
      await assert.rejects(
        client.send('GET', 'https://127.0.0.1:1/a', {}, new AbortController().signal, 1000),
        (error) => error instanceof DownloadError && error.code === 'refused-address',
      );
      await assert.rejects(
        client.send('GET', 'https://localhost:1/a', {}, new AbortController().signal, 1000),
        (error) => error instanceof DownloadError && error.code === 'refused-address',
      );
    } finally {
      client.close();
    }
  });
});
