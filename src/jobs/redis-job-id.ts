import { createHash } from 'node:crypto';
import { type ReviewRequest, reviewJobKey } from '../review/review-request.js';

export const REVIEW_QUEUE_NAME = 'reviews';

/**
 * The BullMQ job id: the review's idempotency key (BullMQ forbids `:` in ids). A review without a
 * known head (`/recheck`) is never a duplicate of another, so its delivery makes it unique.
 */
export function reviewJobId(request: ReviewRequest): string {
  const key = reviewJobKey(request).replaceAll(':', '|');
  if (request.headSha !== undefined) return key;
  return `${key}|${createHash('sha256').update(request.deliveryId).digest('hex').slice(0, 16)}`;
}
