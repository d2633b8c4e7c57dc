import type { Server } from 'node:http';
import type { Environment } from '../config/environment.js';
import { MshubError } from '../core/errors.js';
import { connectRedis } from '../jobs/redis-connection.js';
import { RedisReviewWorker } from '../jobs/redis-review-worker.js';
import { RedisSiteSyncWorker } from '../jobs/redis-site-sync-worker.js';
import { createGitHubProbot } from '../platforms/github/github-probot.js';
import { createLogger } from '../service/create-logger.js';
import { close, createHttpServer, listen } from '../service/http-server.js';
import { createOperatorHandler } from '../service/operator-view.js';
import { createRuntime } from '../service/runtime.js';

/**
 * `mshub-review worker`: runs the reviews (as many at once as REVIEW_CONCURRENCY) and the site syncs
 * that `serve` queued in Redis. Start as many workers as the load needs, on any machine that reaches Redis.
 */
export async function runWorker(environment: Environment): Promise<{ stop(): Promise<void> }> {
  const redisSettings = environment.queue.redis;
  if (!redisSettings)
    throw new MshubError(
      'CONFIG_INVALID',
      '`mshub-review worker` runs the reviews queued in Redis: set REDIS_URL (e.g. redis://127.0.0.1:6379). ' +
        'Without Redis, `mshub-review serve` runs the reviews itself and no worker is needed.',
    );
  const log = createLogger(environment.log);
  const github = environment.github ? createGitHubProbot(environment.github, log) : undefined;
  const runtime = createRuntime(environment, log);
  if (github) {
    runtime.service.useGitHub((installationId) => github.auth(installationId));
    runtime.siteSync.useGitHub((installationId) => github.auth(installationId));
  }

  const connection = connectRedis(redisSettings.url, 'worker');
  // ioredis reconnects on its own; say so once per kind of problem, and again when it is over.
  let problem = '';
  const onWorkerError = (error: Error) => {
    if (error.message === problem) return;
    problem = error.message;
    log.warn({ err: error }, 'Redis problem; the worker keeps retrying');
  };
  connection.on('error', onWorkerError);
  connection.on('ready', () => {
    if (problem !== '') log.info('Redis is back');
    problem = '';
  });
  const worker = new RedisReviewWorker(runtime.service.runner, connection, {
    ...redisSettings,
    concurrency: environment.reviewConcurrency,
    onFailure: (error, request) => runtime.service.logFailure(error, request),
    onAbandoned: (request, reason) => runtime.service.reportAbandoned(request, reason),
    onWorkerError,
  });
  const siteSyncWorker = new RedisSiteSyncWorker(runtime.siteSync.runner, connection, {
    ...redisSettings,
    onFailure: (error, hub) => runtime.siteSync.logFailure(error, hub),
    onWorkerError,
  });
  await Promise.all([worker.ready(), siteSyncWorker.ready()]);

  let server: Server | undefined;
  if (environment.queue.workerPort) {
    const handle = createOperatorHandler(runtime.operator);
    server = createHttpServer([handle], log);
    await listen(server, environment.queue.workerPort, environment.server.host);
  }
  log.info(
    {
      concurrency: environment.reviewConcurrency,
      github: Boolean(github),
      port: environment.queue.workerPort,
    },
    'mshub-review worker started',
  );
  return {
    async stop() {
      if (server) await close(server);
      await Promise.all([worker.close(), siteSyncWorker.close()]);
      await runtime.close();
      await connection.quit().catch(() => undefined);
    },
  };
}
