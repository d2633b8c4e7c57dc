import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Serves one path, or returns false so that the next handler can: the shape every endpoint of `serve` has. */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

export interface WebhookReply {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Memory that bodies not yet authenticated may hold at once, over every webhook endpoint. A platform
 * signs the body itself, so it must be read before it can be trusted; without a shared bound, a
 * stranger opening many connections could make the server buffer the per-request limit many times.
 */
export class BodyBudget {
  private used = 0;

  constructor(readonly limitBytes: number) {}

  take(bytes: number): boolean {
    if (this.used + bytes > this.limitBytes) return false;
    this.used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}

export interface WebhookOutcome {
  reply: WebhookReply;
  /** The body was refused unread: close the connection rather than drain it. */
  closeConnection?: boolean;
}

/**
 * A webhook endpoint at `path` (a trailing slash tolerated): `handle` decides the answer, and a
 * request that breaks off or cannot be read is answered 400 rather than left hanging.
 */
export function webhookEndpoint(
  path: string,
  handle: (request: IncomingMessage) => Promise<WebhookOutcome>,
): RequestHandler {
  return async (request, response) => {
    if (pathOf(request).replace(/\/+$/, '') !== path) return false;
    const { reply, closeConnection } = await handle(request).catch(
      (): WebhookOutcome => ({ reply: { status: 400, body: { error: 'the request could not be read' } } }),
    );
    sendReply(response, reply, closeConnection);
    return true;
  };
}

/**
 * A body as it arrived, in chunks: a signature is checked over the chunks, and only a body that
 * passes is joined into one buffer (`bytes`), so a forged body is never held twice.
 */
export interface ReceivedBody {
  ok: true;
  chunks: readonly Buffer[];
  length: number;
  /** The chunks joined, made on first use. */
  readonly bytes: Buffer;
}

export type BodyResult = ReceivedBody | { ok: false; reply: WebhookReply; closeConnection: boolean };

/** HMAC-SHA256 of a body received in chunks, without joining them. */
export function hmacOfChunks(secret: string, chunks: readonly Uint8Array[]): Buffer {
  const hmac = createHmac('sha256', secret);
  for (const chunk of chunks) hmac.update(chunk);
  return hmac.digest();
}

function receivedBody(chunks: Buffer[], length: number): ReceivedBody {
  let joined: Buffer | undefined;
  return {
    ok: true,
    chunks,
    length,
    get bytes() {
      joined ??= Buffer.concat(chunks, length);
      return joined;
    },
  };
}

/**
 * The body, read chunk by chunk and refused as soon as it passes `maxBytes` (a missing or false
 * Content-Length cannot hide a huge body) or the shared budget runs out. Nothing of it is kept on refusal.
 */
export async function readCappedBody(
  request: IncomingMessage,
  maxBytes: number,
  budget: BodyBudget,
): Promise<BodyResult> {
  const tooLarge = (): BodyResult => ({
    ok: false,
    reply: { status: 413, body: { error: `the body is larger than ${maxBytes} bytes` } },
    closeConnection: true,
  });
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();
  const chunks: Buffer[] = [];
  // What this body holds of the shared budget: given back however the read ends.
  let taken = 0;
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      if (taken + chunk.length > maxBytes) return tooLarge();
      // Larger than every body together may be: asking again would never help, so it is final.
      if (taken + chunk.length > budget.limitBytes)
        return {
          ok: false,
          reply: {
            status: 413,
            body: {
              error: `the body is larger than the ${budget.limitBytes} bytes unverified bodies may hold`,
            },
          },
          closeConnection: true,
        };
      if (!budget.take(chunk.length)) {
        return {
          ok: false,
          reply: { status: 503, body: { error: 'too many webhook deliveries at once; redeliver later' } },
          closeConnection: true,
        };
      }
      taken += chunk.length;
      chunks.push(chunk);
    }
  } finally {
    budget.give(taken);
  }
  return receivedBody(chunks, taken);
}

/** A verified body read as a JSON object, or the 400 that says why it is not one. */
export function jsonObjectBody(
  bytes: Buffer,
): { ok: true; value: Record<string, unknown> } | { ok: false; reply: WebhookReply } {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { ok: false, reply: { status: 400, body: { error: 'the body is not JSON' } } };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, reply: { status: 400, body: { error: 'the body is not a JSON object' } } };
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * Answers with JSON. When the body was refused unread, the connection is closed after the answer,
 * so that a client still sending gigabytes is cut off rather than drained.
 */
export function sendReply(response: ServerResponse, reply: WebhookReply, closeConnection = false): void {
  if (response.headersSent) return;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (closeConnection) headers.connection = 'close';
  response.writeHead(reply.status, headers);
  response.end(JSON.stringify(reply.body), () => {
    if (closeConnection) response.req.destroy();
  });
}

export function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The path of a request URL without its query (a query may carry a token: never log it). */
export function pathOf(request: IncomingMessage): string {
  const url = request.url ?? '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
