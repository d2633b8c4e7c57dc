import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ReviewRequest } from '../review/review-request.js';
import { PullHeads } from './pull-heads.js';
import { pingRedis, type RedisQueueSettings } from './redis-connection.js';
import { REVIEW_QUEUE_NAME, reviewJobId } from './redis-job-id.js';
import {
  DEFAULT_ATTEMPTS,
  DEFAULT_REVIEWED_TTL_MS,
  type EnqueueOutcome,
  type PullTarget,
  type QueueHealth,
  type ReviewQueue,
} from './review-queue.js';

export interface RedisReviewQueueOptions extends RedisQueueSettings {
  attempts?: number;
  /** Wait before the first retry; doubles for each further one. */
  backoffMs?: number;
  reviewedTtlMs?: number;
}

const DELIVERY_TTL_SECONDS = 24 * 3600;
const PENDING_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused']);

/**
 * The producer's side of the Redis engine (BullMQ): jobs are stored in Redis, so they survive a
 * restart of any process, and `mshub-review worker` processes run them on any number of machines.
 */
export class RedisReviewQueue implements ReviewQueue {
  private readonly queue: Queue<ReviewRequest>;
  private readonly heads: PullHeads;
  private readonly jobOptions: JobsOptions;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisReviewQueueOptions,
  ) {
    this.queue = new Queue<ReviewRequest>(REVIEW_QUEUE_NAME, { connection: redis, prefix: options.prefix });
    this.heads = new PullHeads(redis, options.prefix);
    this.jobOptions = {
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      backoff: { type: 'exponential', delay: options.backoffMs ?? 2000 },
      // A finished review stays for the time a redelivered webhook should find it; failed ones a week.
      removeOnComplete: { age: Math.ceil((options.reviewedTtlMs ?? DEFAULT_REVIEWED_TTL_MS) / 1000) },
      removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
    };
  }

  async enqueue(request: ReviewRequest, { force = false } = {}): Promise<EnqueueOutcome> {
    const deliveryKey = `${this.options.prefix}:delivery:${request.deliveryId}`;
    try {
      const fresh = await this.redis.set(deliveryKey, '1', 'EX', DELIVERY_TTL_SECONDS, 'NX');
      if (fresh === null) return 'duplicate-delivery';
      const jobId = reviewJobId(request);
      const existing = await this.queue.getJob(jobId);
      if (existing) {
        const state = await existing.getState();
        if (PENDING_STATES.has(state)) return 'already-queued';
        if (state === 'completed' && !force) return 'already-reviewed';
        await existing.remove();
      }
      if (request.headSha !== undefined) await this.heads.record(request, request.headSha);
      await this.queue.add('review', request, { ...this.jobOptions, jobId });
      return 'queued';
    } catch (error) {
      // Not queued: a redelivery of this webhook must be able to try again. Also when the SET itself
      // timed out: a frozen Redis runs it later, and then this DEL, sent after it on the same connection.
      await this.redis.del(deliveryKey).catch(() => undefined);
      throw error;
    }
  }

  async cancel(target: PullTarget): Promise<void> {
    await this.heads.close(target);
  }

  async depth(): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
    return Object.values(counts).reduce((sum, count) => sum + count, 0);
  }

  async idle(pollMs = 50): Promise<void> {
    while ((await this.depth()) > 0) await new Promise((resolve) => setTimeout(resolve, pollMs));
  }

  async health(): Promise<QueueHealth> {
    const problem = await pingRedis(this.redis);
    return problem ? { ok: false, engine: 'redis', detail: problem } : { ok: true, engine: 'redis' };
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
