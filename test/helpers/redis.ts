import { randomUUID } from 'node:crypto';
import { after, before } from 'node:test';
import { Redis } from 'ioredis';
import { requireWhereDemanded } from './suite.js';

/**
 * The Redis the queue tests use: `.ci/run` starts one on 127.0.0.1:6379 when none answers. Its
 * database 15, not 0, so the tests' keys never mix with a developer's own data (usually in 0).
 */
export const TEST_REDIS_URL = process.env.MSHUB_TEST_REDIS_URL || 'redis://127.0.0.1:6379/15';

async function probe(): Promise<string | false> {
  const redis = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return false;
  } catch (error) {
    return `no Redis answers at ${TEST_REDIS_URL} (${(error as Error).message}); start redis-server or set MSHUB_TEST_REDIS_URL (.ci/run starts one)`;
  } finally {
    redis.disconnect();
  }
}

/** False when Redis answers, otherwise why the Redis tests are skipped. */
export const REDIS_SKIP = await probe();
requireWhereDemanded('redis', REDIS_SKIP);

/** A key prefix of its own for each test, and a way to delete every key under it afterwards. */
export function testPrefix(): string {
  return `mshub-test-${randomUUID().slice(0, 8)}`;
}

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

/**
 * A suite's Redis, inside its `describe`: a connection, a key prefix of its own, and more connections
 * on demand (workers, subscribers); after the suite every one is closed and the prefix's keys deleted.
 */
export function suiteRedis(): { redis: Redis; prefix: string; connect(): Redis } {
  const redis = new Redis(TEST_REDIS_URL);
  const prefix = testPrefix();
  const connections: Redis[] = [];
  before(() => redis.ping());
  after(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
    for (const connection of connections) connection.disconnect();
  });
  const connect = () => {
    const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    connections.push(connection);
    return connection;
  };
  return { redis, prefix, connect };
}
