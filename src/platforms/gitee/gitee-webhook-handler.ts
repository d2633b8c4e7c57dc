import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { IntentSink } from '../../review/webhook-intent.js';
import type { ReplayGuard } from '../replay-guard.js';
import { admitDelivery, type DeliveryClaims } from '../webhook-admission.js';
import {
  type BodyBudget,
  headerOf,
  jsonObjectBody,
  type RequestHandler,
  readCappedBody,
  type WebhookOutcome,
  webhookEndpoint,
} from '../webhook-http.js';
import { answerWithIntents } from '../webhook-intents-reply.js';
import { type GiteePayload, giteeIntents } from './gitee-intents.js';
import { type GiteeAuthSettings, verifyGiteeRequest } from './gitee-webhook-auth.js';

export const GITEE_WEBHOOK_PATH = '/api/gitee/webhooks';

export interface GiteeWebhookOptions {
  /** Where the event's intents go: the review queue and the site sync. */
  intents: IntentSink;
  auth: GiteeAuthSettings;
  maxBodyBytes: number;
  /** Remembers accepted (timestamp, token) pairs; in Redis or on disk, so a restart does not forget them. */
  replays: ReplayGuard;
  budget: BodyBudget;
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/**
 * `POST /api/gitee/webhooks`: authenticates before reading the body (a wrong token gets 401 and only
 * the body's size is logged), refuses replays, oversized and non-JSON bodies, then maps Gitee's
 * events to intents (gitee-intents.ts) that the sink applies. Like the GitHub handlers it only enqueues.
 */
export function createGiteeWebhookHandler(options: GiteeWebhookOptions): RequestHandler {
  return webhookEndpoint(GITEE_WEBHOOK_PATH, (request) => handle(request, options));
}

async function handle(request: IncomingMessage, options: GiteeWebhookOptions): Promise<WebhookOutcome> {
  if (request.method !== 'POST')
    return { reply: { status: 405, body: { error: 'use POST' } }, closeConnection: true };
  const size = Number(request.headers['content-length']) || undefined;
  const auth = verifyGiteeRequest(
    { token: headerOf(request, 'x-gitee-token'), timestamp: headerOf(request, 'x-gitee-timestamp') },
    options.auth,
  );
  if (!auth.ok) {
    options.log?.warn({ reason: auth.reason, bytes: size }, 'Gitee webhook refused');
    return {
      reply: {
        status: 401,
        body: { error: auth.reason === 'stale timestamp' ? 'stale timestamp' : 'unauthorized' },
      },
      closeConnection: true,
    };
  }
  const body = await readCappedBody(request, options.maxBodyBytes, options.budget);
  if (!body.ok) {
    options.log?.warn({ reason: body.reply.body.error, bytes: size }, 'Gitee webhook refused');
    return body;
  }
  const parsed = jsonObjectBody(body.bytes);
  if (!parsed.ok) return parsed;
  const payload = parsed.value as GiteePayload;
  const event = (headerOf(request, 'x-gitee-event') ?? '').slice(0, 60);
  // Gitee signs only the timestamp and sends no delivery id: two events in one millisecond share a
  // signature, so a delivery is the signature, the event and the body. As the body is not signed, one
  // signature carries at most MAX_DELIVERIES_PER_SIGNATURE different deliveries.
  const bodyDigest = createHash('sha256').update(body.bytes).digest('hex');
  const deliveryKey = `${auth.replayKey}:${event}:${bodyDigest}`;
  const deliveryId = `gitee:${createHash('sha256').update(deliveryKey).digest('hex').slice(0, 16)}`;
  // Decided before admission: the mapping is pure, and a payload it cannot read is the request's fault.
  const decision = giteeIntents(event, payload, deliveryId);
  return admitDelivery({ replays: options.replays, platform: 'Gitee', log: options.log }, async (claims) => {
    if (!(await claims.claim(deliveryKey))) return { reply: { status: 200, body: { outcome: 'duplicate' } } };
    if (!(await claimSignatureSlot(claims, auth.replayKey))) {
      options.log?.warn(
        { bytes: size },
        'Gitee webhook refused: its signature was already used for other bodies',
      );
      return {
        reply: { status: 409, body: { error: 'this signature was already used' } },
        closeConnection: true,
      };
    }
    return answerWithIntents(decision, options.intents, {
      platform: 'Gitee',
      deliveryId,
      event,
      log: options.log,
    });
  });
}

/** Distinct deliveries Gitee may send under one signed timestamp (events of one action, same millisecond). */
const MAX_DELIVERIES_PER_SIGNATURE = 4;

async function claimSignatureSlot(claims: DeliveryClaims, signature: string): Promise<boolean> {
  for (let slot = 1; slot <= MAX_DELIVERIES_PER_SIGNATURE; slot++)
    if (await claims.claim(`${signature}#${slot}`)) return true;
  return false;
}
