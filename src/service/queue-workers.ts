import type { Logger } from 'pino';
import { RedisAuditLinkWorker } from '../jobs/redis-audit-link-worker.js';
import { connectRedis, watchRedis } from '../jobs/redis-connection.js';
import { RedisReviewWorker } from '../jobs/redis-review-worker.js';
import { RedisSiteSyncWorker } from '../jobs/redis-site-sync-worker.js';
import type { Runtime } from './runtime.js';

export interface QueueWorkers {
  /** Resolves once both workers are connected and taking jobs. */
  ready(): Promise<void>;
  /** Takes no more jobs; with a grace period, jobs still running at its end go back to the queue. */
  close(graceMs?: number): Promise<void>;
}

/**
 * The workers of `mshub-review worker`: reviews (as many at once as REVIEW_CONCURRENCY) and site
 * syncs, from the queue in Redis, on one connection that waits for Redis however long it is away.
 */
export function startQueueWorkers(
  runtime: Runtime,
  redis: { url: string; prefix: string },
  concurrency: { reviews: number; auditLinks: number },
  log: Logger,
): QueueWorkers {
  const connection = connectRedis(redis.url, 'worker');
  const onWorkerError = watchRedis(connection, redis.url, log, 'the worker keeps retrying');
  const reviews = new RedisReviewWorker(runtime.service.runner, connection, {
    ...redis,
    concurrency: concurrency.reviews,
    onFailure: (error, request) => runtime.service.logFailure(error, request),
    onAbandoned: (request, reason) => runtime.service.reportAbandoned(request, reason),
    onWorkerError,
  });
  const syncs = new RedisSiteSyncWorker(runtime.siteSync.runner, connection, {
    ...redis,
    onFailure: (error, hub) => runtime.siteSync.logFailure(error, hub),
    onWorkerError,
  });
  const links = auditLinkWorker(runtime, connection, redis, concurrency.auditLinks, onWorkerError, log);
  return {
    async ready() {
      await Promise.all([reviews.ready(), syncs.ready(), links?.ready()]);
    },
    async close(graceMs) {
      await Promise.all([reviews.close(graceMs), syncs.close(graceMs), links?.close(graceMs)]);
      await connection.quit().catch(() => undefined);
    },
  };
}

/**
 * `serve` in Redis mode with AUDIT_REPOS: it queues each audit's links, and takes its share of them
 * beside the workers (an audit never waits for a worker that is not there).
 */
export function startAuditLinkWorker(
  runtime: Runtime,
  redis: { url: string; prefix: string },
  concurrency: number,
  log: Logger,
): QueueWorkers | undefined {
  const connection = connectRedis(redis.url, 'worker');
  const onWorkerError = watchRedis(connection, redis.url, log, 'the audit worker keeps retrying');
  const links = auditLinkWorker(runtime, connection, redis, concurrency, onWorkerError, log);
  return {
    ready: async () => links?.ready(),
    async close(graceMs) {
      await links?.close(graceMs);
      await connection.quit().catch(() => undefined);
    },
  };
}

function auditLinkWorker(
  runtime: Runtime,
  connection: ReturnType<typeof connectRedis>,
  redis: { url: string; prefix: string },
  concurrency: number,
  onWorkerError: (error: Error) => void,
  log: Logger,
): RedisAuditLinkWorker | undefined {
  if (!runtime.auditRequests) return undefined;
  return new RedisAuditLinkWorker(runtime.auditRequests, connection, {
    ...redis,
    concurrency,
    onWorkerError,
    onFailure: (error, job) =>
      log.warn(
        { err: error, hub: job.hub, link: job.link.slice(0, 300) },
        'a link of the audit could not be audited; the audit queues it again, or goes on with it at its next run',
      ),
  });
}
