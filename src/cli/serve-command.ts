import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import packageJson from '../../package.json' with { type: 'json' };
import type { Environment } from '../config/environment.js';
import { MshubError } from '../core/errors.js';
import { createGitCodeWebhookHandler } from '../platforms/gitcode/gitcode-webhook-handler.js';
import { findPendingGiteeReviews } from '../platforms/gitee/gitee-pending-reviews.js';
import { createGiteeWebhookHandler } from '../platforms/gitee/gitee-webhook-handler.js';
import { createGitHubApp } from '../platforms/github/github-app.js';
import { findPendingGitHubReviews } from '../platforms/github/github-pending-reviews.js';
import { createGitHubWebhookHandler } from '../platforms/github/github-webhook-handler.js';
import { BodyBudget, type RequestHandler } from '../platforms/webhook-http.js';
import { DEFAULT_PENDING_REVIEW_OPTIONS, type PendingReviewOptions } from '../review/pending-review.js';
import { createCliDownloadHandler, loadPublishedCli } from '../service/cli-download.js';
import { createLogger } from '../service/create-logger.js';
import { close, createHttpServer, listen } from '../service/http-server.js';
import { createOperatorHandler } from '../service/operator-view.js';
import { startAuditLinkWorker } from '../service/queue-workers.js';
import { createRuntime, type Runtime } from '../service/runtime.js';
import { startAuditSchedule } from '../service/scheduled-audits.js';
import { type PendingReviewSource, recoverPendingReviews } from '../service/startup-recovery.js';

/**
 * GitHub and GitCode sign the body without a time: a body is remembered for twice this (seven days),
 * longer than either platform offers to redeliver (GitHub keeps deliveries three days).
 */
const SIGNED_BODY_WINDOW_MS = 3.5 * 24 * 3600_000;

export interface RunningServer {
  /** The port the server listens on (PORT=0 picks a free one). */
  port: number;
  stop(): Promise<void>;
  /** How many reviews a previous run left pending were queued again at start-up. */
  recovered: Promise<number>;
}

/**
 * `mshub-review serve`: the webhook endpoints of every platform that is configured (the GitHub App
 * with APP_ID, Gitee with GITEE_WEBHOOK_SECRET, GitCode with GITCODE_WEBHOOK_SECRET), the operator's pages, and, without REDIS_URL, the
 * reviews themselves. At start-up the reviews a previous run left unfinished are queued again, in
 * Redis too (a Redis restarted without persistence has lost its queue).
 */
