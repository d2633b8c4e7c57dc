import type { ReviewQueue } from '../jobs/review-queue.js';
import type { IntentSink, WebhookIntent } from '../review/webhook-intent.js';
import type { SiteSyncService } from './site-sync-service.js';

/**
 * The one place where webhook intents become work: reviews and cancellations go to the review
 * queue, syncs to the site sync (ignored when this deployment publishes no site).
 */
export class QueueIntentSink implements IntentSink {
  constructor(
    private readonly queue: ReviewQueue,
    private readonly siteSync?: SiteSyncService,
  ) {}

  async apply(intents: readonly WebhookIntent[]): Promise<string> {
    let outcome = 'ignored';
    for (const intent of intents) outcome = await this.applyOne(intent);
    return outcome;
  }

  private async applyOne(intent: WebhookIntent): Promise<string> {
    switch (intent.kind) {
      case 'review':
        return this.queue.enqueue(intent.request, { force: intent.force });
      case 'cancel':
        await this.queue.cancel(intent.target);
        return 'cancelled';
      case 'sync':
        return this.siteSync ? this.siteSync.request(intent.request) : 'ignored';
    }
  }
}
