import type { Server } from 'node:http';
import type { Environment } from '../config/environment.js';
import { MshubError } from '../core/errors.js';
import { createLogger } from '../service/create-logger.js';
import { close, createHttpServer, listen } from '../service/http-server.js';
import { createOperatorHandler } from '../service/operator-view.js';
import { startQueueWorkers } from '../service/queue-workers.js';
import { createRuntime } from '../service/runtime.js';

/**
 * `mshub-review worker`: runs the reviews (as many at once as REVIEW_CONCURRENCY) and the site syncs
 * that `serve` queued in Redis. Start as many workers as the load needs, on any machine that reaches Redis.
 */
export interface RunningWorker {
  /** The port of the status pages, when WORKER_PORT is set (0 picks a free one). */
  port?: number;
  stop(): Promise<void>;
}

export async function runWorker(environment: Environment): Promise<RunningWorker> {
  const redisSettings = environment.queue.redis;
  if (!redisSettings)
    throw new MshubError(
      'CONFIG_INVALID',
      '`mshub-review worker` runs the reviews queued in Redis: set REDIS_URL (e.g. redis://127.0.0.1:6379). ' +
        'Without Redis, `mshub-review serve` runs the reviews itself and no worker is needed.',
    );
  const log = createLogger(environment.log);
  const runtime = createRuntime(environment, log);

  const workers = startQueueWorkers(
    runtime,
    redisSettings,
    { reviews: environment.reviewConcurrency, auditLinks: environment.audit.concurrency },
    log,
  );
  const stopWorkers = async (graceMs?: number) => {
    await workers.close(graceMs);
    await runtime.close(graceMs);
  };
  await workers.ready();

  let server: Server | undefined;
  let port: number | undefined;
  const { workerPort } = environment.queue;
  if (workerPort !== undefined) {
    server = createHttpServer([createOperatorHandler(runtime.operator)], log);
    try {
      port = await listen(server, workerPort, environment.server.host);
    } catch (error) {
      // Nothing may keep running (and taking jobs) behind a worker that failed to start.
      await stopWorkers();
      throw new MshubError(
        'CONFIG_INVALID',
        `the worker cannot listen on ${environment.server.host ?? 'every interface'}, port ${workerPort} ` +
          `(${(error as Error).message}); set WORKER_PORT to a free port, or leave it empty for no status pages.`,
      );
    }
  }
  log.info(
    { concurrency: environment.reviewConcurrency, github: Boolean(runtime.probot), port },
    'mshub-review worker started',
  );
  return {
    ...(port === undefined ? {} : { port }),
    async stop() {
      const { shutdownGraceMs } = environment.server;
      await Promise.all([server ? close(server, shutdownGraceMs) : undefined, stopWorkers(shutdownGraceMs)]);
    },
  };
}
