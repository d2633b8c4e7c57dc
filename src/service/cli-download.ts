import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathOf, type RequestHandler } from '../platforms/webhook-http.js';

export const CLI_PATH = '/cli/mshub-review.mjs';

export interface PublishedCli {
  bytes: Buffer;
  sha256: string;
  version: string;
}

/** The single-file CLI as built, or why there is none (a checkout that was not built). */
export async function loadPublishedCli(
  file: string,
  version: string,
): Promise<PublishedCli | { missing: string }> {
  try {
    const bytes = await readFile(file);
    return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), version };
  } catch (error) {
    return {
      missing: `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); run npm run build`,
    };
  }
}

/**
 * `GET /cli/mshub-review.mjs`, `/cli/mshub-review.mjs.sha256` (as `sha256sum` prints it) and
 * `/cli/version`: the exact contributor CLI this server runs, so that a contributor can get it in one
 * line. Static and public: no secret, no state; cached by validator (ETag is its digest).
 */
export function createCliDownloadHandler(cli: PublishedCli | { missing: string }): RequestHandler {
  return async (request, response) => {
    const path = pathOf(request);
    if (!path.startsWith('/cli/')) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, request, 405, 'text/plain; charset=utf-8', 'use GET\n');
      return true;
    }
    if ('missing' in cli) {
      send(response, request, 404, 'text/plain; charset=utf-8', 'this server publishes no single-file CLI\n');
      return true;
    }
    const etag = `"${cli.sha256}"`;
    const cached = { etag, 'cache-control': 'public, max-age=300' };
    if (path === CLI_PATH) {
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, cached);
        response.end();
      } else send(response, request, 200, 'text/javascript; charset=utf-8', cli.bytes, cached);
    } else if (path === `${CLI_PATH}.sha256`)
      send(response, request, 200, 'text/plain; charset=utf-8', `${cli.sha256}  mshub-review.mjs\n`, cached);
    else if (path === '/cli/version')
      send(
        response,
        request,
        200,
        'application/json',
        JSON.stringify({ version: cli.version, sha256: cli.sha256 }),
        cached,
      );
    else send(response, request, 404, 'text/plain; charset=utf-8', 'not found\n');
    return true;
  };
}

function send(
  response: ServerResponse,
  request: IncomingMessage,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, { 'content-type': type, 'content-length': String(bytes.length), ...headers });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}
