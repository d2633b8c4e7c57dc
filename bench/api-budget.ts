import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectRedis } from '../src/jobs/redis-connection.js';
import { RedisReviewQueue } from '../src/jobs/redis-review-queue.js';
import { RedisReviewWorker } from '../src/jobs/redis-review-worker.js';
import { sharedLimiter } from '../src/net/request-limiter.js';
import { GitCodePlatform } from '../src/platforms/gitcode/gitcode-platform.js';
import { GiteeApi } from '../src/platforms/gitee/gitee-api.js';
import { ReviewService } from '../src/service/review-service.js';
import { CLEAN_PATH, CLEAN_TEXT } from '../test/helpers/fixtures.js';
import { deleteKeys, REDIS_SKIP, TEST_REDIS_URL, testPrefix } from '../test/helpers/redis.js';

/**
 * GitCode's 50 calls a minute, on a clock sixty times faster (50 a second), so that the bench takes
 * seconds: the same spacing, windows and 429s, scaled.
 */
const LIMIT = 50;
const WINDOW_MS = 1000;
const WORKERS = 4;
const PULL_REQUESTS = 200;

export interface ApiBudgetBench {
  name: string;
  skipped?: string;
  calls: number;
  overLimit: number;
  reviewed: number;
  /** Reviews whose comment says they could not finish (an API answer the stand-in lacks, say). */
  unfinished: number;
  duplicates: number;
  totalMs: number;
  /** The time the limit allows for these calls: the first window's worth at once, then LIMIT a window. */
  allowedMs: number;
  limit: string;
}

/**
 * A loopback GitCode: the API v5 answers a review needs, for any pull request, and a sliding window
 * of LIMIT calls per WINDOW_MS past which it answers 429 (and counts the call as over the limit).
 */
function gitcodeStandIn() {
  const accepted: number[] = [];
  const comments = new Map<number, number>();
  let calls = 0;
  let overLimit = 0;
  const file = Buffer.from(CLEAN_TEXT).toString('base64');
  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const answer = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://gitcode.test');
    const path = url.pathname.replace(/^\/api\/v5\/repos\/mindspore\/hub/, '');
    const pull = Number(/^\/pulls\/(\d+)/.exec(path)?.[1]);
    if (path === '/contents/.github/mshub-review.yml') return json(response, 404, { message: 'Not Found' });
    if (request.method === 'GET' && /^\/pulls\/\d+\/files$/.test(path))
      return json(response, 200, [
        {
          filename: CLEAN_PATH,
          additions: 40,
          deletions: 0,
          patch: { diff: '', new_file: true, deleted_file: false, renamed_file: false },
        },
      ]);
    if (path.startsWith('/contents/'))
      return json(response, 200, {
        type: 'file',
        encoding: 'base64',
        size: CLEAN_TEXT.length,
        content: file,
      });
    if (path.startsWith('/git/trees/'))
      return json(response, 200, { tree: [{ path: CLEAN_PATH, type: 'blob' }], truncated: false });
    if (url.pathname === '/api/v5/user') return json(response, 200, { login: 'mshub-bot' });
    if (request.method === 'GET' && /^\/pulls\/\d+\/comments$/.test(path)) return json(response, 200, []);
    if (request.method === 'POST' && /^\/pulls\/\d+\/comments$/.test(path)) {
      comments.set(pull, (comments.get(pull) ?? 0) + 1);
      return json(response, 201, { id: pull });
    }
    if (request.method === 'DELETE' && /\/labels\//.test(path))
      return json(response, 404, { message: 'Not Found' });
    if (request.method === 'POST' && /\/labels$/.test(path)) return json(response, 201, []);
    return json(response, 404, { message: `no stand-in for ${request.method} ${url.pathname}` });
  };
  let unfinished = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (
        request.method === 'POST' &&
        /could not finish|未能完成/.test(Buffer.concat(chunks).toString('utf8'))
      )
        unfinished++;
      calls++;
      const now = performance.now();
      while (accepted.length > 0 && (accepted[0] ?? 0) <= now - WINDOW_MS) accepted.shift();
      if (accepted.length >= LIMIT) {
        overLimit++;
        response.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
        response.end('{"message":"rate limit"}');
        return;
      }
      accepted.push(now);
      answer(request, response);
    });
  });
  return {
    server,
    stats: () => ({ calls, overLimit, comments, unfinished }),
  };
}

