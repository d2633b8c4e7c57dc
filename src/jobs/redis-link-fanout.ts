import { createHash, randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { LinkRecord } from '../core/audit/audit-state.js';
import type { FannedOutLinks, FanoutOptions, LinkFanout, LinkTasks } from '../review/audit-hub.js';
import type { HostBounds, LinkTask } from '../review/audit-link.js';
import { type AuditLinkJob, RUN_KEYS_TTL_MS } from './redis-audit-link-worker.js';
import { auditKeys } from './redis-audit-state.js';
import { pause } from './shutdown.js';

/** Jobs added, and records read back, this many at a time: a hub's 30,000 links are never one command. */
const CHUNK = 500;

export interface RedisLinkFanoutOptions {
  prefix: string;
  /** How often the auditing process looks whether the workers are done. */
  pollMs?: number;
  /** Rounds of queueing again the links whose jobs failed for good, before the run is left unfinished. */
  requeueRounds?: number;
  /** Tries of a link's job before it fails for good, the first retry after `backoffMs` (doubling). */
  attempts?: number;
  backoffMs?: number;
  /** A look that Redis did not answer; the next one is in `pollMs`. */
  onPollError?: (error: unknown) => void;
}

/**
 * The auditing process's side of a Redis-mode audit: every link of the run becomes a job on the
 * audit-links queue, which every worker (and `serve` itself) takes from; the run is over when each
 * link has its record. A job's id is the hub, run and link, so an audit taken over by another
 * process queues nothing twice.
 */
export class RedisLinkFanout implements LinkFanout {
  private readonly pollMs: number;

  constructor(
    private readonly queue: Queue<AuditLinkJob>,
    private readonly redis: Redis,
    private readonly hub: string,
    private readonly options: RedisLinkFanoutOptions,
  ) {
    this.pollMs = options.pollMs ?? 250;
  }

  async audit(run: string, tasks: LinkTasks, options: FanoutOptions): Promise<FannedOutLinks> {
    const runKeys = auditKeys(this.options.prefix, this.hub).run(run);
    const signal = options.signal ?? new AbortController().signal;
    await this.enqueue(run, tasks, options.bounds);
    let rounds = 0;
    // Every task until the first exact look; then only those left, which are few (failed for good).
    let left: Iterable<LinkTask> = tasks;
    let lastDone = -1;
    for (;;) {
      if (signal.aborted) return { ...(await this.results(run, options)), finished: false };
      try {
        const [done, counts] = await Promise.all([
          this.redis.scard(runKeys.done),
          this.redis.hgetall(runKeys.counts),
        ]);
        if (done !== lastDone) {
          lastDone = done;
          options.onProgress?.(done, Number(counts.hashedBytes ?? 0));
        }
        // The set may hold links done before this process took the run over: only a count that
        // reaches the tasks', or a queue with nothing left in it, is worth the exact look.
        const idle = await this.idle();
        if (done >= tasks.size || idle) {
          const remaining = await this.left(runKeys.done, left);
          left = remaining;
          if (remaining.length === 0) break;
        }
        if (idle) {
          // Every job ended and links are left: their jobs failed for good. Queue them once more.
          if (rounds >= (this.options.requeueRounds ?? 2))
            return { ...(await this.results(run, options)), finished: false };
          rounds++;
          // New ids: the failed jobs keep theirs for a week, and an id BullMQ knows is not added again.
          await this.enqueue(run, left, options.bounds, `again-${randomUUID().slice(0, 8)}`);
        }
      } catch (error) {
        // Redis away for a while: the workers wait for it too, and the audit goes on when it is back.
        this.options.onPollError?.(error);
      }
      await pause(this.pollMs, signal);
    }
    const results = await this.results(run, options);
    await this.redis.del(runKeys.done, runKeys.unresolved, runKeys.counts);
    return { ...results, finished: true };
  }

  private async enqueue(
    run: string,
    tasks: Iterable<LinkTask>,
    bounds: HostBounds,
    /** Set when links are queued again: their first jobs failed for good and still hold their ids. */
    again?: string,
  ): Promise<void> {
    for (const chunk of chunksOf(tasks))
      await this.queue.addBulk(
        chunk.map((task) => ({
          name: 'link',
          data: { ...task, hub: this.hub, run, bounds },
          opts: {
            jobId: linkJobId(this.hub, run, task.link, again),
            attempts: this.options.attempts ?? 3,
            backoff: { type: 'exponential', delay: this.options.backoffMs ?? 2000 },
            removeOnComplete: true,
            removeOnFail: { age: RUN_KEYS_TTL_MS / 1000 },
          },
        })),
      );
  }

  /** The tasks whose link has no record of the run yet. */
  private async left(doneKey: string, tasks: Iterable<LinkTask>): Promise<LinkTask[]> {
    const left: LinkTask[] = [];
    for (const chunk of chunksOf(tasks)) {
      const done = await this.redis.smismember(doneKey, ...chunk.map((task) => task.link));
      chunk.forEach((task, index) => {
        if (done[index] !== 1) left.push(task);
      });
    }
    return left;
  }

  /** No job of any audit waits or runs: nothing more will be recorded. */
  private async idle(): Promise<boolean> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
    return Object.values(counts).every((count) => count === 0);
  }

  /**
   * Hands over the record of each link done in the run, read a page of the run's done set at a time,
   * and what the workers counted.
   */
  private async results(run: string, options: FanoutOptions): Promise<Omit<FannedOutLinks, 'finished'>> {
    const keys = auditKeys(this.options.prefix, this.hub);
    const runKeys = keys.run(run);
    let cursor = '0';
    do {
      const [next, links] = await this.redis.sscan(runKeys.done, cursor, 'COUNT', CHUNK);
      cursor = next;
      if (links.length === 0) continue;
      const texts = await this.redis.hmget(keys.links, ...links);
      for (const [index, link] of links.entries()) {
        const text = texts[index];
        if (text === null || text === undefined) continue;
        const record = JSON.parse(text) as LinkRecord;
        if (record.run === run) await options.onRecord(link, record);
      }
    } while (cursor !== '0');
    const [unresolved, counts] = await Promise.all([
      this.redis.smembers(runKeys.unresolved),
      this.redis.hgetall(runKeys.counts),
    ]);
    return {
      unresolved,
      answered: counts.answered === '1',
      hashed: Number(counts.hashed ?? 0),
      hashedBytes: Number(counts.hashedBytes ?? 0),
    };
  }
}

/** The items `CHUNK` at a time, as they are produced. */
function* chunksOf<T>(items: Iterable<T>): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** BullMQ forbids `:` in ids; the link is hashed so that any URL makes a short id. */
function linkJobId(hub: string, run: string, link: string, again?: string): string {
  const digest = createHash('sha256').update(link).digest('hex').slice(0, 32);
  return [
    hub.replaceAll(':', '|'),
    run.replaceAll(':', '-'),
    digest,
    ...(again === undefined ? [] : [again]),
  ].join('|');
}
