import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_DOWNLOAD_SETTINGS } from '../../src/config/environment.js';
import { type AssetDownloadSettings, AssetVerifier } from '../../src/net/asset-verifier.js';
import {
  type AssetServer,
  serveAsset,
  startAssetServer,
  TEST_CA,
  testAsset,
} from '../helpers/asset-server.js';

const asset = testAsset(3 * 1024 * 1024 + 17);

function verifier(settings: Partial<AssetDownloadSettings> = {}, sleeps: number[] = []): AssetVerifier {
  return new AssetVerifier(
    {
      ...DEFAULT_DOWNLOAD_SETTINGS,
      connectTimeoutMs: 2000,
      idleTimeoutMs: 2000,
      totalTimeoutMs: 20_000,
      allowPrivateHosts: ['127.0.0.1', '::1'],
      ca: TEST_CA,
      ...settings,
    },
    {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  );
}

async function withServer(
  handler: Parameters<typeof startAssetServer>[0],
  run: (server: AssetServer) => Promise<void>,
) {
  const server = await startAssetServer(handler);
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

describe('asset verification over a real loopback server', () => {
  it('streams the asset through SHA-256 and matches the digest', async () => {
    await withServer(serveAsset(asset.bytes), async (server) => {
      const hasher = verifier();
      const outcome = await hasher.hash(server.url('/vgg19.ckpt'));
      assert.deepEqual(outcome, { ok: true, sha256: asset.sha256, bytes: asset.bytes.length });
      assert.equal(hasher.stats.bytesDownloaded, asset.bytes.length);
      await hasher.close();
    });
  });

  it('reports a 404 as unreachable without retrying', async () => {
    await withServer(
      (_, response) => response.writeHead(404).end(),
      async (server) => {
        const outcome = await verifier().hash(server.url('/missing.ckpt'));
        assert.deepEqual(outcome, { ok: false, kind: 'unreachable', reason: 'the server answered HTTP 404' });
        assert.equal(server.requests.length, 1);
      },
    );
  });

  it('retries a 500 with backoff and then succeeds', async () => {
    const sleeps: number[] = [];
    const serve = serveAsset(asset.bytes);
    await withServer(
      (request, response, index) =>
        index === 0 ? response.writeHead(500).end() : serve(request, response, index),
      async (server) => {
        const outcome = await verifier({}, sleeps).hash(server.url('/flaky.ckpt'));
        assert.equal(outcome.ok && outcome.sha256, asset.sha256);
        assert.equal(server.requests.length, 2);
        assert.deepEqual(sleeps, [500]);
      },
    );
  });

  it('honours Retry-After on 429 and 503', async () => {
    const sleeps: number[] = [];
    const serve = serveAsset(asset.bytes);
    await withServer(
      (request, response, index) => {
        if (index === 0) response.writeHead(429, { 'retry-after': '2' }).end();
        else if (index === 1) response.writeHead(503, { 'retry-after': '3' }).end();
        else serve(request, response, index);
      },
      async (server) => {
        const outcome = await verifier({}, sleeps).hash(server.url('/busy.ckpt'));
        assert.ok(outcome.ok);
        assert.deepEqual(sleeps, [2000, 3000]);
      },
    );
  });

  it('gives up when Retry-After asks for longer than the retry limit', async () => {
    await withServer(
      (_, response) => response.writeHead(503, { 'retry-after': '3600' }).end(),
      async (server) => {
        const outcome = await verifier({ maxRetryDelayMs: 60_000 }).hash(server.url('/down.ckpt'));
        assert.deepEqual(outcome, { ok: false, kind: 'failed', reason: 'the server answered HTTP 503' });
        assert.equal(server.requests.length, 1);
      },
    );
  });

  it('resumes a connection reset mid-body with a Range request and gets the same digest', async () => {
    const serve = serveAsset(asset.bytes);
    const half = Math.floor(asset.bytes.length / 2);
    await withServer(
      (request, response, index) => {
        if (index > 0) return serve(request, response, index);
        response.writeHead(200, {
          etag: '"v1"',
          'accept-ranges': 'bytes',
          'content-length': asset.bytes.length,
        });
        response.write(asset.bytes.subarray(0, half), () => setTimeout(() => request.socket.destroy(), 20));
      },
      async (server) => {
        const hasher = verifier();
        const resource = await hasher.hashResource(server.url('/big.ckpt'));
        assert.equal(resource.sha256, asset.sha256);
        assert.equal(resource.resumes, 1);
        const resumed = server.requests[1];
        assert.equal(resumed?.headers['if-range'], '"v1"');
        assert.match(resumed?.headers.range ?? '', /^bytes=\d+-$/);
        assert.ok(Number(/\d+/.exec(resumed?.headers.range ?? '')?.[0]) > 0);
      },
    );
  });

  it('starts over when a dropped server does not support ranges, and still gets the right digest', async () => {
    await withServer(
      (request, response, index) => {
        response.writeHead(200, { 'content-length': asset.bytes.length });
        if (index > 0) return response.end(asset.bytes);
        response.write(asset.bytes.subarray(0, 1024 * 1024), () =>
          setTimeout(() => request.socket.destroy(), 20),
        );
      },
      async (server) => {
        const resource = await verifier().hashResource(server.url('/no-ranges.ckpt'));
        assert.equal(resource.sha256, asset.sha256);
        assert.equal(resource.resumes, 0);
        assert.equal(server.requests[1]?.headers.range, undefined);
      },
    );
  });

  it('reports a name that does not resolve as unresolved (a wrong name, or no network here)', async () => {
    const lookup = ((hostname: string, _options: unknown, callback: (error: Error) => void) => {
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    }) as never;
    const hasher = new AssetVerifier({ ...DEFAULT_DOWNLOAD_SETTINGS, retries: 0 }, { lookup });
    const outcome = await hasher.hash('https://no-such-host.invalid/model.ckpt');
    assert.deepEqual(outcome, {
      ok: false,
      kind: 'unresolved',
      reason: 'the name no-such-host.invalid could not be resolved (ENOTFOUND)',
    });
  });

  it('cuts a trickling server at the idle timeout', async () => {
    await withServer(
      (_, response) => {
        response.writeHead(200, { 'content-length': 1000 });
        response.write('x');
      },
      async (server) => {
        const outcome = await verifier({ idleTimeoutMs: 300, retries: 0 }).hash(server.url('/slow.ckpt'));
        assert.deepEqual(outcome, { ok: false, kind: 'failed', reason: 'the server stopped sending data' });
      },
    );
  });

  it('gives up a server that sends a byte every 50 ms, which the idle timeout never catches, at the minimum rate', async () => {
    await withServer(
      (_, response) => {
        response.writeHead(200, { 'content-length': 100_000 });
        const drip = setInterval(() => {
          if (response.destroyed) clearInterval(drip);
          else response.write('x');
        }, 50);
        response.on('close', () => clearInterval(drip));
      },
      async (server) => {
        const started = performance.now();
        const outcome = await verifier({
          idleTimeoutMs: 400,
          minBytesPerSecond: 1000,
          retries: 0,
        }).hash(server.url('/trickle.ckpt'));
        assert.equal(outcome.ok, false);
        assert.equal(!outcome.ok && outcome.kind, 'failed');
        assert.match(
          (!outcome.ok && outcome.reason) || '',
          /^the server sent \d+ bytes in \d+ s, slower than the minimum of 1000 bytes a second$/,
        );
        assert.ok(performance.now() - started < 5000, 'given up after one window, not at the total timeout');
      },
    );
  });

  it('cuts an endless body at the size limit', async () => {
    const chunk = Buffer.alloc(64 * 1024, 7);
    await withServer(
      (_, response) => {
        response.writeHead(200);
        const pump = () => {
          while (!response.destroyed && response.write(chunk)) {}
          if (!response.destroyed) response.once('drain', pump);
        };
        response.on('close', () => response.removeAllListeners('drain'));
        pump();
      },
      async (server) => {
        const outcome = await verifier({ maxBytes: 1024 * 1024 }).hash(server.url('/endless.ckpt'));
        assert.equal(outcome.ok, false);
        assert.equal(!outcome.ok && outcome.kind, 'too-large');
      },
    );
  });

  it('refuses an asset whose Content-Length is over the limit before reading it', async () => {
    await withServer(serveAsset(asset.bytes), async (server) => {
      const outcome = await verifier({ maxBytes: 1024 }).hash(server.url('/huge.ckpt'));
      assert.deepEqual(outcome, {
        ok: false,
        kind: 'too-large',
        reason: `the asset is ${asset.bytes.length} bytes; the limit is 1024`,
      });
    });
  });

  it('downloads once for many concurrent requests of one URL, then serves the cache', async () => {
    await withServer(serveAsset(asset.bytes), async (server) => {
      const hasher = verifier();
      const url = server.url('/shared.ckpt');
      const outcomes = await Promise.all(Array.from({ length: 8 }, () => hasher.hash(url)));
      assert.ok(outcomes.every((outcome) => outcome.ok && outcome.sha256 === asset.sha256));
      assert.equal(server.requests.length, 1);
      await hasher.hash(url);
      assert.equal(server.requests.length, 1);
      assert.deepEqual(hasher.stats, { downloads: 1, cacheHits: 1, bytesDownloaded: asset.bytes.length });
    });
  });

  it('revalidates an expired cache entry with HEAD instead of downloading again', async () => {
    await withServer(serveAsset(asset.bytes), async (server) => {
      const hasher = verifier({ cacheTtlMs: 0 });
      const url = server.url('/cached.ckpt');
      await hasher.hash(url);
      await hasher.hash(url);
      assert.deepEqual(
        server.requests.map((request) => request.method),
        ['GET', 'HEAD'],
      );
    });
  });

  it('refuses a redirect chain that ends on 127.0.0.1', async () => {
    await withServer(
      (request, response) => {
        const port = request.socket.localPort;
        if (request.url === '/a') response.writeHead(302, { location: '/b' }).end();
        else if (request.url === '/b')
          response.writeHead(301, { location: `https://127.0.0.1:${port}/c` }).end();
        else response.writeHead(200).end('secret');
      },
      async (server) => {
        const outcome = await verifier({ allowPrivateHosts: ['localhost'] }).hash(
          server.url('/a', 'localhost'),
        );
        assert.deepEqual(outcome, {
          ok: false,
          kind: 'unreachable',
          reason: '127.0.0.1 is a loopback address',
        });
        assert.deepEqual(
          server.requests.map((request) => request.path),
          ['/a', '/b'],
        );
      },
    );
  });

  it('refuses a redirect loop and a redirect to http or to a file, naming where it led', async () => {
    await withServer(
      (request, response) => {
        if (request.url === '/loop') response.writeHead(302, { location: '/loop' }).end();
        else if (request.url === '/to-file')
          response.writeHead(302, { location: 'file:///etc/passwd' }).end();
        else response.writeHead(302, { location: 'http://127.0.0.1/x' }).end();
      },
      async (server) => {
        const loop = await verifier().hash(server.url('/loop'));
        assert.equal(!loop.ok && loop.kind, 'unreachable');
        assert.match(!loop.ok ? loop.reason : '', /loop/);
        const http = await verifier().hash(server.url('/to-http'));
        assert.equal(
          !http.ok ? http.reason : '',
          'the server redirected to http://127.0.0.1/x, which is not https',
        );
        const file = await verifier().hash(server.url('/to-file'));
        assert.equal(
          !file.ok ? file.reason : '',
          'the server redirected to file:///etc/passwd, which is not https',
          'the target is named, not "null"',
        );
      },
    );
  });

  it('reports a certificate it cannot trust as a TLS failure', async () => {
    await withServer(serveAsset(asset.bytes), async (server) => {
      const { ca: _, ...withoutCa } = { ...DEFAULT_DOWNLOAD_SETTINGS, ca: undefined };
      const hasher = new AssetVerifier({ ...withoutCa, allowPrivateHosts: ['127.0.0.1'], retries: 0 });
      const outcome = await hasher.hash(server.url('/x.ckpt'));
      assert.equal(!outcome.ok && outcome.kind, 'unreachable');
      assert.match(!outcome.ok ? outcome.reason : '', /TLS/);
    });
  });
});

describe('the private-address guard', () => {
  let server: AssetServer;
  before(async () => {
    server = await startAssetServer(serveAsset(asset.bytes));
  });
  after(() => server.close());

  for (const host of [
    '127.1',
    '2130706433',
    '0x7f000001',
    '0177.0.0.1',
    '[::ffff:127.0.0.1]',
    '[::1]',
    'localhost',
  ]) {
    it(`refuses https://${host}:<port>/ before connecting`, async () => {
      const outcome = await verifier({ allowPrivateHosts: [] }).hash(server.url('/x.ckpt', host));
      assert.equal(!outcome.ok && outcome.kind, 'unreachable');
      assert.match(!outcome.ok ? outcome.reason : '', /loopback/);
      assert.equal(server.requests.length, 0);
    });
  }

  for (const [url, kind] of [
    ['https://169.254.169.254/latest/meta-data/', 'cloud-metadata'],
    ['https://10.0.0.1/model.ckpt', 'private'],
    ['https://192.168.1.1/model.ckpt', 'private'],
    ['https://[fd00:ec2::254]/model.ckpt', 'unique-local'],
    ['https://0.0.0.0/model.ckpt', 'unspecified'],
    ['https://224.0.0.1/model.ckpt', 'multicast'],
  ] as const) {
    it(`refuses ${url} as ${kind}`, async () => {
      const outcome = await verifier({ allowPrivateHosts: [] }).hash(url);
      assert.equal(!outcome.ok && outcome.kind, 'unreachable');
      assert.match(!outcome.ok ? outcome.reason : '', new RegExp(kind));
    });
  }
});

describe('answers that asking again will not mend', () => {
  it('does not retry a redirect to an address that is not a URL', async () => {
    await withServer(
      (_, response) => response.writeHead(302, { location: 'https://[::1' }).end(),
      async (server) => {
        const hasher = verifier({ retries: 3 });
        const outcome = await hasher.hash(server.url('/x.ckpt'));
        assert.equal(outcome.ok, false);
        assert.equal(outcome.ok ? '' : outcome.kind, 'unreachable');
        assert.match(outcome.ok ? '' : outcome.reason, /redirected to an invalid address/);
        assert.equal(server.requests.length, 1);
        await hasher.close();
      },
    );
  });

  it('does not retry an answer whose headers are too large', async () => {
    await withServer(
      (_, response) => response.writeHead(200, { 'x-padding': 'a'.repeat(64 * 1024) }).end('x'),
      async (server) => {
        const hasher = verifier({ retries: 3 });
        const outcome = await hasher.hash(server.url('/x.ckpt'));
        assert.equal(outcome.ok ? '' : outcome.kind, 'unreachable');
        assert.match(outcome.ok ? '' : outcome.reason, /not valid HTTP/);
        assert.equal(server.requests.length, 1);
        await hasher.close();
      },
    );
  });
});