export async function runServe(
  environment: Environment,
  options: { log?: Logger } = {},
): Promise<RunningServer> {
  const giteeEnabled = environment.gitee.webhook.secret !== '';
  const gitcodeEnabled = environment.gitcode.webhook.secret !== '';
  if (!environment.github && !giteeEnabled && !gitcodeEnabled)
    throw new MshubError(
      'CONFIG_INVALID',
      'serve has no platform to serve: set APP_ID, PRIVATE_KEY and WEBHOOK_SECRET for the GitHub App, ' +
        'GITEE_WEBHOOK_SECRET and GITEE_TOKEN for Gitee, or GITCODE_WEBHOOK_SECRET and GITCODE_TOKEN for GitCode (README: Deployment).',
    );
  if (environment.github && environment.github.webhookSecret === '')
    throw new MshubError(
      'CONFIG_INVALID',
      "APP_ID is set, but WEBHOOK_SECRET is empty: set it to the GitHub App's webhook secret, so forged deliveries are refused.",
    );
  const log = options.log ?? createLogger(environment.log);
  const runtime = createRuntime(environment, log);
  const { service } = runtime;
  const budget = new BodyBudget(environment.server.unverifiedBodyBudgetBytes);
  const handlers: RequestHandler[] = [];
  const { probot } = runtime;
  if (environment.github && probot) {
    await probot.load(createGitHubApp(runtime.intents));
    handlers.push(
      createGitHubWebhookHandler({
        probot,
        secret: environment.github.webhookSecret,
        maxBodyBytes: environment.github.maxBodyBytes,
        budget,
        replays: runtime.replayGuard('github', SIGNED_BODY_WINDOW_MS),
        log,
      }),
    );
  }
  if (giteeEnabled) {
    const { webhook } = environment.gitee;
    handlers.push(
      createGiteeWebhookHandler({
        intents: runtime.intents,
        auth: webhook,
        maxBodyBytes: webhook.maxBodyBytes,
        replays: runtime.replayGuard('gitee', webhook.windowMs),
        budget,
        log,
      }),
    );
  }
  if (gitcodeEnabled) {
    const { webhook } = environment.gitcode;
    handlers.push(
      createGitCodeWebhookHandler({
        intents: runtime.intents,
        secret: webhook.secret,
        mode: webhook.mode,
        maxBodyBytes: webhook.maxBodyBytes,
        replays: runtime.replayGuard('gitcode', SIGNED_BODY_WINDOW_MS),
        budget,
        log,
      }),
    );
  }
  handlers.push(createOperatorHandler(runtime.operator));
  // Built beside this code: src/cli/ and dist/bundle/ are both two folders below the package.
  const cliFile =
    environment.cliFile ?? fileURLToPath(new URL('../../dist/mshub-review.mjs', import.meta.url));
  const cli = await loadPublishedCli(cliFile, packageJson.version);
  if ('missing' in cli) log.warn({ reason: cli.missing }, 'serve publishes no single-file CLI at /cli/');
  handlers.push(createCliDownloadHandler(cli));
  // Before the first delivery: the journal is rewritten at every review queued.
  const resumed = (await service.queue.resume?.()) ?? 0;
  if (resumed > 0) log.info({ resumed }, 'reviews set aside at the last shutdown are queued again');
  const server = createHttpServer(handlers, log);
  const host = environment.server.host ?? 'localhost';
  let port: number;
  try {
    port = await listen(server, environment.server.port, host);
  } catch (error) {
    await runtime.close();
    throw new MshubError(
      'CONFIG_INVALID',
      `serve cannot listen on ${host}:${environment.server.port} (${(error as Error).message}); set HOST and PORT.`,
    );
  }
  const platforms = [
    environment.github ? 'github' : '',
    giteeEnabled ? 'gitee' : '',
    gitcodeEnabled ? 'gitcode' : '',
  ].filter(Boolean);
  log.info(
    { platforms, host, port, queue: environment.queue.redis ? 'redis' : 'embedded' },
    'mshub-review serve started',
  );
  await runtime.warnIfRedisDown();
  const audits = runtime.audit ? startAuditSchedule(runtime.audit, environment, log) : undefined;
  const auditLinks =
    runtime.audit && environment.queue.redis
      ? startAuditLinkWorker(runtime, environment.queue.redis, environment.audit.concurrency, log)
      : undefined;
  // A sync cut short by the last shutdown, or a merge missed while down, is published now.
  void runtime.siteSync.catchUp();
  const stopping = new AbortController();
  const recovered = recoverPendingReviews(
    service.queue,
    pendingReviewSources(runtime, environment, log),
    log,
    stopping.signal,
  );
  return {
    port,
    recovered,
    async stop() {
      stopping.abort();
      const { shutdownGraceMs } = environment.server;
      // Stop taking deliveries at once; those being answered get the grace period too. An audit in
      // hand stops between links and keeps what it did for the next start.
      await Promise.all([
        close(server, shutdownGraceMs),
        audits?.stop(),
        // The links in hand go back to the queue before the network under them closes.
        auditLinks?.close(shutdownGraceMs).then(() => runtime.close(shutdownGraceMs)) ??
          runtime.close(shutdownGraceMs),
      ]);
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
  const { github } = runtime;
  if (github && environment.github)
    sources.push({ platform: 'github', find: () => findPendingGitHubReviews(github, options) });
  const { gitee } = environment;
  if (gitee.repositories.length > 0 && gitee.api.token)
    sources.push({
      platform: 'gitee',
      find: () => findPendingGiteeReviews(runtime.giteeApi, gitee.repositories, gitee.labels, options),
    });
  const { gitcode } = environment;
  if (gitcode.repositories.length > 0 && gitcode.api.token)
    sources.push({
      platform: 'gitcode',
      find: () =>
        findPendingGiteeReviews(runtime.gitcodeApi, gitcode.repositories, gitcode.labels, options, 'gitcode'),
    });
  return sources;
}
