import type { Logger } from 'pino';
import { Probot } from 'probot';
import type { GitHubAppSettings } from '../../config/settings.js';
import { type ApiConnections, ApiConnectTimeoutError, fetchThrough } from '../../net/api-connect-timeout.js';
import { type RequestLimiter, UNLIMITED } from '../../net/request-budget.js';

export type { GitHubAppSettings };

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The GitHub App's Probot: installation tokens, Octokit with retries and throttling, and event
 * dispatch to the app's handlers. It never sees a request: `serve` verifies deliveries itself.
 */
export function createGitHubProbot(
  settings: GitHubAppSettings,
  log: Logger,
  /** GITHUB_API_PER_MINUTE's budget, shared through Redis by every process that uses the app. */
  limiter: RequestLimiter = UNLIMITED,
  /** The budget of content-creating requests (GitHub: 80 a minute, 500 an hour), shared likewise. */
  writes: RequestLimiter = UNLIMITED,
  /** Connections opened within GITHUB_API_CONNECT_TIMEOUT_MS. */
  connections?: ApiConnections,
): Probot {
  return new Probot({
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    baseUrl: settings.baseUrl,
    log,
    request: { fetch: fetchWithDeadline(settings.apiTimeoutMs, log, limiter, writes, connections) },
  });
}

/**
 * fetch with a deadline per request, for Octokit. A request that fails for a reason worth another try
 * (no answer in time, 5xx, 429) is logged with that reason: octokit's retry plugin asks again (three
 * times, waiting 1, 4 and 9 s), and the log shows each attempt.
 */
export function fetchWithDeadline(
  timeoutMs: number,
  log: { warn(data: object, message: string): void },
  /** Each request waits for its turn here first; its deadline starts when it is sent. */
  limiter: RequestLimiter = UNLIMITED,
  /** A request that creates or changes content waits for its turn here too. */
  writes: RequestLimiter = UNLIMITED,
  /** Connections opened within a time of their own; absent, only `timeoutMs` bounds a request. */
  connections?: ApiConnections,
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return (input, init = {}) => {
    const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const scheduled = () => limiter.schedule(() => send(input, init));
    return READS.has(method) ? scheduled() : writes.schedule(scheduled);
  };
  async function send(input: string | URL | Request, init: RequestInit): Promise<Response> {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    const target = { method: init.method ?? 'GET', path: pathOf(input) };
    try {
      const response = await fetchThrough(input, { ...init, signal }, connections);
      if (response.status >= 500 || response.status === 429)
        log.warn(
          { ...target, status: response.status },
          'the GitHub API answered with an error; octokit retries it',
        );
      return response;
    } catch (error) {
      const reason = deadline.aborted
        ? `no answer within ${timeoutMs} ms`
        : error instanceof ApiConnectTimeoutError
          ? `could not connect within ${error.connectTimeoutMs} ms`
          : (error as Error).message;
      log.warn({ ...target, reason }, 'a GitHub API request failed; octokit retries it');
      throw error;
    }
  }
}

/** The path of a request, without its query (which may carry a token). */
function pathOf(input: string | URL | Request): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  try {
    return new URL(url).pathname.slice(0, 200);
  } catch {
    return '';
  }
}
