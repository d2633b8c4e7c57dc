import type { Logger } from 'pino';
import type { IntentSink, WebhookDecision } from '../review/webhook-intent.js';
import type { WebhookOutcome } from './webhook-http.js';

/** The answer that tells a platform to deliver again later. */
export const QUEUE_UNAVAILABLE: WebhookOutcome = {
  reply: { status: 503, body: { error: 'the review queue is not available; redeliver this webhook later' } },
};

/**
 * The answer to an authenticated delivery, the same on every platform that maps its events itself:
 * 400 for an event it does not handle, 422 for a payload that names no pull request, 503 when the
 * queue cannot take the work (the platform redelivers later), else 200 with the outcome.
 */
export async function answerWithIntents(
  decision: WebhookDecision,
  sink: IntentSink,
  context: {
    platform: string;
    deliveryId: string;
    event: string;
    log?: Pick<Logger, 'info' | 'error'> | undefined;
  },
): Promise<WebhookOutcome> {
  const event = context.event.slice(0, 60);
  if (!decision.ok)
    return decision.problem === 'unknown-event'
      ? { reply: { status: 400, body: { error: `the event ${JSON.stringify(event)} is not handled` } } }
      : {
          reply: { status: 422, body: { error: 'the payload does not name a pull request and repository' } },
        };
  let outcome: string;
  try {
    outcome = await sink.apply(decision.intents);
  } catch (error) {
    context.log?.error(
      { err: error, deliveryId: context.deliveryId, event },
      `${context.platform} webhook could not be queued`,
    );
    return QUEUE_UNAVAILABLE;
  }
  context.log?.info({ deliveryId: context.deliveryId, event, outcome }, `${context.platform} webhook`);
  return { reply: { status: 200, body: { outcome } } };
}
