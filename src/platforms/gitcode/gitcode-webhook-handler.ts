import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { IntentSink } from '../../review/webhook-intent.js';
import type { ReplayGuard } from '../replay-guard.js';
import { admitDelivery } from '../webhook-admission.js';
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
import { verifyGitCodePassword, verifyGitCodeSignature } from './gitcode-webhook-auth.js';

export const GITCODE_WEBHOOK_PATH = '/api/gitcode/webhooks';

export interface GitCodeWebhookOptions {
  intents: IntentSink;
  secret: string;
  /** `signature` (default): X-GitCode-Signature-256 over the body; `password`: X-GitCode-Token is the secret. */
  mode?: 'signature' | 'password';
  maxBodyBytes: number;
  /** Remembers the bodies of accepted deliveries, in Redis or on disk. */
  replays: ReplayGuard;
  budget: BodyBudget;
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/**
 * `POST /api/gitcode/webhooks`: a delivery without a signature is refused unread; one with a
 * signature is read up to the cap and verified over the exact bytes received. A delivery id is
accepted once (its body; the delivery header is only a label). The event becomes intents (gitcode-intents.ts) that the sink applies.
 */
export function createGitCodeWebhookHandler(options: GitCodeWebhookOptions): RequestHandler {
  return webhookEndpoint(GITCODE_WEBHOOK_PATH, (request) => handle(request, options));
}

async function handle(request: IncomingMessage, options: GitCodeWebhookOptions): Promise<WebhookOutcome> {
  if (request.method !== 'POST')
    return { reply: { status: 405, body: { error: 'use POST' } }, closeConnection: true };
  const size = Number(request.headers['content-length']) || undefined;
  const refuse = (reason: string): WebhookOutcome => {
    options.log?.warn({ reason, bytes: size }, 'GitCode webhook refused');
    return { reply: { status: 401, body: { error: 'unauthorized' } }, closeConnection: true };
  };
  const password = options.mode === 'password';
  const signature = headerOf(request, 'x-gitcode-signature-256');
  if (password) {
    // Checked before the body is read: the token does not depend on it.
    if (!verifyGitCodePassword(headerOf(request, 'x-gitcode-token'), options.secret))
      return refuse('missing or wrong X-GitCode-Token');
  } else if (!signature) return refuse('no signature');
  const body = await readCappedBody(request, options.maxBodyBytes, options.budget);
  if (!body.ok) {
    options.log?.warn({ reason: body.reply.body.error, bytes: size }, 'GitCode webhook refused');
    return body;
  }
  if (!password && !verifyGitCodeSignature(signature, options.secret, body.chunks))
    return refuse('wrong signature');
  const parsed = jsonObjectBody(body.bytes);
  if (!parsed.ok) return parsed;
  const payload = parsed.value as GitCodePayload;
  const event = (headerOf(request, 'x-gitcode-event') ?? '').slice(0, 60);
  // The signature covers the body alone, so the body is the delivery: `X-GitCode-Delivery` is only
  // a label, and a captured body sent again under a new delivery id is still a replay.
  const bodyDigest = createHash('sha256').update(body.bytes).digest('hex');
  const deliveryId = `gitcode:${bodyDigest.slice(0, 16)}`;
  // Decided before admission: the mapping is pure, and a payload it cannot read is the request's fault.
  const decision = gitcodeIntents(event, payload, deliveryId);
  return admitDelivery(
    { replays: options.replays, platform: 'GitCode', log: options.log },
    async (claims) => {
      if (!(await claims.claim(`gitcode:${bodyDigest}`)))
        return { reply: { status: 200, body: { outcome: 'duplicate' } } };
      return answerWithIntents(decision, options.intents, {
        platform: 'GitCode',
        deliveryId,
        event,
        log: options.log,
      });
    },
  );
}
