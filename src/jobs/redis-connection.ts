import { Redis, type RedisOptions } from 'ioredis';

export interface RedisQueueSettings {
  url: string;
  /** Prefix of every key, so that several deployments can share one Redis. */
  prefix: string;
}

/**
 * A client for the queue. Workers block on Redis and must wait for it however long it is away
 * (`maxRetriesPerRequest: null`, as BullMQ requires); a producer answering a webhook fails fast instead.
 */
export function connectRedis(url: string, role: 'worker' | 'producer'): Redis {
  const options: RedisOptions =
    role === 'worker' ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 1, connectTimeout: 5_000 };
  return new Redis(url, options);
}

/** Redis answers PING within the time, or the reason it does not. */
export async function pingRedis(redis: Redis, timeoutMs = 2_000): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return answer === 'PONG' ? undefined : `unexpected answer ${JSON.stringify(answer)}`;
  } catch (error) {
    return `Redis is not reachable: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}
