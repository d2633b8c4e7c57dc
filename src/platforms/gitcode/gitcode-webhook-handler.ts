import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { IntentSink } from '../../review/webhook-intent.js';
import type { ReplayGuard } from '../replay-guard.js';
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
import { type GitCodePayload, gitcodeIntents } from './gitcode-intents.js';
import { verifyGitCodeSignature } from './gitcode-webhook-auth.js';

export const GITCODE_WEBHOOK_PATH = '/api/gitcode/webhooks';

export interface GitCodeWebhookOptions {
  intents: IntentSink;
  secret: string;
  maxBodyBytes: number;
  /** Remembers accepted deliveries (`X-GitCode-Delivery`), in Redis or on disk. */
  replays: ReplayGuard;
  budget: BodyBudget;
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/**
 * `POST /api/gitcode/webhooks`: a delivery without a signature is refused unread; one with a
 * signature is read up to the cap and verified over the exact bytes received. A delivery id is
 * accepted once. The event becomes intents (gitcode-intents.ts) that the sink applies.
 */
export function createGitCodeWebhookHandler(options: GitCodeWebhookOptions): RequestHandler {
  return webhookEndpoint(GITCODE_WEBHOOK_PATH, (request) => handle(request, options));
}

async function handle(request: IncomingMessage, options: GitCodeWebhookOptions): Promise<WebhookOutcome> {
  if (request.method !== 'POST')
    return { reply: { status: 405, body: { error: 'use POST' } }, closeConnection: true };
  const size = Number(request.headers['content-length']) || undefined;
  const signature = headerOf(request, 'x-gitcode-signature-256');
  if (!signature) {
    options.log?.warn({ reason: 'no signature', bytes: size }, 'GitCode webhook refused');
    return { reply: { status: 401, body: { error: 'unauthorized' } }, closeConnection: true };
  }
  const body = await readCappedBody(request, options.maxBodyBytes, options.budget);
  if (!body.ok) {
    options.log?.warn({ reason: body.reply.body.error, bytes: size }, 'GitCode webhook refused');
    return body;
  }
  if (!verifyGitCodeSignature(signature, options.secret, body.bytes)) {
    options.log?.warn({ reason: 'wrong signature', bytes: size }, 'GitCode webhook refused');
    return { reply: { status: 401, body: { error: 'unauthorized' } }, closeConnection: true };
  }
  // The delivery id when GitCode sends one, else the signed body itself: either way accepted once.
  const delivery =
    headerOf(request, 'x-gitcode-delivery')?.slice(0, 100) ||
    createHash('sha256').update(body.bytes).digest('hex');
  if (!(await options.replays.firstUse(`gitcode:${delivery}`)))
    return { reply: { status: 200, body: { outcome: 'duplicate' } } };
  const parsed = jsonObjectBody(body.bytes);
  if (!parsed.ok) return parsed;
  const payload = parsed.value as GitCodePayload;
  const event = (headerOf(request, 'x-gitcode-event') ?? '').slice(0, 60);
  const deliveryId = `gitcode:${createHash('sha256').update(delivery).digest('hex').slice(0, 16)}`;
  return answerWithIntents(gitcodeIntents(event, payload, deliveryId), options.intents, {
    platform: 'GitCode',
    deliveryId,
    event,
    log: options.log,
  });
}
