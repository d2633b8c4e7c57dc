import type { Redis } from 'ioredis';
import { type ReplayGuard, replayDigest } from '../core/replay-guard.js';

/** The guard shared by every `serve` replica and kept across restarts: one SET NX per delivery. */
export class RedisReplayGuard implements ReplayGuard {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly windowMs: number,
  ) {}

  async firstUse(key: string): Promise<boolean> {
    const answer = await this.redis.set(this.keyOf(key), '1', 'PX', this.windowMs * 2, 'NX');
    return answer === 'OK';
  }

  async forget(key: string): Promise<void> {
    await this.redis.del(this.keyOf(key));
  }

  private keyOf(key: string): string {
    return `${this.prefix}:replay:${replayDigest(key)}`;
  }
}
