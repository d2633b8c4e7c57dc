import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import {
  type AddressInfo,
  createServer as createNetServer,
  type Server as NetServer,
  type Socket,
} from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ProbotOctokit } from 'probot';
import { isTransientError } from '../../src/core/transient-error.js';
import { ApiConnectTimeoutError } from '../../src/net/api-connect-timeout.js';
import { apiConnections } from '../../src/net/api-connections.js';
import { localLimiter } from '../../src/net/request-limiter.js';
import { GiteeApi } from '../../src/platforms/gitee/gitee-api.js';
import { fetchWithDeadline } from '../../src/platforms/github/github-probot.js';
import { HostedSourceRepoChecker } from '../../src/platforms/source-repos/source-repo-checker.js';
import type { HostedPlatform } from '../../src/review/hosted-platform.js';
import { Activity } from '../../src/service/activity.js';
import { renderMetrics, renderStatusPage } from '../../src/service/operator-view.js';
import { ReviewService } from '../../src/service/review-service.js';
import { FakePlatform, REVIEW_REQUEST } from '../helpers/fake-platform.js';
import { CLEAN_PATH, CLEAN_TEXT } from '../helpers/fixtures.js';
import { useStrictNock } from '../helpers/nock-strict.js';

useStrictNock();

const TIMEOUT_MS = 300;

