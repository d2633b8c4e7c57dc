import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Probot } from 'probot';
import type { Environment } from '../config/environment.js';
import type { AuditReport } from '../core/audit/audit-report.js';
import { parseHubKey } from '../core/platform-name.js';
import { FileReviewJournal } from '../jobs/file-review-journal.js';
import { type RecentActivity, RedisActivityLog } from '../jobs/redis-activity-log.js';
import { AUDIT_LINK_QUEUE_NAME, type AuditLinkJob } from '../jobs/redis-audit-link-worker.js';
import { RedisAuditLock, RedisAuditState } from '../jobs/redis-audit-state.js';
import { connectRedis, pingRedis, redactRedisUrl, watchRedis } from '../jobs/redis-connection.js';
import { RedisLinkFanout } from '../jobs/redis-link-fanout.js';
import { RedisReplayGuard } from '../jobs/redis-replay-guard.js';
import { RedisReviewQueue } from '../jobs/redis-review-queue.js';
import { RedisSiteSyncQueue } from '../jobs/redis-site-sync-queue.js';
import { RedisSyncState } from '../jobs/redis-sync-state.js';
import type { ApiConnections } from '../net/api-connect-timeout.js';
import { apiConnections } from '../net/api-connections.js';
import { AssetVerifier } from '../net/asset-verifier.js';
import { createAuditNetwork } from '../net/audit-network.js';
import {
  type RequestBudget,
  type RequestLimiter,
  twoWindowBudget,
  UNLIMITED,
} from '../net/request-budget.js';
import { localLimiter, sharedLimiter } from '../net/request-limiter.js';
import { GitCodePlatform } from '../platforms/gitcode/gitcode-platform.js';
import { GiteeApi } from '../platforms/gitee/gitee-api.js';
import { GiteePlatform } from '../platforms/gitee/gitee-platform.js';
import type { GitHubAuth, Octokit } from '../platforms/github/github-auth.js';
import { GitHubPlatform } from '../platforms/github/github-platform.js';
import { createGitHubProbot } from '../platforms/github/github-probot.js';
import { auditSnapshotPath, readAuditSnapshot } from '../platforms/local/audit-snapshot-file.js';
import { hubAuditStatePath } from '../platforms/local/audit-state-file.js';
import { linkRecordsCopy, linkRecordsCopyPath } from '../platforms/local/link-records-copy.js';
import { FileReplayGuard, type ReplayGuard } from '../platforms/replay-guard.js';
import { HostedSourceRepoChecker } from '../platforms/source-repos/source-repo-checker.js';
import type { LinkRequests } from '../review/audit-link.js';
import type { PlatformRegistry } from '../review/hosted-platform.js';
import type { IntentSink } from '../review/webhook-intent.js';
import { FileSyncState } from '../site/file-sync-state.js';
import { Activity, type AuditSummary } from './activity.js';
import { AuditService } from './audit-service.js';
import type { OperatorSources } from './operator-view.js';
import { QueueIntentSink } from './queue-intent-sink.js';
import { ReviewService } from './review-service.js';
import { SiteSyncService } from './site-sync-service.js';

export interface Runtime {
  /** The GitHub App's Probot (tokens, Octokit, event dispatch), when APP_ID is set. */
  probot?: Probot;
  /** The App's clients, from that Probot: the app itself without an id, else an installation. */
  github?: GitHubAuth;
  service: ReviewService;
  siteSync: SiteSyncService;
  /** The scheduled audit of the hubs in AUDIT_REPOS, when there are any. */
  audit?: AuditService;
  /** The requests of one link's audit: for the link jobs a Redis-mode audit spreads over the workers. */
  auditRequests?: LinkRequests;
  /** Where every platform's webhook intents go: the review queue and the site sync. */
  intents: IntentSink;
  activity: Activity;
  verifier: AssetVerifier;
  giteeApi: GiteeApi;
  gitcodeApi: GiteeApi;
  /** The producer's Redis client, when REDIS_URL is set. */
  redis?: Redis;
  /** Every process's recent reviews and syncs, when REDIS_URL is set. */
  recent?: () => Promise<RecentActivity>;
  /** What /healthz, /metrics and /status show, for `serve` and `worker` alike. */
  operator: OperatorSources;
  /**
   * The replay guard of a platform's webhook: in Redis, shared by every replica; else in a file under
   * STATE_DIR, so that a restart does not forget.
   */
  replayGuard(platform: string, windowMs: number): ReplayGuard;
  /** Logs a warning, naming Redis without its password, when REDIS_URL is set and Redis does not answer. */
  warnIfRedisDown(): Promise<void>;
  /** Takes no more work; with a grace period, what still runs at its end is kept for the next start. */
  close(graceMs?: number): Promise<void>;
}

