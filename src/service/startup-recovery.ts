import type { Logger } from 'pino';
import type { ReviewQueue } from '../jobs/review-queue.js';
import type { ReviewRequest } from '../review/review-request.js';

export interface PendingReviewSource {
  platform: string;
  find(): Promise<ReviewRequest[]>;
}

/**
 * At start-up, the reviews that the platforms still show as pending (a check run in progress, a
 * Gitee pull request labelled pending) are queued again: the embedded queue kept its jobs in
 * memory, and a Redis restarted without persistence has lost its own. Queuing is idempotent, so a
 * review still queued in Redis is not queued twice.
 */
export async function recoverPendingReviews(
  queue: Pick<ReviewQueue, 'enqueue'>,
  sources: readonly PendingReviewSource[],
  log?: Pick<Logger, 'info' | 'error'>,
  /** Aborted when the server stops: nothing more is queued. */
  signal?: AbortSignal,
): Promise<number> {
  let queued = 0;
  for (const source of sources) {
    if (signal?.aborted) break;
    try {
      const pending = await source.find();
      for (const request of pending) {
        if (signal?.aborted) break;
        if ((await queue.enqueue(request)) === 'queued') queued++;
      }
      log?.info({ platform: source.platform, found: pending.length }, 'pending reviews queued again');
    } catch (error) {
      log?.error({ err: error, platform: source.platform }, 'pending reviews could not be listed');
    }
  }
  return queued;
}
