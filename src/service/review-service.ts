import { isMshubError } from '../core/errors.js';
import { EmbeddedReviewQueue } from '../jobs/embedded-queue.js';
import type { ReviewJournal } from '../jobs/file-review-journal.js';
import type { JobControl, ReviewQueue, ReviewRunner } from '../jobs/review-queue.js';
import { type PlatformRegistry, platformFor } from '../review/hosted-platform.js';
import type { ReviewAdapters } from '../review/review-asset-files.js';
import type { ReviewRequest } from '../review/review-request.js';
import { runReviewJob } from '../review/run-review-job.js';
import type { Activity } from './activity.js';

export interface ReviewServiceOptions {
  adapters: ReviewAdapters;
  concurrency: number;
  /** Attempts of a review whose failure is transient, and the wait before each retry. */
  retry?: { attempts: number; backoffMs?: (retry: number) => number };
  /** The configured platforms: each review is read and reported on through its own. */
  platforms: PlatformRegistry;
  /** The Redis queue, when REDIS_URL is set; the embedded one otherwise. */
  queue?: ReviewQueue;
  /** Where the embedded queue keeps the reviews it has not finished, for the next start. */
  journal?: ReviewJournal;
  /** Where contributors download the single-file CLI (PUBLIC_URL + /cli/mshub-review.mjs). */
  cliUrl?: string;
  activity?: Activity;
  log?: { info(data: object, message: string): void; error(data: object, message: string): void };
}

/**
 * Runs reviews in the background for every platform: the webhook handlers only enqueue, and the
 * queue's runner picks the platform's source and reporter for each job.
 */
export class ReviewService {
  readonly queue: ReviewQueue;
  /** Runs one review: the embedded queue calls it, and so do Redis workers. */
  readonly runner: ReviewRunner = (request, control) => this.run(request, control);
  constructor(private readonly options: ReviewServiceOptions) {
    this.queue =
      options.queue ??
      new EmbeddedReviewQueue(this.runner, {
        concurrency: options.concurrency,
        ...(options.retry ? { attempts: options.retry.attempts } : {}),
        ...(options.retry?.backoffMs ? { backoffMs: options.retry.backoffMs } : {}),
        ...(options.journal ? { journal: options.journal } : {}),
        onError: (error, request) => this.logFailure(error, request),
      });
  }

  /** Says on the pull request that its review could not finish, without running it. */
  async reportAbandoned(request: ReviewRequest, reason: string): Promise<void> {
    if (request.headSha === undefined) return;
    try {
      const { reporter } = await platformFor(this.options.platforms, request).pullRequest(request);
      await reporter.failed(request.headSha, reason);
    } catch (error) {
      this.logFailure(error, request);
    }
  }

  logFailure(error: unknown, request: ReviewRequest): void {
    this.options.log?.error(
      {
        err: error,
        deliveryId: request.deliveryId,
        trigger: request.trigger,
        repository: `${request.owner}/${request.repo}`,
        pullNumber: request.pullNumber,
      },
      isMshubError(error, 'REVIEW_UNREPORTED')
        ? 'review job failed, and the pull request could not be told: its author sees no verdict'
        : 'review job failed',
    );
  }

  private async run(request: ReviewRequest, control: JobControl): Promise<void> {
    const started = Date.now();
    let outcome = 'error';
    try {
      const { source, reporter } = await platformFor(this.options.platforms, request).pullRequest(request);
      outcome = await runReviewJob(request, {
        source,
        reporter,
        adapters: this.options.adapters,
        control,
        ...(this.options.cliUrl ? { cliUrl: this.options.cliUrl } : {}),
      });
    } catch (error) {
      if (isMshubError(error, 'REVIEW_UNREPORTED')) outcome = 'unreported';
      else if (isMshubError(error, 'SHUTTING_DOWN')) outcome = 'set-aside';
      throw error;
    } finally {
      this.options.activity?.recordReview({
        at: Date.now(),
        platform: request.platform,
        repository: `${request.owner}/${request.repo}`,
        ...(request.pullNumber === undefined ? {} : { pullNumber: request.pullNumber }),
        ...(request.headSha === undefined ? {} : { headSha: request.headSha }),
        trigger: request.trigger,
        outcome,
        durationMs: Date.now() - started,
      });
    }
    this.options.log?.info(
      { deliveryId: request.deliveryId, trigger: request.trigger, outcome },
      'review job finished',
    );
  }
}
