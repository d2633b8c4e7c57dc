import { type Job, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { isMshubError } from '../core/errors.js';
import { isTransientError } from '../core/transient-error.js';
import type { ReviewRequest } from '../review/review-request.js';
import { PullHeads } from './pull-heads.js';
import type { RedisQueueSettings } from './redis-connection.js';
import { REVIEW_QUEUE_NAME } from './redis-job-id.js';
import type { JobControl, ReviewRunner } from './review-queue.js';
import { drainWithin, untilAborted, workerShutdown } from './shutdown.js';

export interface RedisReviewWorkerOptions extends RedisQueueSettings {
  concurrency: number;
  /**
   * A job whose worker stops renewing its lock for this long (the process died) goes back to the
   * queue for another worker. The lock is renewed while the worker lives, however long the review.
   */
  lockDurationMs?: number;
  /** How often this worker looks for such jobs. */
  stalledIntervalMs?: number;
  /** A job's final failure: it will not be retried. */
  onFailure?: (error: unknown, request: ReviewRequest) => void;
  /**
   * A review whose worker died this many times while running it (out of memory on an asset, say) is
   * not started again: `onAbandoned` reports it on the pull request instead.
   */
  maxInterruptions?: number;
  onAbandoned?: (request: ReviewRequest, reason: string) => Promise<void>;
  /** Problems of the worker itself (Redis away, a lock lost); ioredis and BullMQ keep retrying. */
  onWorkerError?: (error: Error) => void;
}

const DEFAULT_MAX_INTERRUPTIONS = 2;

/** Runs the reviews stored in Redis (`mshub-review worker`, or `serve` without a worker of its own). */
export class RedisReviewWorker {
  private readonly worker: Worker<ReviewRequest>;
  private readonly heads: PullHeads;
  private readonly shutdown: AbortController;

  constructor(
    runner: ReviewRunner,
    connection: Redis,
    private readonly options: RedisReviewWorkerOptions,
  ) {
    this.shutdown = workerShutdown(options.concurrency);
    this.heads = new PullHeads(connection, options.prefix);
    this.worker = new Worker<ReviewRequest>(
      REVIEW_QUEUE_NAME,
      (job, token) => this.process(job, token, runner),
      {
        connection,
        prefix: options.prefix,
        concurrency: options.concurrency,
        lockDuration: options.lockDurationMs ?? 30_000,
        stalledInterval: options.stalledIntervalMs ?? 30_000,
        // Above our own limit, so that BullMQ never fails a stalled job silently: process() reports it.
        maxStalledCount: (options.maxInterruptions ?? DEFAULT_MAX_INTERRUPTIONS) + 1,
      },
    );
    // Without a listener these would be thrown; they are reported and the worker carries on.
    this.worker.on('error', (error) => options.onWorkerError?.(error));
  }

  /** Resolves once the worker is connected and taking jobs. */
  async ready(): Promise<void> {
    await this.worker.waitUntilReady();
  }

  /**
   * Takes no new jobs. Without a grace period, finishes those in hand; with one, stops those still
   * running at its end and puts them back in the queue as they were (no attempt used), for any worker.
   */
  async close(graceMs?: number): Promise<void> {
    const closing = this.worker.close();
    await drainWithin(() => closing, graceMs, this.shutdown);
  }

  private async process(
    job: Job<ReviewRequest>,
    token: string | undefined,
    runner: ReviewRunner,
  ): Promise<void> {
    const request = job.data;
    let head = request.headSha;
    const attempts = job.opts.attempts ?? 1;
    const lastAttempt = () => job.attemptsMade + 1 >= attempts;
    const control: JobControl = {
      lastAttempt,
      isCurrent: async () => head === undefined || this.heads.isCurrent(request, head),
      setHead: async (sha) => {
        head = sha;
        await this.heads.record(request, sha, request.headSha !== undefined);
      },
      signal: this.shutdown.signal,
    };
    if (!(await control.isCurrent())) return;
    const interruptions = job.stalledCounter ?? 0;
    if (interruptions >= (this.options.maxInterruptions ?? DEFAULT_MAX_INTERRUPTIONS)) {
      await this.options.onAbandoned?.(
        request,
        `the review was interrupted ${interruptions} ${interruptions === 1 ? 'time' : 'times'} before it could finish (the worker running it stopped, for example out of memory)`,
      );
      return;
    }
    try {
      await untilAborted(runner(request, control), this.shutdown.signal);
    } catch (error) {
      if (isMshubError(error, 'SHUTTING_DOWN')) {
        await job.moveToWait(token);
        throw new WaitingError();
      }
      const transient = isTransientError(error);
      if (!transient || lastAttempt()) this.options.onFailure?.(error, request);
      if (!transient) throw new UnrecoverableError((error as Error)?.message ?? String(error));
      throw error;
    }
  }
}