/** An API that accepts every connection and never answers (a hung load balancer, a frozen server). */
let blackhole: Server;
let base = '';
before(async () => {
  blackhole = createServer(() => {});
  await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(blackhole.address() as AddressInfo).port}`;
});
after(async () => {
  blackhole.closeAllConnections();
  await new Promise((resolve) => blackhole.close(resolve));
});

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; error: unknown }> {
  const started = performance.now();
  try {
    await work();
    return { ms: performance.now() - started, error: undefined };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

describe('an API that accepts connections and never answers', () => {
  it('GitHub: each Octokit request ends at GITHUB_API_TIMEOUT_MS, logged with the reason', async () => {
    const warnings: string[] = [];
    const log = {
      warn: (data: object, message: string) => warnings.push(`${message} ${JSON.stringify(data)}`),
    };
    const octokit = new ProbotOctokit({
      baseUrl: base,
      request: { fetch: fetchWithDeadline(TIMEOUT_MS, log), retries: 0 },
    });
    const { ms, error } = await timed(() =>
      octokit.request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' }),
    );
    assert.equal(
      (error as { status?: number }).status,
      500,
      'a failure octokit and the queue treat as transient',
    );
    assert.ok(ms < TIMEOUT_MS + 700, `ended after ${Math.round(ms)} ms`);
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0] ?? '',
      /GitHub API request failed.*"path":"\/repos\/o\/r".*no answer within 300 ms/,
    );
  });

  it('GitHub: a request waits for the budget first, and its deadline starts only when it is sent', async () => {
    const answering = createServer((_request, response) => response.end('{}'));
    await new Promise<void>((resolve) => answering.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(answering.address() as AddressInfo).port}/repos/o/r`;
    const limiter = localLimiter({ requests: 2, intervalMs: 1000 });
    const fetchFn = fetchWithDeadline(300, { warn() {} }, limiter);
    try {
      const started = performance.now();
      const answers = await Promise.all([0, 1, 2].map(() => fetchFn(url)));
      const elapsed = performance.now() - started;
      assert.deepEqual(
        answers.map((answer) => answer.status),
        [200, 200, 200],
        'the third waited 1 s for its turn, longer than its 300 ms deadline, and still succeeded',
      );
      assert.ok(elapsed >= 1000, `spaced by the budget: ${Math.round(elapsed)} ms`);
    } finally {
      await limiter.close();
      answering.closeAllConnections();
      await new Promise((resolve) => answering.close(resolve));
    }
  });

  it('GitHub: only the requests that create or change content wait for the writes budget', async () => {
    const methods: string[] = [];
    const answering = createServer((request, response) => {
      methods.push(request.method ?? '');
      response.end('{}');
    });
    await new Promise<void>((resolve) => answering.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(answering.address() as AddressInfo).port}/repos/o/r/check-runs`;
    const scheduled: string[] = [];
    const writes = {
      schedule: <T>(request: () => Promise<T>) => {
        scheduled.push('write');
        return request();
      },
      close: async () => {},
    };
    const fetchFn = fetchWithDeadline(1000, { warn() {} }, undefined, writes);
    try {
      for (const method of ['GET', 'POST', 'PATCH', 'HEAD', 'PUT', 'DELETE']) await fetchFn(url, { method });
      await fetchFn(new Request(url, { method: 'POST', body: '{}' }));
      assert.deepEqual(methods, ['GET', 'POST', 'PATCH', 'HEAD', 'PUT', 'DELETE', 'POST']);
      assert.equal(
        scheduled.length,
        5,
        'POST, PATCH, PUT, DELETE and the POST Request waited; GET and HEAD did not',
      );
    } finally {
      answering.closeAllConnections();
      await new Promise((resolve) => answering.close(resolve));
    }
  });

  it('Gitee and GitCode: each API request ends at its *_API_TIMEOUT_MS', async () => {
    for (const alsoTransient of [[], [418]]) {
      const api = new GiteeApi({
        apiUrl: `${base}/api/v5`,
        token: 't',
        retries: 3,
        timeoutMs: TIMEOUT_MS,
        alsoTransient,
      });
      const { ms, error } = await timed(() => api.request('GET', '/repos/o/r/pulls/1'));
      assert.equal((error as Error).name, 'TimeoutError');
      assert.ok(ms < TIMEOUT_MS + 700, `ended after ${Math.round(ms)} ms`);
    }
  });

  it('a source repository lookup ends at SOURCE_REPO_TIMEOUT_MS and says it could not be checked', async () => {
    const gitee = new GiteeApi({ apiUrl: `${base}/api/v5`, retries: 0, timeoutMs: TIMEOUT_MS });
    const checker = new HostedSourceRepoChecker(
      { githubApiUrl: base, timeoutMs: TIMEOUT_MS, cacheTtlMs: 0 },
      gitee,
    );
    for (const host of ['github', 'gitee'] as const) {
      const started = performance.now();
      const outcome = await checker.check({ host, owner: 'o', repo: 'r', path: 'cv/vgg' } as never);
      assert.ok(performance.now() - started < TIMEOUT_MS + 700, `${host} answered in time`);
      assert.deepEqual([outcome.ok, !outcome.ok && outcome.kind], [false, 'unchecked'], host);
    }
  });
});

describe('an API host that takes the connection and never finishes the TLS handshake', () => {
  const CONNECT_MS = 300;
  /**
   * Far longer than the connect timeout: a request that ends early ended at its connect timeout
   * (undici's timers add up to about a second to it).
   */
  const RESPONSE_MS = 10_000;
  let silent: NetServer;
  let silentBase = '';
  const sockets = new Set<Socket>();
  before(async () => {
    silent = createNetServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentBase = `https://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('GitHub: a request ends at GITHUB_API_CONNECT_TIMEOUT_MS, logged as a failed connect', async () => {
    const warnings: string[] = [];
    const log = {
      warn: (data: object, message: string) => warnings.push(`${message} ${JSON.stringify(data)}`),
    };
    const connections = apiConnections(CONNECT_MS, 'GITHUB_API_CONNECT_TIMEOUT_MS');
    try {
      const octokit = new ProbotOctokit({
        baseUrl: silentBase,
        request: {
          fetch: fetchWithDeadline(RESPONSE_MS, log, undefined, undefined, connections),
          retries: 0,
        },
      });
      const { ms, error } = await timed(() =>
        octokit.request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' }),
      );
      assert.equal((error as { status?: number }).status, 500, 'transient to octokit and the queue');
      assert.ok(
        ms < CONNECT_MS + 1_700,
        `ended after ${Math.round(ms)} ms, long before the response deadline`,
      );
      assert.equal(warnings.length, 1);
      assert.match(warnings[0] ?? '', /GitHub API request failed.*could not connect within 300 ms/);
    } finally {
      await connections.close();
    }
  });

  it('Gitee and GitCode: a request ends at *_API_CONNECT_TIMEOUT_MS with an error naming the host and the setting', async () => {
    for (const setting of ['GITEE_API_CONNECT_TIMEOUT_MS', 'GITCODE_API_CONNECT_TIMEOUT_MS']) {
      const connections = apiConnections(CONNECT_MS, setting);
      try {
        const api = new GiteeApi(
          { apiUrl: `${silentBase}/api/v5`, token: 't', retries: 3, timeoutMs: RESPONSE_MS },
          undefined,
          undefined,
          undefined,
          connections,
        );
        const { ms, error } = await timed(() => api.request('GET', '/repos/o/r/pulls/1'));
        assert.ok(
          ms < CONNECT_MS + 1_700,
          `ended after ${Math.round(ms)} ms, long before the response deadline`,
        );
        assert.ok(error instanceof ApiConnectTimeoutError);
        assert.equal(
          (error as Error).message,
          `could not connect to ${new URL(silentBase).host} within 300 ms (${setting})`,
        );
        assert.equal(isTransientError(error), true, 'the review is tried again later');
      } finally {
        await connections.close();
      }
    }
  });

  it('the same connections still serve an API that answers', async () => {
    const answering = createServer((_request, response) => response.end('{"login":"bot"}'));
    await new Promise<void>((resolve) => answering.listen(0, '127.0.0.1', resolve));
    const connections = apiConnections(CONNECT_MS, 'GITEE_API_CONNECT_TIMEOUT_MS');
    try {
      const api = new GiteeApi(
        {
          apiUrl: `http://127.0.0.1:${(answering.address() as AddressInfo).port}/api/v5`,
          retries: 0,
          timeoutMs: RESPONSE_MS,
        },
        undefined,
        undefined,
        undefined,
        connections,
      );
      assert.deepEqual(await api.request('GET', '/user'), { login: 'bot' });
    } finally {
      await connections.close();
      answering.closeAllConnections();
      await new Promise((resolve) => answering.close(resolve));
    }
  });
});

