import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type Job, WaitingError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { LinkRecord } from '../core/audit/audit-state.js';
import { isMshubError } from '../core/errors.js';
import { auditLinkInTurn, type HostBounds, type LinkRequests, type LinkTask } from '../review/audit-link.js';
import { auditKeys } from './redis-audit-state.js';
import type { RedisQueueSettings } from './redis-connection.js';
import { RedisHostLeases } from './redis-host-leases.js';
import { drainWithin, untilAborted, workerShutdown } from './shutdown.js';

export const AUDIT_LINK_QUEUE_NAME = 'audit-links';

/** One link of one hub's audit run, as a job any worker may take. */
export interface AuditLinkJob extends LinkTask {
  hub: string;
  run: string;
  /** Links at once (and a second) to the link's host, across every worker. */
  bounds: HostBounds;
}

/** A run's keys live a week after their last write: long enough for a stopped audit to go on. */
export const RUN_KEYS_TTL_MS = 7 * 24 * 3600 * 1000;

// Writes a link's record unless the run already has one (a job taken twice: a worker that stalled
// and came back), and counts it once in the run's totals.
const RECORD = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and cjson.decode(current).run == ARGV[3] then
  redis.call('SADD', KEYS[2], ARGV[1])
  redis.call('PEXPIRE', KEYS[2], ARGV[7])
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if redis.call('SADD', KEYS[2], ARGV[1]) == 1 then
  if ARGV[4] ~= '' then
    redis.call('HINCRBY', KEYS[4], 'hashed', 1)
    redis.call('HINCRBY', KEYS[4], 'hashedBytes', ARGV[4])
  end
  if ARGV[5] == '1' then redis.call('SADD', KEYS[3], ARGV[1]) end
  if ARGV[6] == '1' then redis.call('HSET', KEYS[4], 'answered', 1) end
end
for i = 2, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[7]) end
return 1`;

export interface RedisAuditLinkWorkerOptions extends RedisQueueSettings {
  /** Links this process audits at once (each host's limit holds across processes besides). */
  concurrency: number;
  leaseMs?: number;
  /** How long a job stays this worker's without it saying it is alive (BullMQ's lock). */
  lockDurationMs?: number;
  /** How long BullMQ waits before it hands the job of a worker that stopped answering to another. */
  stalledIntervalMs?: number;
  onWorkerError?: (error: Error) => void;
  /** A link whose job failed for good (the audit queues it again, or leaves it to the next start). */
  onFailure?: (error: unknown, job: AuditLinkJob) => void;
}

/**
 * Audits the links that hub audits queue, in any process that shares the Redis: each link under a
 * lease on its host, its record written where the auditing process reads it.
 */
export class RedisAuditLinkWorker {
  private readonly worker: Worker<AuditLinkJob>;
  private readonly shutdown: AbortController;
  private readonly leases: RedisHostLeases;
  /** Where leases given back are announced: a connection of its own, which subscribing takes whole. */
  private readonly wakeups: Redis;

  constructor(
    private readonly requests: LinkRequests,
    private readonly redis: Redis,
    private readonly options: RedisAuditLinkWorkerOptions,
  ) {
    this.shutdown = workerShutdown(options.concurrency);
    this.wakeups = redis.duplicate({ lazyConnect: true });
    this.wakeups.on('error', (error: Error) => options.onWorkerError?.(error));
    this.leases = new RedisHostLeases(redis, options.prefix, `${hostname()}:${process.pid}:${randomUUID()}`, {
      ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
      wakeups: this.wakeups,
    });
    this.worker = new Worker<AuditLinkJob>(AUDIT_LINK_QUEUE_NAME, (job, token) => this.process(job, token), {
      connection: redis,
      prefix: options.prefix,
      concurrency: options.concurrency,
      ...(options.lockDurationMs === undefined ? {} : { lockDuration: options.lockDurationMs }),
      ...(options.stalledIntervalMs === undefined ? {} : { stalledInterval: options.stalledIntervalMs }),
    });
    this.worker.on('error', (error) => options.onWorkerError?.(error));
    this.worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) options.onFailure?.(error, job.data);
    });
  }

  async ready(): Promise<void> {
    await Promise.all([this.worker.waitUntilReady(), this.leases.listening()]);
  }

  /** With a grace period, a link still in hand at its end goes back to the queue for another worker. */
  async close(graceMs?: number): Promise<void> {
    const closing = this.worker.close();
    try {
      await drainWithin(() => closing, graceMs, this.shutdown);
    } finally {
      this.wakeups.disconnect();
    }
  }

  private async process(job: Job<AuditLinkJob>, token: string | undefined): Promise<string> {
    const task = job.data;
    const keys = auditKeys(this.options.prefix, task.hub);
    const run = keys.run(task.run);
    const text = await this.redis.hget(keys.links, task.link);
    const previous = text === null ? undefined : (JSON.parse(text) as LinkRecord);
    if (previous?.run === task.run) {
      // Recorded by a worker that stopped before its job was marked done (or by an earlier job).
      await this.redis.multi().sadd(run.done, task.link).pexpire(run.done, RUN_KEYS_TTL_MS).exec();
      return 'done before';
    }
    try {
      const outcome = await untilAborted(
        auditLinkInTurn(task, previous, this.requests, task.run, {
          gate: this.leases,
          bounds: task.bounds,
          signal: this.shutdown.signal,
        }),
        this.shutdown.signal,
      );
      await this.redis.eval(
        RECORD,
        4,
        keys.links,
        run.done,
        run.unresolved,
        run.counts,
        task.link,
        JSON.stringify(outcome.record),
        task.run,
        outcome.hashedBytes === undefined ? '' : String(outcome.hashedBytes),
        outcome.unresolved ? '1' : '0',
        outcome.answered ? '1' : '0',
        RUN_KEYS_TTL_MS,
      );
      return 'audited';
    } catch (error) {
      if (isMshubError(error, 'SHUTTING_DOWN')) {
        await job.moveToWait(token);
        throw new WaitingError();
      }
      throw error;
    }
  }
}
