import { run } from 'probot';
import type { Environment } from '../config/environment.js';
import { findPendingGiteeReviews } from '../platforms/gitee/gitee-pending-reviews.js';
import { findPendingGitHubReviews } from '../platforms/github/github-pending-reviews.js';
import { DEFAULT_PENDING_REVIEW_OPTIONS, type PendingReviewOptions } from '../review/pending-review.js';
import { createLogger } from '../service/create-logger.js';
import { createRuntime, type Runtime } from '../service/runtime.js';
import { createServerApp } from '../service/server-app.js';
import { type PendingReviewSource, recoverPendingReviews } from '../service/startup-recovery.js';

export interface RunningServer {
  stop(): Promise<void>;
  /** How many reviews a previous run left pending were queued again at start-up. */
  recovered: Promise<number>;
}

/**
 * `mshub-review serve`: the webhook server (Probot's, with its settings APP_ID, PRIVATE_KEY,
 * WEBHOOK_SECRET, GHE_HOST, PORT, ...) and the Gitee webhook beside it. Without REDIS_URL the reviews
 * run in this process, and those a previous run left pending are queued again at start-up; with it
 * they are queued in Redis for `mshub-review worker` processes.
 */
export async function runServe(environment: Environment): Promise<RunningServer> {
  const log = createLogger(environment.probot);
  const runtime = createRuntime(environment, log);
  const { service, siteSync, activity, verifier } = runtime;
  const operator = {
    activity,
    verifier,
    queue: service.queue,
    ...(runtime.recent ? { recent: runtime.recent } : {}),
  };
  const server = await run(createServerApp(service, environment.gitee, siteSync, operator), {
    env: environment.probot,
    log,
  });
  const stopping = new AbortController();
  const recovered = environment.queue.redis
    ? Promise.resolve(0)
    : recoverPendingReviews(
        service.queue,
        pendingReviewSources(runtime, environment, log),
        log,
        stopping.signal,
      );
  return {
    recovered,
    async stop() {
      stopping.abort();
      await server.stop();
      await runtime.close();
    },
  };
}

function pendingReviewSources(
  runtime: Runtime,
  environment: Environment,
  log: { warn(data: object, message: string): void },
): PendingReviewSource[] {
  const options: PendingReviewOptions = {
    ...DEFAULT_PENDING_REVIEW_OPTIONS,
    now: Date.now,
    onError: (error, repository) =>
      log.warn({ err: error, repository }, 'pending reviews: repository skipped'),
  };
  const sources: PendingReviewSource[] = [];
  const github = runtime.service.github;
  if (github && environment.probot.APP_ID)
    sources.push({ platform: 'github', find: () => findPendingGitHubReviews(github, options) });
  const { gitee } = environment;
  if (gitee.repositories.length > 0 && gitee.api.token)
    sources.push({
      platform: 'gitee',
      find: () => findPendingGiteeReviews(runtime.giteeApi, gitee.repositories, gitee.labels, options),
    });
  return sources;
}