describe('a review whose failure cannot be reported', () => {
  it('says so in the log, on /status and in /metrics, as "unreported"', async () => {
    const platform = new (class extends FakePlatform {
      override async completed(): Promise<void> {
        throw Object.assign(new Error('The operation was aborted due to timeout'), { status: 500 });
      }
      override async failed(): Promise<void> {
        throw Object.assign(new Error('The operation was aborted due to timeout'), { status: 500 });
      }
    })({ [CLEAN_PATH]: CLEAN_TEXT });
    const hosted: HostedPlatform = {
      pullRequest: async () => ({ source: platform, reporter: platform }),
      hubTree: async () => {
        throw new Error('not used');
      },
    } as unknown as HostedPlatform;
    const errors: string[] = [];
    const activity = new Activity();
    const service = new ReviewService({
      platforms: { github: hosted },
      adapters: {},
      concurrency: 1,
      retry: { attempts: 1 },
      activity,
      log: {
        info() {},
        error: (_data: object, message: string) => {
          errors.push(message);
        },
      },
    });
    await service.queue.enqueue(REVIEW_REQUEST);
    await service.queue.idle();
    assert.deepEqual(errors, [
      'review job failed, and the pull request could not be told: its author sees no verdict',
    ]);
    assert.match(
      renderMetrics({ activity, queueDepth: 0 }),
      /^mshub_reviews_total\{outcome="unreported"\} 1$/m,
    );
    assert.match(renderStatusPage({ activity, queueDepth: 0 }), /<td>unreported<\/td>/);
  });
});
