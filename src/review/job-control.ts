import type { ReviewRequest } from './review-request.js';

/** What a running job may ask of the queue. */
export interface JobControl {
  /** False once a newer head commit of the same pull request was queued, or it was closed: do not post. */
  isCurrent(): Promise<boolean>;
  /** Records the head commit a job found for itself (a `/recheck` learns it from the API). */
  setHead(headSha: string): Promise<void>;
  /** False while a transient failure will be retried: report failures only on the last attempt. */
  lastAttempt(): boolean;
  /**
   * Aborted when the process shuts down: the job is set aside for the next start, so it must post
   * nothing more (a review throws SHUTTING_DOWN instead of reporting).
   */
  signal?: AbortSignal;
}

export type ReviewRunner = (request: ReviewRequest, control: JobControl) => Promise<void>;
