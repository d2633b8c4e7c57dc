import { LRUCache } from 'lru-cache';
import pLimit, { type LimitFunction } from 'p-limit';
import { isMshubError, shutdownError } from '../core/errors.js';
import { isTransientError } from '../core/transient-error.js';
import { pullKey, type ReviewRequest, reviewJobKey } from '../review/review-request.js';
import type { ReviewJournal } from './file-review-journal.js';
import {
  DEFAULT_ATTEMPTS,
  DEFAULT_REVIEWED_TTL_MS,
  defaultBackoffMs,
  type EnqueueOutcome,
  type JobControl,
  type PullTarget,
  type QueueHealth,
  type ReviewQueue,
  type ReviewRunner,
} from './review-queue.js';
import { drainWithin, pause, untilAborted } from './shutdown.js';

export interface EmbeddedQueueOptions {
  concurrency: number;
  /** Attempts of a job whose failure is transient (5xx, 429, timeouts); 3 by default. */
  attempts?: number;
  /** Wait before the n-th retry; exponential from 2 s by default. */
  backoffMs?: (retry: number) => number;
  /** A finished review of the same head commit is not repeated for this long (unless forced). */
  reviewedTtlMs?: number;
  /** Reviewed heads, and newest heads of pull requests, remembered at once (the oldest go first). */
  maxRemembered?: number;
  onError?: (error: unknown, request: ReviewRequest) => void;
  now?: () => number;
  /** Keeps the reviews accepted and not finished, so that a restart resumes them. */
  journal?: ReviewJournal;
}

const SEEN_DELIVERIES = 5000;
/** Stands for "no head commit is current": the pull request was closed. */
const CLOSED = 'closed';
/** Reviewed heads and newest heads of pull requests remembered at once. */
const MAX_REMEMBERED = 10_000;

/**
 * The in-process queue: bounded concurrency, one job per head commit, redelivered webhooks ignored,
 * and a newer push marking older jobs of the same pull request as superseded.
 */
export class EmbeddedReviewQueue implements ReviewQueue {
  private readonly limit: LimitFunction;
  private readonly active = new Set<string>();
  // Bounded, as `serve` runs for months: the oldest heads and pull requests are forgotten first.
  private readonly reviewed: LRUCache<string, number>;
  private readonly deliveries = new Set<string>();
  private readonly latestHead: LRUCache<string, string>;
  private readonly running = new Set<Promise<void>>();
  private readonly now: () => number;
  /** Accepted and not finished, by job key: what the journal holds. */
  private readonly unfinished = new Map<string, ReviewRequest>();
  private readonly shutdown = new AbortController();
  private closed = false;

  constructor(
    private readonly runner: ReviewRunner,
    private readonly options: EmbeddedQueueOptions,
  ) {
    this.limit = pLimit(options.concurrency);
    this.reviewed = new LRUCache({ max: options.maxRemembered ?? MAX_REMEMBERED });
    this.latestHead = new LRUCache({ max: options.maxRemembered ?? MAX_REMEMBERED });
    this.now = options.now ?? Date.now;
  }

  async enqueue(request: ReviewRequest, { force = false } = {}): Promise<EnqueueOutcome> {
    // The webhook answers 503 and its sender delivers it again, to the next process.
    if (this.closed) throw shutdownError();
    if (this.deliveries.has(request.deliveryId)) return 'duplicate-delivery';
    this.rememberDelivery(request.deliveryId);
    const key = reviewJobKey(request);
    if (request.headSha !== undefined) {
      if (this.active.has(key)) return 'already-queued';
      const doneAt = this.reviewed.get(key);
      if (
        !force &&
        doneAt !== undefined &&
        this.now() - doneAt < (this.options.reviewedTtlMs ?? DEFAULT_REVIEWED_TTL_MS)
      ) {
        return 'already-reviewed';
      }
      this.latestHead.set(pullKey(request), request.headSha);
    }
    this.active.add(key);
    this.unfinished.set(key, request);
    let head = request.headSha;
    let attempt = 1;
    const attempts = this.options.attempts ?? DEFAULT_ATTEMPTS;
    const { signal } = this.shutdown;
    const isCurrent = () =>
      head === undefined || this.latestHead.get(pullKey({ ...request, headSha: head })) === head;
    const control: JobControl = {
      lastAttempt: () => attempt >= attempts,
      isCurrent: async () => isCurrent(),
      setHead: async (sha) => {
        head = sha;
        const pull = pullKey({ ...request, headSha: sha });
        if (!this.latestHead.has(pull) || request.headSha === undefined) this.latestHead.set(pull, sha);
      },
      signal,
    };
    const runOnce = () => {
      if (signal.aborted) throw shutdownError();
      return isCurrent() ? untilAborted(this.runner(request, control), signal) : undefined;
    };
    const runWithRetries = async (): Promise<void> => {
      for (;;) {
        if (!isCurrent()) return;
        try {
          // Checked again when its turn comes: the pull request may have been closed or pushed to meanwhile.
          await this.limit(runOnce);
          return;
        } catch (error) {
          if (control.lastAttempt() || !isTransientError(error) || signal.aborted) throw error;
          await pause((this.options.backoffMs ?? defaultBackoffMs)(attempt), signal);
          attempt++;
        }
      }
    };
    let setAside = false;
    const job = runWithRetries()
      .then(() => {
        this.reviewed.set(reviewJobKey({ ...request, ...(head ? { headSha: head } : {}) }), this.now());
      })
      .catch((error: unknown) => {
        // Stopped by the shutdown: kept in the journal, and resumed at the next start.
        if (isMshubError(error, 'SHUTTING_DOWN')) setAside = true;
        else this.options.onError?.(error, request);
      })
      .finally(async () => {
        this.active.delete(key);
        if (!setAside && this.unfinished.get(key) === request) {
          this.unfinished.delete(key);
          await this.saveJournal();
        }
        this.running.delete(job);
      });
    this.running.add(job);
    // On disk before the delivery is answered: a review accepted is never lost to a restart.
    await this.saveJournal();
    return 'queued';
  }

  async cancel(target: PullTarget): Promise<void> {
    this.latestHead.set(pullKey(target), CLOSED);
  }

  async depth(): Promise<number> {
    return this.active.size;
  }

  async health(): Promise<QueueHealth> {
    return { ok: true, engine: 'embedded' };
  }

  /**
   * Takes no more reviews. Without a grace period, waits for those queued; with one, stops those
   * still running at its end: they stay in the journal (when there is one) for the next start.
   */
  async close(graceMs?: number): Promise<void> {
    this.closed = true;
    await drainWithin(() => this.idle(), graceMs, this.shutdown);
    await this.options.journal?.save([...this.unfinished.values()]);
  }

  /** Queues again the reviews a previous run accepted and did not finish; how many. */
  async resume(): Promise<number> {
    const requests = (await this.options.journal?.load()) ?? [];
    let queued = 0;
    for (const request of requests) if ((await this.enqueue(request, { force: true })) === 'queued') queued++;
    return queued;
  }

  private saveJournal(): Promise<void> {
    return this.options.journal?.save([...this.unfinished.values()]) ?? Promise.resolve();
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private rememberDelivery(id: string): void {
    this.deliveries.add(id);
    if (this.deliveries.size > SEEN_DELIVERIES) {
      const oldest = this.deliveries.values().next().value;
      if (oldest !== undefined) this.deliveries.delete(oldest);
    }
  }
}