/**
 * The composition root of `serve` and `worker`: every platform's clients, the queues and the
 * services, built once from the environment and handed to whoever needs them at construction.
 */
export function createRuntime(environment: Environment, log: Logger): Runtime {
  const verifier = new AssetVerifier(environment.downloads);
  const { gitee } = environment;
  const redisSettings = environment.queue.redis;
  const redis = redisSettings ? connectRedis(redisSettings.url, 'producer') : undefined;
  if (redis && redisSettings)
    watchRedis(
      redis,
      redisSettings.url,
      log,
      'webhooks are answered 503 (redelivered later) until it is back',
    );

  const limiters: RequestLimiter[] = [];
  const budgetWarnedAt = new Map<string, number>();
  // One budget per platform and token: in Redis, shared by serve and every worker; else this process's.
  const budgetOf = (
    platform: string,
    api: { perMinute?: number; token?: string; appId?: string },
    budget: RequestBudget | undefined = api.perMinute
      ? { requests: api.perMinute, intervalMs: 60_000 }
      : undefined,
  ): RequestLimiter => {
    if (!budget) return UNLIMITED;
    const limiter =
      redis && redisSettings
        ? sharedLimiter(
            redis,
            redisSettings.prefix,
            platform,
            api.token ?? api.appId ?? 'anonymous',
            budget,
            (error) => {
              // Once a minute at most: every call asks while Redis is away.
              if (Date.now() - (budgetWarnedAt.get(platform) ?? 0) < 60_000) return;
              budgetWarnedAt.set(platform, Date.now());
              log.warn(
                { err: error, platform },
                'the shared API budget cannot reach Redis; this process spaces its own calls meanwhile',
              );
            },
          )
        : localLimiter(budget);
    limiters.push(limiter);
    return limiter;
  };
  // Each platform's API connections, opened within its *_API_CONNECT_TIMEOUT_MS.
  const connectionPools: ApiConnections[] = [];
  const connectionsOf = (connectTimeoutMs: number | undefined, setting: string) => {
    if (connectTimeoutMs === undefined) return undefined;
    const pool = apiConnections(connectTimeoutMs, setting);
    connectionPools.push(pool);
    return pool;
  };
  const probot = environment.github
    ? createGitHubProbot(
        environment.github,
        log,
        budgetOf('github', environment.github),
        budgetOf(
          'github-writes',
          environment.github,
          twoWindowBudget(
            { requests: environment.github.writesPerMinute, intervalMs: 60_000 },
            { requests: environment.github.writesPerHour, intervalMs: 3_600_000 },
          ),
        ),
        connectionsOf(environment.github.apiConnectTimeoutMs, 'GITHUB_API_CONNECT_TIMEOUT_MS'),
      )
    : undefined;
  const github: GitHubAuth | undefined = probot
    ? (installationId) => probot.auth(installationId) as Promise<Octokit>
    : undefined;
  const retryLog =
    (platform: string) => (retry: { method: string; path: string; status: number; waitMs: number }) =>
      log.warn(
        { ...retry, path: retry.path.slice(0, 200) },
        `the ${platform} API answered with an error; asking again`,
      );
  // One Gitee client, for the hub and for the source repositories its files link to.
  const giteeApi = new GiteeApi(
    gitee.api,
    undefined,
    retryLog('Gitee'),
    budgetOf('gitee', gitee.api),
    connectionsOf(gitee.api.connectTimeoutMs, 'GITEE_API_CONNECT_TIMEOUT_MS'),
  );
  const gitcodeApi = new GiteeApi(
    environment.gitcode.api,
    undefined,
    retryLog('GitCode'),
    budgetOf('gitcode', environment.gitcode.api),
    connectionsOf(environment.gitcode.api.connectTimeoutMs, 'GITCODE_API_CONNECT_TIMEOUT_MS'),
  );
  const sourceRepos = new HostedSourceRepoChecker(environment.sourceRepos, {
    gitee: giteeApi,
    gitcode: gitcodeApi,
  });
  const activity = new Activity();
  const labelError = (platform: string) => (error: unknown, label: string) =>
    log.warn(
      { err: error, label },
      `${platform} refused the label (check its name and the token's rights); the comment still reports`,
    );
  // Each configured platform, once: adding one is its folder and a line here.
  const platforms: PlatformRegistry = {
    ...(github ? { github: new GitHubPlatform(github) } : {}),
    gitee: new GiteePlatform({
      api: giteeApi,
      webUrl: gitee.webUrl,
      labels: gitee.labels,
      onLabelError: labelError('Gitee'),
      ...(gitee.checkRuns
        ? {
            checkRuns: {
              onError: (error: unknown) =>
                log.warn(
                  { err: error },
                  'Gitee refused the check run (GITEE_CHECK_RUNS needs a repository administrator token); the comment and labels still report',
                ),
            },
          }
        : {}),
    }),
    ...(environment.gitcode.webhook.secret
      ? {
          gitcode: new GitCodePlatform({
            api: gitcodeApi,
            webUrl: environment.gitcode.webUrl,
            labels: environment.gitcode.labels,
            onLabelError: labelError('GitCode'),
          }),
        }
      : {}),
  };
  const service = new ReviewService({
    platforms,
    activity,
    adapters: { hasher: verifier, sourceRepos },
    concurrency: environment.reviewConcurrency,
    ...(environment.publicUrl ? { cliUrl: `${environment.publicUrl}/cli/mshub-review.mjs` } : {}),
    ...(redis && redisSettings
      ? { queue: new RedisReviewQueue(redis, redisSettings) }
      : {
          journal: new FileReviewJournal(join(environment.stateDir, 'pending-reviews.json'), (error) =>
            log.warn(
              { err: error, stateDir: environment.stateDir },
              'the reviews in hand cannot be kept on disk (set STATE_DIR to a writable folder); a restart would lose them',
            ),
          ),
        }),
    log,
  });
  let recent: Runtime['recent'];
  if (redis && redisSettings) {
    const shared = new RedisActivityLog(redis, redisSettings.prefix);
    activity.onRecord = (kind, record) => shared.record(kind, record);
    recent = () => shared.recent();
  }
  const siteSync = new SiteSyncService({
    ...environment.site,
    platforms,
    ...(github ? { github } : {}),
    activity,
    log,
    ...(redis && redisSettings
      ? {
          queue: new RedisSiteSyncQueue(redis, redisSettings),
          stateFor: () => new RedisSyncState(redis, redisSettings.prefix),
        }
      : {
          stateFor: (hub: string) =>
            new FileSyncState(join(environment.site.stateDir, encodeURIComponent(hub))),
        }),
    auditOf: (hub: string) => readAuditSnapshot(auditSnapshotPath(environment.stateDir, hub)),
  });
  // In Redis mode every process may audit links that a hub's audit queued; else only serve's schedule.
  const auditNetwork =
    environment.audit.hubs.length > 0 || redis ? createAuditNetwork(environment.downloads) : undefined;
  const auditLinks =
    redis && redisSettings && environment.audit.hubs.length > 0
      ? new Queue<AuditLinkJob>(AUDIT_LINK_QUEUE_NAME, { connection: redis, prefix: redisSettings.prefix })
      : undefined;
  const audit =
    auditNetwork && environment.audit.hubs.length > 0
      ? new AuditService({
          hubs: environment.audit.hubs,
          platforms,
          network: auditNetwork,
          sourceRepos,
          settings: environment.audit,
          stateDir: environment.stateDir,
          ...(redis && redisSettings
            ? {
                // Any replica that runs the schedule may take a hub over from one that died. The
                // replica auditing a hub copies its records to a file under STATE_DIR, off the heap.
                stateFor: (hub: string) =>
                  new RedisAuditState(redis, redisSettings.prefix, hub, {
                    localRecords: () =>
                      linkRecordsCopy(linkRecordsCopyPath(hubAuditStatePath(environment.stateDir, hub))),
                  }),
                // Its links are jobs that every worker takes, under per-host limits that hold across them.
                ...(auditLinks
                  ? {
                      fanoutFor: (hub: string) =>
                        new RedisLinkFanout(auditLinks, redis, hub, {
                          prefix: redisSettings.prefix,
                          onPollError: (error) =>
                            log.warn(
                              { err: error, hub },
                              'the audit cannot see its progress in Redis; it waits',
                            ),
                        }),
                    }
                  : {}),
                lockFor: (hub: string) =>
                  new RedisAuditLock(
                    redis,
                    redisSettings.prefix,
                    hub,
                    `${hostname()}:${process.pid}:${randomUUID()}`,
                  ),
              }
            : {}),
          log,
          onProgress: (hub, running) => activity.recordAuditProgress(hub, running),
          onAudit: (hub, report, head) => {
            activity.recordAudit(hub, auditSummary(report));
            // The page shows the audit's faults: the hub's next sync carries them.
            const ref = parseHubKey(hub);
            if (!ref) return;
            void siteSync.request({
              ...ref,
              commit: head.commit,
              ...(head.installationId === undefined ? {} : { installationId: head.installationId }),
              deliveryId: `audit-${report.runId}`,
              trigger: 'audit',
            });
          },
        })
      : undefined;
  return {
    ...(probot ? { probot } : {}),
    ...(github ? { github } : {}),
    service,
    siteSync,
    ...(audit ? { audit } : {}),
    ...(auditNetwork
      ? { auditRequests: { observe: auditNetwork.observe, hash: auditNetwork.hash, now: () => new Date() } }
      : {}),
    intents: new QueueIntentSink(service.queue, siteSync),
    activity,
    verifier,
    giteeApi,
    gitcodeApi,
    ...(redis ? { redis } : {}),
    ...(recent ? { recent } : {}),
    operator: {
      activity,
      verifier,
      queue: service.queue,
      ...(recent ? { recent } : {}),
      web: {
        github: environment.github ? githubWebUrl(environment.github.baseUrl) : 'https://github.com',
        gitee: gitee.webUrl,
        gitcode: environment.gitcode.webUrl,
      },
    },
    replayGuard(platform, windowMs) {
      if (redis && redisSettings)
        return new RedisReplayGuard(redis, `${redisSettings.prefix}:${platform}`, windowMs);
      const file = join(environment.stateDir, `${platform}-deliveries.txt`);
      let warned = false;
      return new FileReplayGuard(file, windowMs, Date.now, (error) => {
        if (warned) return;
        warned = true;
        log.warn(
          { err: error, file },
          'the replay guard cannot write its file (set STATE_DIR to a writable folder); it goes on in memory only',
        );
      });
    },
    async warnIfRedisDown() {
      if (!redis || !redisSettings) return;
      const problem = await pingRedis(redis);
      if (problem)
        log.warn(
          { redis: redactRedisUrl(redisSettings.url), problem },
          'Redis does not answer: until it does, webhooks are answered 503 and their senders redeliver them',
        );
    },
    async close(graceMs) {
      await Promise.all([service.queue.close(graceMs), siteSync.close(graceMs)]);
      await verifier.close();
      await auditLinks?.close();
      await auditNetwork?.close();
      await Promise.all(limiters.map((limiter) => limiter.close()));
      await Promise.all(connectionPools.map((pool) => pool.close().catch(() => undefined)));
      await redis?.quit().catch(() => undefined);
    },
  };
}

/** What /metrics shows of a finished audit. */
function auditSummary(report: AuditReport): AuditSummary {
  const faults: Record<string, number> = {};
  for (const fault of [...report.fresh, ...report.ongoing])
    faults[fault.kind] = (faults[fault.kind] ?? 0) + 1;
  const { links, dead, unknown } = report.totals;
  return {
    finishedAt: Date.parse(report.finishedAt),
    links: { alive: links - dead - unknown, dead, unknown },
    faults,
    newFaults: report.fresh.length,
  };
}

/** github.com for the public API; a GitHub Enterprise Server's pages are at its host, without `/api/v3`. */
function githubWebUrl(apiBaseUrl: string): string {
  if (apiBaseUrl === 'https://api.github.com') return 'https://github.com';
  return apiBaseUrl.replace(/\/api\/v3\/?$/, '');
}
