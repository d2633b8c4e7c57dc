import type { Redis } from 'ioredis';
import { pullKey } from '../review/review-request.js';
import type { PullTarget } from './review-queue.js';

const CLOSED = 'closed';
/** A pull request untouched for this long is forgotten; its next push starts afresh. */
const HEAD_TTL_SECONDS = 30 * 24 * 3600;

/**
 * The newest head commit of each pull request, shared by every process through Redis: a job whose
 * head is no longer the newest was superseded and does not post.
 */
export class PullHeads {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** `onlyIfUnknown`: a job that learnt its own head must not overwrite a newer push. */
  async record(target: PullTarget & { headSha?: string }, sha: string, onlyIfUnknown = false): Promise<void> {
    const key = this.key(target, sha);
    if (onlyIfUnknown) await this.redis.set(key, sha, 'EX', HEAD_TTL_SECONDS, 'NX');
    else await this.redis.set(key, sha, 'EX', HEAD_TTL_SECONDS);
  }

  async close(target: PullTarget): Promise<void> {
    await this.redis.set(this.key(target), CLOSED, 'EX', HEAD_TTL_SECONDS);
  }

  /** True unless another head was pushed since, or the pull request was closed. */
  async isCurrent(target: PullTarget, sha: string): Promise<boolean> {
    const newest = await this.redis.get(this.key(target, sha));
    return newest === null || newest === sha;
  }

  private key(target: PullTarget, sha?: string): string {
    return `${this.prefix}:head:${pullKey({ ...target, ...(sha === undefined ? {} : { headSha: sha }) })}`;
  }
}
