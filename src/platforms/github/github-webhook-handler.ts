import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Probot } from 'probot';
import type { ReplayGuard } from '../replay-guard.js';
import { admitDelivery } from '../webhook-admission.js';
import {
  type BodyBudget,
  headerOf,
  hmacOfChunks,
  jsonObjectBody,
  type RequestHandler,
  readCappedBody,
  type WebhookOutcome,
  webhookEndpoint,
} from '../webhook-http.js';
import { missingPayloadField } from './github-payload-shape.js';

export const GITHUB_WEBHOOK_PATH = '/api/github/webhooks';
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;
const DELIVERY_ID = /^[A-Za-z0-9-]{1,100}$/;
const EVENT_NAME = /^[a-z_]{1,64}$/;

export interface GitHubWebhookOptions {
  probot: Pick<Probot, 'receive'>;
  secret: string;
  maxBodyBytes: number;
  budget: BodyBudget;
  /** Remembers the bodies of accepted deliveries, in Redis or on disk. */
  replays: ReplayGuard;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/**
 * `POST /api/github/webhooks`, in front of Probot: the headers are checked before a byte of the
 * body is read, the body is read up to the limit only, and the signature is checked over the exact
 * bytes received before anything parses or logs them. A refused request is logged by its size and
 * reason alone. Only then does Probot dispatch the event to the app's handlers (which only enqueue).
 */
export function createGitHubWebhookHandler(options: GitHubWebhookOptions): RequestHandler {
  return webhookEndpoint(GITHUB_WEBHOOK_PATH, (request) => handle(request, options));
}

async function handle(request: IncomingMessage, options: GitHubWebhookOptions): Promise<WebhookOutcome> {
  const refuse = (status: number, error: string, reason = error) => {
    options.log.warn(
      { reason, bytes: Number(request.headers['content-length']) || undefined },
      'GitHub webhook refused',
    );
    return { reply: { status, body: { error } }, closeConnection: true };
  };
  if (request.method !== 'POST') return refuse(405, 'use POST');
  const signature = SIGNATURE.exec(headerOf(request, 'x-hub-signature-256') ?? '')?.[1];
  if (!signature) return refuse(401, 'missing or malformed X-Hub-Signature-256');
  const event = headerOf(request, 'x-github-event') ?? '';
  const id = headerOf(request, 'x-github-delivery') ?? '';
  if (!EVENT_NAME.test(event) || !DELIVERY_ID.test(id))
    return refuse(400, 'missing or malformed X-GitHub-Event or X-GitHub-Delivery');
  const contentType = headerOf(request, 'content-type') ?? '';
  if (!/^\s*application\/json\s*(;|$)/i.test(contentType))
    return refuse(415, 'the webhook content type must be application/json');

  const body = await readCappedBody(request, options.maxBodyBytes, options.budget);
  if (!body.ok) {
    options.log.warn({ reason: body.reply.body.error, status: body.reply.status }, 'GitHub webhook refused');
    return body;
  }
  const expected = hmacOfChunks(options.secret, body.chunks);
  const given = Buffer.from(signature, 'hex');
  if (!timingSafeEqual(expected, given)) {
    options.log.warn({ reason: 'signature does not match', bytes: body.length }, 'GitHub webhook refused');
    return { reply: { status: 401, body: { error: 'signature does not match' } } };
  }

  const parsed = jsonObjectBody(body.bytes);
  if (!parsed.ok) return parsed;
  const payload = parsed.value;
  const missing = missingPayloadField(event, payload);
  if (missing) return { reply: { status: 400, body: { error: `the ${event} payload has no ${missing}` } } };

  // The signature covers the body alone: a captured body sent again, under any delivery id, is a replay.
  const bodyDigest = createHash('sha256').update(body.bytes).digest('hex');
  return admitDelivery({ replays: options.replays, platform: 'GitHub', log: options.log }, async (claims) => {
    if (!(await claims.claim(`github:${bodyDigest}`)))
      return { reply: { status: 200, body: { outcome: 'duplicate' } } };
    try {
      // Probot's types list every event name; the name was checked above, the handlers read only what was checked.
      await options.probot.receive({ id, name: event, payload } as Parameters<Probot['receive']>[0]);
    } catch (error) {
      const causes = error instanceof AggregateError ? error.errors : [error];
      options.log.error(
        {
          deliveryId: id,
          event,
          errors: causes.map((cause) => String((cause as Error)?.message).slice(0, 300)),
        },
        'GitHub webhook could not be queued',
      );
      return {
        reply: {
          status: 503,
          body: { error: 'the review could not be queued; redeliver this webhook later' },
        },
      };
    }
    return { reply: { status: 200, body: { ok: true } } };
  });
}
