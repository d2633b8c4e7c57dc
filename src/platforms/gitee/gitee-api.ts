import type { GiteeApiSettings } from '../../config/settings.js';
import { type ApiConnections, fetchThrough } from '../../net/api-connect-timeout.js';
import { type RequestLimiter, UNLIMITED } from '../../net/request-budget.js';
import { isTransientStatus, parseRetryAfter, retryDelayMs } from '../../net/retry-policy.js';
import { endpointUrl } from '../api-endpoint-url.js';

export type { GiteeApiSettings };

/** A Gitee answer asking to wait longer than this is returned as it is, not waited for. */
const MAX_RETRY_DELAY_MS = 60_000;

/** An answer of the Gitee API that is not a success, after retries. */
export class GiteeApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'GiteeApiError';
  }
}

const MAX_PAGES = 100;

/**
 * A small client for Gitee API v5: the token as `Authorization: Bearer` (as opensourceways'
 * community-robot-lib sends it, through oauth2), JSON in and out, 429 and 5xx retried
 * with backoff (and Retry-After), list endpoints read page by page.
 */
export class GiteeApi {
  constructor(
    private readonly settings: GiteeApiSettings,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
    /** Told before each retry: the call, why it is asked again, and the wait. */
    private readonly onRetry?: (retry: {
      method: string;
      path: string;
      status: number;
      waitMs: number;
    }) => void,
    /** The token's budget (GitCode: 50 calls a minute), shared by every process in Redis mode. */
    private readonly limiter: RequestLimiter = UNLIMITED,
    /** Connections opened within a time of their own; absent, only `timeoutMs` bounds a call. */
    private readonly connections?: ApiConnections,
  ) {}

  async request<T>(
    method: string,
    path: string,
    options: { query?: Record<string, string | number | undefined>; body?: unknown; allow404?: boolean } = {},
  ): Promise<T | undefined> {
    const response = await this.send(method, path, options);
    if (response.ok) {
      const text = await response.text();
      return (text === '' ? undefined : JSON.parse(text)) as T;
    }
    await response.body?.cancel();
    if (response.status === 404 && options.allow404) return undefined;
    throw new GiteeApiError(
      response.status,
      path,
      `the Gitee API answered HTTP ${response.status} to ${method} ${path}`,
    );
  }

  /**
   * A GET whose answer is read only up to `maxBytes` (the rest is never downloaded), whatever its
   * status: for reading files of repositories the bot does not control.
   */
  async getCapped(
    path: string,
    query: Record<string, string | number | undefined>,
    maxBytes: number,
  ): Promise<{ status: number; headers: Headers; text: string; complete: boolean }> {
    const response = await this.send('GET', path, { query });
    const reader = response.body?.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    let complete = true;
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        complete = false;
        break;
      }
    }
    const text = Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
    return { status: response.status, headers: response.headers, text, complete };
  }

  /** One call, 429 and 5xx asked again with backoff (and Retry-After); the last answer is returned. */
  private async send(
    method: string,
    path: string,
    options: { query?: Record<string, string | number | undefined>; body?: unknown },
  ): Promise<Response> {
    const url = endpointUrl(this.settings.apiUrl, path);
    for (const [key, value] of Object.entries(options.query ?? {}))
      if (value !== undefined) url.searchParams.set(key, String(value));
    for (let attempt = 0; ; attempt++) {
      // Each attempt spends budget, and waits for it rather than meet the platform's 429.
      const response = await this.limiter.schedule(() =>
        fetchThrough(
          url,
          {
            method,
            headers: {
              accept: 'application/json',
              'user-agent': 'mshub-review',
              // In a header, as every reference client sends it (an `access_token` query ends up in proxy logs).
              ...(this.settings.token ? { authorization: `Bearer ${this.settings.token}` } : {}),
              ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
            signal: AbortSignal.timeout(this.settings.timeoutMs),
          },
          this.connections,
        ),
      );
      const transient =
        isTransientStatus(response.status) || (this.settings.alsoTransient ?? []).includes(response.status);
      if (response.ok || !transient) return response;
      const delay = retryDelayMs({
        attempt,
        retries: this.settings.retries,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
        maxDelayMs: MAX_RETRY_DELAY_MS,
      });
      if (delay === undefined) return response;
      await response.body?.cancel();
      this.onRetry?.({ method, path, status: response.status, waitMs: delay });
      await this.sleep(delay);
    }
  }

  private login: Promise<string | undefined> | undefined;

  /** The login of the account behind the token, asked once per process (again after a failure). */
  currentLogin(): Promise<string | undefined> {
    this.login ??= this.request<{ login?: string }>('GET', '/user', { allow404: true })
      .then((user) => user?.login)
      .catch(() => {
        this.login = undefined;
        return undefined;
      });
    return this.login;
  }

  /** The items of a list endpoint, following `page` until a short page or `limit` items. */
  async list<T>(
    path: string,
    query: Record<string, string | number | undefined> = {},
    limit = Number.POSITIVE_INFINITY,
  ): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; page <= MAX_PAGES && items.length < limit; page++) {
      const batch =
        (await this.request<T[]>('GET', path, { query: { ...query, page, per_page: 100 } })) ?? [];
      items.push(...batch);
      if (batch.length < 100) break;
    }
    return items.slice(0, limit);
  }
}
