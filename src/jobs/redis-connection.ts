import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

export interface RedisQueueSettings {
  url: string;
  /** Prefix of every key, so that several deployments can share one Redis. */
  prefix: string;
}

/**
 * A client for the queue. Workers block on Redis and must wait for it however long it is away
 * (`maxRetriesPerRequest: null`, as BullMQ requires); a producer answering a webhook fails fast
 * instead, whether Redis refuses connections or accepts them and never answers (frozen, or a
 * network that drops packets): a command without an answer within a second fails.
 */
export function connectRedis(url: string, role: 'worker' | 'producer'): Redis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, connectTimeout: 1_000, commandTimeout: PRODUCER_COMMAND_TIMEOUT_MS };
  return new Redis(url, options);
}

export const PRODUCER_COMMAND_TIMEOUT_MS = 1_000;

/** The URL as it may be logged: without its user name and password. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'an unreadable REDIS_URL';
  }
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

/**
 * Logs Redis's problems as ioredis reconnects on its own: once per kind of problem, and again when
 * it is over, naming the Redis without its password. Returns the listener, for other components
 * (BullMQ's workers) that report the same problems.
 */
export function watchRedis(
  redis: Redis,
  url: string,
  log: Pick<Logger, 'warn' | 'info'>,
  consequence: string,
): (error: Error) => void {
  let problem = '';
  const onError = (error: Error) => {
    if (error.message === problem) return;
    problem = error.message;
    log.warn({ err: error, redis: redactRedisUrl(url) }, `Redis problem; ${consequence}`);
  };
  redis.on('error', onError);
  redis.on('ready', () => {
    if (problem !== '') log.info({ redis: redactRedisUrl(url) }, 'Redis is back');
    problem = '';
  });
  return onError;
}
