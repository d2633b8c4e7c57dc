import type { JobControl, ReviewRunner } from '../review/job-control.js';
import type { ReviewRequest } from '../review/review-request.js';
import type { PullTarget } from '../review/webhook-intent.js';

export type EnqueueOutcome = 'queued' | 'duplicate-delivery' | 'already-queued' | 'already-reviewed';

export type { JobControl, PullTarget, ReviewRunner };

export interface QueueHealth {
  ok: boolean;
  engine: 'embedded' | 'redis';
  /** Why it is not ok. */
  detail?: string;
}

/** The producer's side of the review queue, the same for the embedded and the Redis engine. */
export interface ReviewQueue {
  enqueue(request: ReviewRequest, options?: { force?: boolean }): Promise<EnqueueOutcome>;
  /** The pull request was closed: queued reviews do not run, a running one does not post. */
  cancel(target: PullTarget): Promise<void>;
  /** Resolves when no job is queued or running (tests, shutdown). */
  idle(): Promise<void>;
  /** Jobs queued or running. */
  depth(): Promise<number>;
  health(): Promise<QueueHealth>;
  /**
   * Takes no more work. Without a grace period, waits for the jobs in hand; with one, stops them at
   * its end and keeps them for the next start (in Redis, or in the embedded queue's journal).
   */
  close(graceMs?: number): Promise<void>;
  /** Queues again the reviews the previous run set aside (the embedded queue's journal); how many. */
  resume?(): Promise<number>;
}

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_REVIEWED_TTL_MS = 3600_000;
export const defaultBackoffMs = (retry: number) => 2000 * 2 ** (retry - 1);