export async function benchApiBudget(): Promise<ApiBudgetBench> {
  const name = `${WORKERS} workers, ${PULL_REQUESTS} GitCode pull requests, one token`;
  const limit = `${LIMIT} calls a ${WINDOW_MS} ms window (GitCode's 50 a minute, sixty times faster)`;
  const empty = {
    name,
    limit,
    calls: 0,
    overLimit: 0,
    reviewed: 0,
    unfinished: 0,
    duplicates: 0,
    totalMs: 0,
    allowedMs: 0,
  };
  if (REDIS_SKIP) return { ...empty, skipped: REDIS_SKIP };
  const standIn = gitcodeStandIn();
  await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}/api/v5`;
  const prefix = testPrefix();
  const settings = { url: TEST_REDIS_URL, prefix };
  const producer = connectRedis(TEST_REDIS_URL, 'producer');
  const queue = new RedisReviewQueue(producer, settings);
  // Each worker as its own process would have it: its own Redis clients, API client and limiter.
  const workers = Array.from({ length: WORKERS }, () => {
    const redis = connectRedis(TEST_REDIS_URL, 'producer');
    const limiter = sharedLimiter(redis, prefix, 'gitcode', 'the-bot-token', {
      requests: LIMIT,
      intervalMs: WINDOW_MS,
    });
    const api = new GiteeApi(
      { apiUrl, token: 'the-bot-token', retries: 5, timeoutMs: 15_000, alsoTransient: [418] },
      undefined,
      undefined,
      limiter,
    );
    const service = new ReviewService({
      platforms: {
        gitcode: new GitCodePlatform({
          api,
          webUrl: 'https://gitcode.com',
          labels: {
            pending: 'mshub-review/pending',
            passed: 'mshub-review/passed',
            failed: 'mshub-review/failed',
          },
        }),
      },
      adapters: {},
      concurrency: 4,
      queue,
    });
    const connection = connectRedis(TEST_REDIS_URL, 'worker');
    const worker = new RedisReviewWorker(service.runner, connection, { ...settings, concurrency: 4 });
    return { redis, limiter, connection, worker };
  });
  try {
    await Promise.all(workers.map(({ worker }) => worker.ready()));
    const started = performance.now();
    for (let pull = 1; pull <= PULL_REQUESTS; pull++)
      await queue.enqueue({
        platform: 'gitcode',
        owner: 'mindspore',
        repo: 'hub',
        pullNumber: pull,
        headSha: pull.toString(16).padStart(40, 'a'),
        deliveryId: `bench-${prefix}-${pull}`,
        trigger: 'merge_request.open',
      });
    const deadline = Date.now() + 10 * 60_000;
    while (standIn.stats().comments.size < PULL_REQUESTS && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const totalMs = performance.now() - started;
    await queue.idle();
    const { calls, overLimit, comments, unfinished } = standIn.stats();
    return {
      name,
      limit,
      calls,
      overLimit,
      reviewed: comments.size,
      unfinished,
      duplicates: [...comments.values()].filter((count) => count > 1).length,
      totalMs,
      allowedMs: (Math.max(0, calls - LIMIT) / LIMIT) * WINDOW_MS,
    };
  } finally {
    await Promise.all(workers.map(({ worker }) => worker.close()));
    await Promise.all(
      workers.flatMap(({ redis, limiter, connection }) => [limiter.close(), redis.quit(), connection.quit()]),
    );
    await queue.close();
    await deleteKeys(producer, prefix);
    await producer.quit();
    await new Promise((resolve) => standIn.server.close(resolve));
  }
}
