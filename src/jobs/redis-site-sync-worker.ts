import { randomUUID } from 'node:crypto';
import { DelayedError, type Job, WaitingError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { isMshubError } from '../core/errors.js';
import { hubKey, type SiteSyncRequest } from '../site/site-sync-request.js';
import type { RedisQueueSettings } from './redis-connection.js';
import { latestCommitKey, SITE_SYNC_QUEUE_NAME } from './redis-site-sync-queue.js';
import { drainWithin, untilAborted, workerShutdown } from './shutdown.js';
import type { SiteSyncRunner } from './site-sync-queue.js';

export interface RedisSiteSyncWorkerOptions extends RedisQueueSettings {
  /** Syncs of different hubs this worker runs at once. */
  concurrency?: number;
  /** A sync of a hub that is already syncing elsewhere waits this long before it tries again. */
  busyRetryMs?: number;
  /** The hub lock lapses this long after its holder stops renewing it (the process died). */
  lockMs?: number;
  /** A sync's final failure: it will not be retried. */
  onFailure?: (error: unknown, hub: string) => void;
  /** Problems of the worker itself (Redis away, a lock lost); ioredis and BullMQ keep retrying. */
  onWorkerError?: (error: Error) => void;
}

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/** Runs the site syncs queued in Redis: stale ones are skipped, and one hub syncs on one worker at a time. */
export class RedisSiteSyncWorker {
  private readonly worker: Worker<SiteSyncRequest>;
  private readonly shutdown: AbortController;

  constructor(
    run: SiteSyncRunner,
    private readonly redis: Redis,
    private readonly options: RedisSiteSyncWorkerOptions,
  ) {
    this.shutdown = workerShutdown(options.concurrency ?? 2);
    this.worker = new Worker<SiteSyncRequest>(
      SITE_SYNC_QUEUE_NAME,
      (job, token) => this.process(job, token, run),
      { connection: redis, prefix: options.prefix, concurrency: options.concurrency ?? 2 },
    );
    this.worker.on('error', (error) => options.onWorkerError?.(error));
  }

  async ready(): Promise<void> {
    await this.worker.waitUntilReady();
  }

  /** As the review worker: with a grace period, a sync still running at its end goes back to the queue. */
  async close(graceMs?: number): Promise<void> {
    const closing = this.worker.close();
    await drainWithin(() => closing, graceMs, this.shutdown);
  }

  private async process(job: Job<SiteSyncRequest>, token: string | undefined, run: SiteSyncRunner) {
    const hub = hubKey(job.data);
    const stale = async () => {
      const latest = await this.redis.get(latestCommitKey(this.options.prefix, hub));
      return latest !== null && latest !== job.data.commit;
    };
    if (await stale()) return 'stale';
    const lockKey = `${this.options.prefix}:sync:lock:${hub}`;
    const owner = randomUUID();
    const lockMs = this.options.lockMs ?? 60_000;
    if ((await this.redis.set(lockKey, owner, 'PX', lockMs, 'NX')) === null) {
      await job.moveToDelayed(Date.now() + (this.options.busyRetryMs ?? 2000), token);
      throw new DelayedError();
    }
    const renew = setInterval(
      () => void this.redis.eval(RENEW, 1, lockKey, owner, lockMs).catch(() => undefined),
      lockMs / 3,
    );
    try {
      if (await stale()) return 'stale';
      await untilAborted(run(hub, job.data), this.shutdown.signal);
      return 'synced';
    } catch (error) {
      if (isMshubError(error, 'SHUTTING_DOWN')) {
        await job.moveToWait(token);
        throw new WaitingError();
      }
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) this.options.onFailure?.(error, hub);
      throw error;
    } finally {
      clearInterval(renew);
      await this.redis.eval(RELEASE, 1, lockKey, owner);
    }
  }
}
