import { createHash } from 'node:crypto';
import { lookup } from 'node:dns';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from './fixtures.js';

export const TEST_CA = readFileSync(join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem'), 'utf8');
const TEST_KEY = readFileSync(join(REPO_ROOT, 'test/fixtures/tls/loopback-key.pem'), 'utf8');

export interface AssetServer {
  port: number;
  /** `https://127.0.0.1:<port><path>` (or another host name for the same server). */
  url(path: string, host?: string): string;
  requests: Array<{ method: string; path: string; headers: IncomingMessage['headers'] }>;
  /** TLS connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export type Handler = (request: IncomingMessage, response: ServerResponse, index: number) => void;

/** A real HTTPS server on loopback (both IPv4 and IPv6) that records every request it gets. */
export async function startAssetServer(handler: Handler): Promise<AssetServer> {
  const requests: AssetServer['requests'] = [];
  const server = createServer({ key: TEST_KEY, cert: TEST_CA }, (request, response) => {
    requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers });
    handler(request, response, requests.length - 1);
  });
  let connections = 0;
  server.on('secureConnection', () => connections++);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '::', ipv6Only: false }, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path, host = '127.0.0.1') => `https://${host}:${port}${path}`,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Deterministic bytes that do not compress, and their SHA-256. */
export function testAsset(size: number, seed = 1): { bytes: Buffer; sha256: string } {
  const bytes = Buffer.alloc(size);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < size; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 255;
  }
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Serves `bytes` with validators and byte ranges, like a download host. */
export function serveAsset(bytes: Buffer, etag = '"v1"'): Handler {
  return (request, response) => {
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    const base = { etag, 'accept-ranges': 'bytes', 'last-modified': 'Tue, 01 Oct 2024 00:00:00 GMT' };
    if (request.method === 'HEAD') {
      response.writeHead(200, { ...base, 'content-length': bytes.length });
      response.end();
      return;
    }
    if (range && request.headers['if-range'] === etag) {
      const start = Number(range[1]);
      response.writeHead(206, {
        ...base,
        'content-length': bytes.length - start,
        'content-range': `bytes ${start}-${bytes.length - 1}/${bytes.length}`,
      });
      response.end(bytes.subarray(start));
      return;
    }
    response.writeHead(200, { ...base, 'content-length': bytes.length });
    response.end(bytes);
  };
}

/**
 * A resolver for the downloader in tests: loopback names resolve, every other name fails as if it did
 * not exist, so no test can reach a host outside this machine.
 */
export const loopbackOnlyLookup = ((
  hostname: string,
  options: object,
  callback: (...args: unknown[]) => void,
) => {
  if (hostname === 'localhost') return lookup(hostname, options, callback as never);
  callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
}) as never;
