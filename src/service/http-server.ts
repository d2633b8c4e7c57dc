import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import { pathOf, type RequestHandler } from '../platforms/webhook-http.js';

/** A request that has not sent its headers and body by then is cut off (Node's default is five minutes). */
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * The server of `serve` and `worker`: the handlers in order, the first that takes the request
 * answers it, 404 otherwise. One log line a request, with the method, the path without its query,
 * the status and the time; never a header or a body, where tokens and signatures travel.
 */
export function createHttpServer(
  handlers: readonly RequestHandler[],
  log: Pick<Logger, 'info' | 'error'>,
): Server {
  const server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS }, (request, response) => {
    const started = performance.now();
    response.once('finish', () =>
      log.info(
        {
          method: request.method,
          path: pathOf(request).slice(0, 200),
          status: response.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'http request',
      ),
    );
    void (async () => {
      for (const handle of handlers) if (await handle(request, response)) return;
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'not found' }));
    })().catch((error: unknown) => {
      log.error({ err: error, path: pathOf(request).slice(0, 200) }, 'request failed');
      if (response.writableEnded) return;
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'internal error' }));
    });
  });
  server.headersTimeout = Math.min(server.headersTimeout, REQUEST_TIMEOUT_MS);
  return server;
}

export async function listen(server: Server, port: number, host?: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

/**
 * Stops listening at once and waits for the requests being answered; past `graceMs`, cuts the
 * connections still open (a client trickling a body in must not hold a shutdown up).
 */
export function close(server: Server, graceMs?: number): Promise<void> {
  return new Promise((resolve) => {
    const timer =
      graceMs === undefined ? undefined : setTimeout(() => server.closeAllConnections(), graceMs).unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
