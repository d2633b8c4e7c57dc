import type { Logger } from 'pino';
import { MshubError } from '../core/errors.js';
import { EmbeddedReviewQueue } from '../jobs/embedded-queue.js';
import type { JobControl, ReviewQueue, ReviewRunner } from '../jobs/review-queue.js';
import type { GiteeApi } from '../platforms/gitee/gitee-api.js';
import { GiteePullRequestSource } from '../platforms/gitee/gitee-pull-request.js';
import { type GiteeLabels, GiteeReporter } from '../platforms/gitee/gitee-reporter.js';
import type { GitHubAuth } from '../platforms/github/github-auth.js';
import { GitHubPullRequestSource } from '../platforms/github/github-pull-request.js';
import { GitHubReporter } from '../platforms/github/github-reporter.js';
import type { ReviewAdapters } from '../review/review-asset-files.js';
import type { PullRequestSource, ReviewReporter } from '../review/review-platform.js';
import type { ReviewRequest } from '../review/review-request.js';
import { runReviewJob } from '../review/run-review-job.js';
import type { Activity } from './activity.js';

export interface GiteeServiceSettings {
  api: GiteeApi;
  /** The web address of Gitee, for links to lines (`https://gitee.com`). */
  webUrl: string;
  labels: GiteeLabels;
}

export interface ReviewServiceOptions {
  adapters: ReviewAdapters;
  concurrency: number;
  /** Attempts of a review whose failure is transient, and the wait before each retry. */
  retry?: { attempts: number; backoffMs?: (retry: number) => number };
  gitee?: GiteeServiceSettings;
  /** The GitHub App's clients, when the app is configured: the app itself without an id, else an installation. */
  github?: GitHubAuth;
  /** The Redis queue, when REDIS_URL is set; the embedded one otherwise. */
  queue?: ReviewQueue;
  activity?: Activity;
  log?: Pick<Logger, 'info' | 'error'>;
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
        onError: (error, request) => this.logFailure(error, request),
      });
  }

  /** Says on the pull request that its review could not finish, without running it. */
  async reportAbandoned(request: ReviewRequest, reason: string): Promise<void> {
    if (request.headSha === undefined) return;
    try {
      const { reporter } = await this.platformFor(request);
      await reporter.failed(request.headSha, reason);
    } catch (error) {
      this.logFailure(error, request);
    }
  }

  logFailure(error: unknown, request: ReviewRequest): void {
    this.options.log?.error(
      { err: error, deliveryId: request.deliveryId, trigger: request.trigger },
      'review job failed',
    );
  }

  /** The GitHub App's clients, when the app is configured. */
  get github(): GitHubAuth | undefined {
    return this.options.github;
  }

  private async run(request: ReviewRequest, control: JobControl): Promise<void> {
    const started = Date.now();
    let outcome = 'error';
    try {
      const { source, reporter } = await this.platformFor(request);
      outcome = await runReviewJob(request, { source, reporter, adapters: this.options.adapters, control });
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

  /** The pull request source and the reporter of the request's platform. */
  private async platformFor(
    request: ReviewRequest,
  ): Promise<{ source: PullRequestSource; reporter: ReviewReporter }> {
    const { gitee } = this.options;
    if (request.platform === 'gitee' && gitee) {
      return {
        source: new GiteePullRequestSource(gitee.api, request, request.pullNumber),
        reporter: new GiteeReporter(gitee.api, { ...request, pullNumber: () => request.pullNumber }, gitee),
      };
    }
    if (request.platform !== 'github' || !this.options.github || request.installationId === undefined) {
      throw new MshubError(
        'PLATFORM_NOT_CONFIGURED',
        `no ${request.platform} client is configured for ${request.owner}/${request.repo}`,
      );
    }
    const octokit = await this.options.github(request.installationId);
    const source = new GitHubPullRequestSource(octokit, {
      owner: request.owner,
      repo: request.repo,
      ...(request.pullNumber === undefined ? {} : { pullNumber: request.pullNumber }),
      ...(request.headSha === undefined ? {} : { headSha: request.headSha }),
    });
    const reporter = new GitHubReporter(octokit, {
      owner: request.owner,
      repo: request.repo,
      pullNumber: () => source.pullNumber,
      addedLines: () => source.addedLines(),
    });
    return { source, reporter };
  }
}
